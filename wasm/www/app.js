// The paste-and-check page. Everything runs locally: the vmkcheck WebAssembly package
// is loaded from ./pkg/ (copied there by the build), nothing else is fetched.
import init, { checkWithSources, parseTranscript, sample, version } from "./pkg/web.js";

const $ = (sel, root = document) => root.querySelector(sel);

const hostsEl = $("#hosts");
const template = $("#host-template");
const checkBtn = $("#check");
const liveBox = $("#live");
const factsEl = $("#facts");
const factsBox = $("#facts-box");
const factsError = $("#facts-error");
const verdictEl = $("#verdict");
const summaryEl = $("#host-summary");
const tbody = $("#findings tbody");
const copyBtn = $("#copy-json");
const copyStatus = $("#copy-status");

const VERDICTS = {
  ready: ["Ready", "vMotion networking checks passed."],
  ready_with_warnings: ["Ready, with warnings", "vMotion should work, but something is degraded or risky."],
  unverified: ["Unverified", "A requirement could not be confirmed: run the commands in the table."],
  not_ready: ["Not ready", "vMotion will fail or is unsupported: see the errors below."],
};

/** The other commands the core reads (section kind → what the host status line calls it). */
const OTHER_KINDS = {
  tags: "tags",
  interface_list: "interface list",
  ipv4_get: "IPv4 addresses",
  ipv6_address_list: "IPv6 addresses",
  netstack_list: "netstacks",
  route_list: "routes",
  vswitch: "vSwitches",
  nic_list: "NICs",
  version: "version",
  diag_ping: "diag ping",
};

let ready = false;
let lastJson = null;
let timer = 0;
let selectedRow = null;
/** Host cards in the order they were passed to the last check (source index → card). */
let checkedCards = [];

// ----------------------------------------------------------------------------- hosts

function cards() {
  return Array.from(hostsEl.querySelectorAll(".host"));
}

function renumber() {
  const all = cards();
  all.forEach((card, i) => {
    const n = i + 1;
    $(".host-title", card).textContent = `Host ${n}`;
    card.setAttribute("aria-label", `Host ${n}`);
    $(".host-text", card).setAttribute("aria-label", `Host ${n}: pasted output`);
    $(".host-name", card).setAttribute("aria-label", `Host ${n}: name (optional)`);
    const remove = $(".remove-host", card);
    remove.setAttribute("aria-label", `Remove host ${n}`);
    remove.disabled = all.length === 1;
  });
}

function addHost(text = "", name = "") {
  const card = template.content.firstElementChild.cloneNode(true);
  const area = $(".host-text", card);
  area.value = text;
  $(".host-name", card).value = name;
  area.addEventListener("input", () => {
    clearHighlights();
    drawGutter(card);
    scheduleCheck();
  });
  area.addEventListener("scroll", () => syncScroll(card));
  $(".host-name", card).addEventListener("input", scheduleCheck);
  $(".remove-host", card).addEventListener("click", () => {
    const next = card.nextElementSibling || card.previousElementSibling;
    card.remove();
    renumber();
    runCheck();
    if (next) $(".host-text", next).focus();
  });
  hostsEl.append(card);
  renumber();
  drawGutter(card);
  return card;
}

// ------------------------------------------------------------- editor: gutter, marks

function metrics(area) {
  const cs = getComputedStyle(area);
  return {
    lineHeight: parseFloat(cs.lineHeight) || 20,
    padTop: parseFloat(cs.paddingTop) || 0,
  };
}

function drawGutter(card) {
  const area = $(".host-text", card);
  const gutter = $(".gutter", card);
  const nums = $(".nums", gutter);
  const lines = Math.max(1, area.value.split("\n").length);
  if (Number(nums.dataset.lines) !== lines) {
    const hits = new Set(
      Array.from(nums.querySelectorAll(".hit")).map((e) => Number(e.dataset.line)),
    );
    const frag = document.createDocumentFragment();
    for (let i = 1; i <= lines; i++) {
      const d = document.createElement("div");
      d.textContent = String(i);
      d.dataset.line = String(i);
      if (hits.has(i)) d.className = "hit";
      frag.append(d);
    }
    nums.replaceChildren(frag);
    nums.dataset.lines = String(lines);
    gutter.style.width = `${String(lines).length + 2}ch`;
  }
  syncScroll(card);
}

