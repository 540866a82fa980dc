//! The result classes. Attribute names are the field names of the JSON contract
//! (DESIGN.md §4) and `to_dict()` gives exactly that JSON's object.
//!
//! Every class is frozen (immutable), compares and hashes by value, and is made only by
//! vmkcheck's functions. Nested results are tuples.

use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString, PyTuple};
use vmkcheck_core::vmkping;

use crate::commands::{
    InterfaceRow, Ipv4Row, Ipv6Row, NetstackRow, Nic, RouteRow, Switch, Tags, Version,
};
use crate::record::{Kid, Kids, record};

/// One row of `esxcfg-vmknic -l`: one address of one VMkernel interface (DESIGN.md §4.1).
///
/// An interface with IPv4 and IPv6 addresses gives one row per address. Columns an older
/// ESXi layout does not print are None; `address`, `netmask` and `broadcast` are the
/// text as printed (None for empty or `N/A`), valid or not.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct VmknicRow {
    /// 1-based line of the row in the text.
    #[pyo3(get)]
    pub line: u32,
    /// The interface, `vmkN`.
    #[pyo3(get)]
    pub interface: String,
    /// Port group name, DVPort number or NSX opaque-network UUID.
    #[pyo3(get)]
    pub portgroup: Option<String>,
    /// What `portgroup` holds: `"name"`, `"dvport"` or `"opaque"`.
    #[pyo3(get)]
    pub portgroup_kind: Option<&'static str>,
    /// `"ipv4"` or `"ipv6"`.
    #[pyo3(get)]
    pub family: &'static str,
    /// The IP address as printed.
    #[pyo3(get)]
    pub address: Option<String>,
    /// The netmask as printed (the prefix length on IPv6 rows).
    #[pyo3(get)]
    pub netmask: Option<String>,
    /// Prefix length, derived from the netmask (IPv4) or the prefix column (IPv6).
    #[pyo3(get)]
    pub prefix_len: Option<u8>,
    /// The broadcast address as printed.
    #[pyo3(get)]
    pub broadcast: Option<String>,
    /// The MAC address.
    #[pyo3(get)]
    pub mac: Option<String>,
    /// The MTU.
    #[pyo3(get)]
    pub mtu: Option<u32>,
    /// The TSO MSS.
    #[pyo3(get)]
    pub tso_mss: Option<u32>,
    /// Whether the interface is enabled.
    #[pyo3(get)]
    pub enabled: Option<bool>,
    /// The address type as printed: `STATIC`, `DHCP`, `STATIC, PREFERRED`, `NONE`.
    #[pyo3(get, name = "type")]
    pub type_: Option<String>,
    /// The TCP/IP stack: `defaultTcpipStack`, `vmotion`, `vSphereProvisioning`…
    #[pyo3(get)]
    pub netstack: Option<String>,
}

record!(VmknicRow {
    line => "line",
    interface => "interface",
    portgroup => "portgroup",
    portgroup_kind => "portgroup_kind",
    family => "family",
    address => "address",
    netmask => "netmask",
    prefix_len => "prefix_len",
    broadcast => "broadcast",
    mac => "mac",
    mtu => "mtu",
    tso_mss => "tso_mss",
    enabled => "enabled",
    type_ => "type",
    netstack => "netstack",
});

/// A `vmkping`/`ping` command line, with its options read (DESIGN.md §4.2 `command`).
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct PingCommand {
    /// The command as typed (without the prompt).
    #[pyo3(get)]
    pub text: String,
    /// `vmkping`, `ping` or `ping6`.
    #[pyo3(get)]
    pub program: String,
    /// The address or host name pinged.
    #[pyo3(get)]
    pub target: Option<String>,
    /// `++netstack=NAME` or `-S NAME`.
    #[pyo3(get)]
    pub netstack: Option<String>,
    /// `-I vmkN`: the interface to send from.
    #[pyo3(get)]
    pub interface: Option<String>,
    /// `-6`, or `ping6`.
    #[pyo3(get)]
    pub ipv6: bool,
    /// `-d`: don't fragment.
    #[pyo3(get)]
    pub df: bool,
    /// `-s N`: payload bytes.
    #[pyo3(get)]
    pub size: Option<u32>,
    /// `-c N`: packets to send.
    #[pyo3(get)]
    pub count: Option<u32>,
    /// `-i S`: seconds between packets.
    #[pyo3(get)]
    pub interval: Option<f64>,
    /// `-W S`: seconds to wait for a reply.
    #[pyo3(get)]
    pub wait: Option<f64>,
    /// `-t N`: IP time to live.
    #[pyo3(get)]
    pub ttl: Option<u32>,
    /// `-N ADDR`: the next hop.
    #[pyo3(get)]
    pub next_hop: Option<String>,
}

