//! `vmkcheck._vmkcheck`: the native half of the Python package `vmkcheck` (DESIGN.md §6).
//!
//! The pure-Python package (`py/python/vmkcheck`) re-exports these functions and classes
//! and adds `check()`'s argument handling and `ParseError`. Everything here is thin: the
//! core parses and checks, `vmkcheck-json` renders the canonical JSON, and this crate
//! turns the core's borrowed results into frozen Python classes:
//!
//! 1. the argument is read as text (`str` or `bytes`, validated like the CLI's files);
//! 2. the core runs and its results are copied into owned Rust values, with the GIL
//!    released when the input is larger than a few KB and behind a panic boundary;
//! 3. the top-level Python object is made; nested ones are made when first read.
//!
//! Python objects are built from the core's typed values, not by `json.loads` of the
//! canonical JSON: for a three-reply vmkping run `to_dict()` takes about 2.5 µs, while
//! `json.loads` of the same JSON takes about 14 µs. `to_json()` is the canonical JSON
//! itself (`vmkcheck-json`), computed by the core as the CLI computes it.

#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod build;
mod classes;
mod commands;
mod input;
mod record;

use pyo3::prelude::*;
use pyo3::types::{PyList, PyTuple};
use vmkcheck_core::{Error, vmknic, vmkping};

use classes::{
    Diagnostic, Evidence, Finding, Host, Ping, PingCommand, PingResponse, Report, Section,
    Transcript, VmknicRow,
};
use commands::{
    Dvport, InterfaceRow, Ipv4Row, Ipv6Row, NetstackRow, Nic, Portgroup, RouteRow, Switch, Tags,
    Version,
};
use input::{Raw, parse_error, raw, run, text};

/// Parses one `esxcfg-vmknic -l` table (any ESXi layout since 4.x).
///
/// `text` is `str` or `bytes` (UTF-8). Returns one `VmknicRow` per address, in text
/// order. Raises `ParseError` when the text holds no table (header or `vmkN` row).
#[pyfunction]
fn parse_vmknic<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyList>> {
    let raw = raw(text, "text")?;
    let rows = run(py, raw.len(), || -> Result<Vec<VmknicRow>, Error> {
        let table = vmknic::parse(input::text(&raw)?)?;
        Ok(table.rows().map(|r| build::row(&r)).collect())
    })?
    .map_err(|e| parse_error(py, &e, None, None))?;
    let objects = rows
        .into_iter()
        .map(|r| Py::new(py, r))
        .collect::<PyResult<Vec<_>>>()?;
    PyList::new(py, objects)
}

/// Parses one `vmkping` run: its command line (when pasted) and its output.
///
/// `text` is `str` or `bytes` (UTF-8). Raises `ParseError` when the text holds no ping
/// command, `PING` header, reply or summary. Only the first run is read; parse a text
/// with several runs with `parse_transcript()`.
#[pyfunction]
fn parse_vmkping<'py>(py: Python<'py>, text: &Bound<'py, PyAny>) -> PyResult<Bound<'py, Ping>> {
    let raw = raw(text, "text")?;
    let run_ = run(py, raw.len(), || -> Result<Ping, Error> {
        Ok(build::ping(&vmkping::parse(input::text(&raw)?)?))
    })?
    .map_err(|e| parse_error(py, &e, None, None))?;
    Bound::new(py, run_)
}

/// Parses a pasted transcript: any text with prompts, commands and their output, prose
/// and Markdown in between, one or several hosts.
///
/// `text` is `str` or `bytes` (UTF-8). Never raises for content: what is doubtful
/// becomes a `Diagnostic`. Raises `ParseError` only for bytes that are not UTF-8, a NUL
/// byte, or a text above `MAX_INPUT_BYTES`.
#[pyfunction]
fn parse_transcript<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, Transcript>> {
    let raw = raw(text, "text")?;
    let t = run(py, raw.len(), || -> Result<Transcript, Error> {
        Ok(build::transcript(input::text(&raw)?))
    })?
    .map_err(|e| parse_error(py, &e, None, None))?;
    Bound::new(py, t)
}

/// Which input an error of `check` is about.
enum Culprit {
    Source(usize),
    Facts,
    All,
}

