//! Reading the transcripts named on the command line.

use std::fmt;
use std::io::{self, Read};

/// The built-in sample: a real two-host transcript (tests/corpus/softlayer-two-hosts).
pub const SAMPLE: &str = include_str!("../../tests/corpus/softlayer-two-hosts/input.txt");

/// One transcript to read.
pub struct Input {
    /// What the user named (a path, `-` or `(built-in sample)`).
    pub name: String,
    /// Names the hosts whose prompts name none: the file stem (empty for the sample).
    pub host_name: String,
    pub text: String,
}

#[derive(Debug)]
pub enum InputError {
    NotFound(String),
    NotText(String, vmkcheck_core::Error),
    Io(String, io::Error),
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NotFound(p) => write!(f, "{p}: no such file"),
            Self::NotText(p, e) => write!(f, "{p}: {e}"),
            Self::Io(p, e) => write!(f, "{p}: {e}"),
        }
    }
}

/// Reads every named input (none: the built-in sample).
pub fn read_all(files: &[String]) -> Result<Vec<Input>, InputError> {
    if files.is_empty() {
        return Ok(vec![Input {
            name: "(built-in sample)".into(),
            host_name: String::new(),
            text: SAMPLE.to_owned(),
        }]);
    }
    files.iter().map(|f| read_one(f)).collect()
}

fn read_one(name: &str) -> Result<Input, InputError> {
    let mut bytes = Vec::new();
    let read = if name == "-" {
        io::stdin().lock().read_to_end(&mut bytes)
    } else {
        std::fs::File::open(name).and_then(|mut f| f.read_to_end(&mut bytes))
    };
    match read {
        Ok(_) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(InputError::NotFound(name.into()));
        }
        Err(e) => return Err(InputError::Io(name.into(), e)),
    }
    let text = to_text(bytes).map_err(|e| InputError::NotText(name.into(), e))?;
    let host_name = if name == "-" {
        String::new()
    } else {
        std::path::Path::new(name)
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned())
    };
    Ok(Input {
        name: name.into(),
        host_name,
        text,
    })
}

/// UTF-8 text without NUL bytes, a leading BOM dropped (the rules every front end shares).
fn to_text(bytes: Vec<u8>) -> Result<String, vmkcheck_core::Error> {
    vmkcheck_json::as_text(&bytes).map(|s| vmkcheck_json::strip_bom(s).to_owned())
}

/// Reads a facts file (UTF-8 text).
pub fn read_facts(name: &str) -> Result<String, InputError> {
    read_one(name).map(|i| i.text)
}
