//! `Serialize` for every result: exactly the JSON of DESIGN.md §4 (field names and order
//! fixed, absent values `null`). Sequences are streamed from the lazy iterators, so
//! serializing needs no allocation either.

use core::fmt::Display;

use serde::ser::{Serialize, SerializeStruct, Serializer};

use crate::diag::Diagnostic;
use crate::report::{Counts, Report};
use crate::rules::{Evidence, Finding, HostName, Rule};
#[cfg(not(feature = "esxi-commands"))]
use crate::transcript::SectionKind;
use crate::transcript::{Section, Transcript};
use crate::vmknic::VmknicRow;
use crate::vmkping::{PingCommand, PingRun, Response, Run};

/// Serializes a `Display` value as a JSON string, without allocating.
pub(crate) struct Shown<'t, T: ?Sized>(pub &'t T);

impl<T: Display + ?Sized> Serialize for Shown<'_, T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self.0)
    }
}

/// Serializes a cloneable iterator as a JSON array.
pub(crate) struct Items<I>(pub I);

impl<I> Serialize for Items<I>
where
    I: Iterator + Clone,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.clone())
    }
}

/// Serializes an iterator as a JSON array once, without cloning it: for iterators
/// whose `Clone` would cost code size (the transcript's diagnostics hold any kind's).
/// A second serialization writes `[]`.
pub(crate) struct Once<I>(pub core::cell::Cell<Option<I>>);

impl<I> Once<I> {
    pub(crate) fn new(iter: I) -> Self {
        Self(core::cell::Cell::new(Some(iter)))
    }
}

impl<I> Serialize for Once<I>
where
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.take().into_iter().flatten())
    }
}

impl Serialize for VmknicRow<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("VmknicRow", 15)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("interface", self.interface)?;
        st.serialize_field("portgroup", &self.portgroup)?;
        st.serialize_field("portgroup_kind", &self.portgroup_kind.map(|k| k.as_str()))?;
        st.serialize_field("family", self.family.as_str())?;
        st.serialize_field("address", &self.address)?;
        st.serialize_field("netmask", &self.netmask)?;
        st.serialize_field("prefix_len", &self.prefix_len)?;
        st.serialize_field("broadcast", &self.broadcast)?;
        st.serialize_field("mac", &self.mac)?;
        st.serialize_field("mtu", &self.mtu)?;
        st.serialize_field("tso_mss", &self.tso_mss)?;
        st.serialize_field("enabled", &self.enabled)?;
        st.serialize_field("type", &self.type_)?;
        st.serialize_field("netstack", &self.netstack)?;
        st.end()
    }
}

impl Serialize for Diagnostic<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Diagnostic", 3)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("kind", self.kind.as_str())?;
        st.serialize_field("message", &Shown(self))?;
        st.end()
    }
}

impl Serialize for PingCommand<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("PingCommand", 13)?;
        st.serialize_field("text", self.text)?;
        st.serialize_field("program", self.program)?;
        st.serialize_field("target", &self.target)?;
        st.serialize_field("netstack", &self.netstack)?;
        st.serialize_field("interface", &self.interface)?;
        st.serialize_field("ipv6", &self.ipv6)?;
        st.serialize_field("df", &self.df)?;
        st.serialize_field("size", &self.size)?;
        st.serialize_field("count", &self.count)?;
        st.serialize_field("interval", &self.interval)?;
        st.serialize_field("wait", &self.wait)?;
        st.serialize_field("ttl", &self.ttl)?;
        st.serialize_field("next_hop", &self.next_hop)?;
        st.end()
    }
}

impl Serialize for Response<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Response", 9)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("type", self.kind.as_str())?;
        st.serialize_field("bytes", &self.bytes)?;
        st.serialize_field("response_ip", &self.response_ip)?;
        st.serialize_field("icmp_seq", &self.icmp_seq)?;
        st.serialize_field("ttl", &self.ttl)?;
        st.serialize_field("time_ms", &self.time_ms)?;
        st.serialize_field("duplicate", &self.duplicate)?;
        st.serialize_field("error", &self.error)?;
        st.end()
    }
}

