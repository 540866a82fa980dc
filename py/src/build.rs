//! The core's borrowed, lazy results turned into owned result classes. Nothing here
//! touches Python, so it runs with the GIL released.

use vmkcheck_core::transcript::Section as CoreSection;
use vmkcheck_core::vmkping::{PingCommand as CoreCommand, Response, Run};
use vmkcheck_core::{Diagnostic as CoreDiagnostic, iface, ipaddr, netstack, nic, route, tags};
use vmkcheck_core::{transcript, version, vmknic, vswitch};
use vmkcheck_json::Checked;

use crate::classes::{
    Counts, Diagnostic, Evidence, Finding, Host, Ping, PingCommand, PingResponse, Report,
    ResponseType, Section, Transcript, VmknicRow,
};
use crate::commands::{
    Dvport, InterfaceRow, Ipv4Row, Ipv6Row, NetstackRow, Nic, Portgroup, RouteRow, Switch, Tags,
    Version,
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
        type_: ResponseType(r.kind),
        bytes: r.bytes,
        response_ip: own(r.response_ip),
        icmp_seq: r.icmp_seq,
        ttl: r.ttl,
        time_ms: r.time_ms,
        duplicate: r.duplicate,
        error: own(r.error),
    }
}

/// A run of either kind (vmkping, or esxcli diag ping in the same shape) through the
/// core's one view of a run.
pub(crate) fn ping<'a>(run: &impl Run<'a>) -> Ping {
    let h = run.head();
    let (rt, sm) = (h.round_trip, h.summary);
    Ping {
        line: h.line,
        command: Kid::new(h.command.as_ref().map(command)),
        destination: own(h.destination),
        destination_ip: own(h.destination_ip),
        data_bytes: h.data_bytes,
        packets_transmitted: sm.map(|s| s.transmitted),
        packets_received: sm.map(|s| s.received),
        packet_loss_percent: sm.map(|s| s.loss_percent),
        duplicates: sm.map(|s| s.duplicates),
        round_trip_ms_min: rt.map(|r| r.min),
        round_trip_ms_avg: rt.map(|r| r.avg),
        round_trip_ms_max: rt.map(|r| r.max),
        round_trip_ms_stddev: rt.and_then(|r| r.stddev),
        responses: Kids::new(run.responses().map(|r| response(&r)).collect()),
        complete: sm.is_some(),
    }
}

fn owns<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    items.map(str::to_owned).collect()
}

fn tags(t: &tags::Tags<'_>) -> Tags {
    Tags {
        line: t.line,
        interface: own(t.interface),
        tags: t.value.map(|_| owns(t.tags())),
    }
}

fn interface(r: &iface::InterfaceRow<'_>) -> InterfaceRow {
    InterfaceRow {
        line: r.line,
        name: own(r.name),
        mac: own(r.mac),
        enabled: r.enabled,
        portset: own(r.portset),
        portgroup: own(r.portgroup),
        netstack: own(r.netstack),
        vds_name: own(r.vds_name),
        vds_uuid: own(r.vds_uuid),
        vds_port: own(r.vds_port),
        mtu: r.mtu,
        tso_mss: r.tso_mss,
        port_id: r.port_id,
    }
}

fn ipv4(r: &ipaddr::Ipv4Row<'_>) -> Ipv4Row {
    Ipv4Row {
        line: r.line,
        interface: r.interface.to_owned(),
        address: own(r.address),
        netmask: own(r.netmask),
        prefix_len: r.prefix_len,
        broadcast: own(r.broadcast),
        type_: own(r.type_),
        gateway: own(r.gateway),
        dhcp_dns: r.dhcp_dns,
    }
}

fn ipv6(r: &ipaddr::Ipv6Row<'_>) -> Ipv6Row {
    Ipv6Row {
        line: r.line,
        interface: r.interface.to_owned(),
        address: own(r.address),
        prefix_len: r.prefix_len,
        type_: own(r.type_),
        status: own(r.status),
    }
}

fn netstack(r: &netstack::NetstackRow<'_>) -> NetstackRow {
    NetstackRow {
        line: r.line,
        key: own(r.key),
        name: own(r.name),
        state: r.state,
    }
}

fn route(r: &route::RouteRow<'_>) -> RouteRow {
    RouteRow {
        line: r.line,
        netstack: own(r.netstack),
        family: r.family.as_str(),
        network: own(r.network),
        netmask: own(r.netmask),
        prefix_len: r.prefix_len,
        gateway: own(r.gateway),
        interface: own(r.interface),
        source: own(r.source),
    }
}

fn switch(s: &vswitch::Switch<'_>) -> Switch {
    Switch {
        line: s.line,
        kind: s.kind.as_str(),
        name: s.name.to_owned(),
        num_ports: s.num_ports,
        used_ports: s.used_ports,
        configured_ports: s.configured_ports,
        mtu: s.mtu,
        uplinks: owns(s.uplinks()),
        portgroups: Kids::new(
            s.portgroups()
                .map(|p| Portgroup {
                    line: p.line,
                    name: p.name.to_owned(),
                    vlan_id: p.vlan_id,
                    used_ports: p.used_ports,
                    uplinks: owns(p.uplinks()),
                })
                .collect(),
        ),
        dvports: Kids::new(
            s.dvports()
                .map(|d| Dvport {
                    line: d.line,
                    id: d.id.to_owned(),
                    in_use: d.in_use,
                    client: own(d.client),
                })
                .collect(),
        ),
    }
}

fn nic(n: &nic::Nic<'_>) -> Nic {
    Nic {
        line: n.line,
        name: n.name.to_owned(),
        pci: own(n.pci),
        driver: own(n.driver),
        admin_status: own(n.admin_status),
        link: own(n.link),
        speed_mbps: n.speed_mbps,
        duplex: own(n.duplex),
        mac: own(n.mac),
        mtu: n.mtu,
        description: own(n.description),
    }
}

fn version(v: &version::Version<'_>) -> Version {
    Version {
        line: v.line,
        product: own(v.product),
        version: own(v.version),
        build: v.build,
        update: own(v.update),
        patch: own(v.patch),
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
        tags: Kid::new(s.tags().as_ref().map(tags)),
        interface_list: s
            .interface_list()
            .map(|l| Kids::new(l.rows().map(|r| interface(&r)).collect())),
        ipv4_get: s
            .ipv4_get()
            .map(|t| Kids::new(t.rows().map(|r| ipv4(&r)).collect())),
        ipv6_address_list: s
            .ipv6_address_list()
            .map(|t| Kids::new(t.rows().map(|r| ipv6(&r)).collect())),
        netstack_list: s
            .netstack_list()
            .map(|l| Kids::new(l.rows().map(|r| netstack(&r)).collect())),
        route_list: s
            .route_list()
            .map(|t| Kids::new(t.rows().map(|r| route(&r)).collect())),
        vswitch: s
            .vswitch()
            .map(|l| Kids::new(l.switches().map(|w| switch(&w)).collect())),
        nic_list: s
            .nic_list()
            .map(|l| Kids::new(l.nics().map(|n| nic(&n)).collect())),
        version: Kid::new(s.version().as_ref().map(version)),
        diag_ping: Kid::new(s.diag_ping().as_ref().map(ping)),
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