/// The check behind `vmkcheck.check()`, which prepares its arguments.
///
/// `sources` is a list of `(name, text, label)`: `name` names the host when its prompts
/// do not ("" for none), `text` is `str` or `bytes`, `label` names the argument in
/// errors. `facts` is the facts document as JSON text, or None.
#[pyfunction]
#[pyo3(signature = (sources, facts=None))]
fn check<'py>(
    py: Python<'py>,
    sources: &Bound<'py, PyList>,
    facts: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, Report>> {
    let items: Vec<Bound<'py, PyTuple>> = sources
        .iter()
        .map(|item| item.cast_into::<PyTuple>().map_err(PyErr::from))
        .collect::<PyResult<_>>()?;
    let mut names = Vec::with_capacity(items.len());
    let mut labels = Vec::with_capacity(items.len());
    let mut texts = Vec::with_capacity(items.len());
    for item in &items {
        let (name, text, label): (String, Bound<'py, PyAny>, String) = item.extract()?;
        names.push(name);
        labels.push(label);
        texts.push(text);
    }
    let raws = texts
        .iter()
        .zip(&labels)
        .map(|(t, label)| raw(t, label))
        .collect::<PyResult<Vec<Raw<'_>>>>()?;
    let facts_raw = facts.map(|f| raw(f, "facts")).transpose()?;
    let total = raws
        .iter()
        .chain(&facts_raw)
        .map(Raw::len)
        .fold(0usize, usize::saturating_add);
    let outcome = run(py, total, || -> Result<Report, (Error, Culprit)> {
        let texts = raws
            .iter()
            .enumerate()
            .map(|(i, r)| text(r).map_err(|e| (e, Culprit::Source(i))))
            .collect::<Result<Vec<&str>, _>>()?;
        let facts_text = facts_raw
            .as_ref()
            .map(text)
            .transpose()
            .map_err(|e| (e, Culprit::Facts))?;
        let sources: Vec<(&str, &str)> = names
            .iter()
            .map(String::as_str)
            .zip(texts.iter().copied())
            .collect();
        let mut checked = vmkcheck_json::check(&sources, facts_text).map_err(|e| {
            let culprit = if e.kind.as_str().starts_with("facts_") {
                Culprit::Facts
            } else {
                Culprit::All
            };
            (e, culprit)
        })?;
        Ok(build::report(&mut checked))
    })?;
    match outcome {
        Ok(report) => Bound::new(py, report),
        Err((e, Culprit::Source(i))) => {
            Err(parse_error(py, &e, labels.get(i).map(String::as_str), None))
        }
        Err((e, Culprit::Facts)) => {
            let near = facts_raw
                .as_ref()
                .and_then(|r| text(r).ok())
                .and_then(|t| input::near(t, e.offset));
            Err(parse_error(py, &e, Some("facts"), near))
        }
        Err((e, Culprit::All)) => Err(parse_error(py, &e, Some("hosts"), None)),
    }
}

/// `vmkcheck parse --json` for a text the transcript was made from.
pub(crate) fn transcript_json(py: Python<'_>, text: &str) -> PyResult<String> {
    run(py, text.len(), || vmkcheck_json::parse_json(text))?
        .map_err(|e| parse_error(py, &e, None, None))
}

/// The rule catalogue as JSON, exactly `vmkcheck rules --json`.
#[pyfunction]
fn rules_json() -> String {
    vmkcheck_json::rules_json()
}

/// Panics inside the panic boundary, for the tests: it must raise `RuntimeError`.
#[pyfunction]
fn _panic_for_tests(py: Python<'_>) -> PyResult<()> {
    #[allow(clippy::panic)]
    run(py, 0, || panic!("deliberate panic for the tests"))
}

/// The native module `vmkcheck._vmkcheck`.
#[pymodule]
fn _vmkcheck(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MAX_INPUT_BYTES", vmkcheck_json::MAX_INPUT_BYTES)?;
    m.add("MAX_SOURCES", vmkcheck_json::MAX_SOURCES)?;
    m.add_function(wrap_pyfunction!(parse_vmknic, m)?)?;
    m.add_function(wrap_pyfunction!(parse_vmkping, m)?)?;
    m.add_function(wrap_pyfunction!(parse_transcript, m)?)?;
    m.add_function(wrap_pyfunction!(check, m)?)?;
    m.add_function(wrap_pyfunction!(rules_json, m)?)?;
    m.add_function(wrap_pyfunction!(_panic_for_tests, m)?)?;
    m.add_class::<VmknicRow>()?;
    m.add_class::<PingCommand>()?;
    m.add_class::<PingResponse>()?;
    m.add_class::<Ping>()?;
    m.add_class::<Diagnostic>()?;
    m.add_class::<Tags>()?;
    m.add_class::<InterfaceRow>()?;
    m.add_class::<Ipv4Row>()?;
    m.add_class::<Ipv6Row>()?;
    m.add_class::<NetstackRow>()?;
    m.add_class::<RouteRow>()?;
    m.add_class::<Portgroup>()?;
    m.add_class::<Dvport>()?;
    m.add_class::<Switch>()?;
    m.add_class::<Nic>()?;
    m.add_class::<Version>()?;
    m.add_class::<Section>()?;
    m.add_class::<Transcript>()?;
    m.add_class::<Evidence>()?;
    m.add_class::<Finding>()?;
    m.add_class::<Host>()?;
    m.add_class::<Report>()?;
    Ok(())
}
