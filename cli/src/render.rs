//! Human-readable output.

use std::io::{self, Write};

use vmkcheck_core::transcript::{SectionKind, Transcript};

use crate::input::Input;

fn or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

fn num<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

/// `vmkcheck parse` without `--json`: each section, its rows or ping summary, then
/// the diagnostics with their lines.
pub fn transcript(
    out: &mut impl Write,
    input: &Input,
    t: &Transcript<'_>,
    title: bool,
) -> io::Result<()> {
    if title {
        writeln!(out, "== {}", input.name)?;
    }
    let mut sections = 0usize;
    for s in t.sections() {
        sections += 1;
        let host = or_dash(s.host);
        let cmd = s.command.unwrap_or("(no command line)");
        writeln!(
            out,
            "{}:{} [{}] {} — {}",
            input.name,
            s.line,
            host,
            s.kind.as_str(),
            cmd
        )?;
        match s.kind {
            SectionKind::Vmknic => {
                let Some(table) = s.vmknic() else { continue };
                writeln!(
                    out,
                    "  {:<6} {:<22} {:<4} {:<28} {:>5} {:<5} netstack",
                    "vmk", "port group", "fam", "address/prefix", "MTU", "on"
                )?;
                for r in table.rows() {
                    let addr = match (r.address, r.prefix_len) {
                        (Some(a), Some(p)) => format!("{a}/{p}"),
                        (Some(a), None) => a.to_owned(),
                        (None, _) => "-".to_owned(),
                    };
                    let pg: String = or_dash(r.portgroup).chars().take(22).collect();
                    writeln!(
                        out,
                        "  {:<6} {:<22} {:<4} {:<28} {:>5} {:<5} {}",
                        r.interface,
                        pg,
                        if r.family == vmkcheck_core::vmknic::Family::Ipv6 {
                            "v6"
                        } else {
                            "v4"
                        },
                        addr,
                        num(r.mtu),
                        num(r.enabled),
                        or_dash(r.netstack)
                    )?;
                }
            }
            SectionKind::Vmkping => {
                let Some(run) = s.vmkping() else { continue };
                let opts = run.command.map(|c| {
                    format!(
                        " (netstack {}, vmk {}, {}size {})",
                        or_dash(c.netstack),
                        or_dash(c.interface),
                        if c.df { "DF, " } else { "" },
                        num(c.size)
                    )
                });
                let target = run.destination.or(run.command.and_then(|c| c.target));
                let counts = match (
                    run.packets_transmitted(),
                    run.packets_received(),
                    run.packet_loss_percent(),
                ) {
                    (Some(tx), Some(rx), Some(loss)) => {
                        format!("{tx} sent, {rx} received, {loss}% loss")
                    }
                    _ => format!("{} replies shown, no summary", run.replies_shown()),
                };
                let rtt = run.round_trip.map(|r| format!(", rtt avg {} ms", r.avg));
                writeln!(
                    out,
                    "  → {}{}: {}{}",
                    or_dash(target),
                    opts.unwrap_or_default(),
                    counts,
                    rtt.unwrap_or_default()
                )?;
                for r in run.responses().filter(|r| r.error.is_some()).take(1) {
                    writeln!(out, "    sendto() failed: {}", r.error.unwrap_or_default())?;
                }
            }
            SectionKind::Unknown => {}
        }
    }
    if sections == 0 {
        writeln!(
            out,
            "{}: nothing recognisable (no esxcfg-vmknic table, no ping output)",
            input.name
        )?;
    }
    let mut diags = t.diagnostics().peekable();
    if diags.peek().is_some() {
        writeln!(out, "diagnostics:")?;
        for d in diags {
            writeln!(
                out,
                "  {}:{}: {}: {}",
                input.name,
                d.line,
                d.kind.as_str(),
                d
            )?;
        }
    }
    Ok(())
}
