// flowwatch dashboard. Article text is untrusted: this file never parses
// strings as markup. Every string reaches the page as a text node
// or an attribute set by h(), and links are limited to http(s).

const GROUPS = ["workers", "soldiers", "engineers", "it_workers", "nationals"];
const EVENTS = ["recruited", "planned", "sent", "entered", "present", "killed", "wounded", "captured", "withdrawn"];
const KINDS = ["people", "money", "share"];
const FILTERS = ["kind", "group", "event", "place", "source", "outlet", "since", "until", "min", "max", "text"];
const PAGE = 50;

const main = document.getElementById("main");

// h builds an element. attrs values are set as properties for on* handlers
// (functions only) and otherwise with setAttribute; children that are not
// nodes become text nodes.
function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "href") { const u = safeHref(v); if (u) el.setAttribute("href", u); }
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}

// safeHref allows in-app fragments, this origin's API and http(s) URLs.
// A javascript: or data: URL from an article is dropped, not linked.
function safeHref(v) {
  const s = String(v);
  if (s.startsWith("#/") || s.startsWith("api/") || s.startsWith("/api/")) return s;
  try {
    const u = new URL(s);
    if (u.protocol === "http:" || u.protocol === "https:") return u.href;
  } catch (e) { /* not a URL */ }
  return null;
}

async function api(path) {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await res.json(); } catch (e) { /* empty or not JSON */ }
  if (!res.ok) {
    const err = new Error(body && body.error ? body.error.message : `${res.status} ${res.statusText}`);
    err.status = res.status;
    err.code = body && body.error ? body.error.code : "";
    throw err;
  }
  return body;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v !== null && v !== undefined) u.set(k, v);
  const s = u.toString();
  return s ? "?" + s : "";
}

function fmtNum(v) {
  if (v === null || v === undefined) return "";
  return Number(v).toLocaleString("en-US", { maximumFractionDigits: 2 });
}

function plural(n, word) { return `${fmtNum(n)} ${word}${n === 1 ? "" : "s"}`; }

function human(s) { return s ? String(s).replace(/_/g, " ") : ""; }

// figureText states a claim's figure as its qualifier does.
function figureText(c) {
  const lo = c.low, hi = c.high;
  let s;
  if (lo !== null && hi !== null && lo !== hi) s = `${fmtNum(lo)}–${fmtNum(hi)}`;
  else if (lo !== null && hi === null) s = c.qualifier === "vague" ? `${fmtNum(lo)}+` : `≥ ${fmtNum(lo)}`;
  else if (lo === null && hi !== null) s = `≤ ${fmtNum(hi)}`;
  else s = fmtNum(lo);
  if (c.qualifier === "approx") s = "~" + s;
  if (c.kind === "money") s = `${s} ${c.unit}${c.per ? " / " + c.per : ""}`;
  if (c.kind === "share") s += "%";
  return s;
}

function rangeText(lo, hi, unit) {
  const u = unit && unit !== "people" && unit !== "percent" ? " " + unit : unit === "percent" ? "%" : "";
  if (lo === null && hi === null) return "—";
  if (lo === null || hi === null || lo === hi) return fmtNum(lo ?? hi) + u;
  return `${fmtNum(lo)}–${fmtNum(hi)}${u}`;
}

function whoWhat(c) {
  return [human(c.group), human(c.event)].filter(Boolean).join(" ") || human(c.kind);
}

function claimLink(c) { return `#/article/${c.article_id}?claim=${c.id}`; }

function loading() { main.replaceChildren(h("p", { class: "muted" }, "Loading…")); }

function showError(err, where) {
  const box = h("div", { class: "error", role: "alert" }, err.message || String(err));
  (where || main).replaceChildren(box);
}

// ---- routing -------------------------------------------------------------

function route() {
  const hash = location.hash || "#/";
  const [path, query] = hash.slice(1).split("?");
  const params = Object.fromEntries(new URLSearchParams(query || ""));
  const parts = path.split("/").filter(Boolean);
  const view = parts[0] || "overview";
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === view);
  const views = { overview, claims, facts, places, sources, articles, article, search, claim: claimByID };
  const fn = views[view] || notFound;
  document.title = `flowwatch · ${view}`;
  fn(params, parts.slice(1)).catch(err => showError(err));
}

