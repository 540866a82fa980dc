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
  Evidence,
  Facts,
  Finding,
  HostInput,
  HostSummary,
  PingCommand,
  PingResponse,
  PingRun,
  Report,
  RuleId,
  RuleInfo,
  Section,
  Severity,
  Transcript,
  Verdict,
  VmknicRow,
} from "vmkcheck";

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
  // @ts-expect-error: unknown verdicts do not type-check
  const bad: Verdict = "maybe";
  out.push(bad);
  return out;
}
