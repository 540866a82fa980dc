//! The rule catalogue: ids (fixed, DESIGN.md §5), default severities and one-line
//! explanations, as `vmkcheck rules` lists them.

/// How bad a finding is. Ordered from worst to mildest.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// vMotion will fail or is unsupported.
    Error,
    /// A requirement could not be confirmed from the evidence given.
    Unverified,
    /// Works, but degraded or risky.
    Warning,
    /// Context.
    Info,
}

impl Severity {
    /// Every severity, worst first.
    pub const ALL: [Severity; 4] = [Self::Error, Self::Unverified, Self::Warning, Self::Info];

    /// `"error"`, `"unverified"`, `"warning"` or `"info"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Error => "error",
            Self::Unverified => "unverified",
            Self::Warning => "warning",
            Self::Info => "info",
        }
    }
}

macro_rules! catalogue {
    ($( $variant:ident = $id:literal, $sev:ident, $summary:literal, $reference:literal; )*) => {
        /// A rule of the catalogue. Its [`id`](Rule::id) is fixed: scripts rely on it.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum Rule {
            $(
                #[doc = concat!("`", $id, "`: ", $summary)]
                $variant,
            )*
        }

        impl Rule {
            /// Every rule, in catalogue order.
            pub const ALL: &'static [Rule] = &[$(Rule::$variant),*];

            /// The fixed rule id, e.g. `"jumbo-path-unverified"`.
            pub const fn id(self) -> &'static str {
                match self { $(Rule::$variant => $id,)* }
            }

            /// The severity the rule usually reports (`routed-vmotion` may be either).
            pub const fn severity(self) -> Severity {
                match self { $(Rule::$variant => Severity::$sev,)* }
            }

            /// One line: when the rule fires.
            pub const fn summary(self) -> &'static str {
                match self { $(Rule::$variant => $summary,)* }
            }

            /// The requirement the rule checks (KB article or document).
            pub const fn reference(self) -> &'static str {
                match self { $(Rule::$variant => $reference,)* }
            }
        }
    };
}