async function notFound() { main.replaceChildren(h("p", { class: "note" }, "No such view. ", h("a", { href: "#/" }, "Back to the overview"))); }

window.addEventListener("hashchange", route);
document.getElementById("search").addEventListener("submit", ev => {
  ev.preventDefault();
  const q = document.getElementById("search-q").value.trim();
  if (q) location.hash = "#/search" + qs({ q });
});

// ---- overview ------------------------------------------------------------

async function overview() {
  loading();
  const [summary, stats] = await Promise.all([api("/api/summary"), api("/api/stats")]);
  const cards = h("div", { class: "cards", id: "headlines" });
  for (const f of summary.items) {
    const filter = { kind: f.kind, group: f.group, event: f.event || "" };
    const latest = f.latest;
    cards.append(h("div", { class: "card headline" },
      h("span", { class: "label" }, f.label),
      h("span", { class: "value" }, rangeText(f.low, f.high, f.unit)),
      h("span", { class: "meta" }, `${plural(f.claims, "claim")} · ${plural(f.sources, "source")} · ${plural(f.outlets, "outlet")}`),
      latest ? h("span", { class: "meta" }, "Latest: ", h("a", { href: claimLink(latest) }, figureText(latest)),
        latest.source ? ` (${latest.source})` : "", latest.published ? `, ${latest.published}` : "") : null,
      h("a", { class: "more", href: "#/claims" + qs(filter) }, "See the claims →")));
  }
  if (!summary.items.length) {
    cards.append(h("p", { class: "note" }, "No claims yet. Load articles with 'flowwatch ingest PATH' or start the demo with 'flowwatch serve --samples'."));
  }
  const chartBox = h("div", { id: "chart" });
  const groupSel = select("group", GROUPS, "soldiers", "any group");
  const eventSel = select("event", EVENTS, "sent", "any event");
  const controls = h("div", { class: "chart-controls" },
    h("label", {}, "Group ", groupSel), h("label", {}, "Event ", eventSel),
    h("span", { class: "muted small" }, "Lines: smallest, median and largest figure stated per month, and the reconciled estimate where there is one; bars: number of claims."));
  const kv = h("dl", { class: "kv" },
    h("dt", {}, "Articles"), h("dd", {}, fmtNum(stats.articles)),
    h("dt", {}, "Claims"), h("dd", {}, fmtNum(stats.claims)),
    h("dt", {}, "Outlets"), h("dd", {}, fmtNum(stats.outlets)),
    h("dt", {}, "Sources"), h("dd", {}, fmtNum(stats.sources)),
    h("dt", {}, "Published"), h("dd", {}, [stats.first_published, stats.last_published].filter(Boolean).join(" to ") || "—"));
  main.replaceChildren(
    h("h1", {}, "What is reported"),
    cards,
    h("h2", {}, "Timeline"),
    h("div", { class: "panel" }, controls, chartBox),
    h("h2", {}, "In the store"),
    h("div", { class: "panel" }, kv));
  const draw = () => drawTimeline(chartBox, { kind: "people", group: groupSel.value, event: eventSel.value });
  groupSel.addEventListener("change", draw);
  eventSel.addEventListener("change", draw);
  await draw();
}

function select(name, options, value, anyLabel) {
  const s = h("select", { name, "aria-label": name }, h("option", { value: "" }, anyLabel || "any"),
    options.map(o => h("option", { value: o }, human(o))));
  s.value = value || "";
  return s;
}

let chart = null;

