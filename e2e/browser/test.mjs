// Browser tests of the flowwatch dashboard in Debian's headless Chromium,
// driven by playwright-core. Run by http/browser_test.go, which builds the
// binary, starts `flowwatch serve --samples` on a loopback port and passes:
//
//   FLOWWATCH_URL      the server's base URL (http://127.0.0.1:PORT)
//   FLOWWATCH_EVIL_ID  id of an article whose text, title, outlet and claim
//                      carry <script>, onerror= and javascript: payloads
//   FLOWWATCH_BIDI_ID  optional: id of an article whose title is
//                      "\u202edias SIN eht\u202c" (a bidi override)
//   FLOWWATCH_PDF_ID   optional: id of an article read from a PDF report,
//                      with a claim on page 2
//   FLOWWATCH_BRIEF    optional: an HTML brief (flowwatch report --format html)
//                      of the same database, checked at phone width
//   FLOWWATCH_FACTS    optional: `flowwatch facts --format jsonl` of the same
//                      database; the facts page must show the same facts,
//                      original sources and conflicts
//   SCREENSHOT_DIR     optional: where to save PNG screenshots
//
// Prints one line per check and "N passed, N failed" last; exits 1 on a failure.

import { chromium } from "playwright-core";
import { mkdtempSync, rmSync, readFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const base = process.env.FLOWWATCH_URL;
const evilId = process.env.FLOWWATCH_EVIL_ID;
const bidiId = process.env.FLOWWATCH_BIDI_ID;
const pdfId = process.env.FLOWWATCH_PDF_ID;
const shots = process.env.SCREENSHOT_DIR || "";
if (!base || !evilId) {
  console.error("test.mjs: set FLOWWATCH_URL and FLOWWATCH_EVIL_ID (run it through go test ./http -run Browser)");
  process.exit(2);
}
if (!/^http:\/\/(127\.0\.0\.1|localhost|\[::1\]):\d+$/.test(base)) {
  console.error(`test.mjs: FLOWWATCH_URL ${base} is not a loopback address`);
  process.exit(2);
}
if (shots) mkdirSync(shots, { recursive: true });

const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync"];

let passed = 0, failed = 0;
async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok - ${name}`);
  } catch (err) {
    failed++;
    console.log(`not ok - ${name}: ${err && err.message ? err.message.split("\n")[0] : err}`);
  }
}
function assert(cond, msg) { if (!cond) throw new Error(msg); }

// open launches Chromium with a fresh profile; the caller closes it.
async function open(options) {
  const dir = mkdtempSync(join(tmpdir(), "flowwatch-chromium-"));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: "/usr/bin/chromium", headless: true, args: ARGS, acceptDownloads: true, ...options,
  });
  // Nothing but the server itself may be contacted.
  await ctx.route("**/*", route => {
    const u = route.request().url();
    if (u.startsWith(base + "/") || u.startsWith("data:")) return route.continue();
    problems.push(`request outside the server: ${u}`);
    return route.abort();
  });
  const page = ctx.pages()[0] || await ctx.newPage();
  page.on("pageerror", err => problems.push(`page error: ${err.message}`));
  page.on("console", msg => {
    // The facts view asks /api/facts first and explains a 501 (a build
    // without reconciliation); Chromium logs that status as an error.
    if (msg.type() === "error" && !/status of 501/.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on("dialog", d => { problems.push(`dialog opened: ${d.message()}`); d.dismiss(); });
  return { ctx, page, close: async () => { await ctx.close(); rmSync(dir, { recursive: true, force: true }); } };
}

let problems = [];
async function shot(page, name) {
  if (shots) await page.screenshot({ path: join(shots, name + ".png"), fullPage: false });
}

const desktop = await open({ viewport: { width: 1280, height: 900 } });
const page = desktop.page;
let filteredTotal = 0, group = "";

// overviewChecks: one card per estimate series, showing that series' band
// for its latest month (not the smallest and largest figure ever stored),
// with a why line, a change line and a spark line.
async function overviewChecks(page) {
  await page.goto(base + "/");
  await page.waitForSelector("#headlines .card.headline.estimate", { timeout: 15000 });
  const cards = await page.evaluate(async () => {
    const body = await (await fetch("/api/estimates")).json();
    const latest = {};
    for (const it of body.items) {
      const rows = it.points ? it.points.map(p => ({ ...p, series: it.series })) : [it];
      for (const r of rows) if (!latest[r.series] || latest[r.series].month < r.month) latest[r.series] = r;
    }
    return [...document.querySelectorAll("#headlines .card.estimate:not(.empty)")].map(c => {
      const v = c.querySelector(".value");
      const want = latest[c.dataset.series];
      return { series: c.dataset.series, low: v.dataset.low, high: v.dataset.high, want: want ? [String(want.low ?? ""), String(want.high ?? "")] : null,
        why: (c.querySelector(".why") || {}).textContent || "", change: (c.querySelector(".change") || {}).textContent || "",
        spark: !!c.querySelector("svg.spark"), visible: c.getBoundingClientRect().width > 0 };
    });
  });
  assert(cards.length >= 1, "no estimate cards");
  for (const c of cards) {
    assert(c.want && c.low === c.want[0] && c.high === c.want[1], `${c.series}: card shows ${c.low}–${c.high}, the latest month's band is ${c.want}`);
    assert(/latest evidence \d{4}-\d{2}/.test(c.why), `${c.series}: why line "${c.why}" lacks the latest evidence date`);
    assert(/carried|reported|derived/.test(c.why), `${c.series}: why line "${c.why}" does not say whether it was carried`);
    assert(c.change.length > 0, `${c.series}: no change line`);
  }
  assert(cards.some(c => c.spark), "no spark line");
  assert(await page.locator("#changes-teaser").count() === 1, "no 'what changed' line on the overview");
}

