//! The C entry points with arbitrary bytes, lengths and capacities, too-small buffers
//! included: every status is a known code, outputs obey the contract (NUL-terminated,
//! `*out_len` excludes the NUL, BUFFER_TOO_SMALL reports the size that then works).
#![no_main]

use std::ffi::{CStr, c_char, c_int};

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use vmkcheck::{
    vmkcheck_check_json, vmkcheck_host, vmkcheck_parse_json, vmkcheck_parse_vmknic_json,
    vmkcheck_parse_vmkping_json, vmkcheck_status_str,
};

#[derive(Arbitrary, Debug)]
struct Input {
    text: Vec<u8>,
    hosts: Vec<(Vec<u8>, Vec<u8>)>,
    facts: Option<Vec<u8>>,
    cap: u16,
    status: i32,
}

const OK: c_int = 0;
const TOO_SMALL: c_int = 4;
const KNOWN: [c_int; 8] = [0, 1, 2, 3, 4, 5, 6, 99];

/// Calls `f(out, cap, &mut len)` with `cap`, and on BUFFER_TOO_SMALL again with the
/// size it asked for; checks the contract either way.
fn call(cap: usize, f: impl Fn(*mut c_char, usize, *mut usize) -> c_int) {
    let mut out = vec![0x55 as c_char; cap.max(1)];
    let mut len = usize::MAX;
    let status = f(
        if cap == 0 {
            std::ptr::null_mut()
        } else {
            out.as_mut_ptr()
        },
        cap,
        &mut len,
    );
    assert!(KNOWN.contains(&status), "unknown status {status}");
    match status {
        OK => {
            assert!(len < cap);
            assert_eq!(out[len], 0, "NUL-terminated");
            let bytes: Vec<u8> = out[..len].iter().map(|c| *c as u8).collect();
            let json = std::str::from_utf8(&bytes).expect("UTF-8 JSON");
            serde_json::from_str::<serde_json::Value>(json).expect("valid JSON");
        }
        TOO_SMALL => {
            assert!(len >= cap, "needed {len} with cap {cap}");
            assert!(
                out[..cap.min(out.len())]
                    .iter()
                    .all(|c| *c == 0x55 as c_char),
                "nothing written"
            );
            let mut big = vec![0 as c_char; len + 1];
            let mut len2 = 0usize;
            let again = f(big.as_mut_ptr(), len + 1, &mut len2);
            assert_eq!((again, len2), (OK, len), "the size asked for works");
        }
        _ => {}
    }
}

fuzz_target!(|input: Input| {
    let cap = usize::from(input.cap);
    let text = input.text.as_ptr().cast::<c_char>();
    let n = input.text.len();
    // SAFETY: every pointer is valid for its length; outputs are separate buffers.
    call(cap, |o, c, l| unsafe {
        vmkcheck_parse_json(text, n, o, c, l)
    });
    // SAFETY: as above.
    call(cap, |o, c, l| unsafe {
        vmkcheck_parse_vmknic_json(text, n, o, c, l, std::ptr::null_mut())
    });
    // SAFETY: as above.
    call(cap, |o, c, l| unsafe {
        vmkcheck_parse_vmkping_json(text, n, o, c, l, std::ptr::null_mut())
    });

    let hosts: Vec<vmkcheck_host> = input
        .hosts
        .iter()
        .take(16)
        .map(|(name, text)| vmkcheck_host {
            name: name.as_ptr().cast(),
            name_len: name.len(),
            text: text.as_ptr().cast(),
            text_len: text.len(),
        })
        .collect();
    let (facts, facts_len) = input
        .facts
        .as_ref()
        .map_or((std::ptr::null(), 0), |f| (f.as_ptr().cast(), f.len()));
    // SAFETY: hosts and facts point into `input`, alive for the call.
    call(cap, |o, c, l| unsafe {
        vmkcheck_check_json(hosts.as_ptr(), hosts.len(), facts, facts_len, o, c, l)
    });

    let s = vmkcheck_status_str(input.status);
    assert!(!s.is_null());
    // SAFETY: the library returns static NUL-terminated strings.
    let _ = unsafe { CStr::from_ptr(s) };
});
