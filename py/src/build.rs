//! The core's borrowed, lazy results turned into owned result classes. Nothing here
//! touches Python, so it runs with the GIL released.

use vmkcheck_core::transcript::Section as CoreSection;
use vmkcheck_core::vmkping::{PingCommand as CoreCommand, PingRun, Response};
use vmkcheck_core::{Diagnostic as CoreDiagnostic, transcript, vmknic};
use vmkcheck_json::Checked;

use crate::classes::{
    Counts, Diagnostic, Evidence, Finding, Host, Ping, PingCommand, PingResponse, Report, Section,
    Transcript, VmknicRow,
};
use crate::record::{Kid, Kids};

fn own(s: Option<&str>) -> Option<String> {
    s.map(str::to_owned)
}

pub(crate) fn row(r: &vmknic::VmknicRow<'_>) -> VmknicRow {
    VmknicRow {
        line: r.line,
        interface: r.interface.to_owned(),
        portgroup: own(r.portgroup),
        portgroup_kind: r.portgroup_kind.map(|k| k.as_str()),
        family: r.family.as_str(),
        address: own(r.address),
        netmask: own(r.netmask),
        prefix_len: r.prefix_len,
        broadcast: own(r.broadcast),
        mac: own(r.mac),
        mtu: r.mtu,
        tso_mss: r.tso_mss,
        enabled: r.enabled,
        type_: own(r.type_),
        netstack: own(r.netstack),
    }
}

fn command(c: &CoreCommand<'_>) -> PingCommand {
    PingCommand {
        text: c.text.to_owned(),
        program: c.program.to_owned(),
        target: own(c.target),
        netstack: own(c.netstack),
        interface: own(c.interface),
        ipv6: c.ipv6,
        df: c.df,
        size: c.size,
        count: c.count,
        interval: c.interval,
        wait: c.wait,
        ttl: c.ttl,
        next_hop: own(c.next_hop),
    }
}

fn response(r: &Response<'_>) -> PingResponse {
    PingResponse {
        line: r.line,
        type_: r.kind.as_str(),
        bytes: r.bytes,
        response_ip: own(r.response_ip),
        icmp_seq: r.icmp_seq,
        ttl: r.ttl,
        time_ms: r.time_ms,
        duplicate: r.duplicate,
        error: own(r.error),
    }
}

pub(crate) fn ping(run: &PingRun<'_>) -> Ping {
    let rt = run.round_trip;
    Ping {
        line: run.line,
        command: Kid::new(run.command.as_ref().map(command)),
        destination: own(run.destination),
        destination_ip: own(run.destination_ip),
        data_bytes: run.data_bytes,
        packets_transmitted: run.packets_transmitted(),
        packets_received: run.packets_received(),
        packet_loss_percent: run.packet_loss_percent(),
        duplicates: run.duplicates(),
        round_trip_ms_min: rt.map(|r| r.min),
        round_trip_ms_avg: rt.map(|r| r.avg),
        round_trip_ms_max: rt.map(|r| r.max),
        round_trip_ms_stddev: rt.and_then(|r| r.stddev),
        responses: Kids::new(run.responses().map(|r| response(&r)).collect()),
        complete: run.complete(),
    }
}

fn diagnostic(d: &CoreDiagnostic<'_>) -> Diagnostic {
    Diagnostic {
        line: d.line,
        kind: d.kind.as_str(),
        message: d.to_string(),
    }
}

fn section(s: &CoreSection<'_>) -> Section {
    Section {
        line: s.line,
        host: own(s.host),
        command: own(s.command),
        kind: s.kind.as_str(),
        vmknic: s
            .vmknic()
            .map(|t| Kids::new(t.rows().map(|r| row(&r)).collect())),
        vmkping: Kid::new(s.vmkping().as_ref().map(ping)),
    }
}

pub(crate) fn transcript(text: &str) -> Transcript {
    let t = transcript::parse(text);
    Transcript {
        schema: vmkcheck_core::TRANSCRIPT_SCHEMA,
        sections: Kids::new(t.sections().map(|s| section(&s)).collect()),
        diagnostics: Kids::new(t.diagnostics().map(|d| diagnostic(&d)).collect()),
        text: text.into(),
    }
}

pub(crate) fn report(checked: &mut Checked<'_>) -> Report {
    let json = checked.to_json();
    let report = checked.report();
    let hosts = report
        .hosts
        .iter()
        .map(|h| {
            let (names, mtu) = report.vmotion_of(h);
            Host {
                name: h.name.to_string(),
                vmotion_interfaces: names.map(str::to_owned).collect(),
                mtu,
            }
        })
        .collect();
    let findings = report
        .findings
        .iter()
        .map(|f| Finding {
            rule: f.rule.id(),
            severity: f.severity.as_str(),
            host: f.host.map(|h| h.to_string()),
            peer: f.peer.map(|h| h.to_string()),
            interface: own(f.interface),
            message: f.message().to_string(),
            remediation: f.remediation().map(|r| r.to_string()),
            evidence: Kids::new(
                f.evidence()
                    .map(|e| Evidence {
                        host: e.host.to_string(),
                        line: e.line,
                    })
                    .collect(),
            ),
        })
        .collect();
    let c = report.counts();
    Report {
        schema: vmkcheck_core::report::REPORT_SCHEMA,
        verdict: report.verdict().as_str(),
        hosts: Kids::new(hosts),
        findings: Kids::new(findings),
        counts: Counts {
            error: c.error,
            unverified: c.unverified,
            warning: c.warning,
            info: c.info,
        },
        json,
    }
}