record!(PingCommand {
    text => "text",
    program => "program",
    target => "target",
    netstack => "netstack",
    interface => "interface",
    ipv6 => "ipv6",
    df => "df",
    size => "size",
    count => "count",
    interval => "interval",
    wait => "wait",
    ttl => "ttl",
    next_hop => "next_hop",
});

/// One response of a ping run: a reply, a timeout or a send failure (as in `jc`'s ping
/// schema, plus `line` and `error`).
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct PingResponse {
    /// 1-based line of the evidence (for an inferred timeout: the line that revealed it).
    #[pyo3(get)]
    pub line: u32,
    pub type_: ResponseType,
    /// Bytes received.
    #[pyo3(get)]
    pub bytes: Option<u32>,
    /// The address the reply came from.
    #[pyo3(get)]
    pub response_ip: Option<String>,
    /// The ICMP sequence number (the attempt index for a send failure).
    #[pyo3(get)]
    pub icmp_seq: Option<u32>,
    /// The reply's TTL (absent from ESXi IPv6 replies).
    #[pyo3(get)]
    pub ttl: Option<u32>,
    /// The round-trip time in milliseconds.
    #[pyo3(get)]
    pub time_ms: Option<f64>,
    /// A `(DUP!)` reply.
    #[pyo3(get)]
    pub duplicate: bool,
    /// For `send_failed`: the error, e.g. `"Message too long"`, `"Host is down"`.
    #[pyo3(get)]
    pub error: Option<String>,
}

record!(PingResponse {
    line => "line",
    type_ => "type",
    bytes => "bytes",
    response_ip => "response_ip",
    icmp_seq => "icmp_seq",
    ttl => "ttl",
    time_ms => "time_ms",
    duplicate => "duplicate",
    error => "error",
}
    /// `"reply"`, `"timeout"` or `"send_failed"`.
    #[getter(r#type)]
    fn type_<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        self.type_.py_str(py)
    }
);

/// What a response is. Read for every response, so its Python string is made once per
/// process (interned), not once per read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct ResponseType(pub vmkping::ResponseType);

impl ResponseType {
    fn py_str<'py>(self, py: Python<'py>) -> Bound<'py, PyString> {
        match self.0 {
            vmkping::ResponseType::Reply => pyo3::intern!(py, "reply"),
            vmkping::ResponseType::Timeout => pyo3::intern!(py, "timeout"),
            vmkping::ResponseType::SendFailed => pyo3::intern!(py, "send_failed"),
        }
        .clone()
    }
}

impl crate::record::Field for ResponseType {
    fn same(&self, other: &Self) -> bool {
        self == other
    }
    fn hash_into<H: std::hash::Hasher>(&self, h: &mut H) {
        std::hash::Hash::hash(self, h);
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        Ok(self.py_str(py).into_any())
    }
}