/** Keeps the line numbers and the evidence marks level with the text box's lines. */
function syncScroll(card) {
  const area = $(".host-text", card);
  const { padTop } = metrics(area);
  const nums = $(".gutter .nums", card);
  nums.style.transform = `translateY(${padTop - area.scrollTop}px)`;
  placeMarks(card);
}

function placeMarks(card) {
  const area = $(".host-text", card);
  const { lineHeight, padTop } = metrics(area);
  for (const mark of card.querySelectorAll(".backdrop .hl")) {
    const line = Number(mark.dataset.line);
    mark.style.top = `${padTop + (line - 1) * lineHeight - area.scrollTop}px`;
    mark.style.height = `${lineHeight}px`;
  }
}

function clearHighlights() {
  for (const el of document.querySelectorAll(".backdrop .hl")) el.remove();
  for (const el of document.querySelectorAll(".gutter .hit")) el.classList.remove("hit");
  for (const el of document.querySelectorAll(".host.has-evidence")) el.classList.remove("has-evidence");
  if (selectedRow) {
    selectedRow.classList.remove("selected");
    selectedRow.removeAttribute("aria-current");
    selectedRow = null;
  }
}

function highlight(card, line) {
  const area = $(".host-text", card);
  const mark = document.createElement("div");
  mark.className = "hl";
  mark.dataset.line = String(line);
  mark.title = `line ${line}`;
  $(".backdrop", card).append(mark);
  const num = card.querySelector(`.gutter .nums [data-line="${line}"]`);
  if (num) num.classList.add("hit");
  card.classList.add("has-evidence");
  return { card, area, line };
}

function reveal({ card, area, line }) {
  const { lineHeight } = metrics(area);
  const want = (line - 1) * lineHeight;
  const view = area.clientHeight;
  if (want < area.scrollTop || want + lineHeight > area.scrollTop + view) {
    area.scrollTop = Math.max(0, want - view / 3);
  }
  area.scrollLeft = 0;
  syncScroll(card);
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  card.scrollIntoView({ block: "nearest", behavior: still ? "auto" : "smooth" });
}

// ------------------------------------------------------------------------------ check

function scheduleCheck() {
  if (!liveBox.checked) return;
  clearTimeout(timer);
  timer = setTimeout(runCheck, 250);
}

function hostStatus(card, text) {
  const status = $(".host-status", card);
  if (!text.trim()) {
    status.textContent = "";
    return;
  }
  const t = parseTranscript(text);
  const names = new Set();
  let tables = 0;
  let rows = 0;
  let pings = 0;
  let skipped = 0;
  /** The other commands read, by label, in the order of OTHER_KINDS. */
  const read = new Map();
  for (const s of t.sections) {
    if (s.host) names.add(s.host);
    if (s.kind === "vmknic") {
      tables++;
      rows += s.vmknic ? s.vmknic.length : 0;
    } else if (s.kind === "vmkping") pings++;
    else if (OTHER_KINDS[s.kind]) {
      const label = OTHER_KINDS[s.kind];
      read.set(label, (read.get(label) || 0) + 1);
    } else skipped++;
  }
  const parts = [];
  if (names.size) parts.push(`host${names.size > 1 ? "s" : ""} ${Array.from(names).join(", ")}`);
  parts.push(`${tables} vmknic table${tables === 1 ? "" : "s"} (${rows} row${rows === 1 ? "" : "s"})`);
  parts.push(`${pings} vmkping run${pings === 1 ? "" : "s"}`);
  const labels = [...new Set(Object.values(OTHER_KINDS))].filter((l) => read.has(l));
  for (const l of labels) parts.push(read.get(l) > 1 ? `${l} ×${read.get(l)}` : l);
  if (skipped) parts.push(`${skipped} other command${skipped === 1 ? "" : "s"} skipped`);
  if (t.diagnostics.length) {
    parts.push(`${t.diagnostics.length} note${t.diagnostics.length === 1 ? "" : "s"}`);
  }
  status.textContent = `Read: ${parts.join(" · ")}`;
  status.title = t.diagnostics.map((d) => `line ${d.line}: ${d.message}`).join("\n");
}

