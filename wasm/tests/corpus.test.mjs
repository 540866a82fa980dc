// The shared corpus through the built package, in both builds (Node and browser):
// every result is the reviewed JSON byte for byte (the *Json functions expose the
// canonical text) and the same value as a plain object (deepStrictEqual).
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { checkCases, parseCases, nodeBuild, webBuild, PKG } from "./helpers.mjs";
import { conform, readDeclarations } from "./dts-shape.mjs";

const parses = parseCases();
const checks = checkCases();
const DECLS = readDeclarations(fs.readFileSync(path.join(PKG, "index.d.ts"), "utf8"));

test("the corpus is all there", () => {
  assert.ok(parses.length >= 30, `only ${parses.length} parse cases`);
  assert.ok(checks.length >= 25, `only ${checks.length} check cases`);
  // The other ESXi commands (issue 9): g01-g33, every one with its parse.json.
  const g = parses.map((c) => c.name.slice(0, 3)).filter((n) => /^g\d\d$/.test(n));
  const want = Array.from({ length: 33 }, (_, i) => `g${String(i + 1).padStart(2, "0")}`);
  assert.deepStrictEqual(want.filter((n) => !g.includes(n)), [], "missing g cases");
});

test("every parse.json and report.json has exactly the shape index.d.ts declares", () => {
  const problems = [
    ...parses.flatMap((c) => conform(DECLS, JSON.parse(c.expected), "Transcript", `${c.name}/parse.json`)),
    ...checks.flatMap((c) => conform(DECLS, JSON.parse(c.expected), "Report", `${c.name}/report.json`)),
  ];
  assert.deepStrictEqual(problems.slice(0, 10), []);
  // The reader really checks: a wrong type, a missing and an extra field are caught.
  const one = JSON.parse(parses.find((c) => c.name.startsWith("g24")).expected);
  const sw = one.sections[0].vswitch[0];
  sw.mtu = "1500";
  assert.equal(conform(DECLS, one, "Transcript").length, 1);
  delete sw.mtu;
  assert.equal(conform(DECLS, one, "Transcript").length, 1);
  sw.mtu = 1500;
  sw.extra = null;
  assert.equal(conform(DECLS, one, "Transcript").length, 1);
});

test("every section kind index.d.ts declares occurs in the corpus, each with its field", () => {
  const kinds = DECLS.aliases.get("SectionKind").split(" | ").map((k) => JSON.parse(k));
  const seen = new Set();
  for (const c of parses) {
    for (const s of JSON.parse(c.expected).sections) {
      seen.add(s.kind);
      // Exactly the field named by `kind` holds the output; all the others are null.
      for (const k of kinds.filter((k) => k !== "unknown")) {
        assert.equal(s[k] !== null, s.kind === k, `${c.name} line ${s.line}: ${s.kind} section, field ${k}`);
      }
    }
  }
  assert.deepStrictEqual(kinds.filter((k) => !seen.has(k)), []);
});

for (const [label, load] of [
  ["node build", nodeBuild],
  ["web build", webBuild],
]) {
  describe(label, () => {
    let m;
    before(async () => {
      m = await load();
    });

    describe("parse: every <case>/input.txt gives its parse.json", () => {
      for (const c of parses) {
        test(c.name, () => {
          assert.equal(m.parseTranscriptJson(c.input), c.expected);
          const value = m.parseTranscript(c.input);
          assert.deepStrictEqual(value, JSON.parse(c.expected));
          assert.equal(Object.getPrototypeOf(value), Object.prototype);
        });
      }
    });

    describe("check: every s*/ case gives its report.json", () => {
      for (const c of checks) {
        test(c.name, () => {
          const opts = { facts: c.facts };
          assert.equal(m.checkJson(c.hosts, opts), c.expected);
          const expected = JSON.parse(c.expected);
          assert.deepStrictEqual(m.check(c.hosts, opts), expected);
          if (c.facts !== null) {
            // Facts given as an object: the same report.
            assert.equal(m.checkJson(c.hosts, { facts: JSON.parse(c.facts) }), c.expected);
          }
          // The page's variant: same JSON, plus a valid text index for every evidence line.
          const d = m.checkWithSources(c.hosts, opts);
          assert.equal(d.json, c.expected);
          assert.deepStrictEqual(d.report, expected);
          assert.equal(d.sources.length, expected.findings.length);
          expected.findings.forEach((f, i) => {
            assert.equal(d.sources[i].length, f.evidence.length);
            f.evidence.forEach((e, j) => {
              const src = c.hosts[d.sources[i][j]];
              assert.ok(src, `${f.rule}: evidence ${j} has no text`);
              assert.ok(e.line >= 1 && e.line <= src.text.split("\n").length, `${f.rule}: line ${e.line}`);
            });
          });
        });
      }
    });
  });
}