/// One `vmkping` run: its command line, responses and summary (DESIGN.md §4.2).
///
/// `to_dict()` is a superset of the `jc` ping schema (`jc.parse("ping", …)`): the same
/// keys and values, plus `line`, `command`, `complete` and per-response `line`/`error`.
/// Counts are None when the paste has no summary (`complete` is then False).
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Ping {
    /// 1-based line where the run starts (its command, or its first output line).
    #[pyo3(get)]
    pub line: u32,
    pub command: Kid<PingCommand>,
    /// The destination as printed in the `PING` header (or the command's target).
    #[pyo3(get)]
    pub destination: Option<String>,
    /// The destination's IP address from the `PING` header.
    #[pyo3(get)]
    pub destination_ip: Option<String>,
    /// Payload bytes per packet, from the `PING` header.
    #[pyo3(get)]
    pub data_bytes: Option<u32>,
    /// Packets sent, from the summary.
    #[pyo3(get)]
    pub packets_transmitted: Option<u32>,
    /// Packets received, from the summary.
    #[pyo3(get)]
    pub packets_received: Option<u32>,
    /// Packet loss in percent, from the summary.
    #[pyo3(get)]
    pub packet_loss_percent: Option<f64>,
    /// Duplicate replies.
    #[pyo3(get)]
    pub duplicates: Option<u32>,
    /// Minimum round-trip time (ms).
    #[pyo3(get)]
    pub round_trip_ms_min: Option<f64>,
    /// Average round-trip time (ms).
    #[pyo3(get)]
    pub round_trip_ms_avg: Option<f64>,
    /// Maximum round-trip time (ms).
    #[pyo3(get)]
    pub round_trip_ms_max: Option<f64>,
    /// Standard deviation of the round-trip time (ms), when printed (not by ESXi).
    #[pyo3(get)]
    pub round_trip_ms_stddev: Option<f64>,
    pub responses: Kids<PingResponse>,
    /// False when the summary is missing (a trimmed or interrupted paste).
    #[pyo3(get)]
    pub complete: bool,
}

record!(Ping {
    line => "line",
    command => "command",
    destination => "destination",
    destination_ip => "destination_ip",
    data_bytes => "data_bytes",
    packets_transmitted => "packets_transmitted",
    packets_received => "packets_received",
    packet_loss_percent => "packet_loss_percent",
    duplicates => "duplicates",
    round_trip_ms_min => "round_trip_ms_min",
    round_trip_ms_avg => "round_trip_ms_avg",
    round_trip_ms_max => "round_trip_ms_max",
    round_trip_ms_stddev => "round_trip_ms_stddev",
    responses => "responses",
    complete => "complete",
}
    /// The command line (None when the paste shows no command).
    #[getter]
    fn command(&self, py: Python<'_>) -> PyResult<Option<Py<PingCommand>>> {
        self.command.object(py)
    }

    /// Replies, timeouts and send failures, in order.
    #[getter]
    fn responses<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.responses.tuple(py)
    }
);

/// Something doubtful in the input (a redacted address, a misaligned row, a trimmed ping
/// run…), with its line. Diagnostics never stop parsing.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Diagnostic {
    /// 1-based line of the evidence.
    #[pyo3(get)]
    pub line: u32,
    /// A stable snake_case name, e.g. `"address_unparseable"`, `"ping_incomplete"`.
    #[pyo3(get)]
    pub kind: &'static str,
    /// What was found, in English.
    #[pyo3(get)]
    pub message: String,
}

record!(Diagnostic {
    line => "line",
    kind => "kind",
    message => "message",
});

/// One command of a transcript and what vmkcheck read from its output.
///
/// The attribute named like `kind` holds the parsed output; every other one is None.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Section {
    /// 1-based line of the command (or of the output, when no command was pasted).
    #[pyo3(get)]
    pub line: u32,
    /// The host named by the prompt (None when the prompt names none).
    #[pyo3(get)]
    pub host: Option<String>,
    /// The command as typed.
    #[pyo3(get)]
    pub command: Option<String>,
    /// What the section holds: `"vmknic"`, `"vmkping"`, `"tags"`, `"interface_list"`,
    /// `"ipv4_get"`, `"ipv6_address_list"`, `"netstack_list"`, `"route_list"`,
    /// `"vswitch"`, `"nic_list"`, `"version"`, `"diag_ping"` or `"unknown"`.
    #[pyo3(get)]
    pub kind: &'static str,
    pub vmknic: Option<Kids<VmknicRow>>,
    pub vmkping: Kid<Ping>,
    pub tags: Kid<Tags>,
    pub interface_list: Option<Kids<InterfaceRow>>,
    pub ipv4_get: Option<Kids<Ipv4Row>>,
    pub ipv6_address_list: Option<Kids<Ipv6Row>>,
    pub netstack_list: Option<Kids<NetstackRow>>,
    pub route_list: Option<Kids<RouteRow>>,
    pub vswitch: Option<Kids<Switch>>,
    pub nic_list: Option<Kids<Nic>>,
    pub version: Kid<Version>,
    pub diag_ping: Kid<Ping>,
}

