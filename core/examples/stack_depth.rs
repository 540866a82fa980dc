//! Worst stack depth of the core: parse every corpus input (every section, row,
//! response and diagnostic, rendered) and check every check case (every message
//! rendered), each on a fresh thread whose stack was painted first; the deepest byte
//! overwritten gives the depth.
//!
//! `cargo run --release -p vmkcheck-core --example stack_depth -- tests/corpus [BUDGET]`
//!
//! Measured on the host (x86_64: 8-byte pointers and usize); a Cortex-M build, with
//! 4-byte ones, uses less. The caller's buffers (hosts, rows, pings) are on the heap
//! here, as a front end would have them; an embedded caller adds their size.

use std::fmt::Write as _;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::{env, fs, process, thread};

use vmkcheck_core::rules::{self, Host, HostSection, PingFact, Row, Source, Workspace};
use vmkcheck_core::transcript;

const PAINT: usize = 256 * 1024;
const PATTERN: u8 = 0xA5;

/// Writes the pattern over `PAINT` bytes below the caller's frame.
#[inline(never)]
fn paint() -> usize {
    let mut area = [0u8; PAINT];
    for b in area.iter_mut() {
        // SAFETY: `b` is a valid, exclusive reference into the local array; volatile
        // so the dead stores are kept.
        unsafe { std::ptr::write_volatile(b, PATTERN) };
    }
    black_box(&area);
    area.as_ptr() as usize
}

/// Bytes of painted stack overwritten since [`paint`], counted from the top.
#[inline(never)]
fn used(low: usize, top: usize) -> usize {
    let mut addr = low;
    while addr < top {
        // SAFETY: [low, top) is this thread's own mapped stack, painted by `paint` and
        // below the live frames; reading it back is the stack-painting measurement.
        if unsafe { std::ptr::read_volatile(addr as *const u8) } != PATTERN {
            return top - addr;
        }
        addr += 1;
    }
    0
}

/// Runs `work` on a fresh 1 MiB thread and returns its peak stack use in bytes.
fn measure(work: impl FnOnce() + Send + 'static) -> usize {
    thread::Builder::new()
        .stack_size(1024 * 1024)
        .spawn(move || {
            let marker = 0u8;
            let top = black_box(&marker) as *const u8 as usize;
            let low = paint();
            run(work);
            used(low, top)
        })
        .expect("spawn")
        .join()
        .expect("measured thread")
}

#[inline(never)]
fn run(work: impl FnOnce()) {
    work();
}

/// Everything a parse yields; diagnostics rendered.
fn parse_all(text: &str) -> usize {
    let mut out = String::with_capacity(1 << 16);
    let t = transcript::parse(text);
    for s in t.sections() {
        black_box(s.kind);
        if let Some(table) = s.vmknic() {
            for r in table.rows() {
                black_box(&r);
            }
        }
        if let Some(run) = s.vmkping() {
            for r in run.responses() {
                black_box(&r);
            }
        }
        for d in s.diagnostics() {
            let _ = write!(out, "{d}");
        }
        out.clear();
    }
    out.capacity()
}

/// A whole check, every message and remediation rendered.
fn check_all(sources: &[(String, String)]) -> usize {
    let sources: Vec<Source<'_>> = sources
        .iter()
        .map(|(name, text)| Source { name, text })
        .collect();
    let n = rules::needs(&sources);
    let mut hosts = vec![Host::EMPTY; n.hosts];
    let mut rows = vec![Row::EMPTY; n.rows];
    let mut index = vec![0usize; n.rows];
    let mut pings = vec![PingFact::EMPTY; n.pings];
    let mut sections = vec![HostSection::EMPTY; n.sections];
    let mut ws = Workspace {
        hosts: &mut hosts,
        rows: &mut rows,
        index: &mut index,
        pings: &mut pings,
        sections: &mut sections,
    };
    let mut out = String::with_capacity(1 << 16);
    let _ = rules::check(&sources, None, &mut ws, &mut |f| {
        let _ = write!(out, "{}", f.message());
        if let Some(r) = f.remediation() {
            let _ = write!(out, "{r}");
        }
        out.clear();
    });
    out.capacity()
}

fn main() {
    let args: Vec<String> = env::args().collect();
    let corpus = PathBuf::from(args.get(1).map_or("tests/corpus", String::as_str));
    let budget: usize = args
        .get(2)
        .and_then(|b| b.parse().ok())
        .unwrap_or(usize::MAX);
    let mut cases: Vec<PathBuf> = fs::read_dir(&corpus)
        .unwrap_or_else(|e| panic!("{}: {e}", corpus.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    let (mut worst_parse, mut worst_check) = ((0usize, String::new()), (0usize, String::new()));
    for case in &cases {
        let name = case
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let texts = texts(case);
        for (_, text) in &texts {
            let text = text.clone();
            let d = measure(move || {
                black_box(parse_all(&text));
            });
            if d > worst_parse.0 {
                worst_parse = (d, name.clone());
            }
        }
        let d = measure(move || {
            black_box(check_all(&texts));
        });
        if d > worst_check.0 {
            worst_check = (d, name);
        }
    }
    let base = measure(|| {});
    println!(
        "stack: {} corpus cases; empty thread body {} bytes (subtracted)",
        cases.len(),
        base
    );
    let parse = worst_parse.0.saturating_sub(base);
    let check = worst_check.0.saturating_sub(base);
    println!("stack: worst parse {parse} bytes ({})", worst_parse.1);
    println!("stack: worst check {check} bytes ({})", worst_check.1);
    if parse.max(check) > budget {
        eprintln!("stack: above the budget of {budget} bytes");
        process::exit(1);
    }
}

/// A case's transcripts: `input.txt`, or every `*.txt` host file, named by stem.
fn texts(case: &Path) -> Vec<(String, String)> {
    let mut files: Vec<PathBuf> = fs::read_dir(case)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    files.sort();
    files
        .into_iter()
        .filter_map(|p| {
            let text = fs::read_to_string(&p).ok()?;
            let stem = p.file_stem()?.to_string_lossy().into_owned();
            Some((if stem == "input" { String::new() } else { stem }, text))
        })
        .collect()
}
