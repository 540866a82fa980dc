//! Pasted transcripts: split into sections by prompt, by command line or, with neither,
//! by recognising the output itself (a vmknic header, a `PING` line, a `vmkN` row).
//!
//! Sections are spans of the borrowed input; each is parsed only when asked
//! ([`Section::vmknic`], [`Section::vmkping`]). Prose, Markdown and unknown commands
//! between sections are skipped, never fatal.
//!
//! ```
//! let text = "\
//! [root@esx01:~] esxcfg-vmknic -l
//! Interface  Port Group/DVPort   IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type
//! vmk1       vMotion             IPv4      192.0.2.11                              255.255.255.0   192.0.2.255     00:50:56:61:a2:ca 9000    65535     true    STATIC
//!
//! Now the ping:
//! [root@esx01:~] vmkping -I vmk1 192.0.2.12
//! PING 192.0.2.12 (192.0.2.12): 56 data bytes
//! ";
//! let t = vmkcheck_core::transcript::parse(text);
//! let kinds: Vec<_> = t.sections().map(|s| (s.line, s.kind.as_str(), s.host)).collect();
//! assert_eq!(kinds, [(1, "vmknic", Some("esx01")), (6, "vmkping", Some("esx01"))]);
//! ```

use crate::diag::Diagnostic;
#[cfg(feature = "esxi-commands")]
use crate::diag_ping::{self, DiagPing};
#[cfg(feature = "esxi-commands")]
use crate::iface::{self, InterfaceList};
#[cfg(feature = "esxi-commands")]
use crate::ipaddr::{Ipv4Table, Ipv6Table};
use crate::lines::{Lines, Wrapper};
#[cfg(feature = "esxi-commands")]
use crate::netstack::{self, NetstackList};
#[cfg(feature = "esxi-commands")]
use crate::nic::{self, NicList};
use crate::prompt;
#[cfg(feature = "esxi-commands")]
use crate::route::{self, RouteTable};
#[cfg(feature = "esxi-commands")]
use crate::tags::{self, Tags};
#[cfg(feature = "esxi-commands")]
use crate::version::{self, Version};
use crate::vmknic::{self, VmknicTable};
use crate::vmkping::{self, PingCommand, PingRun};
#[cfg(feature = "esxi-commands")]
use crate::vswitch::{self, VswitchList};

/// What a section holds. Its JSON `kind` is [`as_str`](Self::as_str); the section's JSON
/// field of the same name holds the parsed output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SectionKind {
    /// `esxcfg-vmknic -l` output.
    Vmknic,
    /// A `vmkping` run.
    Vmkping,
    /// `esxcli network ip interface tag get -i vmkN`.
    Tags,
    /// `esxcli network ip interface list`.
    InterfaceList,
    /// `esxcli network ip interface ipv4 get` (or `ipv4 address list`).
    Ipv4Get,
    /// `esxcli network ip interface ipv6 address list`.
    Ipv6AddressList,
    /// `esxcli network ip netstack list`.
    NetstackList,
    /// `esxcli network ip route ipv4|ipv6 list`.
    RouteList,
    /// `esxcfg-vswitch -l`.
    Vswitch,
    /// `esxcli network nic list` or `esxcfg-nics -l`.
    NicList,
    /// `vmware -v`, `vmware -vl` or `esxcli system version get`.
    Version,
    /// `esxcli network diag ping`.
    DiagPing,
    /// A command vmkcheck does not read.
    Unknown,
}

impl SectionKind {
    /// Every kind that holds parsed output, in JSON field order.
    pub const PARSED: [Self; 12] = [
        Self::Vmknic,
        Self::Vmkping,
        Self::Tags,
        Self::InterfaceList,
        Self::Ipv4Get,
        Self::Ipv6AddressList,
        Self::NetstackList,
        Self::RouteList,
        Self::Vswitch,
        Self::NicList,
        Self::Version,
        Self::DiagPing,
    ];

