//! Static NUL-terminated names: every enumeration the C structs carry is the exact JSON
//! word (`"ipv4"`, `"send_failed"`, `"jumbo-path-unverified"`…) as a `const char *` into
//! the library's read-only data: valid for the life of the program, never freed.

use core::ffi::{CStr, c_char};

use vmkcheck_core::{DiagnosticKind, ErrorKind};

/// Every diagnostic kind with its name, for rendering a diagnostic again from its C form.
pub(crate) const DIAGNOSTIC_KINDS: [(DiagnosticKind, &CStr); 24] = [
    (DiagnosticKind::AddressUnparseable, c"address_unparseable"),
    (DiagnosticKind::RowUnreadable, c"row_unreadable"),
    (DiagnosticKind::RowMisaligned, c"row_misaligned"),
    (DiagnosticKind::HeaderCollapsed, c"header_collapsed"),
    (DiagnosticKind::WhitespaceInValue, c"whitespace_in_value"),
    (DiagnosticKind::HeaderMissing, c"header_missing"),
    (
        DiagnosticKind::HeaderUnknownColumn,
        c"header_unknown_column",
    ),
    (DiagnosticKind::RowsElided, c"rows_elided"),
    (DiagnosticKind::LineNotARow, c"line_not_a_row"),
    (DiagnosticKind::ReplySizeMismatch, c"reply_size_mismatch"),
    (
        DiagnosticKind::ReplyAddressMismatch,
        c"reply_address_mismatch",
    ),
    (DiagnosticKind::SummaryMismatch, c"summary_mismatch"),
    (DiagnosticKind::RepliesNotShown, c"replies_not_shown"),
    (DiagnosticKind::SequenceOutOfOrder, c"sequence_out_of_order"),
    (DiagnosticKind::TimeoutsNotListed, c"timeouts_not_listed"),
    (DiagnosticKind::NotEsxiOutput, c"not_esxi_output"),
    (DiagnosticKind::PingOptionUnknown, c"ping_option_unknown"),
    (DiagnosticKind::PingTargetMissing, c"ping_target_missing"),
    (
        DiagnosticKind::PingLineUnrecognized,
        c"ping_line_unrecognized",
    ),
    (DiagnosticKind::PingIncomplete, c"ping_incomplete"),
    (
        DiagnosticKind::FurtherOutputIgnored,
        c"further_output_ignored",
    ),
    (DiagnosticKind::ValueUnparseable, c"value_unparseable"),
    (
        DiagnosticKind::OutputLineUnrecognized,
        c"output_line_unrecognized",
    ),
    (DiagnosticKind::InterfaceNotNamed, c"interface_not_named"),
];

/// Every error kind of the core with its name, for rendering an error from its C form.
pub(crate) const ERROR_KINDS: [(ErrorKind, &CStr); 12] = [
    (ErrorKind::Empty, c"empty"),
    (ErrorKind::NoVmknicTable, c"no_vmknic_table"),
    (ErrorKind::NoPingOutput, c"no_ping_output"),
    (ErrorKind::InvalidUtf8, c"invalid_utf8"),
    (ErrorKind::NotText, c"not_text"),
    (ErrorKind::TooLarge, c"too_large"),
    (ErrorKind::Capacity, c"capacity"),
    (ErrorKind::FactsSyntax, c"facts_syntax"),
    (ErrorKind::FactsType, c"facts_type"),
    (ErrorKind::FactsUnknownField, c"facts_unknown_field"),
    (ErrorKind::FactsValue, c"facts_value"),
    (ErrorKind::FactsDuplicateField, c"facts_duplicate_field"),
];

/// Rule ids (DESIGN.md §5), in catalogue order.
const RULE_IDS: [&CStr; 39] = [
    c"vmotion-not-configured",
    c"vmotion-interface-unknown",
    c"vmotion-on-management",
    c"vmotion-interface-disabled",
    c"vmotion-interface-dhcp",
    c"vmotion-interface-no-address",
    c"default-stack-vmotion-ignored",
    c"jumbo-frames-not-enabled",
    c"mtu-out-of-range",
    c"mtu-mismatch",
    c"provisioning-stack-absent",
    c"duplicate-address",
    c"multihoming-same-subnet",
    c"broadcast-mismatch",
    c"address-unparseable",
    c"address-family-mismatch",
    c"routed-vmotion",
    c"connectivity-failed",
    c"connectivity-lossy",
    c"connectivity-unverified",
    c"jumbo-path-failed",
    c"jumbo-path-unverified",
    c"ping-without-df",
    c"ping-size-exceeds-mtu",
    c"ping-wrong-netstack",
    c"ping-target-unknown",
    c"duplicate-replies",
    c"long-distance-vmotion",
    c"rtt-too-high",
    c"facts-not-provided",
    c"cpu-aes-pclmulqdq-mismatch",
    c"cpu-vendor-mismatch",
    c"esxi-version-unsupported",
    c"cross-vcenter-version-mismatch",
    c"license-insufficient",
    c"cross-vcenter-without-elm",
    c"encrypted-vmotion-unsupported",
    c"vswitch-mtu-too-small",
    c"link-capacity-low",
];

