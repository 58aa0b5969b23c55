// The dashboard's billing against the API: a fake OpenAI-compatible model
// answers every turn with known token counts; the table's days, the totals
// and the CSV download the console offers hold exactly what
// GET /api/v1/analytics/billing says for the page's own range. So do the use
// by provider, model and agent (and its CSV, made in the browser) and the
// funnel by day and channel (GET /api/v1/analytics/funnel).
import assert from "node:assert/strict";
import fs from "node:fs";
import { after, before, test } from "node:test";
import { DESKTOP, launch, screenshot, signIn, until } from "./browser.mjs";
import { startFakeModel } from "./fake_model.mjs";
import { parseCsv, settles } from "./compare.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

const NARROW = { width: 375, height: 812 };
const SUMMED = ["calls", "failed", "input_tokens", "output_tokens", "cost_micros"];
const FUNNEL_COUNTS = ["conversations", "searches", "zero_result_searches", "carts", "checkouts", "orders"];

let model, server, browser;

before(async () => {
  model = await startFakeModel();
  server = await startServer({
    PARLEY_LLM: "openai",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: model.base + "/v1",
  });
  for (let i = 0; i < 6; ++i)
    await server.api("POST", "/api/v1/chat", { user_id: `shopper${i}`, text: "hello, what do you sell?" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await model?.close();
});

test("the billing table, its totals and its CSV are exactly the API's", async () => {
  await until("the model's calls in the billing view", async () =>
    (await server.api("GET", "/api/v1/analytics/billing")).totals.calls >= 6);
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/dashboard");
  await page.waitForSelector('[data-table="billing-days"] [data-day]');
  const from = await page.inputValue("#dash-from");
  const to = await page.inputValue("#dash-to");
  const api = await server.api("GET", `/api/v1/analytics/billing?from=${from}&to=${to}`);
  assert.ok(api.totals.calls >= 6 && api.totals.cost_usd > 0, JSON.stringify(api.totals));

  for (const key of ["calls", "input_tokens", "output_tokens", "cost_usd"]) {
    const shown = await page.$eval(`[data-total="${key}"]`, (e) => Number(e.getAttribute("data-value")));
    assert.equal(shown, api.totals[key], key);
  }
  const days = await page.$$eval('[data-table="billing-days"] [data-day]', (rows) =>
    rows.map((r) => r.getAttribute("data-day")));
  assert.deepEqual(days.sort(), api.by_day.map((d) => d.day).sort());
  await screenshot(page, "dashboard");

  // The CSV beside the table, downloaded as the browser would (the cookie authenticates it).
  const csvHref = await page.$eval('[aria-labelledby="billing-title"] a[href*="format=csv"]', (a) => a.href);
  const csv = await page.request.get(csvHref);
  assert.equal(csv.status(), 200);
  const [head, ...rows] = (await csv.text()).trim().split(/\r?\n/);
  const columns = head.split(",");
  const at = (name) => columns.indexOf(name);
  assert.ok(at("day") >= 0 && at("calls") >= 0 && at("cost_usd") >= 0, head);
  assert.equal(rows.length, api.by_day.length);
  const sum = (name) => rows.reduce((s, r) => s + Number(r.split(",")[at(name)]), 0);
  assert.equal(sum("calls"), api.totals.calls);
  assert.ok(Math.abs(sum("cost_usd") - api.totals.cost_usd) < 1e-9, `${sum("cost_usd")} vs ${api.totals.cost_usd}`);
  await context.close();
});

// The API's usage rows summed per group of `keys`, sorted by the group's names.
function usageBy(usage, keys) {
  const groups = new Map();
  for (const r of usage) {
    const key = JSON.stringify(keys.map((k) => r[k]));
    const g = groups.get(key) ?? { key, ...Object.fromEntries(SUMMED.map((f) => [f, 0])) };
    for (const f of SUMMED) g[f] += r[f];
    groups.set(key, g);
  }
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

// The breakdown table's rows as shown: the group's names and its sums
// (the cost in micro-dollars, data-micros), in the table's order.
function shownGroups(page, keys) {
  return page.$$eval('[data-table="billing-breakdown"] tbody tr[data-group]', (trs, keys) =>
    trs.map((tr) => {
      const g = { key: JSON.stringify(keys.map((k) => tr.getAttribute(`data-${k}`))) };
      for (const td of tr.querySelectorAll("[data-field]")) {
        const field = td.getAttribute("data-field");
        if (field === "cost_usd") g.cost_micros = Number(td.getAttribute("data-micros"));
        else g[field] = Number(td.getAttribute("data-value"));
      }
      return g;
    }), keys);
}

async function openDashboard(viewport) {
  const context = await browser.newContext({ viewport });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/dashboard");
  await page.waitForSelector('[data-table="billing-breakdown"] tbody tr[data-group]');
  const range = { from: await page.inputValue("#dash-from"), to: await page.inputValue("#dash-to") };
  return { context, page, range };
}

test("the use by provider, model and agent, and its CSV, are the API's rows summed", async () => {
  await until("the model's calls in the billing view", async () =>
    (await server.api("GET", "/api/v1/analytics/billing")).totals.calls >= 6);
  const { context, page, range } = await openDashboard(DESKTOP);
  const api = await server.api("GET", `/api/v1/analytics/billing?from=${range.from}&to=${range.to}`);
  assert.ok(api.usage.length >= 1, JSON.stringify(api));

  // The day's cost chart and the tokens chart (input and output), both drawn.
  await page.waitForSelector('[aria-labelledby="tokens-title"] .chart canvas');
  assert.equal(await page.$$eval('[aria-labelledby="billing-title"] .chart[role="img"]', (els) => els.length), 2);

  // By provider: one row per provider, the API's usage rows summed, the most expensive first.
  await page.selectOption("#breakdown-by", "provider");
  const byProvider = usageBy(api.usage, ["provider"]);
  await settles("the breakdown by provider",
    async () => (await shownGroups(page, ["provider"])).sort((a, b) => a.key.localeCompare(b.key)),
    byProvider);
  const order = (await shownGroups(page, ["provider"])).map((g) => g.cost_micros);
  assert.deepEqual(order, [...order].sort((a, b) => b - a), "sorted by cost");

  // Its total row: the API's totals (the cost summed in micro-dollars).
  const sums = await page.$$eval('[data-table="billing-breakdown"] tfoot [data-sum]', (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute("data-sum"), Number(td.getAttribute("data-value"))])));
  for (const key of ["calls", "failed", "input_tokens", "output_tokens"]) assert.equal(sums[key], api.totals[key], key);
  const micros = api.usage.reduce((n, r) => n + r.cost_micros, 0);
  assert.equal(await page.$eval('[data-table="billing-breakdown"] tfoot [data-sum="cost_usd"]', (td) =>
    Number(td.getAttribute("data-micros"))), micros);
  assert.ok(Math.abs(sums.cost_usd - api.totals.cost_usd) < 1e-9, `${sums.cost_usd} vs ${api.totals.cost_usd}`);

  // The CSV beside it, made in the browser from the same rows.
  const link = '[aria-labelledby="breakdown-title"] a[data-csv]';
  assert.match(await page.$eval(link, (a) => a.href), /^blob:/);
  // Downloaded as a person would (the page's CSP lets no script fetch a blob:).
  const [download] = await Promise.all([page.waitForEvent("download"), page.click(link)]);
  const csv = parseCsv(fs.readFileSync(await download.path(), "utf8"));
  assert.deepEqual(csv.head, ["provider", "calls", "failed", "input_tokens", "output_tokens", "cost_usd"]);
  assert.deepEqual(
    csv.rows.map((r) => ({
      key: JSON.stringify([r.provider]),
      ...Object.fromEntries(SUMMED.map((f) => [f, f === "cost_micros" ? Math.round(Number(r.cost_usd) * 1e6) : Number(r[f])])),
    })).sort((a, b) => a.key.localeCompare(b.key)),
    byProvider);

  // By provider, model and agent together: one row per combination.
  await page.selectOption("#breakdown-by", "all");
  await settles("the breakdown by provider, model and agent",
    async () => (await shownGroups(page, ["provider", "model", "agent"])).sort((a, b) => a.key.localeCompare(b.key)),
    usageBy(api.usage, ["provider", "model", "agent"]));
  await screenshot(page, "dashboard-breakdowns");
  await context.close();
});

test("the funnel by day and channel, and its CSV, are the API's days", async () => {
  await until("the conversations in the funnel view", async () =>
    (await server.api("GET", "/api/v1/analytics/funnel")).days.length >= 1);
  const { context, page, range } = await openDashboard(DESKTOP);
  const api = await server.api("GET", `/api/v1/analytics/funnel?from=${range.from}&to=${range.to}`);
  assert.ok(api.days.length >= 1, JSON.stringify(api));

  await page.waitForSelector('[aria-labelledby="funnel-days-title"] .chart canvas');
  while (await page.$('[data-action="more-funnel-days"]')) await page.click('[data-action="more-funnel-days"]');
  const key = (d) => `${d.day} ${d.channel}`;
  const expected = api.days
    .map((d) => ({ day: d.day, channel: d.channel, ...Object.fromEntries(FUNNEL_COUNTS.map((s) => [s, d[s]])) }))
    .sort((a, b) => key(a).localeCompare(key(b)));
  await settles("the funnel's rows by day and channel",
    async () => (await page.$$eval('[data-table="funnel-days"] tbody tr[data-day]', (trs) =>
      trs.map((tr) => ({
        day: tr.getAttribute("data-day"),
        channel: tr.getAttribute("data-channel"),
        ...Object.fromEntries([...tr.querySelectorAll("[data-stage]")].map((td) =>
          [td.getAttribute("data-stage"), Number(td.getAttribute("data-value"))])),
      })))).sort((a, b) => key(a).localeCompare(key(b))),
    expected);
  const sums = await page.$$eval('[data-table="funnel-days"] tfoot [data-sum]', (tds) =>
    Object.fromEntries(tds.map((td) => [td.getAttribute("data-sum"), Number(td.getAttribute("data-value"))])));
  for (const stage of FUNNEL_COUNTS) assert.equal(sums[stage], api.totals[stage], stage);

  // The server's CSV beside the table: the same rows.
  const href = await page.$eval('[aria-labelledby="funnel-days-title"] a[href*="format=csv"]', (a) => a.href);
  assert.doesNotMatch(href, /table=/);
  const res = await page.request.get(href);
  assert.equal(res.status(), 200);
  const csv = parseCsv(await res.text());
  assert.deepEqual(
    csv.rows.map((r) => ({ day: r.day, channel: r.channel, ...Object.fromEntries(FUNNEL_COUNTS.map((s) => [s, Number(r[s])])) }))
      .sort((a, b) => key(a).localeCompare(key(b))),
    expected);
  await context.close();
});

test("the breakdowns fit a 375 px screen", async () => {
  const { context, page } = await openDashboard(NARROW);
  await page.waitForSelector('[data-table="funnel-days"] tbody tr[data-day]');
  await page.waitForSelector('[aria-labelledby="funnel-days-title"] .chart canvas');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
  await screenshot(page, "dashboard-breakdowns");
  await context.close();
});