    /// The snake_case name: `"vmknic"`, `"vmkping"`, `"route_list"`… or `"unknown"`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Vmknic => "vmknic",
            Self::Vmkping => "vmkping",
            Self::Tags => "tags",
            Self::InterfaceList => "interface_list",
            Self::Ipv4Get => "ipv4_get",
            Self::Ipv6AddressList => "ipv6_address_list",
            Self::NetstackList => "netstack_list",
            Self::RouteList => "route_list",
            Self::Vswitch => "vswitch",
            Self::NicList => "nic_list",
            Self::Version => "version",
            Self::DiagPing => "diag_ping",
            Self::Unknown => "unknown",
        }
    }

    /// The kind of section a command line starts; `None` if it is not an ESXi command.
    ///
    /// ```
    /// use vmkcheck_core::transcript::SectionKind;
    /// assert_eq!(SectionKind::of_command("esxcfg-vmknic -l"), Some(SectionKind::Vmknic));
    /// assert_eq!(SectionKind::of_command("/bin/vmkping -I vmk1 x"), Some(SectionKind::Vmkping));
    /// assert_eq!(SectionKind::of_command("esxcli network ip interface list"), Some(SectionKind::InterfaceList));
    /// assert_eq!(SectionKind::of_command("esxcli --formatter=xml network nic list"), Some(SectionKind::Unknown));
    /// assert_eq!(SectionKind::of_command("Then run this"), None);
    /// ```
    pub fn of_command(command: &str) -> Option<Self> {
        Self::of_command_any(command).map(Self::readable)
    }

    /// The kind itself when this build parses it, else `Unknown`.
    const fn readable(self) -> Self {
        match self {
            Self::Vmknic | Self::Vmkping | Self::Unknown => self,
            _ if cfg!(feature = "esxi-commands") => self,
            _ => Self::Unknown,
        }
    }

    fn of_command_any(command: &str) -> Option<Self> {
        let mut words = command.split_whitespace();
        let first = words.next()?;
        let base = first.rsplit('/').next().unwrap_or(first);
        let has = |flags: &[&str]| {
            command
                .split_whitespace()
                .skip(1)
                .any(|w| flags.contains(&w))
        };
        match base {
            "esxcfg-vmknic" => {
                return Some(if has(&["-l", "--list"]) {
                    Self::Vmknic
                } else {
                    Self::Unknown
                });
            }
            "esxcfg-vswitch" => {
                return Some(if has(&["-l", "--list"]) {
                    Self::Vswitch
                } else {
                    Self::Unknown
                });
            }
            "esxcfg-nics" => {
                return Some(if has(&["-l", "--list"]) {
                    Self::NicList
                } else {
                    Self::Unknown
                });
            }
            "vmware" => {
                let v = has(&["-v", "-vl", "-lv", "--version"]);
                return Some(if v { Self::Version } else { Self::Unknown });
            }
            "esxcli" | "localcli" => return Some(esxcli_kind(words)),
            _ => {}
        }
        if vmkping::is_ping_program(base) {
            return Some(Self::Vmkping);
        }
        let esxi = base.starts_with("esxcfg-")
            || matches!(
                base,
                "vim-cmd"
                    | "vsish"
                    | "net-dvs"
                    | "esxtop"
                    | "nc"
                    | "tcpdump-uw"
                    | "pktcap-uw"
                    | "vmkload_mod"
                    | "vmkchdev"
                    | "vmkerrcode"
            );
        esxi.then_some(Self::Unknown)
    }
}

