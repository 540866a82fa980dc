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
  /** `vmkping` or `ping`. */
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

/** One vmkping run (a superset of the `jc` ping schema). */
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

/** What a section of a transcript holds. */
export type SectionKind = "vmknic" | "vmkping" | "unknown";

/** One command and its output. */
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
  | "further_output_ignored";

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
