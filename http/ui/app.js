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
  if (s.startsWith("#/") || s.startsWith("#conflict-") || s.startsWith("api/") || s.startsWith("/api/") || s === "/feed.atom") return s;
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
  const views = { overview, changes, claims, facts, places, sources, articles, article, search, claim: claimByID };
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

// ---- estimates, facts and the last visit ---------------------------------

// The five estimate series of the quantity model, in the order an analyst
// asks about them, with the claims each is drawn from on the timeline.
const SERIES = {
  workers_present: { title: "Workers present", groups: ["workers"], measures: ["stock"], events: ["present"] },
  troops_present: { title: "Troops present", groups: ["soldiers", "engineers"], measures: ["stock"], events: ["present"] },
  troops_sent_total: { title: "Troops sent in total", groups: ["soldiers", "engineers"], measures: ["cumulative", "flow"], events: ["sent"] },
  // Casualties counted together (killed and wounded): figures of killed
  // alone are the next series, and captured are neither.
  casualties_total: { title: "Casualties (killed and wounded)", groups: ["soldiers", "engineers"], measures: ["casualties"], events: ["wounded"], exclude: ["killed", "captured"] },
  killed_total: { title: "Killed", groups: ["soldiers", "engineers"], measures: ["casualties"], events: ["killed"] },
  workers_sent_total: { title: "Workers sent (reported totals)", groups: ["workers"], measures: ["cumulative", "flow"], events: ["sent"] },
  troops_planned: { title: "Troops planned or projected", groups: ["soldiers", "engineers"], measures: ["plan"], events: ["planned"], projects: ["troops_present", "troops_sent_total"] },
  workers_planned: { title: "Workers planned or projected", groups: ["workers"], measures: ["plan"], events: ["planned"], projects: ["workers_present"] },
  // Names of earlier builds, read the same way.
  troops_deployed: { title: "Troops deployed", groups: ["soldiers", "engineers"], measures: ["stock", "cumulative", "flow"], events: ["sent", "present"] },
  casualties: { title: "Casualties", groups: ["soldiers", "engineers"], measures: ["casualties"], events: ["killed", "wounded", "captured"] },
};
const SERIES_ORDER = ["workers_present", "troops_present", "troops_sent_total", "casualties_total", "killed_total", "workers_sent_total", "troops_deployed", "casualties"];
const PLAN_MEASURES = ["plan", "planned", "projection"];

function seriesInfo(name) { return SERIES[name] || { title: human(name), groups: [], measures: [], events: [] }; }

// estimateRows reads /api/estimates as rows of {series, month, low, high,
// best, basis, facts, sources}; bodies that nest months as points of a
// series are flattened to the same rows.
function estimateRows(body) {
  const out = [];
  for (const it of (body && body.items) || []) {
    if (Array.isArray(it.points)) {
      for (const p of it.points) out.push({ series: it.series, month: p.month, low: p.low ?? null, high: p.high ?? null,
        best: p.best ?? null, basis: p.basis || (p.carried ? "carried" : "reported"), facts: p.facts || [], sources: p.sources || [], why: p.why || "",
        projection: !!(it.projection || p.projection) });
    } else if (it.month) out.push({ facts: [], sources: [], best: null, ...it });
  }
  for (const r of out) r.projection = !!(r.projection || seriesInfo(r.series).projects);
  return out.sort((a, b) => a.series.localeCompare(b.series) || a.month.localeCompare(b.month));
}

function bySeries(rows) {
  const m = new Map();
  for (const r of rows) { if (!m.has(r.series)) m.set(r.series, []); m.get(r.series).push(r); }
  return [...m.entries()].sort((a, b) => rank(a[0]) - rank(b[0]));
}
function rank(s) { const i = SERIES_ORDER.indexOf(s); return i < 0 ? 99 : i; }

// mid is a row's single figure: its best, else the middle of its band.
function mid(r) {
  if (r.best !== null && r.best !== undefined) return r.best;
  if (r.low !== null && r.high !== null) return (r.low + r.high) / 2;
  return r.low ?? r.high;
}

let estimatesCache, factsCache;
async function loadEstimates() {
  if (estimatesCache === undefined) {
    try { estimatesCache = estimateRows(await api("/api/estimates")); } catch (err) { estimatesCache = null; }
  }
  return estimatesCache;
}
async function loadFacts() {
  if (factsCache === undefined) {
    try { factsCache = await allFacts({}); } catch (err) { factsCache = null; }
  }
  return factsCache;
}

// allFacts reads every page of /api/facts for filter (a store with many
// facts answers in pages), with the conflicts of all of them.
async function allFacts(filter) {
  let page = await api("/api/facts" + qs(filter));
  const items = [...page.items], conflicts = new Map((page.conflicts || []).map(c => [c.id, c]));
  while (page.has_more && items.length < 20000) {
    page = await api("/api/facts" + qs({ ...filter, offset: items.length, limit: 1000 }));
    if (!page.items.length) break;
    items.push(...page.items);
    for (const c of page.conflicts || []) conflicts.set(c.id, c);
  }
  return { ...page, items, conflicts: [...conflicts.values()], has_more: false };
}