/// The kind of an `esxcli` command from its words after `esxcli`: global options
/// (`--server`, `-s host`…) are skipped; a `--formatter` other than the default prints
/// another format, which vmkcheck does not read.
fn esxcli_kind<'a>(mut words: impl Iterator<Item = &'a str>) -> SectionKind {
    // Global options that take a separate value.
    const VALUED: [&str; 16] = [
        "-s",
        "--server",
        "-u",
        "--username",
        "-p",
        "--password",
        "-h",
        "--vihost",
        "-c",
        "--config",
        "--formatter",
        "--cacertsfile",
        "--credstore",
        "--sessionfile",
        "--thumbprint",
        "--protocol",
    ];
    let mut path = [""; 6];
    let mut n = 0usize;
    while let Some(w) = words.next() {
        if let Some(opt) = w.strip_prefix('-') {
            let (name, inline) = match opt.split_once('=') {
                Some((k, v)) => (k, Some(v)),
                None => (opt, None),
            };
            if n == 0 {
                let value = match inline {
                    Some(v) => Some(v),
                    None if VALUED.contains(&w) => words.next(),
                    None => None,
                };
                if matches!(name, "-formatter" | "f") && value.is_some_and(|v| v != "table") {
                    return SectionKind::Unknown;
                }
            }
            continue;
        }
        if n >= path.len() {
            break;
        }
        if let Some(slot) = path.get_mut(n) {
            *slot = w;
        }
        n = n.saturating_add(1);
    }
    match path {
        ["network", "ip", "interface", "tag", "get", _] => SectionKind::Tags,
        ["network", "ip", "interface", "list", ..] => SectionKind::InterfaceList,
        ["network", "ip", "interface", "ipv4", "get", _]
        | ["network", "ip", "interface", "ipv4", "address", "list"] => SectionKind::Ipv4Get,
        ["network", "ip", "interface", "ipv6", "address", "list"] => SectionKind::Ipv6AddressList,
        ["network", "ip", "netstack", "list", ..] => SectionKind::NetstackList,
        ["network", "ip", "route", "ipv4" | "ipv6", "list", _] => SectionKind::RouteList,
        ["network", "nic", "list", ..] => SectionKind::NicList,
        ["system", "version", "get", ..] => SectionKind::Version,
        ["network", "diag", "ping", ..] => SectionKind::DiagPing,
        _ => SectionKind::Unknown,
    }
}

/// A shape predicate of a parser: `fn(line) -> bool`.
type Shape = fn(&str) -> bool;

/// The other commands' output, recognised without a command line: each kind with the
/// shape of its first line and of any line it can hold after it. Tried in this order.
#[cfg(feature = "esxi-commands")]
#[rustfmt::skip]
const SHAPES: [(SectionKind, Shape, Shape); 10] = [
    (SectionKind::Tags, tags::is_start, tags::is_continuation),
    (SectionKind::InterfaceList, iface::is_start, iface::is_continuation),
    (SectionKind::Ipv4Get, Ipv4Table::is_start, Ipv4Table::is_continuation),
    (SectionKind::Ipv6AddressList, Ipv6Table::is_start, Ipv6Table::is_continuation),
    (SectionKind::NetstackList, netstack::is_start, netstack::is_continuation),
    (SectionKind::RouteList, route::is_start, route::is_continuation),
    (SectionKind::Vswitch, vswitch::is_start, vswitch::is_continuation),
    (SectionKind::NicList, nic::is_start, nic::is_continuation),
    (SectionKind::Version, version::is_start, version::is_continuation),
    (SectionKind::DiagPing, diag_ping::is_start, diag_ping::is_continuation),
];

/// Without the other commands' parsers, no output shape but vmknic's and ping's is known.
#[cfg(not(feature = "esxi-commands"))]
const SHAPES: [(SectionKind, Shape, Shape); 0] = [];

/// The kind whose output `text` unmistakably starts.
fn starts_output(text: &str) -> Option<SectionKind> {
    SHAPES
        .iter()
        .find(|(_, start, _)| start(text))
        .map(|(kind, _, _)| *kind)
}

/// True when `text` can belong to output of `kind` (one of [`SHAPES`]).
fn continues_output(kind: SectionKind, text: &str) -> bool {
    SHAPES
        .iter()
        .find(|(k, _, _)| *k == kind)
        .is_some_and(|(_, _, cont)| cont(text))
}

/// One section of a transcript: a command (if typed) and its output.
#[derive(Clone, Copy, Debug)]
pub struct Section<'a> {
    /// Line of the prompt or command, else of the first output line.
    pub line: u32,
    /// Host named by the prompt (or by the last prompt that named one).
    pub host: Option<&'a str>,
    /// The command typed, without prompt.
    pub command: Option<&'a str>,
    /// What the section holds.
    pub kind: SectionKind,
    body: Lines<'a>,
}

impl Section<'_> {
    /// An empty section (to fill caller-provided buffers with).
    pub const EMPTY: Section<'static> = Section {
        line: 0,
        host: None,
        command: None,
        kind: SectionKind::Unknown,
        body: Lines::span("", 0, 1, Wrapper::NONE),
    };
}

