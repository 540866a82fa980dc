// A small client of the package: every export and result type, strictly typed. Compiled
// with `tsc --noEmit --strict` by wasm/test.sh (never run).
import init, {
  check,
  checkJson,
  checkWithSources,
  initSync,
  parseTranscript,
  parseTranscriptJson,
  parseVmknic,
  parseVmknicJson,
  parseVmkping,
  parseVmkpingJson,
  rules,
  rulesJson,
  sample,
  version,
  VmkcheckError,
} from "vmkcheck";
import type {
  CheckDetails,
  Counts,
  Diagnostic,
  DiagnosticKind,
  ErrorKind,
  EsxiVersion,
  Evidence,
  Facts,
  Family,
  Finding,
  HostInput,
  HostSummary,
  InterfaceListRow,
  InterfaceTags,
  Ipv4GetRow,
  Ipv6AddressRow,
  NetstackRow,
  NicRow,
  PingCommand,
  PingResponse,
  PingRun,
  Report,
  RuleId,
  RouteRow,
  RuleInfo,
  Section,
  SectionKind,
  Severity,
  SwitchKind,
  Transcript,
  Verdict,
  VmknicRow,
  VswitchDvport,
  VswitchPortgroup,
  VswitchSwitch,
} from "vmkcheck";

/** What one section read: every kind through its typed field (issue 9's commands too). */
export function describeSection(s: Section): string {
  const kind: SectionKind = s.kind;
  switch (kind) {
    case "vmknic":
      return String(s.vmknic?.length);
    case "vmkping":
      return String(s.vmkping?.packet_loss_percent);
    case "tags": {
      const t: InterfaceTags | null = s.tags;
      const line: number | null = t?.line ?? null;
      const vmk: string | null = t?.interface ?? null;
      const vmotion: boolean = (t?.tags ?? []).some((x: string) => x.toLowerCase() === "vmotion");
      return `${line} ${vmk} ${vmotion}`;
    }
    case "interface_list": {
      const rows: InterfaceListRow[] = s.interface_list ?? [];
      return rows.map((r) => `${r.name ?? "?"}@${r.portset ?? r.vds_name ?? "?"} mtu ${r.mtu ?? "?"} ${r.enabled === true}`).join(",");
    }
    case "ipv4_get": {
      const rows: Ipv4GetRow[] = s.ipv4_get ?? [];
      return rows.map((r) => `${r.interface} ${r.address}/${r.prefix_len} gw ${r.gateway} ${r.dhcp_dns}`).join(",");
    }
    case "ipv6_address_list": {
      const rows: Ipv6AddressRow[] = s.ipv6_address_list ?? [];
      return rows.map((r) => `${r.interface} ${r.address}/${r.prefix_len} ${r.status}`).join(",");
    }
    case "netstack_list": {
      const rows: NetstackRow[] = s.netstack_list ?? [];
      const running: number = rows.filter((r) => r.state === 4660).length;
      return `${rows.map((r) => r.key).join(",")} ${running}`;
    }
    case "route_list": {
      const rows: RouteRow[] = s.route_list ?? [];
      const fam: Family | undefined = rows[0]?.family;
      return `${fam} ${rows.filter((r) => r.network === "default").map((r) => `${r.gateway} via ${r.interface} on ${r.netstack}`)}`;
    }
    case "vswitch": {
      const switches: VswitchSwitch[] = s.vswitch ?? [];
      const sk: SwitchKind | undefined = switches[0]?.kind;
      const pgs: VswitchPortgroup[] = switches.flatMap((w) => w.portgroups);
      const dvp: VswitchDvport[] = switches.flatMap((w) => w.dvports);
      const uplinks: string[] = switches.flatMap((w) => w.uplinks);
      const mtu: number | null = switches[0]?.mtu ?? null;
      return `${sk} ${mtu} ${pgs.map((p) => `${p.name}:${p.vlan_id}`)} ${dvp.map((d) => `${d.id}=${d.client}:${d.in_use}`)} ${uplinks}`;
    }
    case "nic_list": {
      const nics: NicRow[] = s.nic_list ?? [];
      return nics.map((n) => `${n.name} ${n.speed_mbps ?? "?"}Mb ${n.duplex} ${n.link}`).join(",");
    }
    case "version": {
      const v: EsxiVersion | null = s.version;
      const build: number | null = v?.build ?? null;
      return `${v?.product} ${v?.version} build ${build} U${v?.update} P${v?.patch}`;
    }
    case "diag_ping": {
      // The vmkping run's shape.
      const run: PingRun | null = s.diag_ping;
      const c: PingCommand | null = run?.command ?? null;
      return `${c?.program} ${c?.netstack} ${c?.size} ${run?.packet_loss_percent} ${run?.complete}`;
    }
    case "unknown":
      return s.command ?? "";
    default: {
      // Every kind is handled above.
      const never: never = kind;
      return never;
    }
  }
}