async function drawTimeline(box, filter) {
  const t = await api("/api/timeline" + qs(filter));
  if (chart) { chart.destroy(); chart = null; }
  box.replaceChildren();
  if (!t.buckets.length) { box.append(h("p", { class: "muted" }, "No dated claims match.")); return; }
  if (typeof uPlot === "undefined") { box.append(h("p", { class: "error" }, "The chart library did not load.")); return; }
  const xs = t.buckets.map(d => Date.parse(d + "T00:00:00Z") / 1000);
  const width = Math.max(280, box.clientWidth || 600);
  const est = await estimateFor(filter, t.buckets);
  const opts = {
    width, height: width < 500 ? 240 : 300,
    scales: { x: { time: true }, n: { range: (u, lo, hi) => [0, Math.max(1, hi * 1.2)] } },
    axes: [{}, { label: "figure", size: 70, values: (u, vs) => vs.map(v => v === null ? "" : compact(v)) },
      { scale: "n", side: 1, label: "claims", grid: { show: false } }],
    series: [{},
      { label: "claims", scale: "n", stroke: "#9db4d0", fill: "rgba(157,180,208,.35)", paths: uPlot.paths.bars({ size: [0.6, 40] }) },
      { label: "smallest", stroke: "#6b8e23", width: 1.5, points: { size: 6 } },
      { label: "median", stroke: "#1d4e89", width: 2, points: { size: 7 } },
      { label: "largest", stroke: "#a2430b", width: 1.5, points: { size: 6 } }],
  };
  const data = [xs, t.claims, t.low, t.median, t.high];
  if (est) {
    opts.series.push({ label: "estimate low", stroke: "#6a3d9a", width: 2, dash: [6, 4], spanGaps: false },
      { label: "estimate high", stroke: "#6a3d9a", width: 2, dash: [2, 3], spanGaps: false });
    data.push(est.low, est.high);
  }
  chart = new uPlot(opts, data, box);
}

// Reconciled estimates are monthly series; the chart shows the one that
// matches the chosen group and event, aligned with the timeline's months.
const SERIES = { soldiers: { sent: "troops_deployed", present: "troops_deployed", "": "troops_deployed", killed: "casualties", wounded: "casualties" },
  workers: { sent: "workers_present", present: "workers_present", "": "workers_present" } };
let estimates;

async function estimateFor(filter, buckets) {
  const name = (SERIES[filter.group] || {})[filter.event || ""];
  if (!name) return null;
  if (estimates === undefined) {
    try { estimates = (await api("/api/estimates")).items; } catch (err) { estimates = null; }
  }
  const e = (estimates || []).find(x => x.series === name);
  if (!e || !e.points.length) return null;
  const byMonth = new Map(e.points.map(p => [p.month, p]));
  const low = buckets.map(b => { const p = byMonth.get(b.slice(0, 7)); return p ? p.low : null; });
  const high = buckets.map(b => { const p = byMonth.get(b.slice(0, 7)); return p ? (p.high ?? p.low) : null; });
  return low.some(v => v !== null) ? { low, high } : null;
}

function compact(v) {
  if (Math.abs(v) >= 1e9) return (v / 1e9).toFixed(1).replace(/\.0$/, "") + "B";
  if (Math.abs(v) >= 1e6) return (v / 1e6).toFixed(1).replace(/\.0$/, "") + "M";
  if (Math.abs(v) >= 1e3) return (v / 1e3).toFixed(1).replace(/\.0$/, "") + "k";
  return String(v);
}

let resizeTimer = 0;
window.addEventListener("resize", () => {
  clearTimeout(resizeTimer);
  resizeTimer = setTimeout(() => {
    const box = document.getElementById("chart");
    if (chart && box) chart.setSize({ width: Math.max(280, box.clientWidth), height: box.clientWidth < 500 ? 240 : 300 });
  }, 150);
});

// ---- claims --------------------------------------------------------------