// timelineChecks: a claim dated to a period of months ("in January and
// February", "early this year") is a bar across that period, not a point at
// its start; the band is labelled; focus shows evidence.
async function timelineChecks(page) {
  const sent = await page.locator("#timeline-series option[value=troops_sent_total]").count() ? "troops_sent_total" : await page.locator("#timeline-series option").first().getAttribute("value");
  await page.selectOption("#timeline-series", sent);
  await page.waitForSelector(`#chart svg.timeline[data-series=${sent}] rect.span`, { timeout: 10000 });
  const year = await page.evaluate(() => {
    const svg = document.querySelector("#chart svg.timeline");
    const t0 = Number(svg.dataset.t0), t1 = Number(svg.dataset.t1), l = Number(svg.dataset.left), r = Number(svg.dataset.right);
    const X = t => l + (r - l) * (t - t0) / (t1 - t0);
    const days = b => (Date.parse(b.dataset.to) - Date.parse(b.dataset.from)) / 864e5;
    const bars = [...svg.querySelectorAll("rect.span")].filter(b => days(b) >= 28);
    return bars.map(b => ({ from: b.dataset.from, x: Number(b.getAttribute("x")), w: Number(b.getAttribute("width")),
      wantX: X(Date.parse(b.dataset.from + "T00:00:00Z")), wantW: X(Date.parse(b.dataset.to + "T23:59:59Z")) - X(Date.parse(b.dataset.from + "T00:00:00Z")) }));
  });
  assert(year.length > 0, "no claim dated to a period of a month or more on the troops-sent timeline");
  for (const b of year) {
    assert(Math.abs(b.x - b.wantX) < 2 && Math.abs(b.w - b.wantW) < 2 && b.w > 5, `period from ${b.from} drawn at x=${b.x} w=${b.w}, want x=${b.wantX} w=${b.wantW}`);
  }
  const label = await page.locator("#chart .band-label").first().textContent().catch(() => "");
  assert(/estimate/.test(label), `estimate band not labelled: "${label}"`);
  const legend = await page.locator("#timeline-legend").textContent();
  assert(!/--/.test(legend) && /period/.test(legend), `legend "${legend}"`);
  await page.locator("#chart rect.span").first().focus();
  await page.waitForFunction(() => /open the evidence/.test(document.querySelector("#timeline-evidence").textContent), null, { timeout: 5000 });
  // "Killed" shows figures of killed alone, never killed-and-wounded totals.
  const killed = await page.locator("#timeline-series option[value=killed_total]").count();
  if (killed) {
    await page.selectOption("#timeline-series", "killed_total");
    await page.waitForSelector("#chart svg.timeline[data-series=killed_total]", { timeout: 10000 });
    const events = await page.evaluate(async () => {
      const ids = new Set([...document.querySelectorAll("#chart rect.span")].map(r => Number(r.dataset.claim)));
      const all = [];
      for (const g of ["soldiers", "engineers"]) all.push(...(await (await fetch("/api/claims?kind=people&limit=1000&group=" + g)).json()).items);
      return all.filter(c => ids.has(c.id)).map(c => c.event);
    });
    assert(events.every(e => e === "killed"), `the killed timeline shows ${events.join(", ")}`);
  }
}