impl<'a> Section<'a> {
    /// The vmknic table, for a `vmknic` section.
    pub fn vmknic(&self) -> Option<VmknicTable<'a>> {
        (self.kind == SectionKind::Vmknic).then(|| VmknicTable::from_lines(self.body))
    }

    /// The ping run, for a `vmkping` section.
    pub fn vmkping(&self) -> Option<PingRun<'a>> {
        (self.kind == SectionKind::Vmkping).then(|| {
            let command = self.command.and_then(|c| PingCommand::parse(c, self.line));
            PingRun::new(command, self.body)
        })
    }

    #[cfg(feature = "esxi-commands")]
    /// The service tags, for a `tags` section.
    pub fn tags(&self) -> Option<Tags<'a>> {
        self.is(SectionKind::Tags)
            .then(|| Tags::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The vmkernel interfaces, for an `interface_list` section.
    pub fn interface_list(&self) -> Option<InterfaceList<'a>> {
        self.is(SectionKind::InterfaceList)
            .then(|| InterfaceList::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The IPv4 addresses, for an `ipv4_get` section.
    pub fn ipv4_get(&self) -> Option<Ipv4Table<'a>> {
        self.is(SectionKind::Ipv4Get)
            .then(|| Ipv4Table::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The IPv6 addresses, for an `ipv6_address_list` section.
    pub fn ipv6_address_list(&self) -> Option<Ipv6Table<'a>> {
        self.is(SectionKind::Ipv6AddressList)
            .then(|| Ipv6Table::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The routes, for a `route_list` section.
    pub fn route_list(&self) -> Option<RouteTable<'a>> {
        self.is(SectionKind::RouteList)
            .then(|| RouteTable::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The netstacks, for a `netstack_list` section.
    pub fn netstack_list(&self) -> Option<NetstackList<'a>> {
        self.is(SectionKind::NetstackList)
            .then(|| NetstackList::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The ESXi version, for a `version` section.
    pub fn version(&self) -> Option<Version<'a>> {
        self.is(SectionKind::Version)
            .then(|| Version::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The switches, for a `vswitch` section.
    pub fn vswitch(&self) -> Option<VswitchList<'a>> {
        self.is(SectionKind::Vswitch)
            .then(|| VswitchList::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The physical NICs, for a `nic_list` section.
    pub fn nic_list(&self) -> Option<NicList<'a>> {
        self.is(SectionKind::NicList)
            .then(|| NicList::from_lines(self.body, self.command))
    }

    #[cfg(feature = "esxi-commands")]
    /// The `esxcli network diag ping` run, for a `diag_ping` section.
    pub fn diag_ping(&self) -> Option<DiagPing<'a>> {
        self.is(SectionKind::DiagPing)
            .then(|| DiagPing::from_lines(self.body, self.command))
    }

    #[cfg_attr(not(feature = "esxi-commands"), allow(dead_code))]
    fn is(&self, kind: SectionKind) -> bool {
        self.kind == kind
    }

    /// The section's output lines.
    pub fn body(&self) -> Lines<'a> {
        self.body
    }

    /// The diagnostics of the section's parsed content.
    #[cfg(feature = "esxi-commands")]
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        // Only the section's own kind is read; the iterator is as large as the largest
        // kind's, not their sum (it lives on the stack of embedded callers).
        let s = *self;
        OneOf::pick(
            self.kind,
            (
                move || s.vmknic().map(|t| t.diagnostics()),
                move || s.vmkping().map(|r| r.diagnostics()),
                move || s.tags().map(|t| t.diagnostics()),
                move || s.interface_list().map(|l| l.diagnostics()),
                move || s.ipv4_get().map(|t| t.diagnostics()),
                move || s.ipv6_address_list().map(|t| t.diagnostics()),
            ),
            (
                move || s.netstack_list().map(|l| l.diagnostics()),
                move || s.route_list().map(|t| t.diagnostics()),
                move || s.vswitch().map(|l| l.diagnostics()),
                move || s.nic_list().map(|l| l.diagnostics()),
                move || s.version().map(|v| v.diagnostics()),
                move || s.diag_ping().map(|r| r.diagnostics()),
            ),
        )
    }

    /// The diagnostics of the section's parsed content.
    #[cfg(not(feature = "esxi-commands"))]
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        let table = self.vmknic().into_iter().flat_map(|t| t.diagnostics());
        let run = self.vmkping().into_iter().flat_map(|r| r.diagnostics());
        table.chain(run)
    }
}

/// One iterator of twelve possible types, one per parsed kind (in
/// [`SectionKind::PARSED`] order), or none.
#[cfg(feature = "esxi-commands")]
#[derive(Clone, Debug)]
enum OneOf<A, B, C, D, E, F, G, H, I, J, K, L> {
    A(A),
    B(B),
    C(C),
    D(D),
    E(E),
    F(F),
    G(G),
    H(H),
    I(I),
    J(J),
    K(K),
    L(L),
    Empty,
}

#[cfg(feature = "esxi-commands")]
#[allow(clippy::type_complexity)]
impl<A, B, C, D, E, F, G, H, I, J, K, L> OneOf<A, B, C, D, E, F, G, H, I, J, K, L> {
    /// Calls only the maker of `kind`'s iterator.
    fn pick(
        kind: SectionKind,
        first: (
            impl FnOnce() -> Option<A>,
            impl FnOnce() -> Option<B>,
            impl FnOnce() -> Option<C>,
            impl FnOnce() -> Option<D>,
            impl FnOnce() -> Option<E>,
            impl FnOnce() -> Option<F>,
        ),
        second: (
            impl FnOnce() -> Option<G>,
            impl FnOnce() -> Option<H>,
            impl FnOnce() -> Option<I>,
            impl FnOnce() -> Option<J>,
            impl FnOnce() -> Option<K>,
            impl FnOnce() -> Option<L>,
        ),
    ) -> Self {
        let (a, b, c, d, e, f) = first;
        let (g, h, i, j, k, l) = second;
        let picked = match kind {
            SectionKind::Vmknic => a().map(Self::A),
            SectionKind::Vmkping => b().map(Self::B),
            SectionKind::Tags => c().map(Self::C),
            SectionKind::InterfaceList => d().map(Self::D),
            SectionKind::Ipv4Get => e().map(Self::E),
            SectionKind::Ipv6AddressList => f().map(Self::F),
            SectionKind::NetstackList => g().map(Self::G),
            SectionKind::RouteList => h().map(Self::H),
            SectionKind::Vswitch => i().map(Self::I),
            SectionKind::NicList => j().map(Self::J),
            SectionKind::Version => k().map(Self::K),
            SectionKind::DiagPing => l().map(Self::L),
            SectionKind::Unknown => None,
        };
        picked.unwrap_or(Self::Empty)
    }
}

#[cfg(feature = "esxi-commands")]
impl<T, A, B, C, D, E, F, G, H, I, J, K, L> Iterator for OneOf<A, B, C, D, E, F, G, H, I, J, K, L>
where
    A: Iterator<Item = T>,
    B: Iterator<Item = T>,
    C: Iterator<Item = T>,
    D: Iterator<Item = T>,
    E: Iterator<Item = T>,
    F: Iterator<Item = T>,
    G: Iterator<Item = T>,
    H: Iterator<Item = T>,
    I: Iterator<Item = T>,
    J: Iterator<Item = T>,
    K: Iterator<Item = T>,
    L: Iterator<Item = T>,
{
    type Item = T;

    fn next(&mut self) -> Option<T> {
        match self {
            Self::A(x) => x.next(),
            Self::B(x) => x.next(),
            Self::C(x) => x.next(),
            Self::D(x) => x.next(),
            Self::E(x) => x.next(),
            Self::F(x) => x.next(),
            Self::G(x) => x.next(),
            Self::H(x) => x.next(),
            Self::I(x) => x.next(),
            Self::J(x) => x.next(),
            Self::K(x) => x.next(),
            Self::L(x) => x.next(),
            Self::Empty => None,
        }
    }
}

/// A parsed transcript: iterate its [`sections`](Self::sections) and
/// [`diagnostics`](Self::diagnostics). Parsing is lazy and re-reads the borrowed text.
#[derive(Clone, Copy, Debug)]
pub struct Transcript<'a> {
    text: &'a str,
    wrapper: Wrapper,
}

/// Splits pasted text into sections. Never fails: text with nothing recognisable has
/// no sections.
pub fn parse(text: &str) -> Transcript<'_> {
    Transcript {
        text,
        wrapper: Wrapper::detect(text),
    }
}

