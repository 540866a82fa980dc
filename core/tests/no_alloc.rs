//! The core allocates nothing: a counting global allocator fails the test on any
//! allocation made (by this thread) while parsing, evaluating and rendering.

mod alloc_support;
mod support;

use std::fmt::Write as _;

use alloc_support::{Buf, allocations};
use vmkcheck_core::facts::Facts;
use vmkcheck_core::rules::{self, Finding, Host, HostSection, PingFact, Row, Source, Workspace};
use vmkcheck_core::{transcript, vmknic, vmkping};

fn corpus_texts() -> Vec<(String, String)> {
    let mut v = Vec::new();
    for e in std::fs::read_dir(support::corpus_dir()).expect("corpus") {
        let case = e.expect("entry").path();
        for f in std::fs::read_dir(&case).into_iter().flatten().flatten() {
            let p = f.path();
            if p.extension().is_some_and(|x| x == "txt") {
                let name = p.file_stem().expect("stem").to_string_lossy().into_owned();
                v.push((name, std::fs::read_to_string(&p).expect("UTF-8")));
            }
        }
    }
    v.sort();
    v
}

#[test]
fn parsing_allocates_nothing() {
    let texts = corpus_texts();
    let mut buf = Buf::new();
    let n = allocations(|| {
        for (_, text) in &texts {
            let t = transcript::parse(text);
            for s in t.sections() {
                if let Some(table) = s.vmknic() {
                    for r in table.rows() {
                        for d in r.diagnostics() {
                            buf.len = 0;
                            let _ = write!(buf, "{d}");
                        }
                    }
                }
                if let Some(run) = s.vmkping() {
                    for r in run.responses() {
                        let _ = r.time_ms;
                    }
                }
            }
            for d in t.diagnostics() {
                buf.len = 0;
                let _ = write!(buf, "{d}");
            }
            let _ = vmknic::parse(text).map(|t| t.rows().count());
            let _ = vmkping::parse(text).map(|r| r.responses().count());
        }
    });
    assert_eq!(n, 0, "parsing allocated {n} times");
}

#[test]
fn evaluating_and_rendering_allocate_nothing() {
    let texts = corpus_texts();
    let facts_text =
        std::fs::read_to_string(support::corpus_dir().join("s01-clean-ready-pair/facts.json"))
            .expect("facts");
    let sources: Vec<Source<'_>> = texts
        .iter()
        .map(|(n, t)| Source { name: n, text: t })
        .collect();
    let need = rules::needs(&sources);
    let mut hosts = vec![Host::EMPTY; need.hosts];
    let mut rows = vec![Row::EMPTY; need.rows];
    let mut index = vec![0usize; need.rows];
    let mut pings = vec![PingFact::EMPTY; need.pings];
    let mut sections = vec![HostSection::EMPTY; need.sections];
    let mut findings: Vec<Option<Finding<'_>>> = vec![None; 16_384];
    let mut buf = Buf::new();
    let mut count = 0usize;
    let n = allocations(|| {
        let facts = Facts::parse(&facts_text).ok();
        let mut ws = Workspace {
            hosts: &mut hosts,
            rows: &mut rows,
            index: &mut index,
            pings: &mut pings,
            sections: &mut sections,
        };
        let checked = rules::check(&sources, facts.as_ref(), &mut ws, &mut |f| {
            if let Some(slot) = findings.get_mut(count) {
                *slot = Some(f);
            }
            count += 1;
        });
        assert!(checked.is_ok());
        for f in findings.iter().flatten() {
            buf.len = 0;
            let _ = write!(buf, "{}", f.message());
            if let Some(r) = f.remediation() {
                buf.len = 0;
                let _ = write!(buf, "{r}");
            }
        }
    });
    assert!(count > 100, "the corpus gives many findings ({count})");
    assert_eq!(n, 0, "evaluation allocated {n} times");
}