catalogue! {
    VmotionNotConfigured = "vmotion-not-configured", Error,
        "the host has no vMotion interface: no vmk on the vmotion netstack and none tagged VMotion",
        "vSphere vCenter Server and Host Management: Host Configuration for vSphere vMotion";
    VmotionInterfaceUnknown = "vmotion-interface-unknown", Unverified,
        "no vmk on the vmotion netstack and no tag evidence: which vmk carries vMotion is unknown",
        "esxcli network ip interface tag get (KB 1008127)";
    VmotionOnManagement = "vmotion-on-management", Warning,
        "vMotion shares the management interface (bandwidth; not recommended)",
        "vSphere Networking: Networking Best Practices for vSphere vMotion";
    VmotionInterfaceDisabled = "vmotion-interface-disabled", Error,
        "a vmk on the vmotion netstack is disabled",
        "esxcfg-vmknic -l (Enabled column)";
    VmotionInterfaceDhcp = "vmotion-interface-dhcp", Warning,
        "a vMotion interface gets its address by DHCP",
        "vSphere Networking: static addressing for VMkernel adapters";
    VmotionInterfaceNoAddress = "vmotion-interface-no-address", Error,
        "a vMotion interface has no usable address (N/A, empty, link-local only)",
        "vSphere Networking: VMkernel adapter IPv4/IPv6 settings";
    DefaultStackVmotionIgnored = "default-stack-vmotion-ignored", Warning,
        "a default-stack vmk is tagged for vMotion while the host has a vmotion-netstack vmk: ESXi disables vMotion on the default stack",
        "vSphere Networking: Place vMotion Traffic on the vMotion TCP/IP Stack";
    JumboFramesNotEnabled = "jumbo-frames-not-enabled", Info,
        "a vMotion interface MTU is below 9000",
        "vSphere vMotion networking best practices: jumbo frames";
    MtuOutOfRange = "mtu-out-of-range", Error,
        "a vMotion interface MTU is below 1280 or above 9000",
        "vSphere Networking: MTU 1280..9000";
    MtuMismatch = "mtu-mismatch", Warning,
        "the vMotion interfaces of two hosts have different MTUs",
        "KB 1003728 (testing jumbo frames with vmkping)";
    ProvisioningStackAbsent = "provisioning-stack-absent", Info,
        "no vmk on the vSphereProvisioning netstack: cold migration and clone data go over management",
        "vSphere Networking: Provisioning TCP/IP stack";
    DuplicateAddress = "duplicate-address", Error,
        "one address (not link-local) on two interfaces, on one host or two",
        "IP addressing";
    MultihomingSameSubnet = "multihoming-same-subnet", Warning,
        "two vmks of one netstack in one subnet that are not both vMotion interfaces",
        "KB 2010877 (multihoming on ESXi)";
    BroadcastMismatch = "broadcast-mismatch", Info,
        "the printed broadcast does not match address and netmask",
        "IP addressing";
    AddressUnparseable = "address-unparseable", Info,
        "an address or netmask is not valid (redacted?): rules that need it skip it",
        "esxcfg-vmknic -l";
    AddressFamilyMismatch = "address-family-mismatch", Error,
        "the vMotion interfaces of two hosts share no IP family",
        "vSphere vMotion: IPv4 and IPv6";
    RoutedVmotion = "routed-vmotion", Info,
        "the hosts' vMotion addresses are in different subnets: L3 vMotion needs a gateway on each host's vmotion netstack",
        "vSphere Networking: vMotion TCP/IP stack default gateway";
    ConnectivityFailed = "connectivity-failed", Error,
        "every vmkping from one host's vMotion interface to the other's lost all packets",
        "KB 1003728 (vmkping)";
    ConnectivityLossy = "connectivity-lossy", Warning,
        "a vmkping on the vMotion path lost some but not all packets",
        "KB 1003728 (vmkping)";
    ConnectivityUnverified = "connectivity-unverified", Unverified,
        "no vmkping on the vMotion path between the two hosts was given",
        "KB 1003728 (vmkping)";
    JumboPathFailed = "jumbo-path-failed", Error,
        "a don't-fragment ping at full payload failed: a local MTU is smaller (Message too long) or the path drops jumbo frames",
        "KB 1003728 (vmkping -d -s 8972)";
    JumboPathUnverified = "jumbo-path-unverified", Unverified,
        "MTU above 1500 but no successful don't-fragment ping at full payload",
        "KB 1003728 (vmkping -d -s 8972)";
    PingWithoutDf = "ping-without-df", Warning,
        "a ping larger than 1472 (IPv4) / 1452 (IPv6) bytes of payload without -d: fragmentation can hide a small path MTU",
        "KB 1003728";
    PingSizeExceedsMtu = "ping-size-exceeds-mtu", Info,
        "a don't-fragment ping larger than the interface's MTU allows: its failure is expected, not a fault",
        "KB 1003728";
    PingWrongNetstack = "ping-wrong-netstack", Warning,
        "a vmkping to a vMotion address did not use the vmotion netstack: it tested another path",
        "KB 2108824 (vmkping ++netstack=vmotion)";
    PingTargetUnknown = "ping-target-unknown", Info,
        "a vmkping target is no given host's vMotion address",
        "vmkping";
    DuplicateReplies = "duplicate-replies", Warning,
        "(DUP!) replies: a duplicate address or a loop",
        "vmkping";
    LongDistanceVmotion = "long-distance-vmotion", Info,
        "average RTT above 4 ms: Long Distance vMotion (Enterprise Plus); tune the buffers to the bandwidth-delay product",
        "vSphere vMotion: Long-Distance vMotion (150 ms RTT max)";
    RttTooHigh = "rtt-too-high", Error,
        "round-trip time above 150 ms: beyond what vMotion supports",
        "vSphere vMotion: Round-Trip Time for Long-Distance vMotion";
    FactsNotProvided = "facts-not-provided", Info,
        "no facts for the hosts: CPU, version and licence rules were not run",
        "vmkcheck check --facts";
    CpuAesPclmulqdqMismatch = "cpu-aes-pclmulqdq-mismatch", Error,
        "AES-NI/PCLMULQDQ enabled on one host and not on the other",
        "KB 1034926";
    CpuVendorMismatch = "cpu-vendor-mismatch", Error,
        "an Intel host and an AMD host: vMotion between vendors is not possible",
        "KB 1991 (vMotion CPU compatibility)";
    EsxiVersionUnsupported = "esxi-version-unsupported", Error,
        "a host below ESXi 6.0 with a vmotion netstack, or in a cross-vCenter pair",
        "vSphere 6.0 release notes: vMotion TCP/IP stack, cross vCenter vMotion";
    CrossVcenterVersionMismatch = "cross-vcenter-version-mismatch", Error,
        "cross-vCenter pair with different vCenter versions, or a version below 6.0",
        "KB 2106952 (cross vCenter vMotion requirements)";
    LicenseInsufficient = "license-insufficient", Error,
        "cross-vCenter or long-distance vMotion without Enterprise Plus",
        "KB 2106952; vSphere licensing";
    CrossVcenterWithoutElm = "cross-vcenter-without-elm", Info,
        "cross-vCenter without Enhanced Linked Mode: possible through the API/CLI only",
        "KB 2106952";
    EncryptedVmotionUnsupported = "encrypted-vmotion-unsupported", Error,
        "encrypted vMotion required and a host below ESXi 6.5",
        "vSphere Security: Encrypted vSphere vMotion (6.5+)";
    VswitchMtuTooSmall = "vswitch-mtu-too-small", Error,
        "a vmk's MTU is above its vSwitch's MTU (needs esxcfg-vswitch -l)",
        "KB 1038827 (jumbo frames on vSwitches)";
    LinkCapacityLow = "link-capacity-low", Warning,
        "a vMotion uplink below 1000 Mbps or at half duplex",
        "vSphere vMotion networking requirements (1 GbE minimum)";
}

impl core::fmt::Display for Rule {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case() {
        for (i, a) in Rule::ALL.iter().enumerate() {
            assert!(
                a.id().bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
                "{}",
                a.id()
            );
            for b in &Rule::ALL[i + 1..] {
                assert_ne!(a.id(), b.id());
            }
        }
        assert_eq!(Rule::ALL.len(), 39);
    }
}
