// TypeScript declarations of the npm package `vmkcheck` (browser and Node entry points
// share them). Result types mirror the JSON contract of DESIGN.md §4 field for field:
// absent values are `null`, never omitted.

// ---------------------------------------------------------------------------------------
// §4.1 vmknic row

/** How the port-group column reads: a name, an all-digit DVPort id or an NSX UUID. */
export type PortgroupKind = "name" | "dvport" | "opaque";

/** IP family of a row. */
export type Family = "ipv4" | "ipv6";

/** One row of `esxcfg-vmknic -l` (one per address: an interface has one IPv4 row and
 * any number of IPv6 rows). */
export interface VmknicRow {
  /** 1-based line in the text. */
  line: number;
  interface: string;
  portgroup: string | null;
  portgroup_kind: PortgroupKind | null;
  /** `null` when the layout has no `IP Family` column. */
  family: Family | null;
  /** As printed; `null` for empty or `N/A`. */
  address: string | null;
  netmask: string | null;
  /** Derived from the IPv4 netmask or the IPv6 prefix column; `null` when unknown. */
  prefix_len: number | null;
  broadcast: string | null;
  mac: string | null;
  mtu: number | null;
  tso_mss: number | null;
  enabled: boolean | null;
  /** `STATIC`, `DHCP`, `NONE`, `STATIC, PREFERRED`… as printed. */
  type: string | null;
  netstack: string | null;
}

// ---------------------------------------------------------------------------------------
// §4.2 vmkping run

/** The `vmkping` / `ping` command line of a run. */
export interface PingCommand {
  text: string;
  /** `vmkping` or `ping`; `esxcli` (or `localcli`) for an `esxcli network diag ping`
   * run. */
  program: string;
  target: string | null;
  netstack: string | null;
  interface: string | null;
  ipv6: boolean;
  /** `-d`: don't fragment. */
  df: boolean;
  size: number | null;
  count: number | null;
  interval: number | null;
  wait: number | null;
  ttl: number | null;
  next_hop: string | null;
}

/** `reply`, `timeout` (inferred or printed) or `send_failed` (`sendto() failed (…)`). */
export type ResponseType = "reply" | "timeout" | "send_failed";

/** One response of a run. */
export interface PingResponse {
  /** `null` for a timeout inferred from the summary. */
  line: number | null;
  type: ResponseType;
  bytes: number | null;
  response_ip: string | null;
  icmp_seq: number | null;
  ttl: number | null;
  time_ms: number | null;
  duplicate: boolean;
  /** For `send_failed`: the text in the parentheses, e.g. `"Message too long"`. */
  error: string | null;
}

/** One vmkping run (a superset of the `jc` ping schema). An `esxcli network diag ping`
 * run has exactly this shape too (section field `diag_ping`): its `data_bytes` is always
 * `null` (esxcli prints none; see the command's `size`) and so is `round_trip_ms_stddev`. */
export interface PingRun {
  line: number;
  /** `null` when no command line was seen. */
  command: PingCommand | null;
  destination: string | null;
  destination_ip: string | null;
  data_bytes: number | null;
  packets_transmitted: number | null;
  packets_received: number | null;
  packet_loss_percent: number | null;
  duplicates: number | null;
  round_trip_ms_min: number | null;
  round_trip_ms_avg: number | null;
  round_trip_ms_max: number | null;
  round_trip_ms_stddev: number | null;
  responses: PingResponse[];
  /** `false` when the summary is missing (trimmed or interrupted paste). */
  complete: boolean;
}

// ---------------------------------------------------------------------------------------
// §4.3 transcript

/** What a section of a transcript holds: the command it ran. The section's field of the
 * same name holds the parsed output; every other such field is `null`. */
export type SectionKind =
  /** `esxcfg-vmknic -l`. */
  | "vmknic"
  /** A `vmkping` (or `ping`) run. */
  | "vmkping"
  /** `esxcli network ip interface tag get -i vmkN`. */
  | "tags"
  /** `esxcli network ip interface list`. */
  | "interface_list"
  /** `esxcli network ip interface ipv4 get` (or `ipv4 address list`). */
  | "ipv4_get"
  /** `esxcli network ip interface ipv6 address list`. */
  | "ipv6_address_list"
  /** `esxcli network ip netstack list`. */
  | "netstack_list"
  /** `esxcli network ip route ipv4|ipv6 list`. */
  | "route_list"
  /** `esxcfg-vswitch -l`. */
  | "vswitch"
  /** `esxcli network nic list` or `esxcfg-nics -l`. */
  | "nic_list"
  /** `vmware -v`, `vmware -vl` or `esxcli system version get`. */
  | "version"
  /** `esxcli network diag ping`. */
  | "diag_ping"
  /** A command vmkcheck does not read. */
  | "unknown";

