//! The esxcli block parsers (iface, tags, netstack, version) allocate nothing: parsing,
//! iterating, rendering diagnostics and serializing into a buffer reserved beforehand.

mod alloc_support;
mod support;

use std::fmt::Write as _;

use alloc_support::{Buf, allocations};
use vmkcheck_core::esxcli::block::Blocks;
use vmkcheck_core::iface::InterfaceList;
use vmkcheck_core::lines::Lines;
use vmkcheck_core::netstack::NetstackList;
use vmkcheck_core::tags::Tags;
use vmkcheck_core::version::Version;

#[test]
fn block_parsers_allocate_nothing() {
    let texts = support::corpus();
    #[cfg(feature = "serde")]
    let mut json: Vec<u8> = Vec::with_capacity(1 << 20);
    let mut buf = Buf::new();
    for text in &texts {
        #[cfg(feature = "serde")]
        json.clear();
        let n = allocations(|| {
            let lines = Lines::new(text);
            let mut sum = 0u64;
            for b in Blocks::new(lines) {
                sum += b.pairs().map(|p| u64::from(p.line)).sum::<u64>();
            }
            let iface = InterfaceList::from_lines(lines, None);
            sum += iface.rows().map(|r| u64::from(r.line)).sum::<u64>();
            let tags = Tags::from_lines(lines, Some("x -i vmk1"));
            sum += u64::from(tags.vmotion()) + tags.tags().count() as u64;
            let stacks = NetstackList::from_lines(lines, None);
            sum += stacks.rows().count() as u64;
            let version = Version::from_lines(lines, None);
            sum += version.number().map_or(0, |n| u64::from(n.major));
            let diags = iface
                .diagnostics()
                .chain(tags.diagnostics())
                .chain(stacks.diagnostics())
                .chain(version.diagnostics());
            for d in diags {
                buf.len = 0;
                write!(buf, "{d}").unwrap();
            }
            #[cfg(feature = "serde")]
            {
                serde_json::to_writer(&mut json, &iface).unwrap();
                serde_json::to_writer(&mut json, &tags).unwrap();
                serde_json::to_writer(&mut json, &stacks).unwrap();
                serde_json::to_writer(&mut json, &version).unwrap();
            }
            std::hint::black_box(sum);
        });
        assert_eq!(n, 0, "{text}");
    }
}