function setVerdict(kind, title, detail) {
  verdictEl.dataset.verdict = kind;
  $(".verdict-title", verdictEl).textContent = title;
  $(".verdict-detail", verdictEl).textContent = detail;
}

function runCheck() {
  clearTimeout(timer);
  if (!ready) return;
  clearHighlights();
  const inputs = [];
  checkedCards = [];
  for (const card of cards()) {
    const text = $(".host-text", card).value;
    hostStatus(card, text);
    if (!text.trim()) continue;
    inputs.push({ name: $(".host-name", card).value.trim(), text });
    checkedCards.push(card);
  }
  factsError.hidden = true;
  factsEl.removeAttribute("aria-invalid");
  if (inputs.length === 0) {
    lastJson = null;
    copyBtn.disabled = true;
    summaryEl.replaceChildren();
    tbody.replaceChildren();
    setVerdict("none", "Nothing to check yet", "Paste the output of at least one host, or load the example.");
    return;
  }
  let result;
  try {
    result = checkWithSources(inputs, { facts: factsEl.value.trim() ? factsEl.value : null });
  } catch (e) {
    lastJson = null;
    copyBtn.disabled = true;
    tbody.replaceChildren();
    summaryEl.replaceChildren();
    const where = e.line ? `line ${e.line}, column ${e.column}: ` : "";
    if (typeof e.kind === "string" && e.kind.startsWith("facts")) {
      factsBox.open = true;
      factsError.textContent = e.message;
      factsError.hidden = false;
      factsEl.setAttribute("aria-invalid", "true");
      setVerdict("error", "Facts not accepted", `${where}fix the facts JSON (or clear it).`);
    } else {
      setVerdict("error", "Could not check", e.message || String(e));
    }
    return;
  }
  lastJson = result.json;
  copyBtn.disabled = false;
  render(result);
}

function render({ report, sources }) {
  const [title, detail] = VERDICTS[report.verdict] || [report.verdict, ""];
  const c = report.counts;
  const counts = [
    c.error && `${c.error} error${c.error === 1 ? "" : "s"}`,
    c.unverified && `${c.unverified} unverified`,
    c.warning && `${c.warning} warning${c.warning === 1 ? "" : "s"}`,
    c.info && `${c.info} info`,
  ].filter(Boolean);
  setVerdict(report.verdict, title, `${detail}${counts.length ? ` (${counts.join(", ")})` : ""}`);

  summaryEl.replaceChildren(
    ...report.hosts.map((h) => {
      const li = document.createElement("li");
      const b = document.createElement("strong");
      b.textContent = h.name;
      li.append(b);
      const vm = h.vmotion_interfaces.length ? h.vmotion_interfaces.join(", ") : "none";
      li.append(` vMotion: ${vm}${h.mtu ? ` · MTU ${h.mtu}` : ""}`);
      return li;
    }),
  );

  const rows = report.findings.map((f, i) => findingRow(f, sources[i] || []));
  if (rows.length === 0) {
    const tr = document.createElement("tr");
    const td = document.createElement("td");
    td.colSpan = 6;
    td.className = "empty";
    td.textContent = "No findings.";
    tr.append(td);
    rows.push(tr);
  }
  tbody.replaceChildren(...rows);
}

function cell(label, content, cls) {
  const td = document.createElement("td");
  td.dataset.label = label;
  if (cls) td.className = cls;
  if (content instanceof Node) td.append(content);
  else td.textContent = content ?? "—";
  return td;
}