impl Serialize for PingRun<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        run(self, s)
    }
}

/// The run JSON of a vmkping run or an esxcli diag ping (DESIGN.md §4.2).
pub(crate) fn run<'a, S: Serializer>(r: &impl Run<'a>, s: S) -> Result<S::Ok, S::Error> {
    let h = r.head();
    let (sum, rt) = (h.summary, h.round_trip);
    let mut st = s.serialize_struct("PingRun", 15)?;
    st.serialize_field("line", &h.line)?;
    st.serialize_field("command", &h.command)?;
    st.serialize_field("destination", &h.destination)?;
    st.serialize_field("destination_ip", &h.destination_ip)?;
    st.serialize_field("data_bytes", &h.data_bytes)?;
    st.serialize_field("packets_transmitted", &sum.map(|s| s.transmitted))?;
    st.serialize_field("packets_received", &sum.map(|s| s.received))?;
    st.serialize_field("packet_loss_percent", &sum.map(|s| s.loss_percent))?;
    st.serialize_field("duplicates", &sum.map(|s| s.duplicates))?;
    st.serialize_field("round_trip_ms_min", &rt.map(|r| r.min))?;
    st.serialize_field("round_trip_ms_avg", &rt.map(|r| r.avg))?;
    st.serialize_field("round_trip_ms_max", &rt.map(|r| r.max))?;
    st.serialize_field("round_trip_ms_stddev", &rt.and_then(|r| r.stddev))?;
    st.serialize_field("responses", &Items(r.responses()))?;
    st.serialize_field("complete", &sum.is_some())?;
    st.end()
}

impl Serialize for Section<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Section", 16)?;
        st.serialize_field("line", &self.line)?;
        st.serialize_field("host", &self.host)?;
        st.serialize_field("command", &self.command)?;
        st.serialize_field("kind", self.kind.as_str())?;
        st.serialize_field("vmknic", &self.vmknic().map(|t| Items(t.rows())))?;
        st.serialize_field("vmkping", &self.vmkping())?;
        other_commands(self, &mut st)?;
        st.end()
    }
}

/// The fields of the other commands' kinds, in `SectionKind::PARSED` order.
#[cfg(feature = "esxi-commands")]
fn other_commands<S: SerializeStruct>(x: &Section<'_>, st: &mut S) -> Result<(), S::Error> {
    st.serialize_field("tags", &x.tags())?;
    st.serialize_field("interface_list", &x.interface_list())?;
    st.serialize_field("ipv4_get", &x.ipv4_get())?;
    st.serialize_field("ipv6_address_list", &x.ipv6_address_list())?;
    st.serialize_field("netstack_list", &x.netstack_list())?;
    st.serialize_field("route_list", &x.route_list())?;
    st.serialize_field("vswitch", &x.vswitch())?;
    st.serialize_field("nic_list", &x.nic_list())?;
    st.serialize_field("version", &x.version())?;
    st.serialize_field("diag_ping", &x.diag_ping())
}

/// Without their parsers the fields are still there, `null`: the JSON shape is one.
#[cfg(not(feature = "esxi-commands"))]
fn other_commands<S: SerializeStruct>(x: &Section<'_>, st: &mut S) -> Result<(), S::Error> {
    for kind in SectionKind::PARSED.iter().skip(2) {
        let _ = x;
        st.serialize_field(kind.as_str(), &None::<()>)?;
    }
    Ok(())
}

/// The schema id of [`Transcript`]'s JSON.
pub const TRANSCRIPT_SCHEMA: &str = "vmkcheck.transcript.v1";

