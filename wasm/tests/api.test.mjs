// The API of the built package: shapes, errors (kind, line, column, offset), argument
// checks, recovery from a panic, the declarations matching the exports.
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { CORPUS, PKG, ROOT, nodeBuild, webBuild, checkCases, vswitchList } from "./helpers.mjs";

const SAMPLE = fs.readFileSync(path.join(CORPUS, "softlayer-two-hosts", "input.txt"), "utf8");
const SAMPLE_REPORT = fs.readFileSync(path.join(CORPUS, "softlayer-two-hosts", "report.json"), "utf8");
const CRATE_VERSION = fs
  .readFileSync(path.join(ROOT, "Cargo.toml"), "utf8")
  .match(/^version = "(.*)"$/m)[1];
const DTS = fs.readFileSync(path.join(PKG, "index.d.ts"), "utf8");

const VMKNIC = [
  "Interface  Port Group/DVPort/Opaque Network        IP Family IP Address                              Netmask         Broadcast       MAC Address       MTU     TSO MSS   Enabled Type                NetStack",
  "vmk1       vMotion                                 IPv4      198.51.100.11                           255.255.255.0   198.51.100.255  00:50:56:6b:a1:0a 9000    65535     true    STATIC              vmotion",
  "",
].join("\n");
const PING = "vmkping -d -s 8972 192.0.2.1\nsendto() failed (Message too long)\n";

/** The input.txt of a corpus case. */
const corpusInput = (name) => fs.readFileSync(path.join(CORPUS, name, "input.txt"), "utf8");

/** Asserts that `fn` throws a VmkcheckError with these fields. */
function throwsKind(m, fn, expected) {
  let err;
  try {
    fn();
  } catch (e) {
    err = e;
  }
  assert.ok(err, "expected an error");
  assert.ok(err instanceof Error, "an Error");
  assert.ok(err instanceof m.VmkcheckError, "a VmkcheckError");
  assert.equal(err.name, "VmkcheckError");
  for (const [k, v] of Object.entries(expected)) assert.equal(err[k], v, `${k}`);
  assert.equal(typeof err.line, "number");
  assert.equal(typeof err.column, "number");
  assert.equal(typeof err.offset, "number");
  assert.ok(err.message.length > 0);
  return err;
}