// The reader's last visit is kept in this browser only: the server keeps
// no record of who looked when.
const VISIT_KEY = "flowwatch.lastVisit";
const lastVisit = (() => {
  let prev = null;
  try {
    prev = localStorage.getItem(VISIT_KEY);
    localStorage.setItem(VISIT_KEY, new Date().toISOString());
  } catch (err) { /* storage off: every visit is a first one */ }
  return prev && !isNaN(Date.parse(prev)) ? prev : null;
})();

// ---- overview ------------------------------------------------------------

async function overview() {
  loading();
  const [rows, factsRes, stats] = await Promise.all([loadEstimates(), loadFacts(), api("/api/stats")]);
  const facts = new Map(((factsRes && factsRes.items) || []).map(f => [f.id, f]));
  const series = bySeries((rows || []).filter(r => !r.projection));
  const planned = bySeries((rows || []).filter(r => r.projection));
  const cards = h("div", { class: "cards", id: "headlines" });
  if (series.length) {
    // The five series of the quantity model always have a card: one with
    // no figure yet says so rather than going missing.
    const have = new Set(series.map(([n]) => n));
    const core = SERIES_ORDER.slice(0, 5).filter(n => !have.has(n) && (have.has("troops_present") || have.has("workers_present")));
    const all = [...series, ...core.map(n => [n, []])].sort((a, b) => rank(a[0]) - rank(b[0]));
    for (const [name, rs] of all) cards.append(rs.length ? seriesCard(name, rs, facts, factsRes, planned) : emptyCard(name));
  } else {
    cards.append(...(await reportedCards()));
  }
  const chartBox = h("div", { id: "chart" });
  const evidence = h("div", { id: "timeline-evidence", class: "evidence-box", "aria-live": "polite" },
    h("p", { class: "muted small" }, "Point at or tab to a bar to see its evidence."));
  const names = series.length ? series.map(([n]) => n) : SERIES_ORDER.slice(0, 5);
  const pick = h("select", { name: "series", id: "timeline-series", "aria-label": "Series" },
    names.map(n => h("option", { value: n }, seriesInfo(n).title)));
  const kv = h("dl", { class: "kv" },
    h("dt", {}, "Articles"), h("dd", {}, fmtNum(stats.articles)),
    h("dt", {}, "Claims"), h("dd", {}, fmtNum(stats.claims)),
    h("dt", {}, "Outlets"), h("dd", {}, fmtNum(stats.outlets)),
    h("dt", {}, "Sources"), h("dd", {}, fmtNum(stats.sources)),
    h("dt", {}, "Published"), h("dd", {}, [stats.first_published, stats.last_published].filter(Boolean).join(" to ") || "—"));
  main.replaceChildren(
    h("h1", {}, "How many now, how sure"),
    changesTeaser(),
    cards,
    h("h2", {}, "Timeline"),
    h("div", { class: "panel" }, h("div", { class: "chart-controls" }, h("label", {}, "Series ", pick), legend()), chartBox, evidence),
    h("h2", {}, "In the store"),
    h("div", { class: "panel" }, kv));
  const draw = () => drawTimeline(chartBox, evidence, pick.value, rows || [], facts);
  pick.addEventListener("change", draw);
  await draw();
}

function changesTeaser() {
  const since = lastVisit || new Date(Date.now() - 7 * 864e5).toISOString();
  const box = h("p", { class: "note", id: "changes-teaser" }, lastVisit ? `Since your last visit (${lastVisit.slice(0, 10)}): ` : "This week: ", "…");
  api("/api/changes" + qs({ since: since.replace(/\.\d+Z$/, "Z") })).then(res => {
    const n = res.items.length;
    box.replaceChildren(lastVisit ? `Since your last visit (${lastVisit.slice(0, 10)}): ` : "This week: ",
      h("a", { href: "#/changes" + qs({ since: since.replace(/\.\d+Z$/, "Z") }) }, n ? `${plural(n, "change")} →` : "nothing changed →"));
  }).catch(() => box.remove());
  return box;
}

function seriesCard(name, rs, facts, factsRes, planned) {
  const info = seriesInfo(name);
  const last = rs[rs.length - 1], prev = rs.length > 1 ? rs[rs.length - 2] : null;
  const rowFacts = last.facts.map(id => facts.get(id)).filter(Boolean);
  // The original sources behind the figure: never the outlets that relayed them.
  const sources = last.sources.length ? last.sources : [...new Set(rowFacts.flatMap(f => f.sources || []))];
  const evidenceDate = rowFacts.map(f => f.last_reported || f.first_reported || "").filter(Boolean).sort().pop()
    || (rs.filter(r => r.basis !== "carried").pop() || last).month;
  const carriedFrom = last.basis === "carried" ? (rs.filter(r => r.basis !== "carried").pop() || {}).month : null;
  const why = h("p", { class: "why" },
    sources.length ? `${sources.join(", ")}` : "No named source",
    ` · latest evidence ${evidenceDate}`,
    last.basis === "carried" ? h("span", { class: "carried" }, ` · carried${carriedFrom ? " from " + carriedFrom : ""}`)
      : last.basis === "derived" ? " · derived from other series" : " · reported this month");
  const card = h("div", { class: "card headline estimate", "data-series": name },
    h("span", { class: "label" }, info.title),
    h("span", { class: "value", "data-low": last.low ?? "", "data-high": last.high ?? "" }, rangeText(last.low, last.high)),
    h("span", { class: "meta" }, `${last.month}`, mid(last) !== null && last.best !== null ? ` · best ${fmtNum(last.best)}` : ""),
    why,
    changeLine(last, prev, facts),
    spark(rs),
    projections(name, factsRes, planned),
    h("a", { class: "more", href: "#/facts" + qs({ series: name }) }, "The facts behind it →"));
  return card;
}