// conflictChecks: every conflict states its reason, both figures, their
// sources and links to their claims, visibly, with no hover.
async function conflictChecks(page) {
  await page.goto(base + "/#/facts");
  await page.waitForSelector("#conflicts .conflict-card", { timeout: 20000 });
  const cards = page.locator("#conflicts .conflict-card");
  const n = await cards.count();
  assert(n > 0, "no conflicts shown");
  for (let i = 0; i < n; i++) {
    const c = cards.nth(i);
    assert(await c.locator(".reason").isVisible(), `conflict ${i}: reason not visible`);
    const reason = (await c.locator(".reason").textContent()).trim();
    assert(reason.length > 5, `conflict ${i}: reason "${reason}"`);
    const sides = c.locator(".side");
    assert(await sides.count() === 2, `conflict ${i}: ${await sides.count()} sides`);
    for (let j = 0; j < 2; j++) {
      const text = await sides.nth(j).textContent();
      assert(/\d/.test(text) && /Original sources:/.test(text), `conflict ${i} side ${j}: "${text}"`);
      assert(await sides.nth(j).locator('a[href^="#/claim/"]').count() > 0, `conflict ${i} side ${j}: no link to its claims`);
      assert(await sides.nth(j).isVisible(), `conflict ${i} side ${j} hidden`);
    }
  }
}

async function fitsWidth(page, what) {
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  const vw = page.viewportSize().width;
  assert(w <= vw + 1, `${what} is ${w}px wide on a ${vw}px screen`);
}

await check("overview: one card per estimate series, not min–max", async () => {
  await overviewChecks(page);
  await shot(page, "overview");
});

await check("timeline: spans, labelled bands, evidence on focus", async () => {
  await timelineChecks(page);
});

await check("what changed: remembered visit and a listing", async () => {
  const stored = await page.evaluate(() => localStorage.getItem("flowwatch.lastVisit"));
  assert(stored && !isNaN(Date.parse(stored)), `last visit not in local storage: ${stored}`);
  await page.goto(base + "/#/changes?since=2000-01-01");
  await page.waitForSelector("#changes .change-item", { timeout: 20000 });
  const kinds = await page.locator("#changes .change-item").evaluateAll(els => [...new Set(els.map(e => e.dataset.kind))]);
  assert(kinds.includes("fact") && kinds.includes("estimate"), `change kinds ${kinds}`);
  await shot(page, "changes");
});

await check("claims: 'kursk' finds Kursk Oblast, 'nis' finds NIS, with suggestions", async () => {
  await page.goto(base + "/#/claims");
  await page.waitForSelector("#claims-total");
  await page.fill("#filters input[name=place]", "kursk");
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(() => location.hash.includes("place=kursk") && document.querySelector("#claims-table, .note"), null, { timeout: 10000 });
  await page.waitForSelector("#claims-table tbody tr", { timeout: 10000 });
  const places = await page.locator("#claims-table tbody tr td:nth-child(5)").allTextContents();
  assert(places.length > 0 && places.every(p => p.includes("Kursk Oblast")), `place=kursk rows: ${places.join(" | ")}`);
  const options = await page.locator("#suggest-places option").evaluateAll(os => os.map(o => o.value + " " + o.label));
  assert(options.some(o => o.startsWith("Kursk Oblast")), `no Kursk Oblast suggestion: ${options.slice(0, 5)}`);
  await page.goto(base + "/#/claims?source=nis");
  await page.waitForSelector("#claims-table tbody tr", { timeout: 10000 });
  const sources = await page.locator("#claims-table tbody tr td:nth-child(6)").allTextContents();
  assert(sources.length > 0 && sources.every(s => s === "NIS"), `source=nis rows: ${sources.join(" | ")}`);
});