async function claims(params) {
  const filter = {};
  for (const k of FILTERS) if (params[k]) filter[k] = params[k];
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const form = filterForm(filter);
  // On a phone the filters would fill the screen: they fold away, and
  // the summary line says which are active.
  const active = Object.entries(filter).map(([k, v]) => `${k}: ${v}`).join(", ");
  const box = h("details", { class: "filter-box", open: window.innerWidth > 760 },
    h("summary", {}, "Filters", active ? h("span", { class: "muted small" }, ` (${active})`) : null), form);
  const results = h("div", { id: "claims-results" }, h("p", { class: "muted" }, "Loading…"));
  main.replaceChildren(h("h1", {}, "Claims"), box, results);
  let page;
  try {
    page = await api("/api/claims" + qs({ ...filter, limit: PAGE, offset }));
  } catch (err) { showError(err, results); return; }
  const exportLinks = ["csv", "jsonl", "ftm", "acled"].map(f =>
    h("a", { class: "button secondary export", href: "/api/export" + qs({ ...filter, format: f }), download: "", "data-format": f }, labelFor(f)));
  const table = claimsTable(page.items);
  // The API counts only when asked (a count reads every match): a page
  // that is not the last says "N+" until the exact total arrives.
  const shown = `${offset + 1}–${offset + page.items.length}`;
  const range = h("span", { class: "muted" }, !page.items.length ? "none" : page.total != null ? `${shown} of ${fmtNum(page.total)}` : `${shown} of ${fmtNum(offset + page.items.length)}+`);
  const pager = h("div", { class: "pager" },
    h("button", { class: "secondary", disabled: offset === 0, onclick: () => go({ ...filter, offset: Math.max(0, offset - PAGE) }) }, "← Previous"),
    range,
    h("button", { class: "secondary", disabled: !page.has_more, onclick: () => go({ ...filter, offset: offset + PAGE }) }, "Next →"));
  const totalEl = n => h("strong", { id: "claims-total", "data-total": n }, `${fmtNum(n)} ${n === 1 ? "claim" : "claims"}`);
  const heading = h("span", {}, page.total != null ? totalEl(page.total) : h("strong", { class: "muted" }, `${fmtNum(offset + page.items.length)}+ claims`));
  results.replaceChildren(
    h("div", { class: "toolbar" }, heading,
      h("span", { class: "spacer" }), h("span", { class: "muted small" }, "Export:"), exportLinks),
    page.items.length ? table : h("p", { class: "note" }, "No claims match these filters."),
    pager);
  if (page.total == null) {
    try {
      const counted = await api("/api/claims" + qs({ ...filter, limit: 1, count: "true" }));
      if (!results.isConnected) return; // the user has moved on
      heading.replaceChildren(totalEl(counted.total));
      range.textContent = `${shown} of ${fmtNum(counted.total)}`;
    } catch (err) { /* the page stands without its total */ }
  }
}

function labelFor(f) { return { csv: "CSV", jsonl: "JSON Lines", ftm: "FollowTheMoney", acled: "ACLED CSV" }[f]; }

function go(filter) { location.hash = "#/claims" + qs(filter); }

function filterForm(filter) {
  const field = (name, label, el) => h("label", {}, label, el);
  const input = (name, type, ph) => { const i = h("input", { name, type, placeholder: ph || "", maxlength: 200 }); i.value = filter[name] || ""; return i; };
  const form = h("form", { class: "filters", id: "filters" },
    field("kind", "Kind", select("kind", KINDS, filter.kind)),
    field("group", "Group", select("group", GROUPS, filter.group)),
    field("event", "Event", select("event", EVENTS, filter.event)),
    field("place", "Place", input("place", "text", "e.g. Kursk Oblast")),
    field("source", "Source", input("source", "text", "e.g. NIS")),
    field("outlet", "Outlet", input("outlet", "text")),
    field("since", "Published since", input("since", "date")),
    field("until", "until", input("until", "date")),
    field("min", "Figure at least", input("min", "number")),
    field("max", "at most", input("max", "number")),
    field("text", "Sentence contains", input("text", "search", "words")),
    h("div", { class: "actions" }, h("button", { type: "submit" }, "Filter"),
      h("button", { type: "button", class: "secondary", onclick: () => go({}) }, "Clear")));
  form.addEventListener("submit", ev => {
    ev.preventDefault();
    const f = {};
    for (const [k, v] of new FormData(form)) if (String(v).trim()) f[k] = String(v).trim();
    go(f);
  });
  return form;
}