/** `esxcli network ip interface tag get -i vmkN`. */
export interface InterfaceTags {
  /** 1-based line of the `Tags:` line; `null` when the output has none. */
  line: number | null;
  /** The vmknic from the command's `-i`; `null` when no command (or no `-i`) was pasted. */
  interface: string | null;
  /** The service tags as printed (`["Management", "VMotion"]`; empty when none is set);
   * `null` when no `Tags:` line was found. */
  tags: string[] | null;
}

/** One vmknic block of `esxcli network ip interface list`. `N/A` reads as `null`. */
export interface InterfaceListRow {
  /** 1-based line of the block's name line (of its first pair when it has none). */
  line: number;
  /** `Name` (else the block's name line): `vmkN`. */
  name: string | null;
  mac: string | null;
  enabled: boolean | null;
  /** `Portset` (`vSwitch0`, `DvsPortset-0`). */
  portset: string | null;
  /** `Portgroup` (standard switch; `null` on a distributed switch). */
  portgroup: string | null;
  /** `Netstack Instance` (6.0 and later). */
  netstack: string | null;
  vds_name: string | null;
  /** `VDS UUID`, as printed (blanks inside). */
  vds_uuid: string | null;
  /** `VDS Port`, as printed (a DVPort key). */
  vds_port: string | null;
  mtu: number | null;
  tso_mss: number | null;
  port_id: number | null;
}

/** One row of `esxcli network ip interface ipv4 get`. */
export interface Ipv4GetRow {
  /** 1-based line of the row. */
  line: number;
  /** `vmkN` (the `Name` column). */
  interface: string;
  /** As printed (kept when redacted). */
  address: string | null;
  netmask: string | null;
  /** Derived from the netmask; `null` when it is not a valid mask. */
  prefix_len: number | null;
  broadcast: string | null;
  /** `STATIC`, `DHCP`, `NONE` as printed. */
  type: string | null;
  /** As printed (`0.0.0.0` when none); `null` on 5.x, which has no such column. */
  gateway: string | null;
  dhcp_dns: boolean | null;
}

/** One row of `esxcli network ip interface ipv6 address list`. */
export interface Ipv6AddressRow {
  /** 1-based line of the row. */
  line: number;
  /** `vmkN`. */
  interface: string;
  address: string | null;
  /** The `Netmask` column: a prefix length. */
  prefix_len: number | null;
  /** `STATIC`, `DHCP`, `AUTOCONF`… as printed. */
  type: string | null;
  /** `PREFERRED`, `DEPRECATED`, `TENTATIVE`… as printed. */
  status: string | null;
}

/** One netstack instance of `esxcli network ip netstack list`. */
export interface NetstackRow {
  /** 1-based line of the block's name line (of its first pair when it has none). */
  line: number;
  /** `Key`: the instance key, as `-N` takes it (`defaultTcpipStack`, `vmotion`…). */
  key: string | null;
  name: string | null;
  /** `State` (4660 = 0x1234 when the stack runs). */
  state: number | null;
}

/** One route of `esxcli network ip route ipv4|ipv6 list`. */
export interface RouteRow {
  /** 1-based line of the row. */
  line: number;
  /** From the command's `-N` (`defaultTcpipStack` when it names none); `null` when no
   * command was pasted. */
  netstack: string | null;
  /** From the command (`route ipv4` / `route ipv6`), else from the row's values. */
  family: Family;
  /** Destination as printed (`default`, `192.0.2.0`, `fe80::`). */
  network: string | null;
  /** As printed (the prefix length on IPv6 routes). */
  netmask: string | null;
  prefix_len: number | null;
  /** As printed (`0.0.0.0` / `::` for a directly connected network). */
  gateway: string | null;
  /** `vmkN`. */
  interface: string | null;
  /** `MANUAL`, `DHCP`… as printed; `null` on tables without a `Source` column. */
  source: string | null;
}

/** A standard or a distributed virtual switch. */
export type SwitchKind = "standard" | "distributed";

/** A port group of a standard switch (`esxcfg-vswitch -l`). */
export interface VswitchPortgroup {
  /** 1-based line of the row. */
  line: number;
  /** May hold blanks and non-ASCII text. */
  name: string;
  /** 0–4095 (4095: all VLANs, guest tagging). */
  vlan_id: number | null;
  used_ports: number | null;
  /** The active uplinks (`["vmnic0", "vmnic1"]`); empty when none is listed. */
  uplinks: string[];
}