function emptyCard(name) {
  return h("div", { class: "card headline estimate empty", "data-series": name },
    h("span", { class: "label" }, seriesInfo(name).title),
    h("span", { class: "value muted" }, "no estimate yet"),
    h("p", { class: "why" }, "No claim of this measure is stored yet."),
    h("a", { class: "more", href: "#/claims" + qs({ kind: "people", group: seriesInfo(name).groups[0] }) }, "The claims →"));
}

// changeLine says how the series moved since the month before, and which
// fact made it move: the one behind this month that was not behind the last.
function changeLine(last, prev, facts) {
  if (!prev) return h("p", { class: "change muted" }, "First month with an estimate.");
  const a = mid(prev), b = mid(last);
  const d = a !== null && b !== null ? b - a : null;
  const moved = d !== null && Math.abs(d) > 0;
  const causeId = last.facts.find(id => !prev.facts.includes(id));
  const cause = causeId ? facts.get(causeId) : null;
  return h("p", { class: "change" + (moved ? "" : " muted") },
    moved ? `${d > 0 ? "+" : "−"}${fmtNum(Math.abs(d))} since ${prev.month}` : `No change since ${prev.month}`,
    cause ? [": ", h("a", { href: "#/facts" + qs({ fact: cause.id }) }, factLabel(cause)),
      cause.sources && cause.sources.length ? ` (${cause.sources.join(", ")})` : ""] : moved ? " (no new fact: the band was recomputed)" : "");
}

// projections lists the plans and projections of the same people, beside
// the series, labelled: they never count as present.
function projections(name, factsRes, planned) {
  const info = seriesInfo(name);
  if (name.startsWith("casualties") || name.startsWith("killed")) return null;
  // A projection series of its own (troops_planned beside troops_present).
  const own = planned.filter(([p]) => (seriesInfo(p).projects || []).includes(name));
  if (own.length) {
    return h("div", { class: "projection" }, h("span", { class: "projection-label" }, "Planned or projected (not counted as present)"),
      h("ul", {}, own.map(([p, rs]) => {
        const last = rs[rs.length - 1];
        return h("li", { "data-projection": p }, `${rangeText(last.low, last.high)} by ${last.month}`,
          last.sources && last.sources.length ? ` (${last.sources.join(", ")})` : "",
          last.facts && last.facts[0] ? [" · ", h("a", { href: "#/facts" + qs({ fact: last.facts[0] }) }, "the fact")] : "");
      })));
  }
  const plans = ((factsRes && factsRes.items) || []).filter(f => f.kind === "people" && info.groups.includes(f.group) &&
    (PLAN_MEASURES.includes(f.measure) || f.event === "planned"));
  if (!plans.length) return null;
  plans.sort((x, y) => String(y.last_reported || "").localeCompare(String(x.last_reported || "")));
  return h("div", { class: "projection" }, h("span", { class: "projection-label" }, "Plans and projections (not counted as present)"),
    h("ul", {}, plans.slice(0, 3).map(f => h("li", {},
      h("a", { href: "#/facts" + qs({ fact: f.id }) }, rangeText(f.low, f.high ?? f.low), " ", human(f.group)),
      f.place && f.place.length ? ` to ${f.place[0]}` : "",
      f.sources && f.sources.length ? ` (${f.sources.join(", ")}` : " (", `${f.sources && f.sources.length ? ", " : ""}${f.last_reported || f.first_reported || "undated"})`))));
}

const SVGNS = "http://www.w3.org/2000/svg";
// svg builds an SVG element as h builds an HTML one.
function svg(tag, attrs, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined && v !== false) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

// spark draws a series' band and best figure month by month.
function spark(rs) {
  const W = 220, H = 40, P = 2;
  const vals = rs.flatMap(r => [r.low, r.high, mid(r)]).filter(v => v !== null && v !== undefined);
  if (rs.length < 2 || !vals.length) return null;
  const top = Math.max(...vals) || 1;
  const x = i => P + (W - 2 * P) * i / (rs.length - 1);
  const y = v => H - P - (H - 2 * P) * v / top;
  const band = rs.map((r, i) => `${x(i)},${y(r.high ?? r.low ?? 0)}`).concat(rs.map((r, i) => `${x(i)},${y(r.low ?? r.high ?? 0)}`).reverse());
  const line = rs.map((r, i) => `${x(i)},${y(mid(r) ?? 0)}`).join(" ");
  return svg("svg", { class: "spark", viewBox: `0 0 ${W} ${H}`, preserveAspectRatio: "none", role: "img",
    "aria-label": `${rs[0].month} to ${rs[rs.length - 1].month}: ${rs.map(r => fmtNum(mid(r))).join(", ")}` },
    svg("polygon", { points: band.join(" "), class: "spark-band" }),
    svg("polyline", { points: line, class: "spark-line" }));
}