impl<'a> Transcript<'a> {
    /// The sections, in order.
    pub fn sections(&self) -> Sections<'a> {
        Sections {
            text: self.text,
            lines: Lines::span(self.text, 0, 1, self.wrapper),
            open: None,
            host: None,
        }
    }

    /// Every diagnostic of every section, in order.
    pub fn diagnostics(&self) -> impl Iterator<Item = Diagnostic<'a>> + Clone + use<'a> {
        self.sections().flat_map(|s| s.diagnostics())
    }

    /// The text this transcript reads.
    pub fn text(&self) -> &'a str {
        self.text
    }
}

/// A section being built.
#[derive(Clone, Copy, Debug)]
struct Open<'a> {
    line: u32,
    host: Option<&'a str>,
    command: Option<&'a str>,
    kind: SectionKind,
    /// Body: byte range of the input and its first line number.
    start: usize,
    start_line: u32,
    /// vmknic: a header or row was seen. vmkping: a `PING` header was seen.
    started: bool,
    /// vmkping: the summary was seen.
    summarised: bool,
}

/// Iterator over the [`Section`]s of a transcript.
#[derive(Clone, Debug)]
pub struct Sections<'a> {
    text: &'a str,
    lines: Lines<'a>,
    open: Option<Open<'a>>,
    host: Option<&'a str>,
}