await check("claims: a when column and sorting by date, value and source", async () => {
  await page.goto(base + "/#/claims?kind=people");
  await page.waitForSelector("#claims-table");
  const heads = await page.locator("#claims-table thead th").allTextContents();
  assert(heads.some(t => t.startsWith("When")), `no When column: ${heads}`);
  await page.click('#claims-table a.sort[data-sort=value]');
  await page.waitForFunction(() => location.hash.includes("sort=value"));
  await page.waitForSelector('#claims-table th[aria-sort=ascending]');
  const values = await page.evaluate(async () => {
    const ids = [...document.querySelectorAll("#claims-table tbody tr")].map(r => Number(r.dataset.claim));
    const all = (await (await fetch("/api/claims?kind=people&limit=1000")).json()).items;
    const by = new Map(all.map(c => [c.id, c.high ?? c.low]));
    return ids.map(id => by.get(id));
  });
  for (let i = 1; i < values.length; i++) assert(values[i - 1] === null || values[i] === null || values[i - 1] <= values[i], `not sorted by value: ${values.join(",")}`);
  await page.click('#claims-table a.sort[data-sort=value]');
  await page.waitForSelector('#claims-table th[aria-sort=descending]');
  await page.click('#claims-table a.sort[data-sort=source]');
  await page.waitForSelector('#claims-table th[aria-sort=ascending] a[data-sort=source]');
  await page.click('#claims-table a.sort[data-sort=published]');
  await page.waitForSelector('#claims-table th[aria-sort=ascending] a[data-sort=published]');
  const dates = await page.locator("#claims-table tbody tr td:nth-child(1)").allTextContents();
  assert(dates.join() === [...dates].sort().join(), `not sorted by date: ${dates}`);
});

await check("a filter narrows the claims", async () => {
  await page.goto(base + "/#/claims");
  await page.waitForSelector("#claims-total");
  const all = Number(await page.locator("#claims-total").getAttribute("data-total"));
  assert(all > 1, `only ${all} claims before filtering`);
  // The group of the first headline figure: present in the data by construction.
  group = await page.evaluate(async () => (await (await fetch("/api/summary")).json()).items[0].group);
  await page.selectOption("#filters select[name=group]", group);
  await page.click("#filters button[type=submit]");
  await page.waitForFunction(t => {
    const el = document.querySelector("#claims-total");
    return el && Number(el.dataset.total) !== t;
  }, all, { timeout: 10000 });
  filteredTotal = Number(await page.locator("#claims-total").getAttribute("data-total"));
  assert(filteredTotal > 0 && filteredTotal < all, `filter by group=${group}: ${filteredTotal} of ${all}`);
  const who = await page.locator("#claims-table tbody tr td:nth-child(3)").allTextContents();
  const label = group.replace(/_/g, " ");
  assert(who.every(w => w.startsWith(label)), `rows outside group ${group}: ${who.join(" | ")}`);
  assert(page.url().includes("group=" + group), `filter not in the URL: ${page.url()}`);
  await shot(page, "claims");
});

await check("an export downloads the filtered claims", async () => {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 10000 }),
    page.click("a.export[data-format=csv]"),
  ]);
  const file = await download.path();
  const text = readFileSync(file, "utf8");
  const lines = text.trim().split("\n");
  assert(lines[0].startsWith("id,article,kind,group,event,low,high"), `CSV header ${lines[0]}`);
  assert(download.suggestedFilename() === "flowwatch-claims.csv", `file name ${download.suggestedFilename()}`);
  // Quoted sentences never hold newlines after cleaning; count rows by id column.
  const rows = lines.slice(1).filter(l => /^\d+,/.test(l));
  assert(rows.length === filteredTotal, `${rows.length} rows, want ${filteredTotal}`);
});

