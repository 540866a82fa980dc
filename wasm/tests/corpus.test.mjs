// The shared corpus through the built package, in both builds (Node and browser):
// every result is the reviewed JSON byte for byte (the *Json functions expose the
// canonical text) and the same value as a plain object (deepStrictEqual).
import { describe, test, before } from "node:test";
import assert from "node:assert/strict";
import { checkCases, parseCases, nodeBuild, webBuild } from "./helpers.mjs";

const parses = parseCases();
const checks = checkCases();

test("the corpus is all there", () => {
  assert.ok(parses.length >= 30, `only ${parses.length} parse cases`);
  assert.ok(checks.length >= 25, `only ${checks.length} check cases`);
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