// reportedCards is the overview without reconciliation: the reported
// ranges, said to be no estimate.
async function reportedCards() {
  const summary = await api("/api/summary");
  const out = [h("p", { class: "note warn" }, "No reconciled estimates: these are the smallest and largest figures reported, not an estimate.")];
  for (const f of summary.items) {
    const filter = { kind: f.kind, group: f.group, event: f.event || "" };
    out.push(h("div", { class: "card headline reported" },
      h("span", { class: "label" }, f.label),
      h("span", { class: "value" }, rangeText(f.low, f.high, f.unit)),
      h("span", { class: "meta" }, `reported range · ${plural(f.claims, "claim")} · ${plural(f.sources, "source")}`),
      h("a", { class: "more", href: "#/claims" + qs(filter) }, "See the claims →")));
  }
  return out;
}

function select(name, options, value, anyLabel) {
  const s = h("select", { name, "aria-label": name }, h("option", { value: "" }, anyLabel || "any"),
    options.map(o => h("option", { value: o }, human(o))));
  s.value = value || "";
  return s;
}

// ---- timeline ----------------------------------------------------------------

function legend() {
  return h("ul", { class: "legend", id: "timeline-legend" },
    h("li", {}, h("span", { class: "key key-span" }), "a claim: a bar over the period its figure covers, from its smallest to its largest figure"),
    h("li", {}, h("span", { class: "key key-undated" }), "a claim that states no period: drawn at its report date"),
    h("li", {}, h("span", { class: "key key-band" }), "the estimate band (lighter where carried from an earlier month)"),
    h("li", {}, h("span", { class: "key key-best" }), "the best estimate"));
}

function dayOf(d) { return Date.parse(d + "T00:00:00Z"); }
function monthStart(m) { return Date.parse(m + "-01T00:00:00Z"); }
function monthEnd(m) { const [y, mo] = m.split("-").map(Number); return Date.UTC(y, mo, 1) - 1; }

// claimSpan is the time a claim's figure covers: its stated period, or
// its report date when it states none.
function claimSpan(c) {
  if (c.when && c.when.from) return { from: dayOf(c.when.from), to: dayOf(c.when.to || c.when.from) + 864e5 - 1, dated: true };
  if (c.published) return { from: dayOf(c.published), to: dayOf(c.published) + 864e5 - 1, dated: false };
  return null;
}

function inSeries(c, info) {
  if (c.kind !== "people" || !info.groups.includes(c.group)) return false;
  if (PLAN_MEASURES.includes(c.measure) || c.event === "planned") return false;
  if (c.measure) {
    if (!info.measures.includes(c.measure)) return false;
    if (info.exclude) return !info.exclude.includes(c.event);
    return info.measures[0] !== "casualties" || info.events.includes(c.event);
  }
  return info.events.includes(c.event);
}