impl Serialize for Transcript<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Transcript", 3)?;
        st.serialize_field("schema", TRANSCRIPT_SCHEMA)?;
        st.serialize_field("sections", &Once::new(self.sections()))?;
        st.serialize_field("diagnostics", &Once::new(self.diagnostics()))?;
        st.end()
    }
}

impl Serialize for HostName<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl Serialize for Evidence<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Evidence", 2)?;
        st.serialize_field("host", &self.host)?;
        st.serialize_field("line", &self.line)?;
        st.end()
    }
}

impl Serialize for Finding<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Finding", 8)?;
        st.serialize_field("rule", self.rule.id())?;
        st.serialize_field("severity", self.severity.as_str())?;
        st.serialize_field("host", &self.host)?;
        st.serialize_field("peer", &self.peer)?;
        st.serialize_field("interface", &self.interface)?;
        st.serialize_field("message", &Shown(&self.message()))?;
        st.serialize_field("remediation", &self.remediation().as_ref().map(Shown))?;
        st.serialize_field("evidence", &Items(self.evidence()))?;
        st.end()
    }
}

impl Serialize for Counts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Counts", 4)?;
        st.serialize_field("error", &self.error)?;
        st.serialize_field("unverified", &self.unverified)?;
        st.serialize_field("warning", &self.warning)?;
        st.serialize_field("info", &self.info)?;
        st.end()
    }
}

/// A host of the report: name, vMotion interfaces, MTU.
struct HostSummary<'r, 'a> {
    report: &'r Report<'r, 'a>,
    host: &'r crate::rules::Host<'a>,
}

impl Serialize for HostSummary<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let (names, mtu) = self.report.vmotion_of(self.host);
        let mut st = s.serialize_struct("Host", 3)?;
        st.serialize_field("name", &self.host.name)?;
        st.serialize_field("vmotion_interfaces", &Items(names))?;
        st.serialize_field("mtu", &mtu)?;
        st.end()
    }
}

/// The schema id of [`Report`]'s JSON.
pub use crate::report::REPORT_SCHEMA;

impl Serialize for Report<'_, '_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let hosts = self
            .hosts
            .iter()
            .map(|host| HostSummary { report: self, host });
        let mut st = s.serialize_struct("Report", 5)?;
        st.serialize_field("schema", REPORT_SCHEMA)?;
        st.serialize_field("verdict", self.verdict().as_str())?;
        st.serialize_field("hosts", &Items(hosts))?;
        st.serialize_field("findings", &Items(self.findings.iter()))?;
        st.serialize_field("counts", &self.counts())?;
        st.end()
    }
}

/// One rule of the catalogue, as `vmkcheck rules --json` lists it.
#[derive(Clone, Copy, Debug)]
pub struct RuleEntry(pub Rule);

impl Serialize for RuleEntry {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Rule", 4)?;
        st.serialize_field("id", self.0.id())?;
        st.serialize_field("severity", self.0.severity().as_str())?;
        st.serialize_field("summary", self.0.summary())?;
        st.serialize_field("reference", self.0.reference())?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn row_json_matches_the_contract() {
        let t = crate::vmknic::parse(
            "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack\n\
             vmk0       Management Network                      IPv4      172.26.64.10                            255.255.255.192 172.26.64.63    88:e9:a4:6b:b8:54 1500    65535     true    STATIC              defaultTcpipStack\n",
        )
        .unwrap();
        let row = t.rows().next().unwrap();
        assert_eq!(
            serde_json::to_value(row).unwrap(),
            json!({"line": 2, "interface": "vmk0", "portgroup": "Management Network",
                   "portgroup_kind": "name", "family": "ipv4", "address": "172.26.64.10",
                   "netmask": "255.255.255.192", "prefix_len": 26, "broadcast": "172.26.64.63",
                   "mac": "88:e9:a4:6b:b8:54", "mtu": 1500, "tso_mss": 65535, "enabled": true,
                   "type": "STATIC", "netstack": "defaultTcpipStack"})
        );
    }
}
