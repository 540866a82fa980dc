// The page in real headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core), served from a static server on 127.0.0.1: paste two hosts, check,
// read the verdict and a finding, click it and find its evidence line highlighted in the
// right text box, copy the report JSON, load the example. Screenshots go to out/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { CORPUS, ROOT, WASM_DIR, vswitchList } from "../helpers.mjs";

const WWW = path.join(WASM_DIR, "www");
const OUT = path.join(ROOT, "out");
const CHROMIUM = process.env.VMKCHECK_CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json",
};

/** A static file server for wasm/www on 127.0.0.1 (an ephemeral port). */
function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, "http://127.0.0.1");
    const rel = decodeURIComponent(url.pathname).replace(/\/$/, "/index.html");
    const file = path.join(dir, path.normalize(rel));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] || "application/octet-stream" });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const read = (...p) => fs.readFileSync(path.join(CORPUS, ...p), "utf8");
const CASE = "s28-jumbo-path-failed";
const ESX01 = read(CASE, "esx01.txt");
const ESX02 = read(CASE, "esx02.txt");
const REPORT_TEXT = read(CASE, "report.json");
const REPORT = JSON.parse(REPORT_TEXT);

let server;
let context;
let page;
let origin;
let userDataDir;
const consoleErrors = [];
const foreignRequests = [];