function claimsTable(items) {
  const rows = items.map(c => {
    const tr = h("tr", { class: "clickable claim-row", tabindex: 0, "data-claim": c.id, "data-article": c.article_id },
      h("td", { "data-label": "Published" }, c.published || "—"),
      h("td", { class: "num", "data-label": "Figure" }, figureText(c)),
      h("td", { "data-label": "Who, what" }, whoWhat(c)),
      h("td", { "data-label": "Place" }, (c.place || []).map(p => h("span", { class: "tag" }, p))),
      h("td", { "data-label": "Source" }, c.source || h("span", { class: "muted" }, "unattributed")),
      h("td", { "data-label": "Outlet" }, c.outlet || ""),
      h("td", { class: "quote", "data-label": "Sentence" }, truncate(c.quote, 220)));
    const open = () => { location.hash = claimLink(c); };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", ev => { if (ev.key === "Enter") open(); });
    return tr;
  });
  return h("table", { class: "data", id: "claims-table" },
    h("thead", {}, h("tr", {}, ["Published", "Figure", "Who, what", "Place", "Source", "Outlet", "Sentence"].map(t => h("th", {}, t)))),
    h("tbody", {}, rows));
}

function truncate(s, n) { s = String(s || ""); return s.length > n ? s.slice(0, n - 1) + "…" : s; }

// ---- evidence: one article, its text and its claims ------------------------

async function article(params, rest) {
  loading();
  const id = parseInt(rest[0], 10);
  if (!(id > 0)) { await notFound(); return; }
  const { article: a, claims: cs } = await api(`/api/articles/${id}`);
  const selected = cs.find(c => String(c.id) === params.claim) || null;
  const text = h("div", { class: "article-text", id: "article-text", lang: a.lang || null });
  const details = h("div", { id: "claim-details" });
  const list = h("div", { class: "claim-list" });
  const select = c => {
    renderText(text, a.text || "", cs, c);
    renderDetails(details, c, a);
    for (const b of list.children) b.classList.toggle("selected", c && b.dataset.claim === String(c.id));
    history.replaceState(null, "", `#/article/${a.id}` + (c ? `?claim=${c.id}` : ""));
    const m = text.querySelector("mark.current");
    if (m) m.scrollIntoView({ block: "center" });
  };
  for (const c of cs) {
    list.append(h("button", { class: "claim-item", type: "button", "data-claim": c.id, onclick: () => select(c) },
      h("strong", {}, figureText(c)), " ", whoWhat(c), c.source ? ` — ${c.source}` : ""));
  }
  const original = safeHref(a.url);
  main.replaceChildren(
    h("h1", {}, a.title || a.name),
    h("p", { class: "muted" }, [a.outlet, a.published || "date unknown", a.version > 1 ? `version ${a.version}` : null].filter(Boolean).join(" · "), " ",
      original ? h("a", { href: original, target: "_blank", rel: "noopener noreferrer nofollow", id: "original-link" }, "Original article ↗")
        : a.url ? h("span", { class: "muted" }, `(original address not a web link: ${truncate(a.url, 80)})`) : null),
    h("div", { class: "evidence" },
      h("div", {}, text),
      h("aside", {}, details, h("h2", {}, `Claims in this article (${cs.length})`), list)));
  select(selected);
}

// Claim offsets are UTF-8 byte offsets; JavaScript strings index UTF-16
// units, so the text is sliced as bytes and decoded piecewise.
function renderText(box, text, cs, current) {
  const bytes = new TextEncoder().encode(text);
  const dec = new TextDecoder();
  const spans = cs.filter(c => c.start >= 0 && c.end <= bytes.length && c.start < c.end)
    .sort((x, y) => x.start - y.start || y.end - x.end);
  box.replaceChildren();
  let pos = 0;
  for (const c of spans) {
    if (c.start < pos) continue; // nested or overlapping: the outer one is marked
    box.append(dec.decode(bytes.subarray(pos, c.start)));
    const m = h("mark", { "data-claim": c.id, title: figureText(c) + " " + whoWhat(c) }, dec.decode(bytes.subarray(c.start, c.end)));
    if (current && c.id === current.id) m.classList.add("current");
    box.append(m);
    pos = c.end;
  }
  box.append(dec.decode(bytes.subarray(pos)));
  if (current && !box.querySelector("mark.current")) {
    // The claim shares its sentence with another: mark the one asked for.
    const m = box.querySelector(`mark[data-claim="${Number(current.id)}"]`);
    if (m) m.classList.add("current");
  }
}

