//! Entry point for the footprint measurement: parse + check with static buffers.
#![no_std]

use vmkcheck_core::rules::{self, Host, HostSection, PingFact, Row, Source, Workspace};

#[panic_handler]
fn panic(_: &core::panic::PanicInfo<'_>) -> ! {
    loop {}
}

/// Checks one transcript; returns the number of findings (or u32::MAX on error).
/// Buffers live on the stack: 8 hosts, 64 rows, 64 runs, 32 other sections.
///
/// # Safety
/// `ptr` must point to `len` readable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn vmkcheck_footprint(ptr: *const u8, len: usize) -> u32 {
    // SAFETY: the caller guarantees `len` readable bytes at `ptr`.
    let bytes = unsafe { core::slice::from_raw_parts(ptr, len) };
    let Ok(text) = core::str::from_utf8(bytes) else { return u32::MAX };
    let sources = [Source { name: "", text }];
    let mut hosts = [Host::EMPTY; 8];
    let mut rows = [Row::EMPTY; 64];
    let mut index = [0usize; 64];
    let mut pings = [PingFact::EMPTY; 64];
    let mut sections = [HostSection::EMPTY; 32];
    let mut ws = Workspace { hosts: &mut hosts, rows: &mut rows, index: &mut index, pings: &mut pings, sections: &mut sections };
    let mut n = 0u32;
    match rules::check(&sources, None, &mut ws, &mut |f| {
        // Render each message so the text code is counted too.
        let mut sink = Count(0);
        let _ = core::fmt::write(&mut sink, format_args!("{}", f.message()));
        n = n.wrapping_add(1).wrapping_add(sink.0 & 0);
    }) {
        Ok(_) => n,
        Err(_) => u32::MAX,
    }
}

struct Count(u32);

impl core::fmt::Write for Count {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        self.0 = self.0.wrapping_add(s.len() as u32);
        Ok(())
    }
}
