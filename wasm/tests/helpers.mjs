// Shared by the Node tests: the corpus (tests/corpus/) and the two builds of the package.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

export const WASM_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const ROOT = path.dirname(WASM_DIR);
export const PKG = path.join(WASM_DIR, "pkg");
export const CORPUS = path.join(ROOT, "tests", "corpus");

const read = (p) => fs.readFileSync(p, "utf8");

/** Every `<case>/input.txt` with its reviewed `parse.json`. */
export function parseCases() {
  return fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && fs.existsSync(path.join(CORPUS, d.name, "input.txt")))
    .map((d) => d.name)
    .sort()
    .map((name) => ({
      name,
      input: read(path.join(CORPUS, name, "input.txt")),
      expected: read(path.join(CORPUS, name, "parse.json")),
    }));
}

/** Every check case (a folder named `s…`): its `*.txt` hosts (named by file stem, sorted
 * by stem as the CLI's corpus test does), `facts.json` if any, and `report.json`. */
export function checkCases() {
  return fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.startsWith("s"))
    .map((d) => d.name)
    .sort()
    .map((name) => {
      const dir = path.join(CORPUS, name);
      const files = fs.readdirSync(dir);
      const hosts = files
        .filter((f) => f.endsWith(".txt"))
        .map((f) => ({ name: f.slice(0, -4), text: read(path.join(dir, f)) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const facts = files.includes("facts.json") ? read(path.join(dir, "facts.json")) : null;
      return { name, hosts, facts, expected: read(path.join(dir, "report.json")) };
    });
}

/** The Node build (`import ... from "vmkcheck"` in Node). */
export async function nodeBuild() {
  return import(pathToFileURL(path.join(PKG, "node.js")).href);
}

/** The browser build, initialised from the .wasm bytes (what a bundler or page does). */
export async function webBuild() {
  const web = await import(pathToFileURL(path.join(PKG, "web.js")).href);
  await web.default(fs.readFileSync(path.join(PKG, "web", "vmkcheck_bg.wasm")));
  return web;
}

/** `esxcfg-vswitch -l` of a host whose vSwitch1 (MTU `mtu`, uplink vmnic2) holds the
 * port groups vMotion and Provisioning (as in core/src/rules/tests.rs, fn `vswitch`). */
export function vswitchList(host, mtu) {
  return [
    `[root@${host}:~] esxcfg-vswitch -l`,
    "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks",
    "vSwitch0         5632        5           128               1500    vmnic0",
    "",
    "  PortGroup Name        VLAN ID  Used Ports  Uplinks",
    "  Management Network    0        1           vmnic0",
    "",
    "Switch Name      Num Ports   Used Ports  Configured Ports  MTU     Uplinks",
    `vSwitch1         5632        5           128               ${String(mtu).padEnd(8)}vmnic2`,
    "",
    "  PortGroup Name        VLAN ID  Used Ports  Uplinks",
    "  vMotion               20       1           vmnic2",
    "  Provisioning          30       1           vmnic2",
    "",
  ].join("\n");
}