/** A DVPort of a distributed switch (`esxcfg-vswitch -l`). */
export interface VswitchDvport {
  /** 1-based line of the row. */
  line: number;
  /** The DVPort id as printed (a number, or a string on some switches). */
  id: string;
  /** `In Use` (`1` → `true`). */
  in_use: boolean | null;
  /** What is connected: `vmk1`, `vmnic2`, a VM's NIC; `null` when empty. */
  client: string | null;
}

/** One switch of `esxcfg-vswitch -l`. */
export interface VswitchSwitch {
  /** 1-based line of the switch's row. */
  line: number;
  kind: SwitchKind;
  /** The switch name (a distributed switch's may hold blanks). */
  name: string;
  num_ports: number | null;
  used_ports: number | null;
  /** `null` on ESX 4.x/5.x, which do not print it. */
  configured_ports: number | null;
  mtu: number | null;
  /** The uplinks (`["vmnic0", "vmnic1"]`); empty for an internal switch. */
  uplinks: string[];
  /** A standard switch's port groups (empty on a distributed switch). */
  portgroups: VswitchPortgroup[];
  /** A distributed switch's DVPorts (empty on a standard switch). */
  dvports: VswitchDvport[];
}

/** One physical NIC of `esxcli network nic list` or `esxcfg-nics -l`. */
export interface NicRow {
  /** 1-based line of the row. */
  line: number;
  /** `vmnicN`. */
  name: string;
  /** PCI address (`0000:02:00.0`; `Pseudo` for a USB NIC), as printed. */
  pci: string | null;
  /** `ntg3`, `ixgben`, `nmlx5_core`… */
  driver: string | null;
  /** `Up` / `Down` (esxcli 6.x and later only). */
  admin_status: string | null;
  /** Link state as printed (`Up` / `Down`). */
  link: string | null;
  /** Mbit/s (`0` when the link is down). */
  speed_mbps: number | null;
  /** `Full` / `Half` as printed. */
  duplex: string | null;
  mac: string | null;
  mtu: number | null;
  /** Vendor and model (holds blanks). */
  description: string | null;
}

/** `vmware -v`, `vmware -vl` or `esxcli system version get`. */
export interface EsxiVersion {
  /** 1-based line of the first line that gave a field; `null` when none did. */
  line: number | null;
  /** `VMware ESXi` (`VMware ESX` on 4.x). */
  product: string | null;
  /** As printed (`7.0.3`); `null` when it is not a number (`8.0.x`, diagnosed). */
  version: string | null;
  /** The build number (`20328353` of `build-20328353`). */
  build: number | null;
  /** The update as printed: `3`, `GA`, `0`. */
  update: string | null;
  /** esxcli's `Patch:` as printed (`65`). */
  patch: string | null;
}

/** One command and its output. Exactly the field named by `kind` holds the parsed output
 * (for `vmknic` … `diag_ping`); all the others are `null`. */
export interface Section {
  line: number;
  /** The host its prompt names; `null` when it names none. */
  host: string | null;
  command: string | null;
  kind: SectionKind;
  /** The rows, for `kind: "vmknic"`. */
  vmknic: VmknicRow[] | null;
  /** The run, for `kind: "vmkping"`. */
  vmkping: PingRun | null;
  /** For `kind: "tags"`. */
  tags: InterfaceTags | null;
  /** The vmknics, for `kind: "interface_list"`. */
  interface_list: InterfaceListRow[] | null;
  /** The rows, for `kind: "ipv4_get"`. */
  ipv4_get: Ipv4GetRow[] | null;
  /** The rows, for `kind: "ipv6_address_list"`. */
  ipv6_address_list: Ipv6AddressRow[] | null;
  /** The netstack instances, for `kind: "netstack_list"`. */
  netstack_list: NetstackRow[] | null;
  /** The routes, for `kind: "route_list"`. */
  route_list: RouteRow[] | null;
  /** The switches, for `kind: "vswitch"`. */
  vswitch: VswitchSwitch[] | null;
  /** The physical NICs, for `kind: "nic_list"`. */
  nic_list: NicRow[] | null;
  /** For `kind: "version"`. */
  version: EsxiVersion | null;
  /** The run (the vmkping run's shape), for `kind: "diag_ping"`. */
  diag_ping: PingRun | null;
}