/** The names `export declare function x` / `export declare class X` of index.d.ts. */
function declaredNames() {
  const names = new Set();
  for (const m of DTS.matchAll(/^export declare (?:function|class) (\w+)/gm)) names.add(m[1]);
  if (/^export default function init\(/m.test(DTS)) names.add("default");
  return names;
}

for (const [label, load] of [
  ["node build", nodeBuild],
  ["web build", webBuild],
]) {
  describe(label, () => {
    let m;
    before(async () => {
      m = await load();
    });

    test("exports exactly what index.d.ts declares", () => {
      assert.deepStrictEqual(new Set(Object.keys(m)), declaredNames());
      for (const name of ["parseVmknic", "parseVmkping", "parseTranscript", "check", "rules", "version"]) {
        assert.equal(typeof m[name], "function", name);
      }
    });

    test("version() is the crate version", () => {
      assert.equal(m.version(), CRATE_VERSION);
      const pkg = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8"));
      assert.equal(pkg.version, CRATE_VERSION);
      assert.equal(pkg.name, "vmkcheck");
    });

    test("parseVmknic: rows as plain objects (DESIGN §4.1)", () => {
      const rows = m.parseVmknic(VMKNIC);
      assert.ok(Array.isArray(rows));
      assert.equal(rows.length, 1);
      assert.deepStrictEqual(Object.keys(rows[0]), [
        "line", "interface", "portgroup", "portgroup_kind", "family", "address", "netmask",
        "prefix_len", "broadcast", "mac", "mtu", "tso_mss", "enabled", "type", "netstack",
      ]);
      assert.equal(rows[0].line, 2);
      assert.equal(rows[0].netstack, "vmotion");
      assert.equal(rows[0].prefix_len, 24);
      assert.equal(m.parseVmknicJson(VMKNIC), JSON.stringify(rows, null, 2) + "\n");
    });

    test("parseVmkping: one run (DESIGN §4.2)", () => {
      const run = m.parseVmkping(PING);
      assert.equal(run.command.df, true);
      assert.equal(run.command.size, 8972);
      assert.equal(run.responses[0].type, "send_failed");
      assert.equal(run.responses[0].error, "Message too long");
      assert.equal(run.complete, false);
      assert.equal(Object.getPrototypeOf(run), Object.prototype);
    });

    test("parseTranscript: sections and diagnostics (DESIGN §4.3)", () => {
      const t = m.parseTranscript(SAMPLE);
      assert.equal(t.schema, "vmkcheck.transcript.v1");
      assert.deepStrictEqual(
        t.sections.map((s) => [s.line, s.host, s.kind]),
        [
          [2, "ibmesx01", "vmknic"], [10, "ibmesx02", "vmknic"], [21, "ibmesx01", "vmkping"],
          [31, "ibmesx01", "vmkping"], [44, "ibmesx02", "vmkping"], [54, "ibmesx02", "vmkping"],
        ],
      );
      assert.ok(t.diagnostics.every((d) => typeof d.message === "string"));
      assert.deepStrictEqual(m.parseTranscript(""), { schema: "vmkcheck.transcript.v1", sections: [], diagnostics: [] });
    });

    test("parseTranscript: the other ESXi commands, typed (issue 9)", () => {
      /** The sections of one corpus case's input. */
      const sections = (name) => m.parseTranscript(corpusInput(name)).sections;

      const tags = sections("g13-tag-get-esxi70-four-vmks");
      assert.deepStrictEqual(tags.map((s) => s.kind), ["tags", "tags", "tags", "tags"]);
      assert.equal(tags[0].command, "esxcli network ip interface tag get -i vmk0");
      assert.deepStrictEqual(tags[0].tags, { line: 2, interface: "vmk0", tags: ["Management"] });
      assert.equal(tags[0].vmknic, null);

      const [iface] = sections("g11-interface-list-esxi67-netstacks");
      const vmk1 = iface.interface_list.find((r) => r.name === "vmk1");
      assert.deepStrictEqual(
        [vmk1.line, vmk1.portset, vmk1.portgroup, vmk1.netstack, vmk1.mtu, vmk1.port_id, vmk1.vds_name],
        [21, "vSwitch1", "vMotion", "vmotion", 9000, 50331652, null],
      );

      const [v4] = sections("g02-ipv4-get-70-gateway-crlf");
      assert.deepStrictEqual(
        v4.ipv4_get.map((r) => [r.interface, r.prefix_len, r.type, r.gateway]).slice(0, 3),
        [["vmk0", 24, "DHCP", "192.0.2.1"], ["vmk1", 24, "STATIC", "198.51.100.1"], ["vmk2", 24, "STATIC", "0.0.0.0"]],
      );
      const [v6] = sections("g04-ipv6-address-list-65-several-per-vmk");
      assert.deepStrictEqual(v6.ipv6_address_list[1], {
        line: 5, interface: "vmk0", address: "2001:db8:1::54", prefix_len: 64, type: "STATIC", status: "PREFERRED",
      });

      const [stacks] = sections("g17-netstack-list-esxi70-custom");
      assert.deepStrictEqual(stacks.netstack_list.map((r) => r.key), [
        "defaultTcpipStack", "vmotion", "vSphereProvisioning", "mirror", "backupStack",
      ]);
      assert.equal(stacks.netstack_list[1].state, 4660);

      const [routes] = sections("g07-route-list-vmotion-default-gateway");
      assert.equal(routes.kind, "route_list");
      assert.deepStrictEqual(routes.route_list[0], {
        line: 4, netstack: "defaultTcpipStack", family: "ipv4", network: "default", netmask: "0.0.0.0",
        prefix_len: 0, gateway: "192.0.2.1", interface: "vmk0", source: "MANUAL",
      });

      const [vsw] = sections("g24-esxcfg-vswitch-6x-standard-and-dvs");
      assert.deepStrictEqual(vsw.vswitch.map((w) => [w.kind, w.name, w.mtu]), [
        ["standard", "vSwitch0", 1500], ["standard", "vSwitch1", 9000], ["distributed", "dvs-prod", 9000],
      ]);
      assert.deepStrictEqual(vsw.vswitch[1].portgroups, [
        { line: 13, name: "vMotion", vlan_id: 20, used_ports: 1, uplinks: ["vmnic2", "vmnic3"] },
      ]);
      assert.deepStrictEqual(vsw.vswitch[2].dvports[2], { line: 21, id: "100", in_use: true, client: "vmk2" });
      assert.deepStrictEqual(vsw.vswitch[2].portgroups, []);

      const [nics] = sections("g27-esxcli-nic-list-8x-100mbps-half");
      const slow = nics.nic_list.find((n) => n.name === "vmnic1");
      assert.deepStrictEqual([slow.speed_mbps, slow.duplex, slow.link, slow.admin_status, slow.mtu], [100, "Half", "Up", "Up", 1500]);

      const [ver] = sections("g19-vmware-vl-esxi65-esxi70");
      assert.deepStrictEqual(ver.version, {
        line: 2, product: "VMware ESXi", version: "6.5.0", build: 4564106, update: "GA", patch: null,
      });

      // esxcli network diag ping: exactly the shape of a vmkping run.
      const [diag] = sections("g30-diag-ping-jumbo-vmotion-8x");
      const run = diag.diag_ping;
      assert.equal(diag.vmkping, null);
      assert.deepStrictEqual(Object.keys(run), Object.keys(m.parseVmkping(PING)));
      assert.deepStrictEqual(Object.keys(run.command), Object.keys(m.parseVmkping(PING).command));
      assert.deepStrictEqual(
        [run.command.program, run.command.netstack, run.command.interface, run.command.df, run.command.size],
        ["esxcli", "vmotion", "vmk1", true, 8972],
      );
      assert.deepStrictEqual([run.packets_transmitted, run.packets_received, run.packet_loss_percent], [3, 3, 0]);
      assert.deepStrictEqual([run.data_bytes, run.round_trip_ms_stddev, run.complete], [null, null, true]);
      assert.deepStrictEqual(run.responses[0], {
        line: 3, type: "reply", bytes: 8980, response_ip: "192.0.2.12", icmp_seq: 0, ttl: 64,
        time_ms: 0.412, duplicate: false, error: null,
      });
    });

    test("check: a pasted esxcfg-vswitch -l below the vMotion MTU makes vswitch-mtu-too-small fire", () => {
      const s01 = checkCases().find((c) => c.name === "s01-clean-ready-pair");
      const [a, b] = s01.hosts;
      assert.equal(m.check([a, b]).findings.filter((f) => f.rule === "vswitch-mtu-too-small").length, 0);
      // vmk1 (port group "vMotion", MTU 9000) sits on vSwitch1.
      const lines = a.text.split("\n").length;
      const small = { name: a.name, text: a.text + vswitchList("esx01", 1500) };
      const r = m.check([small, b]);
      const fired = r.findings.filter((f) => f.rule === "vswitch-mtu-too-small");
      assert.equal(fired.length, 1, JSON.stringify(r.findings.map((f) => f.rule)));
      const [f] = fired;
      assert.deepStrictEqual([f.severity, f.host, f.interface], ["error", "esx01", "vmk1"]);
      assert.match(f.message, /vSwitch1 has MTU 1500/);
      assert.match(f.remediation, /esxcli network vswitch standard set -m 9000 -v vSwitch1/);
      assert.equal(r.verdict, "not_ready");
      // Its evidence includes the pasted switch's line (vSwitch1's row), in esx01's text.
      const row = lines - 1 + vswitchList("esx01", 1500).split("\n").findIndex((l) => l.startsWith("vSwitch1")) + 1;
      assert.ok(f.evidence.some((e) => e.host === "esx01" && e.line === row), JSON.stringify(f.evidence));
      const d = m.checkWithSources([small, b]);
      assert.equal(d.json, m.checkJson([small, b]));
      // Near miss: the switch carries 9000.
      const ok = m.check([{ name: a.name, text: a.text + vswitchList("esx01", 9000) }, b]);
      assert.equal(ok.findings.filter((g) => g.rule === "vswitch-mtu-too-small").length, 0);
      assert.notEqual(ok.verdict, "not_ready");
    });

    test("check: the built-in sample is ready (DESIGN §4.4)", () => {
      assert.equal(m.sample(), SAMPLE);
      assert.equal(m.checkJson([{ name: "", text: m.sample() }]), SAMPLE_REPORT);
      // A bare string is a text without a name; options may be omitted or null.
      assert.deepStrictEqual(m.check([SAMPLE], null), JSON.parse(SAMPLE_REPORT));
      assert.deepStrictEqual(m.check([{ text: SAMPLE, name: null }], { facts: null }), JSON.parse(SAMPLE_REPORT));
      const r = m.check([SAMPLE]);
      assert.equal(r.verdict, "ready");
      assert.ok(!(r instanceof Map) && r.findings.every((f) => Object.getPrototypeOf(f) === Object.prototype));
    });

    test("check: hosts without names are named from their prompts, else host1, host2…", () => {
      const r = m.check(["vmkping -c 1 192.0.2.1\n", "vmkping -c 1 192.0.2.2\n"]);
      assert.deepStrictEqual(r.hosts.map((h) => h.name), ["host1", "host2"]);
      const named = m.check([{ name: "esx01", text: "vmkping -c 1 192.0.2.1\n" }]);
      assert.deepStrictEqual(named.hosts.map((h) => h.name), ["esx01"]);
    });

    test("check: CRLF, non-ASCII and a large paste", () => {
      const crlf = SAMPLE.replace(/\n/g, "\r\n");
      assert.equal(m.check([crlf]).verdict, "ready");
      const big = (SAMPLE + "\n").repeat(400); // ~1.8 MB, both hosts 400 times
      const r = m.check([big]);
      assert.equal(r.schema, "vmkcheck.report.v1");
      assert.ok(r.findings.length > 0);
    });

    test("errors: no table / no ping output, with line and column", () => {
      throwsKind(m, () => m.parseVmknic("hello"), { kind: "no_vmknic_table", line: 1, column: 1, offset: 0 });
      throwsKind(m, () => m.parseVmkping("hello\nworld"), { kind: "no_ping_output", line: 1, column: 1 });
      throwsKind(m, () => m.parseVmknicJson(""), { kind: "empty" });
    });

    test("errors: facts point at the offending token (string and object facts)", () => {
      const e = throwsKind(
        m,
        () => m.check([SAMPLE], { facts: '{"esx01": {"esxi_verison": "7.0"}}' }),
        { kind: "facts_unknown_field", line: 1, column: 12, offset: 11 },
      );
      assert.match(e.message, /^line 1, column 12: facts: unknown field/);
      // Line and column count characters across lines (offset counts UTF-8 bytes).
      throwsKind(m, () => m.check([SAMPLE], { facts: '{\n  "ホスト": {\n    "aes_ni": "yes"\n  }\n}' }), {
        kind: "facts_type",
        line: 3,
        column: 15,
      });
      throwsKind(m, () => m.check([SAMPLE], { facts: "{" }), { kind: "facts_syntax" });
      throwsKind(m, () => m.checkJson([SAMPLE], { facts: { esx01: { license: 7 } } }), { kind: "facts_type" });
      throwsKind(m, () => m.check([SAMPLE], { facts: { esx01: { cpu_vendor: "via" } } }), { kind: "facts_value" });
      // Blank facts text means no facts.
      assert.equal(m.checkJson([SAMPLE], { facts: "  \n" }), SAMPLE_REPORT);
    });

    test("errors: wrong argument types are invalid_argument", () => {
      throwsKind(m, () => m.parseTranscript(42), { kind: "invalid_argument", line: 0, column: 0 });
      throwsKind(m, () => m.parseVmknic(null), { kind: "invalid_argument" });
      throwsKind(m, () => m.check("text"), { kind: "invalid_argument" });
      throwsKind(m, () => m.check([{ name: "a" }]), { kind: "invalid_argument" });
      throwsKind(m, () => m.check([{ name: 5, text: "" }]), { kind: "invalid_argument" });
      throwsKind(m, () => m.check([7]), { kind: "invalid_argument" });
      throwsKind(m, () => m.check([SAMPLE], { facts: [1] }), { kind: "invalid_argument" });
      throwsKind(m, () => m.check([SAMPLE], "facts"), { kind: "invalid_argument" });
    });

    test("errors: input above the 64 MiB limit is too_large", () => {
      throwsKind(m, () => m.parseTranscript("x".repeat(64 * 1024 * 1024 + 1)), { kind: "too_large" });
      // And the module is fine afterwards.
      assert.equal(m.checkJson([SAMPLE]), SAMPLE_REPORT);
    });

    test("rules(): the catalogue", () => {
      const rules = m.rules();
      assert.ok(rules.length >= 39);
      const ids = new Set(rules.map((r) => r.id));
      assert.equal(ids.size, rules.length, "unique ids");
      for (const r of rules) {
        assert.deepStrictEqual(Object.keys(r), ["id", "severity", "summary", "reference"]);
        assert.ok(["error", "unverified", "warning", "info"].includes(r.severity));
        assert.ok(DTS.includes(`"${r.id}"`), `index.d.ts RuleId lacks ${r.id}`);
      }
      assert.equal(m.rulesJson(), JSON.stringify(rules, null, 2) + "\n");
    });

    test("a panic leaves the module usable (the instance is replaced)", () => {
      const before = m.checkJson([SAMPLE]);
      for (let i = 0; i < 25; i++) {
        const e = throwsKind(m, () => m.__testPanic(), { kind: "panic", line: 0, column: 0 });
        assert.ok(e.cause instanceof WebAssembly.RuntimeError);
        assert.equal(m.checkJson([SAMPLE]), before);
        assert.equal(m.check([SAMPLE]).verdict, "ready");
      }
      // Still exact over every check case after all those resets.
      for (const c of checkCases()) assert.equal(m.checkJson(c.hosts, { facts: c.facts }), c.expected, c.name);
    });

    test("the same input twice gives the same bytes (no state between calls)", () => {
      const a = m.checkJson([SAMPLE, PING]);
      m.parseTranscript(SAMPLE);
      assert.equal(m.checkJson([SAMPLE, PING]), a);
    });
  });
}

describe("web build specifics", () => {
  test("calling before init() throws a clear error; init() is idempotent", async () => {
    // A fresh copy of the module graph: query strings give new module instances.
    const url = pathToFileURL(path.join(PKG, "web.js")).href + "?fresh";
    const web = await import(url);
    assert.throws(() => web.version(), /await init\(\)/);
    const bytes = fs.readFileSync(path.join(PKG, "web", "vmkcheck_bg.wasm"));
    web.initSync(bytes);
    web.initSync(bytes);
    await web.default();
    assert.equal(web.version(), CRATE_VERSION);
  });

  test("init() loads a compiled WebAssembly.Module too", async () => {
    const url = pathToFileURL(path.join(PKG, "web.js")).href + "?module";
    const web = await import(url);
    const module = await WebAssembly.compile(fs.readFileSync(path.join(PKG, "web", "vmkcheck_bg.wasm")));
    await Promise.all([web.default(module), web.default(module)]);
    assert.equal(web.check([SAMPLE]).verdict, "ready");
  });
});

describe("declarations", () => {
  test("index.d.ts has no `any`", () => {
    const code = DTS.replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
    assert.doesNotMatch(code, /\bany\b/);
  });

  test("package.json points at files that exist", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(PKG, "package.json"), "utf8"));
    const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.exports["."]), pkg.exports["./vmkcheck_bg.wasm"]];
    for (const t of targets) assert.ok(fs.existsSync(path.join(PKG, t)), t);
    for (const f of pkg.files) assert.ok(fs.existsSync(path.join(PKG, f)), f);
  });
});