async function drawTimeline(box, evidenceBox, name, rows, facts) {
  const info = seriesInfo(name);
  const pages = await Promise.all(info.groups.map(g => api("/api/claims" + qs({ kind: "people", group: g, limit: 1000 }))));
  const claims = pages.flatMap(p => p.items).filter(c => inSeries(c, info));
  const est = rows.filter(r => r.series === name);
  box.replaceChildren();
  const spans = claims.map(c => ({ c, span: claimSpan(c), v: [c.low ?? c.high, c.high ?? c.low] })).filter(x => x.span && x.v[0] !== null);
  if (!spans.length && !est.length) { box.append(h("p", { class: "muted" }, "No claims or estimates for this series yet.")); return; }
  const width = Math.max(300, box.clientWidth || 600), height = width < 500 ? 260 : 320;
  const pad = { l: 56, r: 12, t: 14, b: 28 };
  let t0 = Math.min(...spans.map(x => x.span.from), ...est.map(r => monthStart(r.month)));
  let t1 = Math.max(...spans.map(x => x.span.to), ...est.map(r => monthEnd(r.month)));
  if (t1 - t0 < 60 * 864e5) { t0 -= 30 * 864e5; t1 += 30 * 864e5; }
  const top = Math.max(1, ...spans.map(x => x.v[1]), ...est.map(r => r.high ?? r.low ?? 0)) * 1.1;
  const X = t => pad.l + (width - pad.l - pad.r) * (t - t0) / (t1 - t0);
  const Y = v => height - pad.b - (height - pad.t - pad.b) * v / top;
  const chart = svg("svg", { class: "timeline", "data-series": name, width, height, viewBox: `0 0 ${width} ${height}`, role: "group", "aria-label": `${info.title}: claims and estimate`,
    "data-t0": t0, "data-t1": t1, "data-left": pad.l, "data-right": width - pad.r });
  // axes
  for (let i = 0; i <= 4; i++) {
    const v = top * i / 4;
    chart.append(svg("line", { x1: pad.l, x2: width - pad.r, y1: Y(v), y2: Y(v), class: "grid" }),
      svg("text", { x: pad.l - 6, y: Y(v) + 4, class: "tick", "text-anchor": "end" }, compact(Math.round(v))));
  }
  const y0 = new Date(t0).getUTCFullYear(), y1 = new Date(t1).getUTCFullYear();
  for (let y = y0; y <= y1 + 1; y++) {
    for (const m of [0, 3, 6, 9]) {
      const t = Date.UTC(y, m, 1);
      if (t < t0 || t > t1) continue;
      chart.append(svg("line", { x1: X(t), x2: X(t), y1: pad.t, y2: height - pad.b, class: m ? "grid" : "grid year" }),
        svg("text", { x: X(t) + 2, y: height - pad.b + 16, class: "tick" }, m ? (width < 500 ? "" : ["", "Apr", "Jul", "Oct"][m / 3]) : String(y)));
    }
  }
  // estimate band, month by month, labelled
  if (est.length) {
    const g = svg("g", { class: "est", "data-series": name });
    for (const r of est) {
      const lo = r.low ?? r.high, hi = r.high ?? r.low;
      if (lo === null) continue;
      g.append(svg("rect", { x: X(monthStart(r.month)), width: Math.max(1, X(monthEnd(r.month)) - X(monthStart(r.month))), y: Y(hi), height: Math.max(2, Y(lo) - Y(hi)),
        class: "band" + (r.basis === "carried" ? " carried" : ""), "data-month": r.month },
        svg("title", {}, `${info.title}, ${r.month}: ${rangeText(r.low, r.high)}${r.best !== null ? ", best " + fmtNum(r.best) : ""} (${r.basis})`)));
    }
    const best = est.filter(r => mid(r) !== null).map(r => `${X((monthStart(r.month) + monthEnd(r.month)) / 2)},${Y(mid(r))}`);
    if (best.length > 1) g.append(svg("polyline", { points: best.join(" "), class: "best" }));
    const lastRow = est[est.length - 1];
    const lx = Math.min(X(monthEnd(lastRow.month)), width - pad.r), ly = Y(lastRow.high ?? lastRow.low ?? 0) - 4;
    g.append(svg("text", { x: lx, y: Math.max(pad.t + 10, ly), "text-anchor": "end", class: "band-label" }, `estimate: ${rangeText(lastRow.low, lastRow.high)}`));
    chart.append(g);
  }
  // claims as spans
  const show = (c, span) => {
    evidenceBox.replaceChildren(h("p", {}, h("strong", {}, figureText(c)), " ", whoWhat(c),
      c.when ? ` · covers ${whenText(c)}` : ` · no period stated; reported ${c.published || "undated"}`),
    h("p", { class: "small" }, c.source ? `Attributed to ${c.source}` : "Unattributed", c.outlet ? ` · ${c.outlet}` : "", c.published ? `, ${c.published}` : "", " · ",
      h("a", { href: claimLink(c) }, "open the evidence")),
    h("blockquote", { class: "small" }, truncate(c.quote, 300)));
  };
  for (const { c, span, v } of spans) {
    const x = X(span.from), w = Math.max(3, X(span.to) - X(span.from));
    const y = Y(v[1]), hgt = Math.max(3, Y(v[0]) - Y(v[1]));
    const bar = svg("rect", { x, y: hgt < 4 ? y - 1.5 : y, width: w, height: hgt < 4 ? 4 : hgt, rx: 1.5,
      class: "span" + (span.dated ? "" : " undated"), tabindex: 0, "data-claim": c.id,
      "data-from": new Date(span.from).toISOString().slice(0, 10), "data-to": new Date(span.to).toISOString().slice(0, 10),
      "aria-label": `${figureText(c)} ${whoWhat(c)}, ${span.dated ? "covering " + whenText(c) : "reported " + c.published}${c.source ? ", " + c.source : ""}` },
      svg("title", {}, `${figureText(c)} ${whoWhat(c)} — ${c.source || "unattributed"}`));
    bar.addEventListener("mouseenter", () => show(c, span));
    bar.addEventListener("focus", () => show(c, span));
    bar.addEventListener("click", () => { location.hash = claimLink(c); });
    bar.addEventListener("keydown", ev => { if (ev.key === "Enter") location.hash = claimLink(c); });
    chart.append(bar);
  }
  box.append(chart);
  if (pages.some(p => p.has_more)) box.append(h("p", { class: "muted small" }, "Showing the first 1,000 claims of each group."));
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
    const pick = document.getElementById("timeline-series");
    if (pick) pick.dispatchEvent(new Event("change"));
  }, 250);
});

// ---- claims --------------------------------------------------------------