export async function main(text: string, other: string): Promise<string[]> {
  await init();
  initSync(new Uint8Array(0));
  const out: string[] = [version(), sample()];

  const rows: VmknicRow[] = parseVmknic(text);
  const mtus: (number | null)[] = rows.map((r) => r.mtu);
  const kind: "name" | "dvport" | "opaque" | null = rows[0]?.portgroup_kind ?? null;
  out.push(String(mtus), String(kind));

  const run: PingRun = parseVmkping(text);
  const cmd: PingCommand | null = run.command;
  const df: boolean = cmd?.df ?? false;
  const responses: PingResponse[] = run.responses;
  const loss: number | null = run.packet_loss_percent;
  out.push(String(df), String(responses.length), String(loss));

  const t: Transcript = parseTranscript(text);
  const s: Section | undefined = t.sections[0];
  const d: Diagnostic[] = t.diagnostics;
  const dk: DiagnosticKind | undefined = d[0]?.kind;
  out.push(String(s?.kind), String(dk));

  const facts: Facts = { esx01: { esxi_version: "7.0.3", aes_ni: true, tags: { vmk1: ["VMotion"] } } };
  const hosts: HostInput[] = [{ name: "esx01", text }, { name: "", text: other }];
  const report: Report = check(hosts, { facts });
  const again: Report = check([text, { text: other }], { facts: JSON.stringify(facts) });
  const verdict: Verdict = report.verdict;
  const summary: HostSummary[] = report.hosts;
  const counts: Counts = again.counts;
  const worst: Finding | undefined = report.findings[0];
  const rule: RuleId | undefined = worst?.rule;
  const sev: Severity | undefined = worst?.severity;
  const ev: Evidence[] = worst?.evidence ?? [];
  const fix: string | null = worst?.remediation ?? null;
  out.push(verdict, String(summary.length), String(counts.error), String(rule), String(sev), String(ev.length), String(fix));

  const details: CheckDetails = checkWithSources(hosts);
  const firstSource: number | undefined = details.sources[0]?.[0];
  out.push(details.json, String(firstSource));

  const catalogue: RuleInfo[] = rules();
  out.push(catalogue.map((r) => `${r.id} ${r.severity}`).join("\n"));
  out.push(parseVmknicJson(text), parseVmkpingJson(text), parseTranscriptJson(text), checkJson(hosts), rulesJson());

  try {
    parseVmkping("hello");
  } catch (e) {
    if (e instanceof VmkcheckError) {
      const k: ErrorKind = e.kind;
      const where: string = `${e.line}:${e.column} (+${e.offset})`;
      out.push(k, where, e.message);
    }
  }

  // @ts-expect-error: hosts must be an array
  check("esx01");
  // @ts-expect-error: a host needs its text
  check([{ name: "esx01" }]);
  // @ts-expect-error: facts fields are typed
  check(hosts, { facts: { esx01: { aes_ni: "yes" } } });
  out.push(t.sections.map(describeSection).join("\n"));
  const newDiag: DiagnosticKind = "interface_not_named";
  out.push(newDiag);
  // @ts-expect-error: a section's version is an object, not a string
  const vs: string = t.sections[0]?.version ?? "";
  // @ts-expect-error: unknown section kinds do not type-check
  const sk: SectionKind = "esxtop";
  // @ts-expect-error: a NIC's speed is a number (or null)
  const speed: string | null = (t.sections[0]?.nic_list ?? [])[0]?.speed_mbps ?? null;
  out.push(vs, sk, String(speed));
  // @ts-expect-error: unknown verdicts do not type-check
  const bad: Verdict = "maybe";
  out.push(bad);
  return out;
}