/// Every section kind (`vmkcheck_section.kind`), in JSON field order, then `unknown`.
const SECTION_KINDS: [&CStr; 13] = [
    c"vmknic",
    c"vmkping",
    c"tags",
    c"interface_list",
    c"ipv4_get",
    c"ipv6_address_list",
    c"netstack_list",
    c"route_list",
    c"vswitch",
    c"nic_list",
    c"version",
    c"diag_ping",
    c"unknown",
];

/// The other words: families, port-group kinds, switch kinds, response types,
/// severities, verdicts, and the error kinds only the C library has.
const WORDS: [&CStr; 22] = [
    c"ipv4",
    c"ipv6",
    c"name",
    c"dvport",
    c"opaque",
    c"reply",
    c"timeout",
    c"send_failed",
    c"standard",
    c"distributed",
    c"error",
    c"unverified",
    c"warning",
    c"info",
    c"ready",
    c"ready_with_warnings",
    c"not_ready",
    c"null_argument",
    c"buffer_too_small",
    c"invalid_argument",
    c"parse",
    c"panic",
];

/// What a name the tables lack reads as (a core newer than this table: a unit test
/// keeps them in step).
const UNRECOGNIZED: &CStr = c"unrecognized";

fn find(s: &str) -> Option<&'static CStr> {
    let same = |c: &&&'static CStr| c.to_bytes() == s.as_bytes();
    WORDS
        .iter()
        .find(same)
        .or_else(|| SECTION_KINDS.iter().find(same))
        .or_else(|| RULE_IDS.iter().find(same))
        .or_else(|| DIAGNOSTIC_KINDS.iter().map(|(_, c)| c).find(same))
        .or_else(|| ERROR_KINDS.iter().map(|(_, c)| c).find(same))
        .copied()
}

/// The static NUL-terminated copy of a name.
pub(crate) fn c_name(s: &str) -> *const c_char {
    find(s).unwrap_or(UNRECOGNIZED).as_ptr()
}

/// The same, for an optional name (`NULL` for `None`).
pub(crate) fn c_name_opt(s: Option<&str>) -> *const c_char {
    s.map_or(core::ptr::null(), c_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use vmkcheck_core::report::Verdict;
    use vmkcheck_core::rules::{Rule, Severity};

    #[test]
    fn every_rule_id_and_severity_has_a_static_name() {
        assert_eq!(Rule::ALL.len(), RULE_IDS.len());
        for r in Rule::ALL {
            assert_eq!(find(r.id()).map(CStr::to_bytes), Some(r.id().as_bytes()));
            assert!(find(r.severity().as_str()).is_some());
        }
        for s in Severity::ALL {
            assert!(find(s.as_str()).is_some());
        }
        for v in [
            Verdict::Ready,
            Verdict::ReadyWithWarnings,
            Verdict::Unverified,
            Verdict::NotReady,
        ] {
            assert!(find(v.as_str()).is_some());
        }
    }

    #[test]
    fn every_section_kind_has_a_static_name() {
        use vmkcheck_core::transcript::SectionKind;
        let kinds = SectionKind::PARSED.iter().chain([&SectionKind::Unknown]);
        assert_eq!(kinds.clone().count(), SECTION_KINDS.len());
        for (k, c) in kinds.zip(SECTION_KINDS) {
            assert_eq!(k.as_str().as_bytes(), c.to_bytes());
        }
        for k in [
            vmkcheck_core::vswitch::SwitchKind::Standard,
            vmkcheck_core::vswitch::SwitchKind::Distributed,
        ] {
            assert!(find(k.as_str()).is_some());
        }
    }

    /// Every diagnostic kind of the core (`DiagnosticKind::ALL`) has its static name.
    #[test]
    fn every_diagnostic_kind_has_a_static_name() {
        for k in vmkcheck_core::DiagnosticKind::ALL {
            assert!(
                DIAGNOSTIC_KINDS.iter().any(|(d, _)| *d == k),
                "diagnostic kind {} has no static name",
                k.as_str()
            );
        }
        assert_eq!(
            DIAGNOSTIC_KINDS.len(),
            vmkcheck_core::DiagnosticKind::ALL.len()
        );
    }

    #[test]
    fn kind_tables_match_the_core_names() {
        for (k, c) in DIAGNOSTIC_KINDS {
            assert_eq!(k.as_str().as_bytes(), c.to_bytes());
        }
        for (k, c) in ERROR_KINDS {
            assert_eq!(k.as_str().as_bytes(), c.to_bytes());
        }
        // SAFETY: `c_name` returns a static NUL-terminated string.
        let s = unsafe { CStr::from_ptr(c_name("no such name")) };
        assert_eq!(s, UNRECOGNIZED);
        assert!(c_name_opt(None).is_null());
    }
}
