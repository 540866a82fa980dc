"""Types of the native module ``vmkcheck._vmkcheck`` (re-exported by ``vmkcheck``)."""

from typing import Any, Dict, List, Literal, Optional, Tuple, final

from ._types import Counts, SectionKind, Severity, Text, Verdict

__version__: str
MAX_INPUT_BYTES: int
MAX_SOURCES: int

def parse_vmknic(text: Text) -> List[VmknicRow]:
    """Parses one ``esxcfg-vmknic -l`` table: one ``VmknicRow`` per address."""

def parse_vmkping(text: Text) -> Ping:
    """Parses one ``vmkping`` run: its command line (when pasted) and its output."""

def parse_transcript(text: Text) -> Transcript:
    """Parses a pasted transcript: prompts, commands and output, one or several hosts."""

def check(
    sources: List[Tuple[str, object, str]], facts: Optional[Text] = None
) -> Report:
    """The check behind ``vmkcheck.check()``: ``(name, text, label)`` per text; each text
    must be ``str`` or ``bytes`` (``TypeError`` naming its label otherwise)."""

def rules_json() -> str:
    """The rule catalogue, exactly as ``vmkcheck rules --json`` prints it."""

def _panic_for_tests() -> None: ...

@final
class VmknicRow:
    """One row of ``esxcfg-vmknic -l``: one address of one VMkernel interface."""

    @property
    def line(self) -> int:
        """1-based line of the row in the text."""
    @property
    def interface(self) -> str:
        """The interface, ``vmkN``."""
    @property
    def portgroup(self) -> Optional[str]:
        """Port group name, DVPort number or NSX opaque-network UUID."""
    @property
    def portgroup_kind(self) -> Optional[Literal["name", "dvport", "opaque"]]:
        """What ``portgroup`` holds."""
    @property
    def family(self) -> Literal["ipv4", "ipv6"]:
        """The IP family."""
    @property
    def address(self) -> Optional[str]:
        """The IP address as printed."""
    @property
    def netmask(self) -> Optional[str]:
        """The netmask as printed (the prefix length on IPv6 rows)."""
    @property
    def prefix_len(self) -> Optional[int]:
        """Prefix length, derived from the netmask or the IPv6 prefix column."""
    @property
    def broadcast(self) -> Optional[str]:
        """The broadcast address as printed."""
    @property
    def mac(self) -> Optional[str]:
        """The MAC address."""
    @property
    def mtu(self) -> Optional[int]:
        """The MTU."""
    @property
    def tso_mss(self) -> Optional[int]:
        """The TSO MSS."""
    @property
    def enabled(self) -> Optional[bool]:
        """Whether the interface is enabled."""
    @property
    def type(self) -> Optional[str]:
        """The address type as printed: ``STATIC``, ``DHCP``, ``STATIC, PREFERRED``..."""
    @property
    def netstack(self) -> Optional[str]:
        """The TCP/IP stack: ``defaultTcpipStack``, ``vmotion``..."""
    def to_dict(self) -> Dict[str, Any]:
        """The row object of the JSON contract (DESIGN.md §4.1)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> VmknicRow: ...
    def __deepcopy__(self, memo: object) -> VmknicRow: ...

@final
class PingCommand:
    """A ``vmkping``/``ping`` command line, with its options read."""

    @property
    def text(self) -> str:
        """The command as typed."""
    @property
    def program(self) -> str:
        """``vmkping``, ``ping`` or ``ping6``."""
    @property
    def target(self) -> Optional[str]:
        """The address or host name pinged."""
    @property
    def netstack(self) -> Optional[str]:
        """``++netstack=NAME`` or ``-S NAME``."""
    @property
    def interface(self) -> Optional[str]:
        """``-I vmkN``."""
    @property
    def ipv6(self) -> bool:
        """``-6`` or ``ping6``."""
    @property
    def df(self) -> bool:
        """``-d``: don't fragment."""
    @property
    def size(self) -> Optional[int]:
        """``-s N``: payload bytes."""
    @property
    def count(self) -> Optional[int]:
        """``-c N``."""
    @property
    def interval(self) -> Optional[float]:
        """``-i S``."""
    @property
    def wait(self) -> Optional[float]:
        """``-W S``."""
    @property
    def ttl(self) -> Optional[int]:
        """``-t N``."""
    @property
    def next_hop(self) -> Optional[str]:
        """``-N ADDR``."""
    def to_dict(self) -> Dict[str, Any]:
        """The ``command`` object of the JSON contract (DESIGN.md §4.2)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> PingCommand: ...
    def __deepcopy__(self, memo: object) -> PingCommand: ...

@final
class PingResponse:
    """One response of a ping run: a reply, a timeout or a send failure."""

    @property
    def line(self) -> int:
        """1-based line of the evidence."""
    @property
    def type(self) -> Literal["reply", "timeout", "send_failed"]:
        """What happened."""
    @property
    def bytes(self) -> Optional[int]:
        """Bytes received."""
    @property
    def response_ip(self) -> Optional[str]:
        """The address the reply came from."""
    @property
    def icmp_seq(self) -> Optional[int]:
        """The ICMP sequence number."""
    @property
    def ttl(self) -> Optional[int]:
        """The reply's TTL."""
    @property
    def time_ms(self) -> Optional[float]:
        """The round-trip time in milliseconds."""
    @property
    def duplicate(self) -> bool:
        """A ``(DUP!)`` reply."""
    @property
    def error(self) -> Optional[str]:
        """For ``send_failed``: the error, e.g. ``"Message too long"``."""
    def to_dict(self) -> Dict[str, Any]:
        """The response object of the JSON contract (DESIGN.md §4.2)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> PingResponse: ...
    def __deepcopy__(self, memo: object) -> PingResponse: ...

@final
class Ping:
    """One ``vmkping`` run: command line, responses and summary (jc-compatible)."""

    @property
    def line(self) -> int:
        """1-based line where the run starts."""
    @property
    def command(self) -> Optional[PingCommand]:
        """The command line (None when the paste shows none)."""
    @property
    def destination(self) -> Optional[str]:
        """The destination as printed."""
    @property
    def destination_ip(self) -> Optional[str]:
        """The destination's IP address."""
    @property
    def data_bytes(self) -> Optional[int]:
        """Payload bytes per packet."""
    @property
    def packets_transmitted(self) -> Optional[int]:
        """Packets sent (None without a summary)."""
    @property
    def packets_received(self) -> Optional[int]:
        """Packets received (None without a summary)."""
    @property
    def packet_loss_percent(self) -> Optional[float]:
        """Packet loss in percent (None without a summary)."""
    @property
    def duplicates(self) -> Optional[int]:
        """Duplicate replies."""
    @property
    def round_trip_ms_min(self) -> Optional[float]:
        """Minimum round-trip time (ms)."""
    @property
    def round_trip_ms_avg(self) -> Optional[float]:
        """Average round-trip time (ms)."""
    @property
    def round_trip_ms_max(self) -> Optional[float]:
        """Maximum round-trip time (ms)."""
    @property
    def round_trip_ms_stddev(self) -> Optional[float]:
        """Standard deviation of the round-trip time (ms), when printed."""
    @property
    def responses(self) -> Tuple[PingResponse, ...]:
        """Replies, timeouts and send failures, in order."""
    @property
    def complete(self) -> bool:
        """False when the summary is missing (trimmed or interrupted paste)."""
    def to_dict(self) -> Dict[str, Any]:
        """The run object of the JSON contract (DESIGN.md §4.2), a superset of jc's."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Ping: ...
    def __deepcopy__(self, memo: object) -> Ping: ...

@final
class Diagnostic:
    """Something doubtful in the input, with its line; never fatal."""

    @property
    def line(self) -> int:
        """1-based line of the evidence."""
    @property
    def kind(self) -> str:
        """A stable snake_case name, e.g. ``"address_unparseable"``."""
    @property
    def message(self) -> str:
        """What was found, in English."""
    def to_dict(self) -> Dict[str, Any]:
        """The diagnostic object of the JSON contract (DESIGN.md §4.3)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Diagnostic: ...
    def __deepcopy__(self, memo: object) -> Diagnostic: ...