await check("clicking a claim highlights its sentence in the article", async () => {
  const quote = await page.locator("#claims-table tbody tr").first().locator("td.quote").textContent();
  await page.locator("#claims-table tbody tr").first().click();
  await page.waitForSelector("#article-text mark.current", { timeout: 10000 });
  const marked = await page.locator("#article-text mark.current").textContent();
  const full = await page.locator("#claim-quote").textContent();
  assert(marked === full, `marked text "${marked}" is not the claim's sentence "${full}"`);
  assert(full.startsWith(quote.replace(/…$/, "")), `opened another claim: "${full}" vs "${quote}"`);
  const visible = await page.locator("#article-text mark.current").isVisible();
  assert(visible, "highlight not visible");
  const href = await page.locator("#original-link").getAttribute("href");
  assert(/^https?:\/\//.test(href), `original link ${href}`);
  await shot(page, "evidence");
});

if (pdfId) await check("a claim from a PDF shows its page and links to that page of the original", async () => {
  await page.goto(`${base}/#/article/${Number(pdfId)}`);
  await page.waitForSelector(".claim-item", { timeout: 10000 });
  await page.locator(".claim-item", { hasText: "4,000" }).first().click();
  await page.waitForSelector("#claim-page", { timeout: 10000 });
  const text = await page.locator("#claim-page").textContent();
  assert(text.includes("page 2"), `page shown as "${text}"`);
  const href = await page.locator("#page-link").getAttribute("href");
  assert(href === "https://reports.example.org/monitoring/report.pdf#page=2", `page link ${href}`);
  const breaks = await page.locator("#article-text .page-break").evaluateAll(els => els.map(e => e.dataset.page));
  assert(breaks.join(",") === "2,3", `page breaks in the text: ${breaks.join(",")}`);
  const quote = await page.locator("#article-text mark.current").textContent();
  assert(quote.includes("4,000 North Korean IT workers"), `marked "${quote}"`);
});

await check("places view lists places", async () => {
  await page.goto(base + "/#/places");
  await page.waitForSelector("#places .bar-row", { timeout: 10000 });
  await shot(page, "places");
});

await check("facts and conflicts: reason, both figures, sources and claim links, without hover", async () => {
  await conflictChecks(page);
  assert(await page.locator(".note.warn").count() === 0, "facts are not reconciled");
  await shot(page, "facts");
  await page.locator("#conflicts .side a[href^='#/claim/']").first().click();
  await page.waitForSelector("#article-text mark.current", { timeout: 10000 });
});

if (process.env.FLOWWATCH_FACTS) await check("facts page: the same facts, original sources and conflicts as `flowwatch facts`", async () => {
  // The API drops bidi controls from what it serves (the seeded bidi
  // article's source carries one); JSON Lines keeps the stored text.
  const cli = readFileSync(process.env.FLOWWATCH_FACTS, "utf8").replace(/[\u202a-\u202e\u2066-\u2069]/g, "")
    .trim().split("\n").filter(Boolean).map(l => JSON.parse(l));
  await page.goto(base + "/#/facts");
  await page.waitForSelector("#facts-table .fact-row", { timeout: 20000 });
  const shown = await page.evaluate(() => ({
    facts: [...document.querySelectorAll("#facts-table .fact-row")].map(tr => ({
      id: tr.id.replace(/^fact-/, ""),
      sources: tr.querySelector('td[data-label="Original sources"]').textContent,
      reasons: [...tr.querySelectorAll('td[data-label="Conflicts"] a.conflict')].map(a => a.textContent).sort(),
    })),
    conflicts: [...document.querySelectorAll("#conflicts .conflict-card")].map(c => ({
      id: c.id.replace(/^conflict-/, ""),
      reason: c.querySelector("h3 .conflict").textContent,
      sides: [...c.querySelectorAll(".side p.small")].map(p => p.textContent.replace(/ · .*$/, "")),
    })),
  }));
  const want = new Map(cli.map(f => [f.id, f]));
  assert(shown.facts.length === cli.length, `the page shows ${shown.facts.length} facts, flowwatch facts ${cli.length}`);
  const conflicts = new Map();
  for (const row of shown.facts) {
    const f = want.get(row.id);
    assert(f, `fact ${row.id} is on the page but not in flowwatch facts`);
    const src = `${f.independent} independent: ${(f.sources || []).join(", ") || "none named"}`;
    assert(row.sources === src, `fact ${row.id}: page says "${row.sources}", flowwatch facts "${src}"`);
    const details = f.conflict_details || [];
    const reasons = details.map(c => c.reason).sort();
    assert(row.reasons.join("|") === reasons.join("|"), `fact ${row.id}: conflicts ${row.reasons} on the page, ${reasons} in flowwatch facts`);
    for (const c of details) conflicts.set(c.id, c);
  }
  assert(shown.conflicts.length === conflicts.size, `the page shows ${shown.conflicts.length} conflicts, flowwatch facts ${conflicts.size}`);
  const named = s => "Original sources: " + ((s.sources || []).join(", ") || "none named");
  for (const card of shown.conflicts) {
    const c = conflicts.get(card.id);
    assert(c, `conflict ${card.id} is on the page but not in flowwatch facts`);
    assert(card.reason === c.reason, `conflict ${card.id}: reason "${card.reason}" on the page, "${c.reason}" in flowwatch facts`);
    assert(card.sides.join("|") === [named(c.a), named(c.b)].join("|"), `conflict ${card.id}: sides ${card.sides} on the page, ${named(c.a)} / ${named(c.b)} in flowwatch facts`);
  }
});

await check("search finds articles and marks the words", async () => {
  await page.fill("#search-q", "Kursk");
  await page.press("#search-q", "Enter");
  await page.waitForSelector("#search-results li, .note", { timeout: 10000 });
});

await check("hostile article text shows as text and runs nothing", async () => {
  await page.goto(`${base}/#/article/${evilId}`);
  await page.waitForSelector("#article-text", { timeout: 10000 });
  await page.waitForTimeout(300);
  const text = await page.locator("#article-text").textContent();
  assert(text.includes("<script>window.__pwned=1</script>"), "the <script> payload is not shown as text");
  assert(text.includes('onerror="window.__pwned=2"'), "the onerror= payload is not shown as text");
  assert(text.includes('href="javascript:window.__pwned=3"'), "the javascript: payload is not shown as text");
  const title = await page.locator("h1").textContent();
  assert(title === "<img src=x onerror=alert(1)>", `title ${title}`);
  const pwned = await page.evaluate(() => window.__pwned);
  assert(pwned === undefined, `a payload ran: window.__pwned = ${pwned}`);
  assert(await page.locator("main img, main script, main iframe").count() === 0, "markup from the article became elements");
  assert(await page.locator('a[href^="javascript:"]').count() === 0, "a javascript: link was made");
  await page.locator(".claim-item").first().click();
  await page.waitForSelector("#article-text mark.current");
  assert((await page.locator("#claim-details").textContent()).includes("<script>alert(1)</script>"), "hostile source not shown as text");
  await shot(page, "hostile-article");
  await page.goto(`${base}/#/claims?outlet=${encodeURIComponent("<b>Outlet</b>")}`);
  await page.waitForSelector("#claims-table");
  assert(await page.locator("main b").count() === 0, "outlet markup became an element");
  assert(await page.evaluate(() => window.__pwned) === undefined, "a payload ran in the claims table");
});

if (bidiId) await check("a bidi override in a title does not reorder it", async () => {
  await page.goto(`${base}/#/article/${bidiId}`);
  await page.waitForSelector("#article-text", { timeout: 10000 });
  const title = await page.locator("h1").textContent();
  assert(title === "dias SIN eht", `title ${JSON.stringify(title)}`);
  // Rendered left to right as stored: the first letter is drawn left of
  // the last one (an override would draw "the NIS said").
  const order = await page.evaluate(() => {
    const h = document.querySelector("h1");
    const walk = document.createTreeWalker(h, NodeFilter.SHOW_TEXT);
    const node = walk.nextNode();
    const at = i => { const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + 1); return r.getBoundingClientRect().left; };
    return [at(0), at(node.data.length - 1)];
  });
  assert(order[0] < order[1], `first letter at x=${order[0]}, last at x=${order[1]}: shown reversed`);
  const text = await page.locator("#article-text").textContent();
  assert(!/[\u202a-\u202e\u2066-\u2069]/.test(text), "article text still carries bidi controls");
});

