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
    pub const NOT_READY: u8 = 1;
    pub const UNVERIFIED: u8 = 2;
}

const USAGE: &str = "\
vmkcheck — read esxcfg-vmknic / vmkping output pasted from ESXi hosts

Usage:
  vmkcheck check [FILE...] [--json] [--facts FILE.json]
                                      will vMotion work between these hosts?
  vmkcheck parse [FILE...] [--json]   what vmkcheck reads in each transcript
  vmkcheck rules [--json]             the rule catalogue
  vmkcheck --version | --help

FILE is a pasted transcript ('-' reads standard input); with no FILE, check and
parse use the built-in two-host sample. Hosts are named by their prompts, else by
the file's name. --facts adds what no paste shows (ESXi/vCenter versions, licence,
CPU, vmk tags): see the README.

Exit codes: 0 ready (or ready with warnings), 1 not ready, 2 unverified,
64 usage, 65 input is not text (or bad facts), 66 file not found.
";

struct Args {
    command: String,
    files: Vec<String>,
    json: bool,
    facts: Option<String>,
}

fn parse_args(raw: impl Iterator<Item = String>) -> Result<Args, String> {
    let mut command = None;
    let mut files = Vec::new();
    let mut json = false;
    let mut facts = None;
    let mut only_files = false;
    let mut raw = raw;
    while let Some(a) = raw.next() {
        match a.as_str() {
            _ if only_files => files.push(a),
            "--" => only_files = true,
            "--json" => json = true,
            "--facts" => facts = Some(raw.next().ok_or("--facts needs a file")?),
            s if s.starts_with("--facts=") => facts = Some(s["--facts=".len()..].to_owned()),
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
        facts,
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
        "check" => cmd_check(&args),
        "rules" if args.files.is_empty() => cmd_rules(&args),
        "rules" => return usage_error("rules takes no FILE"),
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
            let json = vmkcheck_json::parse_json(&inp.text)
                .map_err(|e| InputError::NotText(inp.name.clone(), e))?;
            out.write_all(json.as_bytes())
        } else {
            render::transcript(&mut out, inp, &t, inputs.len() > 1)
        };
        written.map_err(|e| InputError::Io(inp.name.clone(), e))?;
    }
    out.flush()
        .map_err(|e| InputError::Io("stdout".into(), e))?;
    Ok(0)
}

fn cmd_check(args: &Args) -> Result<u8, InputError> {
    let inputs = input::read_all(&args.files)?;
    let facts_text = args.facts.as_deref().map(input::read_facts).transpose()?;
    let sources: Vec<(&str, &str)> = inputs
        .iter()
        .map(|i| (i.host_name.as_str(), i.text.as_str()))
        .collect();
    let mut checked = vmkcheck_json::check(&sources, facts_text.as_deref())
        .map_err(|e| InputError::NotText(args.facts.clone().unwrap_or_default(), e))?;
    let verdict = checked.verdict();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if args.json {
        out.write_all(checked.to_json().as_bytes())
    } else {
        let colour = render::use_colour();
        render::report(&mut out, &inputs, &mut checked, colour)
    };
    written
        .and_then(|()| out.flush())
        .map_err(|e| InputError::Io("stdout".into(), e))?;
    Ok(match verdict {
        vmkcheck_core::report::Verdict::NotReady => exit::NOT_READY,
        vmkcheck_core::report::Verdict::Unverified => exit::UNVERIFIED,
        _ => 0,
    })
}

fn cmd_rules(args: &Args) -> Result<u8, InputError> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let written = if args.json {
        out.write_all(vmkcheck_json::rules_json().as_bytes())
    } else {
        render::rules(&mut out)
    };
    written
        .and_then(|()| out.flush())
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