@final
class Tags:
    """The service tags of one vmknic (``esxcli network ip interface tag get -i vmkN``)."""

    @property
    def line(self) -> Optional[int]:
        """1-based line of the ``Tags:`` line (None when the output has none)."""
    @property
    def interface(self) -> Optional[str]:
        """The vmknic the command names (None when no command was pasted)."""
    @property
    def tags(self) -> Optional[Tuple[str, ...]]:
        """The tags as printed, e.g. ``("Management", "VMotion")``; None without a ``Tags:`` line."""
    def to_dict(self) -> Dict[str, Any]:
        """The ``tags`` object of a section (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Tags: ...
    def __deepcopy__(self, memo: object) -> Tags: ...

@final
class InterfaceRow:
    """One vmknic of ``esxcli network ip interface list``."""

    @property
    def line(self) -> int:
        """1-based line of the vmknic's block."""
    @property
    def name(self) -> Optional[str]:
        """``Name``: ``vmkN``."""
    @property
    def mac(self) -> Optional[str]:
        """``MAC Address``, as printed."""
    @property
    def enabled(self) -> Optional[bool]:
        """``Enabled``."""
    @property
    def portset(self) -> Optional[str]:
        """``Portset`` (``vSwitch0``, ``DvsPortset-0``)."""
    @property
    def portgroup(self) -> Optional[str]:
        """``Portgroup`` (None on a distributed switch)."""
    @property
    def netstack(self) -> Optional[str]:
        """``Netstack Instance`` (ESXi 6.0 and later)."""
    @property
    def vds_name(self) -> Optional[str]:
        """``VDS Name``."""
    @property
    def vds_uuid(self) -> Optional[str]:
        """``VDS UUID``, as printed."""
    @property
    def vds_port(self) -> Optional[str]:
        """``VDS Port``, as printed (a DVPort key)."""
    @property
    def mtu(self) -> Optional[int]:
        """``MTU``."""
    @property
    def tso_mss(self) -> Optional[int]:
        """``TSO MSS``."""
    @property
    def port_id(self) -> Optional[int]:
        """``Port ID``."""
    def to_dict(self) -> Dict[str, Any]:
        """A row of a section's ``interface_list`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> InterfaceRow: ...
    def __deepcopy__(self, memo: object) -> InterfaceRow: ...

@final
class Ipv4Row:
    """One row of ``esxcli network ip interface ipv4 get``."""

    @property
    def line(self) -> int:
        """1-based line of the row."""
    @property
    def interface(self) -> str:
        """``vmkN``."""
    @property
    def address(self) -> Optional[str]:
        """The IPv4 address as printed."""
    @property
    def netmask(self) -> Optional[str]:
        """The netmask as printed."""
    @property
    def prefix_len(self) -> Optional[int]:
        """Prefix length derived from the netmask."""
    @property
    def broadcast(self) -> Optional[str]:
        """The broadcast address as printed."""
    @property
    def type(self) -> Optional[str]:
        """The address type: ``STATIC``, ``DHCP``, ``NONE``."""
    @property
    def gateway(self) -> Optional[str]:
        """The gateway as printed (None on 5.x, which has no such column)."""
    @property
    def dhcp_dns(self) -> Optional[bool]:
        """``DHCP DNS``."""
    def to_dict(self) -> Dict[str, Any]:
        """A row of a section's ``ipv4_get`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Ipv4Row: ...
    def __deepcopy__(self, memo: object) -> Ipv4Row: ...