/** What was doubtful in the input (never fatal). */
export type DiagnosticKind =
  | "address_unparseable"
  | "row_unreadable"
  | "row_misaligned"
  | "header_collapsed"
  | "whitespace_in_value"
  | "header_missing"
  | "header_unknown_column"
  | "rows_elided"
  | "line_not_a_row"
  | "reply_size_mismatch"
  | "reply_address_mismatch"
  | "summary_mismatch"
  | "replies_not_shown"
  | "sequence_out_of_order"
  | "timeouts_not_listed"
  | "not_esxi_output"
  | "ping_option_unknown"
  | "ping_target_missing"
  | "ping_line_unrecognized"
  | "ping_incomplete"
  | "further_output_ignored"
  /** A value of another ESXi command's output is not of the shape its field needs (a
   * number, an address, `true`/`false`): the field is `null`. */
  | "value_unparseable"
  /** A line inside another command's output that vmkcheck cannot place. */
  | "output_line_unrecognized"
  /** Per-interface output (`tag get`) whose interface is unknown: its command line was
   * not pasted. */
  | "interface_not_named";

export interface Diagnostic {
  line: number;
  kind: DiagnosticKind;
  message: string;
}

/** A parsed transcript (`vmkcheck parse --json`). */
export interface Transcript {
  schema: "vmkcheck.transcript.v1";
  sections: Section[];
  diagnostics: Diagnostic[];
}

// ---------------------------------------------------------------------------------------
// §4.4 report and §5 rules

export type Severity = "error" | "unverified" | "warning" | "info";

export type Verdict = "ready" | "ready_with_warnings" | "unverified" | "not_ready";

/** The fixed rule ids of DESIGN.md §5. */
export type RuleId =
  | "vmotion-not-configured"
  | "vmotion-interface-unknown"
  | "vmotion-on-management"
  | "vmotion-interface-disabled"
  | "vmotion-interface-dhcp"
  | "vmotion-interface-no-address"
  | "default-stack-vmotion-ignored"
  | "jumbo-frames-not-enabled"
  | "mtu-out-of-range"
  | "mtu-mismatch"
  | "provisioning-stack-absent"
  | "duplicate-address"
  | "multihoming-same-subnet"
  | "broadcast-mismatch"
  | "address-unparseable"
  | "address-family-mismatch"
  | "routed-vmotion"
  | "connectivity-failed"
  | "connectivity-lossy"
  | "connectivity-unverified"
  | "jumbo-path-failed"
  | "jumbo-path-unverified"
  | "ping-without-df"
  | "ping-size-exceeds-mtu"
  | "ping-wrong-netstack"
  | "ping-target-unknown"
  | "duplicate-replies"
  | "long-distance-vmotion"
  | "rtt-too-high"
  | "facts-not-provided"
  | "cpu-aes-pclmulqdq-mismatch"
  | "cpu-vendor-mismatch"
  | "esxi-version-unsupported"
  | "cross-vcenter-version-mismatch"
  | "license-insufficient"
  | "cross-vcenter-without-elm"
  | "encrypted-vmotion-unsupported"
  | "vswitch-mtu-too-small"
  | "link-capacity-low";

/** A line of a host's pasted text that a finding rests on. */
export interface Evidence {
  host: string;
  /** 1-based line in the text that holds that host's output. */
  line: number;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  host: string | null;
  peer: string | null;
  interface: string | null;
  message: string;
  /** The exact command to run or the fix, where one exists. */
  remediation: string | null;
  evidence: Evidence[];
}

export interface HostSummary {
  name: string;
  vmotion_interfaces: string[];
  mtu: number | null;
}

export interface Counts {
  error: number;
  unverified: number;
  warning: number;
  info: number;
}

/** The result of {@link check} (`vmkcheck check --json`). */
export interface Report {
  schema: "vmkcheck.report.v1";
  verdict: Verdict;
  hosts: HostSummary[];
  /** Ordered by severity, then host, peer, rule. */
  findings: Finding[];
  counts: Counts;
}

/** One entry of the rule catalogue. */
export interface RuleInfo {
  id: RuleId;
  /** The severity the rule usually reports (`routed-vmotion` may be either). */
  severity: Severity;
  summary: string;
  reference: string;
}

// ---------------------------------------------------------------------------------------
// inputs

/** One host's pasted text. An empty or missing name means "name it from the prompt"
 * (else `host1`, `host2`… by position). A bare string is a text without a name. */
export interface HostInput {
  name?: string | null;
  text: string;
}

/** Facts of one host (all optional; `null` counts as absent). Values are read leniently
 * (`"Enterprise Plus"`, `"GenuineIntel"`, a version as a number…). */