/// How a line affects the section structure.
enum Step<'a> {
    /// Belongs to the open section (or is skipped prose).
    Continue,
    /// Ends the open section; the line itself is prose.
    Close,
    /// Ends the open section and starts one whose body begins at the next line.
    StartAfter(Open<'a>),
    /// Ends the open section and starts one whose body begins with this line.
    StartHere(Open<'a>),
}

impl<'a> Iterator for Sections<'a> {
    type Item = Section<'a>;

    fn next(&mut self) -> Option<Section<'a>> {
        loop {
            let raw_start = self.lines.remaining().1;
            let Some(line) = self.lines.next() else {
                return self.close(self.text.len());
            };
            let next_start = self.lines.remaining().1;
            // A prompt glued to the end of an output line ends the section mid-line.
            let glued = self.open.and_then(|_| prompt::find_glued(line.text));
            let (step, end) = match glued.and_then(|i| Some((i, line.text.get(i..)?))) {
                Some((i, rest)) => {
                    let p = prompt::parse(rest);
                    (
                        self.prompt_step(p, line.number, next_start),
                        line.offset.saturating_add(i),
                    )
                }
                None => (self.step(line, raw_start, next_start), raw_start),
            };
            let closed = match step {
                Step::Continue => None,
                Step::Close => self.close(end),
                Step::StartAfter(o) | Step::StartHere(o) => {
                    let closed = self.close(end);
                    self.open = Some(o);
                    closed
                }
            };
            if closed.is_some() {
                return closed;
            }
        }
    }
}

