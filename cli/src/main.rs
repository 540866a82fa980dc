//! `vmkcheck`: parse and check pasted ESXi output from the command line.

mod input;
mod render;

use std::io::{self, Write};
use std::process::ExitCode;

use input::InputError;

/// Exit codes (DESIGN.md §6).
mod exit {
    pub const USAGE: u8 = 64;
    pub const DATA: u8 = 65;
    pub const NO_INPUT: u8 = 66;
    pub const IO: u8 = 74;
}

const USAGE: &str = "\
vmkcheck — read esxcfg-vmknic / vmkping output pasted from ESXi hosts

Usage:
  vmkcheck parse [FILE...] [--json]   parse transcripts (no FILE: the built-in sample)
  vmkcheck --version | --help

FILE is a pasted transcript; '-' reads standard input.
With --json, one JSON document per FILE (schema vmkcheck.transcript.v1).

Exit codes: 0 ok, 64 usage, 65 input is not text, 66 file not found.
";

struct Args {
    command: String,
    files: Vec<String>,
    json: bool,
}

fn parse_args(raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut command = None;
    let mut files = Vec::new();
    let mut json = false;
    let mut only_files = false;
    for a in raw {
        match a.as_str() {
            _ if only_files => files.push(a),
            "--" => only_files = true,
            "--json" => json = true,
            "-" => files.push(a),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ if command.is_none() => command = Some(a),
            _ => files.push(a),
        }
    }
    let command = command.ok_or("missing command")?;
    Ok(Args {
        command,
        files,
        json,
    })
}

fn main() -> ExitCode {
    let mut raw = std::env::args().skip(1).peekable();
    match raw.peek().map(String::as_str) {
        None | Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return ExitCode::from(if raw.peek().is_none() { exit::USAGE } else { 0 });
        }
        Some("-V" | "--version") => {
            println!("vmkcheck {}", env!("CARGO_PKG_VERSION"));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let args = match parse_args(raw) {
        Ok(a) => a,
        Err(e) => return usage_error(&e),
    };
    let result = match args.command.as_str() {
        "parse" => cmd_parse(&args),
        other => return usage_error(&format!("unknown command {other:?}")),
    };
    match result {
        Ok(code) => ExitCode::from(code),
        Err(e) => {
            eprintln!("vmkcheck: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}

fn usage_error(msg: &str) -> ExitCode {
    eprintln!("vmkcheck: {msg}\n\n{USAGE}");
    ExitCode::from(exit::USAGE)
}

fn cmd_parse(args: &Args) -> Result<u8, InputError> {
    let inputs = input::read_all(&args.files)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for inp in &inputs {
        let t = vmkcheck_core::transcript::parse(&inp.text);
        let written = if args.json {
            serde_json::to_writer_pretty(&mut out, &t)
                .map_err(io::Error::from)
                .and_then(|()| writeln!(out))
        } else {
            render::transcript(&mut out, inp, &t, inputs.len() > 1)
        };
        written.map_err(|e| InputError::Io(inp.name.clone(), e))?;
    }
    out.flush()
        .map_err(|e| InputError::Io("stdout".into(), e))?;
    Ok(0)
}

impl InputError {
    fn exit_code(&self) -> u8 {
        match self {
            InputError::NotFound(_) => exit::NO_INPUT,
            InputError::NotText(..) => exit::DATA,
            InputError::Io(..) => exit::IO,
        }
    }
}