function renderDetails(box, c, a) {
  if (!c) { box.replaceChildren(h("p", { class: "muted" }, "Pick a claim to see its sentence highlighted.")); return; }
  const when = c.when ? (c.when.from === c.when.to ? c.when.from : `${c.when.from} to ${c.when.to}`) : "not stated";
  box.replaceChildren(h("h2", {}, "Claim"), h("dl", { class: "kv" },
    h("dt", {}, "Figure"), h("dd", { id: "claim-figure" }, figureText(c), " ", h("span", { class: "muted" }, `(${human(c.qualifier)})`)),
    h("dt", {}, "Who, what"), h("dd", {}, whoWhat(c)),
    h("dt", {}, "Where"), h("dd", {}, (c.place || []).join(", ") || "not stated"),
    h("dt", {}, "When"), h("dd", {}, when),
    h("dt", {}, "Attributed to"), h("dd", {}, c.source || "unattributed", c.via ? ` (via ${c.via})` : ""),
    ...pageRow(c, a),
    h("dt", {}, "Sentence"), h("dd", { id: "claim-quote" }, c.quote)));
}

// pageRow is the page of a claim read from a PDF report, linked to that
// page of the original (#page=N opens it there in browsers' PDF viewers).
function pageRow(c, a) {
  if (!(c.page > 0)) return [];
  const original = safeHref(a.url);
  const href = original ? original.split("#")[0] + `#page=${Number(c.page)}` : null;
  return [h("dt", {}, "Page"), h("dd", { id: "claim-page" }, `page ${Number(c.page)}`, href ? " " : null,
    href ? h("a", { href, target: "_blank", rel: "noopener noreferrer nofollow", id: "page-link" }, `open page ${Number(c.page)} of the original ↗`) : null)];
}

// ---- facts -----------------------------------------------------------------

async function facts(params) {
  loading();
  let res;
  try {
    res = await api("/api/facts" + qs({ group: params.group || "", event: params.event || "" }));
  } catch (err) {
    if (err.status !== 501) throw err;
    // Without reconciliation, show the reported ranges: a row whose claims
    // disagree is marked, since that is where a reader must look closer.
    const summary = await api("/api/summary");
    main.replaceChildren(h("h1", {}, "Facts"),
      h("p", { class: "note warn" }, err.message),
      h("h2", {}, "Reported ranges"),
      rangesTable(summary.items));
    return;
  }
  const conflicts = new Map((res.conflicts || []).map(c => [c.id, c]));
  const onlyConflicts = params.conflicts === "1";
  const items = onlyConflicts ? res.items.filter(f => (f.conflicts || []).length) : res.items;
  main.replaceChildren(h("h1", {}, "Facts"),
    h("p", { class: "muted" }, "Claims that state the same quantity, merged across outlets. Syndicated copies count once; ",
      "a conflict is two figures for one quantity that disagree beyond rounding."),
    h("div", { class: "toolbar" }, h("strong", {}, `${items.length} facts, ${conflicts.size} conflicts`), h("span", { class: "spacer" }),
      h("a", { class: "button secondary", href: "#/facts" + qs(onlyConflicts ? {} : { conflicts: "1" }) }, onlyConflicts ? "Show all facts" : "Only facts in conflict")),
    items.length ? factsTable(items, conflicts) : h("p", { class: "note" }, "No facts match."));
}

function factLabel(f) {
  const what = f.kind === "people" ? [human(f.group), human(f.measure || f.event)].filter(Boolean).join(" ")
    : `${human(f.group)} ${f.kind === "money" ? "pay" : "share"}${f.per ? " per " + f.per : ""}`;
  return what + (f.place && f.place.length ? ` — ${f.place[0]}` : "");
}

