//! Human-readable output.

use std::io::{self, Write};

use vmkcheck_core::transcript::{Section, SectionKind, Transcript};

use crate::input::Input;

fn or_dash(v: Option<&str>) -> &str {
    v.unwrap_or("-")
}

fn num<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "-".to_owned(), |n| n.to_string())
}

fn list(items: impl Iterator<Item = String>) -> String {
    let v: Vec<String> = items.collect();
    if v.is_empty() {
        "-".to_owned()
    } else {
        v.join(", ")
    }
}

/// One line per item of the other commands' sections.
fn other_commands(out: &mut impl Write, s: &Section<'_>) -> io::Result<()> {
    if let Some(t) = s.tags() {
        let tags = list(t.tags().map(str::to_owned));
        writeln!(out, "  {}: {tags}", or_dash(t.interface))?;
    }
    for r in s.interface_list().iter().flat_map(|l| l.rows()) {
        writeln!(
            out,
            "  {:<6} {:<22} netstack {}, MTU {}, enabled {}, on {}",
            or_dash(r.name),
            or_dash(r.portgroup.or(r.vds_port)),
            or_dash(r.netstack),
            num(r.mtu),
            num(r.enabled),
            or_dash(r.vds_name.or(r.portset))
        )?;
    }
    for r in s.ipv4_get().iter().flat_map(|t| t.rows()) {
        writeln!(
            out,
            "  {:<6} {}/{} gateway {} ({})",
            r.interface,
            or_dash(r.address),
            num(r.prefix_len),
            or_dash(r.gateway),
            or_dash(r.type_)
        )?;
    }
    for r in s.ipv6_address_list().iter().flat_map(|t| t.rows()) {
        writeln!(
            out,
            "  {:<6} {}/{} ({}, {})",
            r.interface,
            or_dash(r.address),
            num(r.prefix_len),
            or_dash(r.type_),
            or_dash(r.status)
        )?;
    }
    for r in s.netstack_list().iter().flat_map(|l| l.rows()) {
        writeln!(out, "  {} (state {})", or_dash(r.key), num(r.state))?;
    }
    for r in s.route_list().iter().flat_map(|t| t.rows()) {
        writeln!(
            out,
            "  [{}] {}/{} via {} on {}",
            or_dash(r.netstack),
            or_dash(r.network),
            num(r.prefix_len),
            or_dash(r.gateway),
            or_dash(r.interface)
        )?;
    }
    for sw in s.vswitch().iter().flat_map(|l| l.switches()) {
        writeln!(
            out,
            "  {} {}: MTU {}, uplinks {}",
            sw.kind.as_str(),
            sw.name,
            num(sw.mtu),
            list(sw.uplinks().map(str::to_owned))
        )?;
        for pg in sw.portgroups() {
            writeln!(out, "    port group {} (VLAN {})", pg.name, num(pg.vlan_id))?;
        }
        for d in sw.dvports().filter(|d| d.client.is_some()) {
            writeln!(out, "    DVPort {}: {}", d.id, or_dash(d.client))?;
        }
    }
    for n in s.nic_list().iter().flat_map(|l| l.nics()) {
        writeln!(
            out,
            "  {:<7} link {}, {} Mbps {}, MTU {} ({})",
            n.name,
            or_dash(n.link),
            num(n.speed_mbps),
            or_dash(n.duplex),
            num(n.mtu),
            or_dash(n.description)
        )?;
    }
    if let Some(v) = s.version() {
        writeln!(
            out,
            "  {} {} build {}{}",
            or_dash(v.product),
            or_dash(v.version),
            num(v.build),
            v.update
                .map(|u| format!(", update {u}"))
                .unwrap_or_default()
        )?;
    }
    if let Some(run) = s.diag_ping() {
        let c = run.command;
        let counts = match (run.packets_transmitted(), run.packets_received()) {
            (Some(tx), Some(rx)) => format!("{tx} sent, {rx} received"),
            _ => "no summary".to_owned(),
        };
        writeln!(
            out,
            "  → {} (netstack {}, vmk {}, {}size {}): {counts}",
            or_dash(run.destination),
            or_dash(c.and_then(|c| c.netstack)),
            or_dash(c.and_then(|c| c.interface)),
            if c.is_some_and(|c| c.df) { "DF, " } else { "" },
            num(c.and_then(|c| c.size))
        )?;
        for r in run.responses().filter(|r| r.error.is_some()).take(1) {
            writeln!(out, "    sendto() failed: {}", r.error.unwrap_or_default())?;
        }
    }
    Ok(())
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
            _ => other_commands(out, &s)?,
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

/// Colour when stdout is a terminal and NO_COLOR is unset.
pub fn use_colour() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none() && io::stdout().is_terminal()
}