record!(Section {
    line => "line",
    host => "host",
    command => "command",
    kind => "kind",
    vmknic => "vmknic",
    vmkping => "vmkping",
    tags => "tags",
    interface_list => "interface_list",
    ipv4_get => "ipv4_get",
    ipv6_address_list => "ipv6_address_list",
    netstack_list => "netstack_list",
    route_list => "route_list",
    vswitch => "vswitch",
    nic_list => "nic_list",
    version => "version",
    diag_ping => "diag_ping",
}
    /// The rows of an `esxcfg-vmknic -l` section (None for other kinds).
    #[getter]
    fn vmknic<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.vmknic.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The vmknics of an `esxcli network ip interface list` section.
    #[getter]
    fn interface_list<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.interface_list.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The rows of an `esxcli network ip interface ipv4 get` section.
    #[getter]
    fn ipv4_get<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.ipv4_get.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The rows of an `esxcli network ip interface ipv6 address list` section.
    #[getter]
    fn ipv6_address_list<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.ipv6_address_list.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The stacks of an `esxcli network ip netstack list` section.
    #[getter]
    fn netstack_list<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.netstack_list.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The routes of an `esxcli network ip route ipv4|ipv6 list` section.
    #[getter]
    fn route_list<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.route_list.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The switches of an `esxcfg-vswitch -l` section.
    #[getter]
    fn vswitch<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.vswitch.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The NICs of an `esxcli network nic list` / `esxcfg-nics -l` section.
    #[getter]
    fn nic_list<'py>(&self, py: Python<'py>) -> PyResult<Option<Bound<'py, PyTuple>>> {
        self.nic_list.as_ref().map(|k| k.tuple(py)).transpose()
    }

    /// The run of a `vmkping` section (None for other kinds).
    #[getter]
    fn vmkping(&self, py: Python<'_>) -> PyResult<Option<Py<Ping>>> {
        self.vmkping.object(py)
    }

    /// The tags of an `esxcli network ip interface tag get` section.
    #[getter]
    fn tags(&self, py: Python<'_>) -> PyResult<Option<Py<Tags>>> {
        self.tags.object(py)
    }

    /// The version of a `vmware -vl` / `esxcli system version get` section.
    #[getter]
    fn version(&self, py: Python<'_>) -> PyResult<Option<Py<Version>>> {
        self.version.object(py)
    }

    /// The run of an `esxcli network diag ping` section, read into the shape of a
    /// `vmkping` run (`command.program` is `"esxcli"`).
    #[getter]
    fn diag_ping(&self, py: Python<'_>) -> PyResult<Option<Py<Ping>>> {
        self.diag_ping.object(py)
    }
);

/// A pasted transcript split into sections (DESIGN.md §4.3, `vmkcheck parse --json`).
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Transcript {
    /// `"vmkcheck.transcript.v1"`.
    #[pyo3(get)]
    pub schema: &'static str,
    pub sections: Kids<Section>,
    pub diagnostics: Kids<Diagnostic>,
    /// The text, kept for [`Transcript::to_json`] (not part of the value).
    pub text: std::sync::Arc<str>,
}

record!(Transcript {
    schema => "schema",
    sections => "sections",
    diagnostics => "diagnostics",
}
    /// The sections, in text order.
    #[getter]
    fn sections<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.sections.tuple(py)
    }

    /// Everything doubtful found in the text, in line order.
    #[getter]
    fn diagnostics<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.diagnostics.tuple(py)
    }

    /// The canonical JSON, byte for byte what `vmkcheck parse --json` prints for the same
    /// text (two-space indent, one trailing newline).
    fn to_json(&self, py: Python<'_>) -> PyResult<String> {
        crate::transcript_json(py, &self.text)
    }
);

/// A line of a host's transcript that a finding rests on.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Evidence {
    /// The host whose transcript holds the line.
    #[pyo3(get)]
    pub host: String,
    /// 1-based line in that transcript.
    #[pyo3(get)]
    pub line: u32,
}

record!(Evidence {
    host => "host",
    line => "line",
});