before(async () => {
  assert.ok(fs.existsSync(path.join(WWW, "pkg", "web.js")), "build first: wasm/build.sh");
  fs.mkdirSync(OUT, { recursive: true });
  server = await serve(WWW);
  origin = `http://127.0.0.1:${server.address().port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "vmkcheck-chromium-"));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    viewport: { width: 1280, height: 800 },
    timeout: 60_000,
  });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin });
  page = context.pages()[0] || (await context.newPage());
  page.on("console", (msg) => {
    if (msg.type() === "error") consoleErrors.push(msg.text());
  });
  page.on("pageerror", (err) => consoleErrors.push(String(err)));
  page.on("request", (req) => {
    if (!req.url().startsWith(origin) && !req.url().startsWith("data:")) foreignRequests.push(req.url());
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector("body[data-ready='true']", { timeout: 30_000 });
});

after(async () => {
  await context?.close();
  server?.close();
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

const verdict = () => page.getAttribute("#verdict", "data-verdict");
const card = (n) => page.locator(".host").nth(n);

test("two pasted hosts: verdict, findings, evidence highlighted in the right box", async () => {
  assert.equal(await verdict(), "none");
  // Names left empty: the prompts name the hosts.
  await card(0).locator("textarea").fill(ESX01);
  await card(1).locator("textarea").fill(ESX02);
  await page.click("#check");
  assert.equal(await verdict(), REPORT.verdict);
  assert.equal(await page.textContent("#verdict .verdict-title"), "Not ready");

  const rows = page.locator("#findings tbody tr");
  assert.equal(await rows.count(), REPORT.findings.length);
  // The finding about esx02 (its `sendto() failed` at esx02's line 16).
  const i = REPORT.findings.findIndex((f) => f.rule === "jumbo-path-failed" && f.host === "esx02");
  const f = REPORT.findings[i];
  const row = rows.nth(i);
  assert.equal(await row.getAttribute("data-rule"), "jumbo-path-failed");
  assert.equal(await row.locator(".message").textContent(), f.message);
  assert.equal(await row.locator("td[data-label='Remediation'] code").textContent(), f.remediation ?? "");

  await row.click();
  assert.equal(await row.getAttribute("aria-current"), "true");
  const line = f.evidence[0].line;
  // Highlighted in host 2's box only, at the evidence line.
  assert.equal(await card(1).locator(`.backdrop .hl[data-line="${line}"]`).count(), 1);
  assert.equal(await card(1).locator(".gutter .hit").textContent(), String(line));
  assert.equal(await card(0).locator(".backdrop .hl").count(), 0);
  const text = await card(1).locator("textarea").inputValue();
  assert.match(text.split("\n")[line - 1], /vmkping .*-d -s 8972/);
  // The mark and the line number sit where that line is drawn in the text box.
  const geo = await card(1).evaluate((el) => {
    const area = el.querySelector("textarea").getBoundingClientRect();
    const mark = el.querySelector(".backdrop .hl").getBoundingClientRect();
    const num = el.querySelector(".gutter .hit").getBoundingClientRect();
    return { area: [area.top, area.bottom], mark: [mark.top, mark.bottom], num: [num.top, num.bottom] };
  });
  assert.ok(geo.mark[0] >= geo.area[0] && geo.mark[1] <= geo.area[1] + 1, JSON.stringify(geo));
  assert.ok(Math.abs(geo.num[0] - geo.mark[0]) <= 1, JSON.stringify(geo));
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-laptop-not-ready.png"), fullPage: true });

  // Keyboard: the esx01 finding, by Tab focus + Enter, highlights in host 1's box.
  const j = REPORT.findings.findIndex((g) => g.rule === "jumbo-path-failed" && g.host === "esx01");
  await rows.nth(j).focus();
  await page.keyboard.press("Enter");
  const line1 = REPORT.findings[j].evidence[0].line;
  assert.equal(await card(0).locator(`.backdrop .hl[data-line="${line1}"]`).count(), 1);
  assert.equal(await card(1).locator(".backdrop .hl").count(), 0);
});

test("copy report as JSON gives the canonical report byte for byte", async () => {
  await page.click("#copy-json");
  await page.waitForFunction(() => document.querySelector("#copy-status").textContent !== "");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, REPORT_TEXT);
});

test("check as you type, and bad facts are reported with their position", async () => {
  await page.click("#facts-box summary");
  await page.fill("#facts", '{"esx01": {"esxi_verison": "7.0"}}');
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.verdict === "error");
  assert.match(await page.textContent("#facts-error"), /line 1, column 12/);
  await page.fill("#facts", "");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.verdict === "not_ready");
  // Typing into a host box re-checks without pressing Check.
  await card(1).locator("textarea").fill("");
  await page.waitForFunction(() => document.querySelector("#verdict").dataset.verdict !== "not_ready");
});

test("load example: the built-in SoftLayer sample is ready", async () => {
  await page.click("#load-example");
  assert.equal(await verdict(), "ready");
  assert.equal(await page.textContent("#verdict .verdict-title"), "Ready");
  assert.match(await card(0).locator("textarea").inputValue(), /^#ホスト1\n\[root@ibmesx01:~\] esxcfg-vmknic -l/);
  assert.match(await page.textContent("#host-summary"), /ibmesx01 vMotion: vmk3 · MTU 9000/);
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-laptop-example.png"), fullPage: true });
});

/** The commands beyond esxcfg-vmknic -l and vmkping that the page must name (issue 9). */
const OTHER_COMMANDS = [
  "esxcli network ip interface tag get",
  "esxcli network ip route ipv4 list -N vmotion",
  "esxcfg-vswitch -l",
  "esxcli network nic list",
  "vmware -vl",
  "esxcli network diag ping",
];

test("the other commands: named by the help and the placeholder, read and checked", async () => {
  // The help opens from the keyboard and names every command.
  const help = page.locator("#commands");
  assert.equal(await help.getAttribute("open"), null);
  await page.focus("#commands summary");
  await page.keyboard.press("Enter");
  assert.equal(await help.getAttribute("open"), "");
  const helpText = (await help.innerText()).replace(/\s+/g, " ");
  for (const c of OTHER_COMMANDS) assert.ok(helpText.includes(c), `help lacks ${c}`);
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-laptop-commands.png") });
  await page.keyboard.press("Enter");
  assert.equal(await help.getAttribute("open"), null);

  // Two hosts of a clean pair; esx01 also pastes its vSwitches, vMotion's at MTU 1500.
  // (The example left one box.)
  while ((await page.locator(".host").count()) < 2) await page.click("#add-host");
  const placeholder = await card(0).locator("textarea").getAttribute("placeholder");
  for (const c of OTHER_COMMANDS) assert.ok(placeholder.includes(c), `placeholder lacks ${c}`);
  const a = read("s01-clean-ready-pair", "esx01.txt") + vswitchList("esx01", 1500);
  await card(0).locator("textarea").fill(a);
  await card(1).locator("textarea").fill(read("s01-clean-ready-pair", "esx02.txt"));
  await page.click("#check");
  assert.equal(await verdict(), "not_ready");
  assert.match(await card(0).locator(".host-status").textContent(), /1 vmknic table \(4 rows\) · 2 vmkping runs · vSwitches$/);
  const row = page.locator('#findings tbody tr[data-rule="vswitch-mtu-too-small"]');
  assert.equal(await row.count(), 1);
  assert.match(await row.locator(".message").textContent(), /vSwitch1 has MTU 1500/);
  // Its evidence: lines of esx01's text, one of them vSwitch1's row.
  await row.focus();
  await page.keyboard.press("Enter");
  const lines = a.split("\n");
  const vswitchRow = lines.findIndex((l) => l.startsWith("vSwitch1")) + 1;
  assert.equal(await card(0).locator(`.backdrop .hl[data-line="${vswitchRow}"]`).count(), 1);
  assert.equal(await card(1).locator(".backdrop .hl").count(), 0);
});

test("phone width: readable, no horizontal scrolling", async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.click("#load-example");
  assert.equal(await verdict(), "ready");
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `page scrolls sideways by ${overflow}px`);
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-phone-top.png") });
  // The list of commands, open, fits too.
  await page.click("#commands summary");
  const open = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(open <= 0, `with the commands open, the page scrolls sideways by ${open}px`);
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-phone-commands.png") });
  await page.click("#commands summary");
  await page.locator("#findings tbody tr[tabindex]").first().click();
  assert.equal(await card(0).locator(".backdrop .hl").count(), 1);
  await page.locator("#verdict").scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-phone-results.png") });
  await page.screenshot({ path: path.join(OUT, "vmkcheck-page-phone-full.png"), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
});

test("offline: nothing but the local origin was requested, no console errors", () => {
  assert.deepStrictEqual(foreignRequests, []);
  assert.deepStrictEqual(consoleErrors, []);
});