async function claims(params) {
  const filter = {};
  for (const k of FILTERS) if (params[k]) filter[k] = params[k];
  const sort = SORTS[params.sort] ? params.sort : "";
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
    // A sorted view sorts the first SORT_WINDOW matches here: the API
    // pages in storage order, which keeps any one query cheap.
    page = sort ? await api("/api/claims" + qs({ ...filter, limit: SORT_WINDOW }))
      : await api("/api/claims" + qs({ ...filter, limit: PAGE, offset }));
  } catch (err) { showError(err, results); return; }
  let items = page.items, hasMore = page.has_more;
  if (sort) {
    items = items.slice().sort(SORTS[sort]).slice(offset, offset + PAGE);
    hasMore = offset + PAGE < page.items.length;
  }
  const exportLinks = ["csv", "jsonl", "ftm", "acled"].map(f =>
    h("a", { class: "button secondary export", href: "/api/export" + qs({ ...filter, format: f }), download: "", "data-format": f }, labelFor(f)));
  const table = claimsTable(items, { ...filter, ...(sort ? { sort } : {}) });
  // The API counts only when asked (a count reads every match): a page
  // that is not the last says "N+" until the exact total arrives.
  const shown = `${offset + 1}–${offset + items.length}`;
  const range = h("span", { class: "muted" }, !items.length ? "none" : page.total != null ? `${shown} of ${fmtNum(page.total)}` : `${shown} of ${fmtNum(offset + items.length)}+`);
  const nav = o => go({ ...filter, ...(sort ? { sort } : {}), offset: o });
  const pager = h("div", { class: "pager" },
    h("button", { class: "secondary", disabled: offset === 0, onclick: () => nav(Math.max(0, offset - PAGE)) }, "← Previous"),
    range,
    h("button", { class: "secondary", disabled: !hasMore, onclick: () => nav(offset + PAGE) }, "Next →"));
  const totalEl = n => h("strong", { id: "claims-total", "data-total": n }, `${fmtNum(n)} ${n === 1 ? "claim" : "claims"}`);
  const heading = h("span", {}, page.total != null ? totalEl(page.total) : h("strong", { class: "muted" }, `${fmtNum(offset + items.length)}+ claims`));
  results.replaceChildren(
    h("div", { class: "toolbar" }, heading,
      h("span", { class: "spacer" }), h("span", { class: "muted small" }, "Export these claims:"), exportLinks),
    ...[sort && page.has_more ? h("p", { class: "note small", id: "sort-window" }, `Sorted within the first ${fmtNum(SORT_WINDOW)} matches; narrow the filters to sort them all.`) : null,
      items.length ? table : h("p", { class: "note" }, "No claims match these filters."),
      pager].filter(Boolean));
  if (page.total == null) {
    try {
      const counted = await api("/api/claims" + qs({ ...filter, limit: 1, count: "true" }));
      if (!results.isConnected) return; // the user has moved on
      heading.replaceChildren(totalEl(counted.total));
      range.textContent = `${shown} of ${fmtNum(counted.total)}`;
    } catch (err) { /* the page stands without its total */ }
  }
}

const SORT_WINDOW = 1000;

// whenText is the span a claim's figure refers to, as the text states it.
function whenText(c) {
  if (!c.when) return "";
  return c.when.from === c.when.to ? c.when.from : `${c.when.from} – ${c.when.to}`;
}

function byKey(key, dir) {
  return (a, b) => {
    const x = key(a), y = key(b);
    if (x === y) return a.id - b.id;
    if (x === null || x === "") return 1; // unknowns last either way
    if (y === null || y === "") return -1;
    return (x < y ? -1 : 1) * dir;
  };
}
const figureOf = c => c.high ?? c.low;
const SORTS = {
  published: byKey(c => c.published || "", 1), "-published": byKey(c => c.published || "", -1),
  when: byKey(c => c.when ? c.when.from : "", 1), "-when": byKey(c => c.when ? c.when.from : "", -1),
  value: byKey(figureOf, 1), "-value": byKey(figureOf, -1),
  source: byKey(c => (c.source || "").toLowerCase(), 1), "-source": byKey(c => (c.source || "").toLowerCase(), -1),
};

function labelFor(f) { return { csv: "CSV", jsonl: "JSON Lines", ftm: "FollowTheMoney", acled: "ACLED CSV" }[f]; }

function go(filter) { location.hash = "#/claims" + qs(filter); }

