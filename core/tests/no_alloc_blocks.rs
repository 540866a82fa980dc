//! The esxcli block parsers (iface, tags, netstack, version) allocate nothing: parsing,
//! iterating, rendering diagnostics and serializing into a buffer reserved beforehand.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::fmt::{self, Write as _};
use std::sync::atomic::{AtomicUsize, Ordering};

use vmkcheck_core::esxcli::block::Blocks;
use vmkcheck_core::iface::InterfaceList;
use vmkcheck_core::lines::Lines;
use vmkcheck_core::netstack::NetstackList;
use vmkcheck_core::tags::Tags;
use vmkcheck_core::version::Version;

struct Counting;

static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

thread_local! {
    static ARMED: Cell<bool> = const { Cell::new(false) };
}

// SAFETY: forwards every call to the system allocator unchanged; only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if ARMED.with(Cell::get) {
            ALLOCATIONS.fetch_add(1, Ordering::SeqCst);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: `ptr` came from `System.alloc` with this layout.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocations(f: impl FnOnce()) -> usize {
    ALLOCATIONS.store(0, Ordering::SeqCst);
    ARMED.with(|a| a.set(true));
    f();
    ARMED.with(|a| a.set(false));
    ALLOCATIONS.load(Ordering::SeqCst)
}

/// A fixed buffer to render messages into.
struct Buf {
    bytes: [u8; 4096],
    len: usize,
}

impl fmt::Write for Buf {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        let end = (self.len + s.len()).min(self.bytes.len());
        let n = end - self.len;
        self.bytes[self.len..end].copy_from_slice(&s.as_bytes()[..n]);
        self.len = end;
        Ok(())
    }
}

#[test]
fn block_parsers_allocate_nothing() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/corpus");
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| std::fs::read_to_string(e.ok()?.path().join("input.txt")).ok())
        .collect();
    texts.sort();
    #[cfg(feature = "serde")]
    let mut json: Vec<u8> = Vec::with_capacity(1 << 20);
    let mut buf = Buf {
        bytes: [0; 4096],
        len: 0,
    };
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