await check("no page errors, console errors, dialogs or outside requests (desktop)", async () => {
  assert(problems.length === 0, problems.join("; "));
});
await desktop.close();

problems = [];
const phone = await open({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
await check("phone: overview cards, timeline and fit", async () => {
  await overviewChecks(phone.page);
  await timelineChecks(phone.page);
  await fitsWidth(phone.page, "overview");
  await shot(phone.page, "phone-overview");
});
await check("phone: conflicts readable without hover", async () => {
  await conflictChecks(phone.page);
  await fitsWidth(phone.page, "facts page");
  await shot(phone.page, "phone-facts");
});
await check("phone: 'kursk' finds Kursk Oblast, what changed fits", async () => {
  await phone.page.goto(base + "/#/claims?place=kursk");
  await phone.page.waitForSelector("#claims-table tbody tr", { timeout: 10000 });
  const places = await phone.page.locator("#claims-table tbody tr td:nth-child(5)").allTextContents();
  assert(places.length > 0 && places.every(p => p.includes("Kursk Oblast")), `place=kursk rows: ${places.join(" | ")}`);
  await fitsWidth(phone.page, "claims page");
  await phone.page.goto(base + "/#/changes?since=2000-01-01");
  await phone.page.waitForSelector("#changes .change-item", { timeout: 20000 });
  await fitsWidth(phone.page, "what changed page");
});
await check("phone: claims and evidence fit the screen", async () => {
  await phone.page.goto(base + "/#/claims?group=soldiers");
  await phone.page.waitForSelector("#claims-table tbody tr");
  assert(!(await phone.page.locator("#filters").isVisible()), "filters not folded away on a phone");
  await phone.page.click(".filter-box > summary");
  assert(await phone.page.locator("#filters select[name=group]").isVisible(), "filters do not unfold");
  await phone.page.click(".filter-box > summary");
  let w = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert(w <= 391, `claims page is ${w}px wide`);
  await shot(phone.page, "phone-claims");
  await phone.page.locator("#claims-table tbody tr").first().tap();
  await phone.page.waitForSelector("#article-text mark.current");
  w = await phone.page.evaluate(() => document.documentElement.scrollWidth);
  assert(w <= 391, `evidence page is ${w}px wide`);
  await shot(phone.page, "phone-evidence");
});
if (process.env.FLOWWATCH_BRIEF) {
  await check("phone: the brief fits, leads with the estimate series and shows its months", async () => {
    // A blank page first: the brief is a file of its own, not under the
    // dashboard's Content-Security-Policy.
    await phone.page.goto("about:blank");
    await phone.page.setContent(readFileSync(process.env.FLOWWATCH_BRIEF, "utf8"));
    await fitsWidth(phone.page, "the brief");
    const months = await phone.page.evaluate(() =>
      [...new Set([...document.querySelectorAll("td")].map(td => td.textContent.trim()).filter(t => /^\d{4}-\d{2}$/.test(t)))]);
    assert(months.length > 0, "the brief shows no months");
    const first = await phone.page.locator("h2").first().textContent();
    assert(/estimate series/.test(first), `the brief leads with "${first}", not the estimate series`);
    await shot(phone.page, "phone-brief");
  });
}
await check("no page errors, console errors, dialogs or outside requests (phone)", async () => {
  assert(problems.length === 0, problems.join("; "));
});
await phone.close();

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