impl<'a> Sections<'a> {
    fn close(&mut self, end: usize) -> Option<Section<'a>> {
        let o = self.open.take()?;
        let span = self.text.get(o.start..end.max(o.start)).unwrap_or("");
        Some(Section {
            line: o.line,
            host: o.host,
            command: o.command,
            kind: o.kind,
            body: Lines::span(span, o.start, o.start_line, self.lines.wrapper()),
        })
    }

    fn open_at(
        &self,
        line: u32,
        command: Option<&'a str>,
        kind: SectionKind,
        start: usize,
        start_line: u32,
    ) -> Open<'a> {
        Open {
            line,
            host: self.host,
            command,
            kind,
            start,
            start_line,
            started: false,
            summarised: false,
        }
    }

    /// A prompt: it names the host; with a command it starts a section, without one it
    /// ends the open section.
    fn prompt_step(
        &mut self,
        p: Option<prompt::Prompt<'a>>,
        number: u32,
        next_start: usize,
    ) -> Step<'a> {
        let Some(p) = p else { return Step::Close };
        // A prompt names its host or none (`$ ` may be another machine); output pasted
        // without any prompt keeps the host of the last prompt.
        self.host = p.host;
        match p.command {
            None => Step::Close,
            Some(cmd) => {
                let kind = SectionKind::of_command(cmd).unwrap_or(SectionKind::Unknown);
                Step::StartAfter(self.open_at(
                    number,
                    Some(cmd),
                    kind,
                    next_start,
                    number.saturating_add(1),
                ))
            }
        }
    }

    fn step(
        &mut self,
        line: crate::lines::Line<'a>,
        raw_start: usize,
        next_start: usize,
    ) -> Step<'a> {
        let text = line.text;
        let trimmed = text.trim();
        let n = line.number;
        if trimmed.is_empty() || trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            return Step::Continue;
        }
        if let Some(p) = prompt::parse(text) {
            return self.prompt_step(Some(p), n, next_start);
        }
        if let Some(kind) = bare_command(text) {
            return Step::StartAfter(self.open_at(
                n,
                Some(trimmed),
                kind,
                next_start,
                n.saturating_add(1),
            ));
        }
        // Output of a command vmkcheck does not read may hold anything (a bare `vmk0`);
        // only a vmknic or ping header splits it.
        let in_unknown = self.open.is_some_and(|o| o.kind == SectionKind::Unknown);
        // Ping lines and vmknic rows start no other output: skip the other shapes (the
        // bulk of most pastes).
        let ping = vmkping::line_kind(text);
        let row = self
            .open
            .is_some_and(|o| o.kind == SectionKind::Vmknic && o.started)
            && vmknic::is_row(text);
        let other = !in_unknown && ping == vmkping::LineKind::Other && !row;
        if let Some(kind) = other.then(|| starts_output(text)).flatten() {
            // Before the vmknic header: `Interface  Address  Netmask…` is IPv6 address list's
            // title. A second title of the same output (the next vSwitch, the summary after the
            // trace) continues it.
            if let Some(o) = self.open.as_mut().filter(|o| o.kind == kind) {
                o.started = true;
                return Step::Continue;
            }
            let mut o = self.open_at(n, None, kind, raw_start, n);
            o.started = true;
            return Step::StartHere(o);
        }
        let open = self.open.as_mut();
        if vmknic::is_header(text) {
            if let Some(o) = open.filter(|o| o.kind == SectionKind::Vmknic && !o.started) {
                o.started = true;
                return Step::Continue;
            }
            let mut o = self.open_at(n, None, SectionKind::Vmknic, raw_start, n);
            o.started = true;
            return Step::StartHere(o);
        }
        if ping == vmkping::LineKind::Header {
            if let Some(o) =
                open.filter(|o| o.kind == SectionKind::Vmkping && !o.started && !o.summarised)
            {
                o.started = true;
                return Step::Continue;
            }
            let mut o = self.open_at(n, None, SectionKind::Vmkping, raw_start, n);
            o.started = true;
            return Step::StartHere(o);
        }
        match self.open.as_mut() {
            Some(o) if o.kind == SectionKind::Vmknic => {
                if vmknic::is_table_line(text) {
                    o.started = true;
                    Step::Continue
                } else {
                    Step::Close
                }
            }
            Some(o) if o.kind == SectionKind::Vmkping => {
                if ping == vmkping::LineKind::Summary {
                    o.summarised = true;
                }
                // Before the summary an odd line is part of the run (and diagnosed);
                // after it, prose ends the run.
                if ping != vmkping::LineKind::Other || !o.summarised {
                    Step::Continue
                } else {
                    Step::Close
                }
            }
            // Prose after the other commands' output ends it.
            Some(o) if o.kind != SectionKind::Unknown => {
                if continues_output(o.kind, text) {
                    Step::Continue
                } else {
                    Step::Close
                }
            }
            Some(_) => Step::Continue,
            None if vmknic::is_row(text) => {
                Step::StartHere(self.open_at(n, None, SectionKind::Vmknic, raw_start, n))
            }
            None => Step::Continue,
        }
    }
}