function factsTable(items, conflicts) {
  return h("table", { class: "data", id: "facts-table" },
    h("thead", {}, h("tr", {}, ["Fact", "Figure", "Range", "Reports", "Sources", "First reported", "Conflicts"].map(t => h("th", {}, t)))),
    h("tbody", {}, items.map(f => {
      const cs = (f.conflicts || []).map(id => conflicts.get(id)).filter(Boolean);
      const unit = f.kind === "money" ? f.unit : f.kind === "share" ? "percent" : "people";
      return h("tr", { class: "fact-row" },
        h("td", { "data-label": "Fact" }, factLabel(f)),
        h("td", { class: "num", "data-label": "Figure" }, rangeText(f.value, f.value, unit)),
        h("td", { class: "num", "data-label": "Range" }, f.high === null && f.low !== null ? `≥ ${fmtNum(f.low)}` : rangeText(f.low, f.high, unit)),
        h("td", { class: "num", "data-label": "Reports" }, f.reports),
        h("td", { "data-label": "Sources" }, `${f.independent} independent: `, (f.sources || []).join(", ")),
        h("td", { "data-label": "First reported" }, f.first ? h("a", { href: `#/claim/${f.first.id}` + qs({ article: f.first.article }) },
          f.first_reported || "date unknown", f.first.outlet ? ` (${f.first.outlet})` : "") : f.first_reported || ""),
        h("td", { "data-label": "Conflicts" }, cs.map(c => h("span", { class: "conflict", title: (c.details || []).join("; ") }, c.reason))));
    })));
}

// claimByID opens a claim known by id and article name (facts carry those)
// in its article's evidence view.
async function claimByID(params, rest) {
  loading();
  const id = Number(rest[0]);
  const page = await api("/api/claims" + qs({ article: params.article || "", limit: 1000 }));
  const c = page.items.find(x => x.id === id);
  if (!c) { main.replaceChildren(h("p", { class: "note" }, "That claim is no longer stored (its article may have a newer version).")); return; }
  location.replace(claimLink(c));
}

function rangesTable(items) {
  return h("table", { class: "data", id: "facts-table" },
    h("thead", {}, h("tr", {}, ["Figure", "Reported", "Claims", "Sources", "Latest", ""].map(t => h("th", {}, t)))),
    h("tbody", {}, items.map(f => h("tr", {},
      h("td", { "data-label": "Figure" }, f.label),
      h("td", { class: "num", "data-label": "Reported" }, rangeText(f.low, f.high, f.unit)),
      h("td", { class: "num", "data-label": "Claims" }, f.claims),
      h("td", { class: "num", "data-label": "Sources" }, f.sources),
      h("td", { "data-label": "Latest" }, f.latest ? h("a", { href: claimLink(f.latest) }, figureText(f.latest), f.latest.published ? `, ${f.latest.published}` : "") : ""),
      h("td", {}, f.low !== null && f.high !== null && f.low !== f.high ? h("span", { class: "conflict", title: "The claims state different figures" }, "figures differ") : "")))));
}

// ---- places, sources, articles, search --------------------------------------

async function places() {
  loading();
  const res = await api("/api/places");
  const maxN = Math.max(1, ...res.items.map(p => p.claims));
  main.replaceChildren(h("h1", {}, "Places"),
    h("p", { class: "muted" }, "Places named by the claims, with the number of claims and the largest count of people stated for each."),
    res.items.length ? h("div", { class: "bars panel", id: "places" }, res.items.map(p => h("div", { class: "bar-row" },
      h("a", { href: "#/claims" + qs({ place: p.name }) }, p.name),
      h("div", { class: "bar", style: null, "data-w": Math.round(100 * p.claims / maxN) }),
      h("span", { class: "num" }, p.claims, p.largest !== null ? h("span", { class: "muted small", title: "largest count of people stated" }, ` · ${compact(p.largest)}`) : null),
      h("span", { class: "groups" }, Object.entries(p.by_group || {}).sort((a, b) => b[1] - a[1]).map(([g, n]) =>
        h("a", { class: "tag", href: "#/claims" + qs({ place: p.name, group: g }) }, `${human(g)} ${n}`))))))
      : h("p", { class: "note" }, "No claims name a place yet."));
  // Widths are set through CSSOM, which the style-src policy allows,
  // rather than as inline style attributes, which it forbids.
  for (const b of main.querySelectorAll(".bar")) b.style.width = b.dataset.w + "%";
}

