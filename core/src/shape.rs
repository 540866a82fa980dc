//! What values look like: the shapes that confirm (or replace) column positions.
//!
//! Every function here is total: it answers for any `&str` without panicking.

use core::net::{Ipv4Addr, Ipv6Addr};

/// `vmk` followed by 1–4 digits.
///
/// ```
/// use vmkcheck_core::shape::is_vmk;
/// assert!(is_vmk("vmk0") && is_vmk("vmk12"));
/// assert!(!is_vmk("vmk") && !is_vmk("vmkx") && !is_vmk("vmk00000"));
/// ```
pub fn is_vmk(s: &str) -> bool {
    s.strip_prefix("vmk")
        .is_some_and(|d| (1..=4).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
}

/// Six pairs of hex digits separated by `:` or `-`.
///
/// ```
/// assert!(vmkcheck_core::shape::is_mac("00:50:56:6d:b1:1c"));
/// assert!(!vmkcheck_core::shape::is_mac("00:50:56:6d:b1"));
/// ```
pub fn is_mac(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 17
        && b.iter().enumerate().all(|(i, c)| {
            if i % 3 == 2 {
                *c == b':' || *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// A decimal integer that fits in `u32`.
pub fn parse_u32(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 10 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// A decimal number as ping prints one (`0.311`, `12`, `33.3`), without the float
/// parser: digits are read as an integer and divided once by a power of ten. Both
/// are exact below 2^53, so the quotient is the correctly rounded `f64`, exactly what
/// `str::parse::<f64>` gives, while keeping its 16 KB of tables out of embedded builds.
/// `None` for anything else, or more than 15 significant digits.
///
/// ```
/// use vmkcheck_core::shape::parse_decimal;
/// assert_eq!(parse_decimal("0.311"), Some(0.311));
/// assert_eq!(parse_decimal("8972"), Some(8972.0));
/// assert_eq!(parse_decimal("1."), None);
/// assert_eq!(parse_decimal("1e3"), None);
/// ```
pub fn parse_decimal(s: &str) -> Option<f64> {
    const POW10: [f64; 16] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
    ];
    let (int, frac) = s.split_once('.').unwrap_or((s, ""));
    let digits = int.len().checked_add(frac.len())?;
    let only_digits = |p: &str| p.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty()
        || (s.contains('.') && frac.is_empty())
        || !only_digits(int)
        || !only_digits(frac)
        || digits > 15
    {
        return None;
    }
    let mut value: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        value = value
            .checked_mul(10)?
            .checked_add(u64::from(b.checked_sub(b'0')?))?;
    }
    // value < 10^15 < 2^53: exact as f64, as is the power of ten.
    Some(value as f64 / POW10.get(frac.len())?)
}

/// `true` / `false` as esxcfg-vmknic prints Enabled.
pub fn parse_bool(s: &str) -> Option<bool> {
    match s {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// `N/A` (or `NA`, `-`): the column has no value on this row.
pub fn is_not_applicable(s: &str) -> bool {
    matches!(s, "N/A" | "n/a" | "NA" | "-")
}

/// An 8-4-4-4-12 hex UUID (an NSX opaque network id).
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| {
            if matches!(i, 8 | 13 | 18 | 23) {
                *c == b'-'
            } else {
                c.is_ascii_hexdigit()
            }
        })
}

/// Looks like an address someone meant, valid or not: `192.0.2.1`, `fe80::1%vmk1`,
/// and redactions such as `10.xxx.xx.xxx`, `10.yyy.yy.yyy`, `10.##.##.#7`,
/// `10.333.333.333`. Excludes MAC addresses. Blanks inside (a pasted TAB) are ignored.
///
/// ```
/// use vmkcheck_core::shape::is_addressish;
/// assert!(is_addressish("10.xxx.xx.xxx") && is_addressish("fe80::250:56ff:fe6b:b854"));
/// assert!(is_addressish("10.yyy.yy.yyy") && is_addressish("192.0.2.\t255"));
/// assert!(!is_addressish("00:50:56:6d:b1:1c") && !is_addressish("IPv4") && !is_addressish("64"));
/// assert!(!is_addressish("1.2.3") && !is_addressish("Network.Name.Is.Long"));
/// ```
pub fn is_addressish(s: &str) -> bool {
    let (addr, zone) = s.split_once('%').unwrap_or((s, ""));
    if addr.is_empty()
        || addr.len() > 48
        || is_mac(s)
        || !zone.bytes().all(|b| b.is_ascii_alphanumeric())
    {
        return false;
    }
    let redacted = |b: u8| {
        matches!(
            b,
            b'x' | b'X' | b'y' | b'Y' | b'z' | b'Z' | b'n' | b'N' | b'#' | b'*' | b'?'
        )
    };
    let solid = |g: &str| g.bytes().filter(|b| !b.is_ascii_whitespace()).count();
    let v4 = addr.split('.').count() == 4
        && addr.split('.').all(|g| {
            (1..=4).contains(&solid(g))
                && g.bytes()
                    .all(|b| b.is_ascii_digit() || redacted(b) || b.is_ascii_whitespace())
        });
    let v6 = addr.bytes().filter(|b| *b == b':').count() >= 2
        && addr.bytes().all(|b| {
            b.is_ascii_hexdigit()
                || matches!(b, b':' | b'.')
                || redacted(b)
                || b.is_ascii_whitespace()
        });
    v4 || v6
}

/// A valid IPv4 address; ASCII whitespace inside (a pasted TAB) is ignored.
///
/// ```
/// use vmkcheck_core::shape::parse_ipv4;
/// assert_eq!(parse_ipv4("192.0.2.\t255").map(|a| a.octets()), Some([192, 0, 2, 255]));
/// assert_eq!(parse_ipv4("10.333.333.333"), None);
/// ```
pub fn parse_ipv4(s: &str) -> Option<Ipv4Addr> {
    let mut buf = [0u8; 15];
    let compact = compact(s, &mut buf)?;
    compact.parse().ok()
}

/// A valid IPv6 address, without a `%zone` suffix; whitespace inside is ignored.
pub fn parse_ipv6(s: &str) -> Option<Ipv6Addr> {
    let mut buf = [0u8; 45];
    let compact = compact(s, &mut buf)?;
    let addr = compact.split_once('%').map_or(compact, |(a, _)| a);
    addr.parse().ok()
}

/// Copies `s` without ASCII whitespace into `buf`; `None` if it does not fit.
fn compact<'b>(s: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    let mut n = 0usize;
    for b in s.bytes().filter(|b| !b.is_ascii_whitespace()) {
        *buf.get_mut(n)? = b;
        n = n.checked_add(1)?;
    }
    core::str::from_utf8(buf.get(..n)?).ok()
}

/// Prefix length of a contiguous IPv4 netmask (`255.255.255.192` → 26).
///
/// ```
/// use vmkcheck_core::shape::ipv4_prefix_len;
/// assert_eq!(ipv4_prefix_len("255.255.255.192"), Some(26));
/// assert_eq!(ipv4_prefix_len("255.0.255.0"), None);
/// ```
pub fn ipv4_prefix_len(mask: &str) -> Option<u8> {
    let bits = u32::from(parse_ipv4(mask)?);
    let ones = bits.leading_ones();
    // Contiguous: every bit after the leading ones is zero.
    (bits.checked_shl(ones).unwrap_or(0) == 0).then(|| u8::try_from(ones).ok())?
}

/// An IPv6 prefix length as printed in the Netmask column (`64`, or `/64`).
pub fn ipv6_prefix_len(s: &str) -> Option<u8> {
    let n = parse_u32(s.strip_prefix('/').unwrap_or(s))?;
    u8::try_from(n).ok().filter(|n| *n <= 128)
}

/// The IP family token of the `IP Family` column.
pub fn is_family(s: &str) -> bool {
    matches!(s, "IPv4" | "IPv6")
}

/// A word of the Type column (`STATIC`, `DHCP`, `NONE`, `PREFERRED`, …), with an optional
/// trailing comma: upper-case ASCII letters and digits only.
pub fn is_type_word(s: &str) -> bool {
    let w = s.strip_suffix(',').unwrap_or(s);
    (2..=16).contains(&w.len())
        && w.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacted_addresses_are_addressish_but_invalid() {
        for s in ["10.xxx.xx.xxx", "10.##.##.#7", "10.333.333.333"] {
            assert!(is_addressish(s), "{s}");
            assert!(parse_ipv4(s).is_none(), "{s}");
        }
    }

    #[test]
    fn zone_ids() {
        assert!(is_addressish("fe80::1%vmk1"));
        assert!(parse_ipv6("fe80::1%vmk1").is_some());
    }

    #[test]
    fn prefix_lengths() {
        assert_eq!(ipv4_prefix_len("255.255.255.255"), Some(32));
        assert_eq!(ipv4_prefix_len("0.0.0.0"), Some(0));
        assert_eq!(ipv6_prefix_len("64"), Some(64));
        assert_eq!(ipv6_prefix_len("129"), None);
    }

    #[test]
    fn type_words() {
        assert!(is_type_word("STATIC,") && is_type_word("PREFERRED") && is_type_word("NONE"));
        assert!(!is_type_word("vmotion") && !is_type_word("true"));
    }

    #[test]
    fn numbers_do_not_overflow() {
        assert_eq!(parse_u32("4294967295"), Some(u32::MAX));
        assert_eq!(parse_u32("4294967296"), None);
        assert_eq!(parse_u32("99999999999999999999"), None);
    }
}