fn paint(colour: bool, code: &str, text: &str) -> String {
    if colour {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

const WIDTH: usize = 80;

/// Writes `text` wrapped at 80 columns, every line indented by `indent`.
fn wrapped(out: &mut impl Write, indent: usize, text: &str) -> io::Result<()> {
    let pad = " ".repeat(indent);
    let mut line = String::new();
    for word in text.split(' ') {
        if !line.is_empty() && indent + line.chars().count() + 1 + word.chars().count() > WIDTH {
            writeln!(out, "{pad}{line}")?;
            line.clear();
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        writeln!(out, "{pad}{line}")?;
    }
    Ok(())
}

/// `vmkcheck check` without `--json`: verdict first, hosts, then findings by severity.
pub fn report(
    out: &mut impl Write,
    inputs: &[Input],
    checked: &mut vmkcheck_json::Checked<'_>,
    colour: bool,
) -> io::Result<()> {
    use vmkcheck_core::report::Verdict;
    use vmkcheck_core::rules::Severity;
    let report = checked.report();
    let counts = report.counts();
    let (label, code) = match report.verdict() {
        Verdict::Ready => ("READY", "1;32"),
        Verdict::ReadyWithWarnings => ("READY WITH WARNINGS", "1;33"),
        Verdict::Unverified => ("UNVERIFIED", "1;35"),
        Verdict::NotReady => ("NOT READY", "1;31"),
    };
    writeln!(
        out,
        "{} — {} host{}: {} error, {} unverified, {} warning, {} info",
        paint(colour, code, label),
        report.hosts.len(),
        if report.hosts.len() == 1 { "" } else { "s" },
        counts.error,
        counts.unverified,
        counts.warning,
        counts.info
    )?;
    writeln!(out)?;
    for h in report.hosts {
        let (names, mtu) = report.vmotion_of(h);
        let names: Vec<&str> = names.collect();
        let vm = if names.is_empty() {
            "no vMotion interface known".to_owned()
        } else {
            format!("vMotion {}", names.join(", "))
        };
        let mtu = mtu.map(|m| format!(" (MTU {m})")).unwrap_or_default();
        writeln!(out, "  {:<20} {vm}{mtu}", h.name.to_string())?;
    }
    for sev in Severity::ALL {
        let group: Vec<_> = report
            .findings
            .iter()
            .filter(|f| f.severity == sev)
            .collect();
        if group.is_empty() {
            continue;
        }
        let (title, code, mark) = match sev {
            Severity::Error => ("Errors", "31", "✗"),
            Severity::Unverified => ("Unverified", "35", "?"),
            Severity::Warning => ("Warnings", "33", "!"),
            Severity::Info => ("Info", "36", "i"),
        };
        writeln!(
            out,
            "\n{} ({})",
            paint(colour, &format!("1;{code}"), title),
            group.len()
        )?;
        for f in group {
            let mut head = format!("{} {}", paint(colour, code, mark), f.rule.id());
            match (f.host, f.peer) {
                (Some(h), Some(p)) => head += &format!("  {h} → {p}"),
                (Some(h), None) => head += &format!("  {h}"),
                _ => {}
            }
            if let Some(i) = f.interface {
                head += &format!("  {i}");
            }
            writeln!(out, "  {head}")?;
            wrapped(out, 4, &f.message().to_string())?;
            let evidence: Vec<String> = f
                .evidence()
                .map(|e| {
                    let file = inputs
                        .get(e.source as usize)
                        .map_or("?", |i| i.name.as_str());
                    format!("{file}:{}", e.line)
                })
                .collect();
            if !evidence.is_empty() {
                wrapped(out, 4, &format!("evidence: {}", evidence.join(", ")))?;
            }
            if let Some(r) = f.remediation() {
                wrapped(out, 4, &format!("fix: {r}"))?;
            }
        }
    }
    Ok(())
}

/// `vmkcheck rules` without `--json`.
pub fn rules(out: &mut impl Write) -> io::Result<()> {
    for r in vmkcheck_core::rules::Rule::ALL {
        writeln!(out, "{:<32} {:<10}", r.id(), r.severity().as_str())?;
        wrapped(out, 4, r.summary())?;
        wrapped(out, 4, &format!("ref: {}", r.reference()))?;
    }
    Ok(())
}