function findingRow(f, srcs) {
  const tr = document.createElement("tr");
  tr.className = `sev-${f.severity}`;
  tr.dataset.rule = f.rule;
  const where = f.evidence.map((e) => `${e.host} line ${e.line}`).join(", ");
  if (f.evidence.length) {
    tr.tabIndex = 0;
    tr.title = `Evidence: ${where}`;
    tr.setAttribute("aria-label", `${f.severity}: ${f.message}. Evidence: ${where}`);
    const show = () => showEvidence(tr, f, srcs);
    tr.addEventListener("click", (ev) => {
      if (ev.target.closest("button")) return;
      show();
    });
    tr.addEventListener("keydown", (ev) => {
      if (ev.target !== tr) return;
      if (ev.key === "Enter" || ev.key === " ") {
        ev.preventDefault();
        show();
      } else if (ev.key === "ArrowDown" || ev.key === "ArrowUp") {
        ev.preventDefault();
        let next = ev.key === "ArrowDown" ? tr.nextElementSibling : tr.previousElementSibling;
        while (next && next.tabIndex !== 0) {
          next = ev.key === "ArrowDown" ? next.nextElementSibling : next.previousElementSibling;
        }
        if (next) next.focus();
      }
    });
  }

  const sev = document.createElement("span");
  sev.className = `badge ${f.severity}`;
  sev.textContent = f.severity;
  tr.append(cell("Severity", sev));

  const rule = document.createElement("code");
  rule.textContent = f.rule;
  tr.append(cell("Rule", rule));

  const hostPeer = f.host ? (f.peer ? `${f.host} → ${f.peer}` : f.host) : "all hosts";
  tr.append(cell("Host → peer", hostPeer));
  tr.append(cell("Interface", f.interface));

  const msg = document.createElement("div");
  const p = document.createElement("span");
  p.className = "message";
  p.textContent = f.message;
  msg.append(p);
  if (f.evidence.length) {
    const ev = document.createElement("span");
    ev.className = "evidence muted";
    ev.textContent = ` (${where})`;
    msg.append(ev);
  }
  tr.append(cell("Message", msg));

  if (f.remediation) {
    const wrap = document.createElement("div");
    wrap.className = "remedy";
    const code = document.createElement("code");
    code.textContent = f.remediation;
    const btn = document.createElement("button");
    btn.type = "button";
    btn.className = "copy";
    btn.textContent = "Copy";
    btn.setAttribute("aria-label", `Copy remediation: ${f.remediation}`);
    btn.addEventListener("click", () => copyText(f.remediation, "Remediation copied."));
    wrap.append(code, btn);
    tr.append(cell("Remediation", wrap));
  } else {
    tr.append(cell("Remediation", null, "muted"));
  }
  return tr;
}

function showEvidence(tr, f, srcs) {
  clearHighlights();
  selectedRow = tr;
  tr.classList.add("selected");
  tr.setAttribute("aria-current", "true");
  let first = null;
  f.evidence.forEach((e, j) => {
    const card = checkedCards[srcs[j]];
    if (!card || !card.isConnected) return;
    const h = highlight(card, e.line);
    first = first || h;
  });
  if (first) {
    placeMarks(first.card);
    reveal(first);
  }
  for (const card of checkedCards) placeMarks(card);
}

// ------------------------------------------------------------------------------ copy

async function copyText(text, done) {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // No clipboard API (file://, old browser): the selection fallback.
    const t = document.createElement("textarea");
    t.value = text;
    t.setAttribute("readonly", "");
    t.className = "offscreen";
    document.body.append(t);
    t.select();
    try {
      document.execCommand("copy");
    } catch {
      /* nothing more to try */
    }
    t.remove();
  }
  copyStatus.textContent = done;
  setTimeout(() => {
    if (copyStatus.textContent === done) copyStatus.textContent = "";
  }, 2500);
}

// ----------------------------------------------------------------------------- wiring

$("#add-host").addEventListener("click", () => {
  const card = addHost();
  $(".host-text", card).focus();
});
checkBtn.addEventListener("click", runCheck);
liveBox.addEventListener("change", () => {
  if (liveBox.checked) runCheck();
});
factsEl.addEventListener("input", scheduleCheck);
copyBtn.addEventListener("click", () => {
  if (lastJson) copyText(lastJson, "Report JSON copied.");
});
$("#load-example").addEventListener("click", () => {
  if (!ready) return;
  // One text holding both hosts: their prompts name them.
  for (const card of cards()) card.remove();
  addHost(sample());
  factsEl.value = "";
  runCheck();
});
window.addEventListener("resize", () => cards().forEach(syncScroll));

addHost();
addHost();

init()
  .then(() => {
    ready = true;
    checkBtn.disabled = false;
    $("#version").textContent = `v${version()}`;
    document.body.dataset.ready = "true";
    runCheck();
  })
  .catch((e) => {
    setVerdict("error", "Could not load the WebAssembly module", String(e && e.message ? e.message : e));
  });