/// A command typed without a prompt: a line that starts with an ESXi command. A bare
/// `ping` must read as a whole command (`ping the host` is prose).
fn bare_command(text: &str) -> Option<SectionKind> {
    // Commands start with a lower-case letter or a path; output lines mostly do not.
    let first = text.trim_start().as_bytes().first()?;
    if !(first.is_ascii_lowercase() || *first == b'/') {
        return None;
    }
    let kind = SectionKind::of_command(text.trim())?;
    if kind == SectionKind::Vmkping {
        let c = PingCommand::parse(text.trim(), 0)?;
        if c.diagnostics().next().is_some() {
            return None;
        }
    }
    Some(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::vec::Vec;

    fn kinds(text: &str) -> Vec<(u32, &'static str, Option<&str>)> {
        parse(text)
            .sections()
            .map(|s| (s.line, s.kind.as_str(), s.host))
            .collect()
    }

    #[test]
    fn glued_prompt_splits_the_line() {
        let text = "[root@a:~] vmkping x\nPING x (192.0.2.1): 56 data bytes\n1 packets transmitted, 0 packets received, 100% packet loss[root@b:~] esxcfg-vmknic -l\n";
        assert_eq!(
            kinds(text),
            [(1, "vmkping", Some("a")), (3, "vmknic", Some("b"))]
        );
        let run = parse(text).sections().next().unwrap().vmkping().unwrap();
        assert_eq!(run.packets_transmitted(), Some(1));
    }

    #[test]
    fn prose_ping_is_not_a_command() {
        assert!(kinds("ping the host to check\n").is_empty());
        assert_eq!(kinds("ping 192.0.2.1\n"), [(1, "vmkping", None)]);
    }

    #[test]
    fn bare_prompt_ends_section() {
        let text =
            "[root@a:~] vmkping x\nPING x (192.0.2.1): 56 data bytes\n[root@a:~] \nrandom prose\n";
        let s: Vec<_> = parse(text).sections().collect();
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].vmkping()
                .unwrap()
                .diagnostics()
                .filter(|d| d.kind == crate::DiagnosticKind::PingLineUnrecognized)
                .count(),
            0
        );
    }

    #[test]
    fn esxcli_output_is_not_a_table() {
        let text = "esxcli system module list\nvmk0\n   Name: vmk0\n";
        assert_eq!(kinds(text), [(1, "unknown", None)]);
    }

    #[test]
    #[cfg(feature = "esxi-commands")]
    fn commands_name_their_kind() {
        let k = |c: &str| SectionKind::of_command(c).map(SectionKind::as_str);
        for (cmd, kind) in [
            ("esxcli network ip interface tag get -i vmk1", "tags"),
            (
                "esxcli network ip interface tag get --interface-name=vmk1",
                "tags",
            ),
            (
                "esxcli network ip interface tag add -i vmk1 -t VMotion",
                "unknown",
            ),
            ("esxcli network ip interface list", "interface_list"),
            (
                "esxcli network ip interface list --netstack=vmotion",
                "interface_list",
            ),
            ("esxcli network ip interface ipv4 get", "ipv4_get"),
            ("esxcli network ip interface ipv4 get -i vmk0", "ipv4_get"),
            ("esxcli network ip interface ipv4 address list", "ipv4_get"),
            (
                "esxcli network ip interface ipv6 address list",
                "ipv6_address_list",
            ),
            ("esxcli network ip interface ipv6 get", "unknown"),
            ("esxcli network ip netstack list", "netstack_list"),
            ("esxcli network ip route ipv4 list -N vmotion", "route_list"),
            ("esxcli network ip route ipv6 list", "route_list"),
            (
                "esxcli network ip route ipv4 add -g 192.0.2.1 -n default",
                "unknown",
            ),
            ("esxcli network nic list", "nic_list"),
            ("esxcli network nic get -n vmnic0", "unknown"),
            ("esxcli system version get", "version"),
            (
                "esxcli network diag ping -H 192.0.2.12 -I vmk1",
                "diag_ping",
            ),
            ("esxcli -s vc01 -u root network nic list", "nic_list"),
            ("esxcli --formatter=csv network nic list", "unknown"),
            ("esxcli --formatter table network nic list", "nic_list"),
            ("localcli network ip netstack list", "netstack_list"),
            ("/sbin/esxcfg-vswitch -l", "vswitch"),
            ("esxcfg-vswitch -a vSwitch2", "unknown"),
            ("esxcfg-nics -l", "nic_list"),
            ("vmware -vl", "version"),
            ("vmware -v", "version"),
            ("vmware", "unknown"),
        ] {
            assert_eq!(k(cmd), Some(kind), "{cmd}");
        }
    }
}