@final
class Ipv6Row:
    """One row of ``esxcli network ip interface ipv6 address list``."""

    @property
    def line(self) -> int:
        """1-based line of the row."""
    @property
    def interface(self) -> str:
        """``vmkN``."""
    @property
    def address(self) -> Optional[str]:
        """The IPv6 address as printed."""
    @property
    def prefix_len(self) -> Optional[int]:
        """Prefix length (the ``Netmask`` column)."""
    @property
    def type(self) -> Optional[str]:
        """``STATIC``, ``DHCP``, ``AUTOCONF``... as printed."""
    @property
    def status(self) -> Optional[str]:
        """``PREFERRED``, ``DEPRECATED``, ``TENTATIVE``... as printed."""
    def to_dict(self) -> Dict[str, Any]:
        """A row of a section's ``ipv6_address_list`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Ipv6Row: ...
    def __deepcopy__(self, memo: object) -> Ipv6Row: ...

@final
class NetstackRow:
    """One TCP/IP stack of ``esxcli network ip netstack list``."""

    @property
    def line(self) -> int:
        """1-based line of the stack's block."""
    @property
    def key(self) -> Optional[str]:
        """``Key``: the instance key, as ``-N`` takes it."""
    @property
    def name(self) -> Optional[str]:
        """``Name``."""
    @property
    def state(self) -> Optional[int]:
        """``State`` (4660 when the stack runs)."""
    def to_dict(self) -> Dict[str, Any]:
        """A row of a section's ``netstack_list`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> NetstackRow: ...
    def __deepcopy__(self, memo: object) -> NetstackRow: ...

@final
class RouteRow:
    """One route of ``esxcli network ip route ipv4 list`` / ``route ipv6 list``."""

    @property
    def line(self) -> int:
        """1-based line of the row."""
    @property
    def netstack(self) -> Optional[str]:
        """The netstack from the command (None when no command was pasted)."""
    @property
    def family(self) -> Literal["ipv4", "ipv6"]:
        """The IP family."""
    @property
    def network(self) -> Optional[str]:
        """The destination as printed (``default``, ``192.0.2.0``...)."""
    @property
    def netmask(self) -> Optional[str]:
        """The netmask as printed (the prefix length on IPv6 routes)."""
    @property
    def prefix_len(self) -> Optional[int]:
        """Prefix length derived from the netmask."""
    @property
    def gateway(self) -> Optional[str]:
        """The gateway as printed (``0.0.0.0`` / ``::`` when directly connected)."""
    @property
    def interface(self) -> Optional[str]:
        """``vmkN``."""
    @property
    def source(self) -> Optional[str]:
        """``MANUAL``, ``DHCP``... (None without a ``Source`` column)."""
    def to_dict(self) -> Dict[str, Any]:
        """A row of a section's ``route_list`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> RouteRow: ...
    def __deepcopy__(self, memo: object) -> RouteRow: ...