async function sources() {
  loading();
  const res = await api("/api/sources");
  const table = (rows, key) => h("table", { class: "data" },
    h("thead", {}, h("tr", {}, ["Name", "Claims", "Groups", "First", "Last"].map(t => h("th", {}, t)))),
    h("tbody", {}, rows.map(s => h("tr", {},
      h("td", { "data-label": "Name" }, h("a", { href: "#/claims" + qs({ [key]: s.name }) }, s.name)),
      h("td", { class: "num", "data-label": "Claims" }, s.claims),
      h("td", { "data-label": "Groups" }, Object.entries(s.by_group || {}).map(([g, n]) => h("span", { class: "tag" }, `${human(g)} ${n}`))),
      h("td", { "data-label": "First" }, s.first_published || ""),
      h("td", { "data-label": "Last" }, s.last_published || "")))));
  main.replaceChildren(h("h1", {}, "Sources"),
    h("p", { class: "muted" }, "Who the figures are attributed to."), table(res.sources, "source"),
    h("h2", {}, "Outlets"), table(res.outlets, "outlet"));
}

async function articles(params) {
  loading();
  const offset = Math.max(0, parseInt(params.offset || "0", 10) || 0);
  const res = await api("/api/articles" + qs({ limit: PAGE, offset }));
  main.replaceChildren(h("h1", {}, "Articles"),
    h("table", { class: "data", id: "articles-table" },
      h("thead", {}, h("tr", {}, ["Published", "Title", "Outlet", "Claims"].map(t => h("th", {}, t)))),
      h("tbody", {}, res.items.map(a => h("tr", {},
        h("td", { "data-label": "Published" }, a.published || "—"),
        h("td", { "data-label": "Title" }, h("a", { href: `#/article/${a.id}` }, a.title || a.name)),
        h("td", { "data-label": "Outlet" }, a.outlet || ""),
        h("td", { class: "num", "data-label": "Claims" }, a.claim_count || 0))))),
    h("div", { class: "pager" },
      h("button", { class: "secondary", disabled: offset === 0, onclick: () => { location.hash = "#/articles" + qs({ offset: Math.max(0, offset - PAGE) }); } }, "← Previous"),
      h("button", { class: "secondary", disabled: !res.next, onclick: () => { location.hash = "#/articles" + qs({ offset: offset + PAGE }); } }, "Next →")));
}

async function search(params) {
  const q = params.q || "";
  document.getElementById("search-q").value = q;
  if (!q) { main.replaceChildren(h("h1", {}, "Search"), h("p", { class: "muted" }, "Type words in the search box.")); return; }
  loading();
  const res = await api("/api/search" + qs({ q, limit: 50 }));
  main.replaceChildren(h("h1", {}, "Search: ", q),
    res.items.length ? h("ol", { id: "search-results" }, res.items.map(hit => h("li", {},
      h("a", { href: `#/article/${hit.article.id}` }, hit.article.title || hit.article.name),
      h("span", { class: "muted small" }, " ", [hit.article.outlet, hit.article.published].filter(Boolean).join(" · ")),
      h("p", { class: "snippet" }, snippet(hit.snippet)))))
      : h("p", { class: "note" }, "Nothing found."));
}

// snippet highlights the «»-marked matches after the text is made a text
// node, so the snippet's own characters can never become markup.
function snippet(s) {
  const out = [];
  const re = /«([^»]*)»/g;
  let last = 0, m;
  while ((m = re.exec(s)) !== null) {
    out.push(s.slice(last, m.index), h("mark", {}, m[1]));
    last = m.index + m[0].length;
  }
  out.push(s.slice(last));
  return out;
}

route();