export interface HostFacts {
  esxi_version?: string | number | null;
  vcenter?: string | null;
  vcenter_version?: string | number | null;
  license?: string | null;
  cpu_vendor?: string | null;
  aes_ni?: boolean | null;
  pclmulqdq?: boolean | null;
  evc_mode?: string | null;
  encrypted_vmotion?: "disabled" | "opportunistic" | "required" | null;
  line_rate_mbps?: number | null;
  linked_mode?: boolean | null;
  /** vmk name → service tags (`esxcli network ip interface tag get`), e.g. `["VMotion"]`. */
  tags?: { [vmk: string]: string[] } | null;
}

/** Host name → its facts. */
export interface Facts {
  [host: string]: HostFacts;
}

export interface CheckOptions {
  /** The facts document: an object, or its JSON text (errors then point into it). */
  facts?: Facts | string | null;
}

/** A check's report, its canonical JSON, and where each evidence line is. */
export interface CheckDetails {
  report: Report;
  /** The canonical JSON of the report (as `vmkcheck check --json` prints it). */
  json: string;
  /** `sources[i][j]`: index into the `hosts` argument of the text holding
   * `report.findings[i].evidence[j]`. */
  sources: number[][];
}

// ---------------------------------------------------------------------------------------
// errors

/** Every kind an error can have. */
export type ErrorKind =
  | "empty"
  | "no_vmknic_table"
  | "no_ping_output"
  | "invalid_utf8"
  | "not_text"
  | "too_large"
  | "capacity"
  | "facts_syntax"
  | "facts_type"
  | "facts_unknown_field"
  | "facts_value"
  | "facts_duplicate_field"
  /** A wrong argument type (not from the core). */
  | "invalid_argument"
  /** An internal error (a bug): the module was reset and stays usable. */
  | "panic";

/** What every function throws. `line` and `column` are 1-based (0 when the error has no
 * position); `offset` is the byte offset in the UTF-8 text. */
export declare class VmkcheckError extends Error {
  readonly name: "VmkcheckError";
  readonly kind: ErrorKind;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
}

// ---------------------------------------------------------------------------------------
// functions

/** Where init() loads the `.wasm` from: a URL (a string or a `URL`), a `Request`, a
 * `Response` or a promise of one, the bytes (`ArrayBuffer`, typed array) or a compiled
 * `WebAssembly.Module`. Spelled without DOM types so that these declarations also
 * compile in projects without the DOM library. */
export type InitInput = string | ArrayBuffer | ArrayBufferView | PromiseLike<object> | object;

/** Loads the WebAssembly module (once; later calls return at once). Required before any
 * other call in browsers (by default it fetches `vmkcheck_bg.wasm` next to the glue);
 * a no-op in Node, where the module loads on import. */
export default function init(input?: InitInput): Promise<void>;

/** Loads the WebAssembly module synchronously from its bytes or a compiled
 * `WebAssembly.Module` (browsers; a no-op in Node). */
export declare function initSync(module: ArrayBuffer | ArrayBufferView | object): void;

/** The rows of one `esxcfg-vmknic -l` table. Throws `no_vmknic_table` when there is none. */
export declare function parseVmknic(text: string): VmknicRow[];
/** One vmkping run. Throws `no_ping_output` when there is none. */
export declare function parseVmkping(text: string): PingRun;
/** Any pasted text: sections by prompt and diagnostics. Never throws for content. */
export declare function parseTranscript(text: string): Transcript;
/** The vMotion readiness report for some hosts' texts. */
export declare function check(
  hosts: ReadonlyArray<HostInput | string>,
  options?: CheckOptions,
): Report;
/** As {@link check}, plus its canonical JSON and the text of every evidence line. */
export declare function checkWithSources(
  hosts: ReadonlyArray<HostInput | string>,
  options?: CheckOptions,
): CheckDetails;
/** The rule catalogue. */
export declare function rules(): RuleInfo[];
/** The built-in sample: a real two-host transcript (hosts `ibmesx01` and `ibmesx02`),
 * the text `vmkcheck check` reads when given no file. */
export declare function sample(): string;
/** The package (crate) version. */
export declare function version(): string;

/** Canonical JSON (two-space indent, one trailing newline): byte for byte what the CLI,
 * the C library and the Python package print for the same input. */
export declare function parseVmknicJson(text: string): string;
export declare function parseVmkpingJson(text: string): string;
export declare function parseTranscriptJson(text: string): string;
export declare function checkJson(
  hosts: ReadonlyArray<HostInput | string>,
  options?: CheckOptions,
): string;
export declare function rulesJson(): string;

/** @internal Test hook: panics inside the module (then throws kind `panic`), to prove
 * that the module stays usable afterwards. Not part of the API. */
export declare function __testPanic(): never;