@final
class Portgroup:
    """One port group of a standard switch in ``esxcfg-vswitch -l``."""

    @property
    def line(self) -> int:
        """1-based line of the row."""
    @property
    def name(self) -> str:
        """The port group's name."""
    @property
    def vlan_id(self) -> Optional[int]:
        """``VLAN ID``, 0-4095."""
    @property
    def used_ports(self) -> Optional[int]:
        """``Used Ports``."""
    @property
    def uplinks(self) -> Tuple[str, ...]:
        """The active uplinks."""
    def to_dict(self) -> Dict[str, Any]:
        """A port-group object of a switch (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Portgroup: ...
    def __deepcopy__(self, memo: object) -> Portgroup: ...

@final
class Dvport:
    """One DVPort of a distributed switch in ``esxcfg-vswitch -l``."""

    @property
    def line(self) -> int:
        """1-based line of the row."""
    @property
    def id(self) -> str:
        """The DVPort id as printed."""
    @property
    def in_use(self) -> Optional[bool]:
        """``In Use``."""
    @property
    def client(self) -> Optional[str]:
        """What is connected (``vmk1``, ``vmnic2``...), None when empty."""
    def to_dict(self) -> Dict[str, Any]:
        """A DVPort object of a switch (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Dvport: ...
    def __deepcopy__(self, memo: object) -> Dvport: ...

@final
class Switch:
    """One switch of ``esxcfg-vswitch -l``: a standard vSwitch or a distributed switch."""

    @property
    def line(self) -> int:
        """1-based line of the switch's row."""
    @property
    def kind(self) -> Literal["standard", "distributed"]:
        """Standard or distributed."""
    @property
    def name(self) -> str:
        """The switch's name."""
    @property
    def num_ports(self) -> Optional[int]:
        """``Num Ports``."""
    @property
    def used_ports(self) -> Optional[int]:
        """``Used Ports``."""
    @property
    def configured_ports(self) -> Optional[int]:
        """``Configured Ports`` (None on ESX 4.x/5.x)."""
    @property
    def mtu(self) -> Optional[int]:
        """``MTU``."""
    @property
    def uplinks(self) -> Tuple[str, ...]:
        """The uplink NICs; ``()`` for an internal switch."""
    @property
    def portgroups(self) -> Tuple[Portgroup, ...]:
        """The port groups of a standard switch."""
    @property
    def dvports(self) -> Tuple[Dvport, ...]:
        """The DVPorts of a distributed switch."""
    def to_dict(self) -> Dict[str, Any]:
        """A switch object of a section's ``vswitch`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Switch: ...
    def __deepcopy__(self, memo: object) -> Switch: ...

@final
class Nic:
    """One physical NIC of ``esxcli network nic list`` or ``esxcfg-nics -l``."""

    @property
    def line(self) -> int:
        """1-based line of the row."""
    @property
    def name(self) -> str:
        """``vmnicN``."""
    @property
    def pci(self) -> Optional[str]:
        """The PCI address as printed."""
    @property
    def driver(self) -> Optional[str]:
        """The driver."""
    @property
    def admin_status(self) -> Optional[str]:
        """``Admin Status`` (``Up``/``Down``), esxcli 6.x and later."""
    @property
    def link(self) -> Optional[str]:
        """The link state as printed (``Up``/``Down``)."""
    @property
    def speed_mbps(self) -> Optional[int]:
        """Speed in Mbit/s (0 when the link is down)."""
    @property
    def duplex(self) -> Optional[str]:
        """``Full`` / ``Half`` as printed."""
    @property
    def mac(self) -> Optional[str]:
        """The MAC address."""
    @property
    def mtu(self) -> Optional[int]:
        """The MTU."""
    @property
    def description(self) -> Optional[str]:
        """Vendor and model, as printed."""
    def to_dict(self) -> Dict[str, Any]:
        """A NIC object of a section's ``nic_list`` (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Nic: ...
    def __deepcopy__(self, memo: object) -> Nic: ...

@final
class Version:
    """The ESXi version: ``vmware -v``, ``vmware -vl`` or ``esxcli system version get``."""

    @property
    def line(self) -> Optional[int]:
        """1-based line of the first line that gave a field."""
    @property
    def product(self) -> Optional[str]:
        """``VMware ESXi`` (``VMware ESX`` on 4.x)."""
    @property
    def version(self) -> Optional[str]:
        """The version as printed, e.g. ``"7.0.3"``."""
    @property
    def build(self) -> Optional[int]:
        """The build number."""
    @property
    def update(self) -> Optional[str]:
        """The update as printed: ``"3"``, ``"GA"``."""
    @property
    def patch(self) -> Optional[str]:
        """esxcli's ``Patch:`` as printed."""
    def to_dict(self) -> Dict[str, Any]:
        """A section's ``version`` object (``vmkcheck parse --json``)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Version: ...
    def __deepcopy__(self, memo: object) -> Version: ...

@final
class Section:
    """One command of a transcript and what was read from its output.

    The attribute named like ``kind`` holds the parsed output; the others are None.
    """

    @property
    def line(self) -> int:
        """1-based line of the command."""
    @property
    def host(self) -> Optional[str]:
        """The host named by the prompt."""
    @property
    def command(self) -> Optional[str]:
        """The command as typed."""
    @property
    def kind(self) -> SectionKind:
        """What the section holds."""
    @property
    def vmknic(self) -> Optional[Tuple[VmknicRow, ...]]:
        """The rows of an ``esxcfg-vmknic -l`` section."""
    @property
    def vmkping(self) -> Optional[Ping]:
        """The run of a ``vmkping`` section."""
    @property
    def tags(self) -> Optional[Tags]:
        """The tags of an ``esxcli network ip interface tag get`` section."""
    @property
    def interface_list(self) -> Optional[Tuple[InterfaceRow, ...]]:
        """The vmknics of an ``esxcli network ip interface list`` section."""
    @property
    def ipv4_get(self) -> Optional[Tuple[Ipv4Row, ...]]:
        """The rows of an ``esxcli network ip interface ipv4 get`` section."""
    @property
    def ipv6_address_list(self) -> Optional[Tuple[Ipv6Row, ...]]:
        """The rows of an ``esxcli network ip interface ipv6 address list`` section."""
    @property
    def netstack_list(self) -> Optional[Tuple[NetstackRow, ...]]:
        """The stacks of an ``esxcli network ip netstack list`` section."""
    @property
    def route_list(self) -> Optional[Tuple[RouteRow, ...]]:
        """The routes of an ``esxcli network ip route ipv4|ipv6 list`` section."""
    @property
    def vswitch(self) -> Optional[Tuple[Switch, ...]]:
        """The switches of an ``esxcfg-vswitch -l`` section."""
    @property
    def nic_list(self) -> Optional[Tuple[Nic, ...]]:
        """The NICs of an ``esxcli network nic list`` / ``esxcfg-nics -l`` section."""
    @property
    def version(self) -> Optional[Version]:
        """The version of a ``vmware -vl`` / ``esxcli system version get`` section."""
    @property
    def diag_ping(self) -> Optional[Ping]:
        """The run of an ``esxcli network diag ping`` section, in the shape of a vmkping run."""
    def to_dict(self) -> Dict[str, Any]:
        """The section object of the JSON contract (DESIGN.md §4.3)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Section: ...
    def __deepcopy__(self, memo: object) -> Section: ...

@final
class Transcript:
    """A pasted transcript split into sections (``vmkcheck parse --json``)."""

    @property
    def schema(self) -> Literal["vmkcheck.transcript.v1"]:
        """The schema id."""
    @property
    def sections(self) -> Tuple[Section, ...]:
        """The sections, in text order."""
    @property
    def diagnostics(self) -> Tuple[Diagnostic, ...]:
        """Everything doubtful found in the text."""
    def to_dict(self) -> Dict[str, Any]:
        """The transcript object of the JSON contract (DESIGN.md §4.3)."""
    def to_json(self) -> str:
        """Byte for byte what ``vmkcheck parse --json`` prints for the same text."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Transcript: ...
    def __deepcopy__(self, memo: object) -> Transcript: ...

@final
class Evidence:
    """A line of a host's transcript that a finding rests on."""

    @property
    def host(self) -> str:
        """The host whose transcript holds the line."""
    @property
    def line(self) -> int:
        """1-based line in that transcript."""
    def to_dict(self) -> Dict[str, Any]:
        """The evidence object of the JSON contract (DESIGN.md §4.4)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Evidence: ...
    def __deepcopy__(self, memo: object) -> Evidence: ...

@final
class Finding:
    """What one rule found: severity, where, why, and what to run next."""

    @property
    def rule(self) -> str:
        """The rule id, e.g. ``"jumbo-path-unverified"``."""
    @property
    def severity(self) -> Severity:
        """``"error"``, ``"unverified"``, ``"warning"`` or ``"info"``."""
    @property
    def host(self) -> Optional[str]:
        """The host it is about."""
    @property
    def peer(self) -> Optional[str]:
        """The other host of a pair."""
    @property
    def interface(self) -> Optional[str]:
        """The VMkernel interface it is about."""
    @property
    def message(self) -> str:
        """What was found, in English."""
    @property
    def remediation(self) -> Optional[str]:
        """What to run or change next."""
    @property
    def evidence(self) -> Tuple[Evidence, ...]:
        """The transcript lines the finding rests on."""
    def to_dict(self) -> Dict[str, Any]:
        """The finding object of the JSON contract (DESIGN.md §4.4)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Finding: ...
    def __deepcopy__(self, memo: object) -> Finding: ...

@final
class Host:
    """A host of the report: its name, vMotion interfaces and their MTU."""

    @property
    def name(self) -> str:
        """The host's name."""
    @property
    def vmotion_interfaces(self) -> Tuple[str, ...]:
        """The vmks that carry vMotion."""
    @property
    def mtu(self) -> Optional[int]:
        """The MTU of the (first) vMotion interface."""
    def to_dict(self) -> Dict[str, Any]:
        """The host object of the JSON contract (DESIGN.md §4.4)."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Host: ...
    def __deepcopy__(self, memo: object) -> Host: ...

@final
class Report:
    """The answer of ``check()``: will vMotion work between these hosts?"""

    @property
    def schema(self) -> Literal["vmkcheck.report.v1"]:
        """The schema id."""
    @property
    def verdict(self) -> Verdict:
        """``"ready"``, ``"ready_with_warnings"``, ``"unverified"`` or ``"not_ready"``."""
    @property
    def hosts(self) -> Tuple[Host, ...]:
        """The hosts, sorted by name."""
    @property
    def findings(self) -> Tuple[Finding, ...]:
        """The findings: errors first, then by host, peer and rule."""
    @property
    def counts(self) -> Counts:
        """Findings per severity."""
    def to_dict(self) -> Dict[str, Any]:
        """The report object of the JSON contract (DESIGN.md §4.4)."""
    def to_json(self) -> str:
        """Byte for byte what ``vmkcheck check --json`` prints for the same inputs."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...
    def __copy__(self) -> Report: ...
    def __deepcopy__(self, memo: object) -> Report: ...