/// What one rule found: severity, where, why, and what to run next.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Finding {
    /// The rule id, e.g. `"jumbo-path-unverified"` (see `vmkcheck.rules()`).
    #[pyo3(get)]
    pub rule: &'static str,
    /// `"error"`, `"unverified"`, `"warning"` or `"info"`.
    #[pyo3(get)]
    pub severity: &'static str,
    /// The host it is about (None for findings about the whole check).
    #[pyo3(get)]
    pub host: Option<String>,
    /// The other host of a pair.
    #[pyo3(get)]
    pub peer: Option<String>,
    /// The VMkernel interface it is about.
    #[pyo3(get)]
    pub interface: Option<String>,
    /// What was found, in English.
    #[pyo3(get)]
    pub message: String,
    /// What to run or change next: the exact `vmkping`, the `esxcli` fix, or the vSphere
    /// Client path (None when there is nothing to do).
    #[pyo3(get)]
    pub remediation: Option<String>,
    pub evidence: Kids<Evidence>,
}

record!(Finding {
    rule => "rule",
    severity => "severity",
    host => "host",
    peer => "peer",
    interface => "interface",
    message => "message",
    remediation => "remediation",
    evidence => "evidence",
}
    /// The transcript lines the finding rests on.
    #[getter]
    fn evidence<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.evidence.tuple(py)
    }
);

/// A host of the report: its name, vMotion interfaces and their MTU.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Host {
    /// The name: from the prompt, else the name given to `check()`, else `hostN`.
    #[pyo3(get)]
    pub name: String,
    pub vmotion_interfaces: Vec<String>,
    /// The MTU of the (first) vMotion interface.
    #[pyo3(get)]
    pub mtu: Option<u32>,
}

record!(Host {
    name => "name",
    vmotion_interfaces => "vmotion_interfaces",
    mtu => "mtu",
}
    /// The vmks that carry vMotion, e.g. `("vmk1",)`.
    #[getter]
    fn vmotion_interfaces<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        PyTuple::new(py, &self.vmotion_interfaces)
    }
);

/// Findings per severity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) struct Counts {
    pub error: usize,
    pub unverified: usize,
    pub warning: usize,
    pub info: usize,
}

impl crate::record::Field for Counts {
    fn same(&self, other: &Self) -> bool {
        self == other
    }
    fn hash_into<H: std::hash::Hasher>(&self, h: &mut H) {
        std::hash::Hash::hash(self, h);
    }
    fn to_py<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        let d = PyDict::new(py);
        d.set_item(pyo3::intern!(py, "error"), self.error)?;
        d.set_item(pyo3::intern!(py, "unverified"), self.unverified)?;
        d.set_item(pyo3::intern!(py, "warning"), self.warning)?;
        d.set_item(pyo3::intern!(py, "info"), self.info)?;
        Ok(d.into_any())
    }
}

/// The answer of `check()`: will vMotion work between these hosts (DESIGN.md §4.4)?
///
/// `to_json()` is byte for byte what `vmkcheck check --json` prints for the same inputs.
#[pyclass(frozen, eq, hash, module = "vmkcheck")]
#[derive(Clone, Debug)]
pub(crate) struct Report {
    /// `"vmkcheck.report.v1"`.
    #[pyo3(get)]
    pub schema: &'static str,
    /// `"ready"`, `"ready_with_warnings"`, `"unverified"` or `"not_ready"`.
    #[pyo3(get)]
    pub verdict: &'static str,
    pub hosts: Kids<Host>,
    pub findings: Kids<Finding>,
    pub counts: Counts,
    /// The canonical JSON (not part of the value: it follows from the fields).
    pub json: String,
}

record!(Report {
    schema => "schema",
    verdict => "verdict",
    hosts => "hosts",
    findings => "findings",
    counts => "counts",
}
    /// The hosts, sorted by name.
    #[getter]
    fn hosts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.hosts.tuple(py)
    }

    /// The findings, ordered by severity (errors first), then host, peer and rule.
    #[getter]
    fn findings<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyTuple>> {
        self.findings.tuple(py)
    }

    /// Findings per severity: `{"error": 0, "unverified": 1, "warning": 0, "info": 2}`
    /// (a new dict each time).
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        crate::record::Field::to_py(&self.counts, py)
    }

    /// The canonical JSON, byte for byte what `vmkcheck check --json` prints for the same
    /// inputs (two-space indent, one trailing newline).
    fn to_json<'py>(&self, py: Python<'py>) -> Bound<'py, PyString> {
        PyString::new(py, &self.json)
    }
);