function filterForm(filter) {
  const field = (name, label, el) => h("label", {}, label, el);
  const input = (name, type, ph) => { const i = h("input", { name, type, placeholder: ph || "", maxlength: 200 }); i.value = filter[name] || ""; return i; };
  const form = h("form", { class: "filters", id: "filters" },
    field("kind", "Kind", select("kind", KINDS, filter.kind)),
    field("group", "Group", select("group", GROUPS, filter.group)),
    field("event", "Event", select("event", EVENTS, filter.event)),
    field("place", "Place", suggest(input("place", "text", "e.g. kursk"), "places")),
    field("source", "Source", suggest(input("source", "text", "e.g. nis"), "sources")),
    field("outlet", "Outlet", suggest(input("outlet", "text", "e.g. yonhap"), "outlets")),
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
  form.append(...["places", "sources", "outlets"].map(id => h("datalist", { id: "suggest-" + id })));
  fillSuggestions(form);
  return form;
}

// suggest ties an input to the datalist of names the server knows. The
// filter itself is case-insensitive and takes aliases ("kursk" finds
// Kursk Oblast); the list shows the stored names and their aliases.
function suggest(input, list) {
  input.setAttribute("list", "suggest-" + list);
  input.setAttribute("autocomplete", "off");
  return input;
}

let suggestions;
async function fillSuggestions(form) {
  if (!suggestions) {
    const [pl, src] = await Promise.all([api("/api/places"), api("/api/sources")]).catch(() => [null, null]);
    if (!pl || !src) return;
    suggestions = { places: pl.items, sources: src.sources, outlets: src.outlets };
  }
  for (const [id, rows] of Object.entries(suggestions)) {
    const dl = form.querySelector("#suggest-" + id);
    dl.replaceChildren(...rows.map(r => h("option", { value: r.name, label: [r.name, ...(r.aliases || [])].join(" · ") })));
  }
}

function claimsTable(items, view) {
  const rows = items.map(c => {
    const tr = h("tr", { class: "clickable claim-row", tabindex: 0, "data-claim": c.id, "data-article": c.article_id },
      h("td", { "data-label": "Published" }, c.published || "—"),
      h("td", { class: "num", "data-label": "Figure" }, figureText(c)),
      h("td", { "data-label": "Who, what" }, whoWhat(c)),
      h("td", { class: "when", "data-label": "When" }, whenText(c) || h("span", { class: "muted" }, "not stated")),
      h("td", { "data-label": "Place" }, (c.place || []).map(p => h("span", { class: "tag" }, p))),
      h("td", { "data-label": "Source" }, c.source || h("span", { class: "muted" }, "unattributed")),
      h("td", { "data-label": "Outlet" }, c.outlet || ""),
      h("td", { class: "quote", "data-label": "Sentence" }, truncate(c.quote, 220)));
    const open = () => { location.hash = claimLink(c); };
    tr.addEventListener("click", open);
    tr.addEventListener("keydown", ev => { if (ev.key === "Enter") open(); });
    return tr;
  });
  const cur = (view && view.sort) || "";
  const head = (label, key) => {
    if (!key || !view) return h("th", {}, label);
    const dir = cur === key ? "ascending" : cur === "-" + key ? "descending" : null;
    const next = cur === key ? "-" + key : key;
    const { offset, ...rest } = view;
    return h("th", { "aria-sort": dir || "none" },
      h("a", { class: "sort", href: "#/claims" + qs({ ...rest, sort: next }), "data-sort": key, title: `Sort by ${label.toLowerCase()}` },
        label, dir === "ascending" ? " ▲" : dir === "descending" ? " ▼" : ""));
  };
  return h("table", { class: "data", id: "claims-table" },
    h("thead", {}, h("tr", {}, head("Published", "published"), head("Figure", "value"), head("Who, what"), head("When", "when"),
      head("Place"), head("Source", "source"), head("Outlet"), head("Sentence"))),
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
  // Text read from a PDF ends each page with a form feed: shown as a
  // rule labelled by CSS, so that the text itself stays the article's.
  let page = 1;
  const paged = (el, s) => s.split("\f").forEach((p, i) => {
    if (i > 0) el.append(h("span", { class: "page-break", "data-page": ++page }));
    el.append(p);
  });
  let pos = 0;
  for (const c of spans) {
    if (c.start < pos) continue; // nested or overlapping: the outer one is marked
    paged(box, dec.decode(bytes.subarray(pos, c.start)));
    const m = h("mark", { "data-claim": c.id, title: figureText(c) + " " + whoWhat(c) });
    paged(m, dec.decode(bytes.subarray(c.start, c.end)));
    if (current && c.id === current.id) m.classList.add("current");
    box.append(m);
    pos = c.end;
  }
  paged(box, dec.decode(bytes.subarray(pos)).replace(/\f\s*$/, ""));
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
    res = await allFacts({ group: params.group || "", event: params.event || "" });
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
  let items = onlyConflicts ? res.items.filter(f => (f.conflicts || []).length) : res.items;
  let heading = "Facts";
  if (params.series) {
    // The facts behind an estimate series: those its months name.
    const rows = (await loadEstimates() || []).filter(r => r.series === params.series);
    const ids = new Set(rows.flatMap(r => r.facts));
    items = items.filter(f => ids.has(f.id));
    heading = `Facts behind “${seriesInfo(params.series).title}”`;
  }
  main.replaceChildren(h("h1", {}, heading),
    h("p", { class: "muted" }, "Claims that state the same quantity, merged across outlets. Relays and syndicated copies of one original source count once; ",
      "a conflict is two figures that differ, with the reason the data shows."),
    h("div", { class: "toolbar" }, h("strong", {}, `${items.length} facts, ${conflicts.size} conflicts`), h("span", { class: "spacer" }),
      h("a", { class: "button secondary", href: "#/facts" + qs(onlyConflicts ? {} : { conflicts: "1" }) }, onlyConflicts ? "Show all facts" : "Only facts in conflict")),
    ...(conflicts.size ? [h("h2", { id: "conflicts-heading" }, `Conflicts (${conflicts.size})`), conflictList([...conflicts.values()])] : []),
    h("h2", {}, "Facts"),
    items.length ? factsTable(items, conflicts) : h("p", { class: "note" }, "No facts match."));
  if (params.fact) {
    const row = document.getElementById("fact-" + params.fact);
    if (row) { row.classList.add("target"); row.scrollIntoView({ block: "center" }); }
  }
}

function factLabel(f) {
  const what = f.kind === "people" ? [human(f.group), human(f.measure || f.event)].filter(Boolean).join(" ")
    : `${human(f.group)} ${f.kind === "money" ? "pay" : "share"}${f.per ? " per " + f.per : ""}`;
  return `${rangeText(f.value ?? f.low, f.value ?? f.low)} ${what}` + (f.place && f.place.length ? ` — ${f.place[0]}` : "");
}

function factsTable(items, conflicts) {
  return h("table", { class: "data", id: "facts-table" },
    h("thead", {}, h("tr", {}, ["Fact", "Figure", "Range", "Reports", "Original sources", "First reported", "Conflicts"].map(t => h("th", {}, t)))),
    h("tbody", {}, items.map(f => {
      const cs = (f.conflicts || []).map(id => conflicts.get(id)).filter(Boolean);
      const unit = f.kind === "money" ? f.unit : f.kind === "share" ? "percent" : "people";
      return h("tr", { class: "fact-row", id: "fact-" + f.id },
        h("td", { "data-label": "Fact" }, factLabel(f)),
        h("td", { class: "num", "data-label": "Figure" }, rangeText(f.value, f.value, unit)),
        h("td", { class: "num", "data-label": "Range" }, f.high === null && f.low !== null ? `≥ ${fmtNum(f.low)}` : rangeText(f.low, f.high, unit)),
        h("td", { class: "num", "data-label": "Reports" }, f.reports),
        h("td", { "data-label": "Original sources" }, `${f.independent} independent: `, (f.sources || []).join(", ") || "none named"),
        h("td", { "data-label": "First reported" }, f.first ? h("a", { href: `#/claim/${f.first.id}` + qs({ article: f.first.article }) },
          f.first_reported || "date unknown", f.first.outlet ? ` (${f.first.outlet})` : "") : f.first_reported || ""),
        h("td", { "data-label": "Conflicts" }, cs.map(c => h("a", { class: "conflict", href: "#conflict-" + c.id,
          onclick: ev => { ev.preventDefault(); const el = document.getElementById("conflict-" + c.id); if (el) el.scrollIntoView({ block: "start" }); } }, c.reason))));
    })));
}

// conflictList shows every conflict in full, at every width: the reason in
// words, both figures, their original sources and links to their claims.
function conflictList(list) {
  return h("div", { class: "conflicts", id: "conflicts" }, list.map(c => h("section", { class: "conflict-card", id: "conflict-" + c.id },
    h("h3", {}, h("span", { class: "conflict" }, c.reason), " ", sideFigure(c.a), " versus ", sideFigure(c.b)),
    h("p", { class: "reason" }, (c.details && c.details.length ? c.details : [c.reason]).join("; ") + "."),
    h("div", { class: "sides" }, conflictSide("One side", c.a), conflictSide("The other", c.b)))));
}

function sideFigure(sd) { return `${rangeText(sd.low, sd.high)} ${human(sd.measure || "")}`.trim(); }

function conflictSide(label, sd) {
  const when = sd.when ? (sd.when.from === sd.when.to ? sd.when.from : `${sd.when.from} to ${sd.when.to}`) : "no period stated";
  return h("div", { class: "side" },
    h("p", {}, h("strong", {}, label, ": ", sideFigure(sd)), sd.place && sd.place.length ? ` in ${sd.place.join(", ")}` : "", ` · ${when}`),
    h("p", { class: "small" }, "Original sources: ", (sd.sources || []).join(", ") || "none named",
      sd.total ? ` · ${plural(sd.total, "claim")}` : ""),
    h("ul", { class: "small side-claims" }, (sd.claims || []).map(r => h("li", {},
      h("a", { href: r.id ? `#/claim/${r.id}` + qs({ article: r.article }) : "#/claims" + qs({ article: r.article }) },
        [r.outlet, r.published].filter(Boolean).join(", ") || r.article),
      r.quote ? ` — “${truncate(r.quote, 140)}”` : ""))));
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

// ---- what changed -------------------------------------------------------------

const KIND_TITLES = { estimate: "Estimates that moved", fact: "New facts", conflict: "New conflicts" };

async function changes(params) {
  loading();
  const def = lastVisit || new Date(Date.now() - 7 * 864e5).toISOString();
  const since = params.since || def.replace(/\.\d+Z$/, "Z");
  const res = await api("/api/changes" + qs({ since }));
  const pickDate = h("input", { type: "date", name: "since", id: "changes-since", value: since.slice(0, 10) });
  const form = h("form", { class: "toolbar", id: "changes-form" }, h("label", {}, "Changes after ", pickDate),
    h("button", { type: "submit" }, "Show"), h("span", { class: "spacer" }),
    h("a", { href: "/feed.atom", class: "button secondary", type: "application/atom+xml" }, "Atom feed"));
  form.addEventListener("submit", ev => { ev.preventDefault(); if (pickDate.value) location.hash = "#/changes" + qs({ since: pickDate.value }); });
  const groups = ["estimate", "fact", "conflict"].map(k => [k, res.items.filter(c => c.kind === k)]).filter(([, l]) => l.length);
  main.replaceChildren(h("h1", {}, "What changed"),
    h("p", { class: "muted" }, `After ${since.replace("T", " ").replace("Z", " UTC")}`,
      lastVisit && !params.since ? " (your last visit, remembered by this browser only)" : "", "."),
    form,
    groups.length ? h("div", { id: "changes" }, groups.map(([k, list]) => [h("h2", {}, KIND_TITLES[k], ` (${list.length})`),
      h("ul", { class: "changes" }, list.map(changeItem))]))
      : h("p", { class: "note" }, "Nothing changed in that time."));
}

function changeItem(c) {
  return h("li", { class: "change-item", "data-kind": c.kind, id: "change-" + c.id },
    h("p", {}, h("strong", {}, c.title)),
    h("p", { class: "small" }, c.summary),
    h("p", { class: "small muted" }, `seen ${c.at.slice(0, 16).replace("T", " ")}`,
      c.fact ? [" · ", h("a", { href: "#/facts" + qs({ fact: c.fact }) }, "the fact")] : "",
      (c.claims || []).slice(0, 3).map((id, i) => [" · ", h("a", { href: `#/claim/${id}` + qs({ article: (c.articles || [])[i] || "" }) }, `claim ${i + 1}`)])));
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
