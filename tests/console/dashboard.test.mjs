// The dashboard's costliest conversations, carts and nudge outcomes against
// the API. Two shoppers talk to a fake OpenAI-compatible model (one three
// turns, one a single turn), then the offline brain takes over and one
// shopper fills a cart while another orders. Each section's figures and rows,
// and the CSV beside it, hold what the API says for the page's own range.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, launch, screenshot, signIn, until } from "./browser.mjs";
import { startFakeModel } from "./fake_model.mjs";
import { parseCsv, settles } from "./compare.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

const NARROW = { width: 375, height: 812 };
const CART_STATES = ["open", "abandoned", "ordered", "emptied"];
const NUDGE_STATES = ["scheduled", "sent", "skipped", "cancelled"];

let model, server, browser;

async function chat(user, texts) {
  for (const text of texts) await server.api("POST", "/api/v1/chat", { user_id: user, text });
}

// YYYY-MM-DD, `days` from today in UTC: the test server's PARLEY_TIMEZONE,
// which the console's dates follow.
function dayFromToday(days) {
  const d = new Date(Date.now() + days * 86400000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

// The CSV a section offers beside its table, fetched with the page's cookie.
async function csvOf(page, section) {
  const href = await page.$eval(`[data-section="${section}"] a[href*="format=csv"]`, (a) => a.href);
  const res = await page.request.get(href);
  assert.equal(res.status(), 200, `${section} CSV`);
  assert.match(res.headers()["content-type"], /text\/csv/);
  return { href, rows: parseCsv(await res.text()).rows };
}

async function range(page) {
  return { from: await page.inputValue("#dash-from"), to: await page.inputValue("#dash-to") };
}

// The dashboard with the range reaching a week ahead: a nudge may be due tomorrow.
async function openDashboard(context) {
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/dashboard");
  await page.waitForSelector('[data-section="carts"]');
  await page.fill("#dash-to", dayFromToday(7));
  await page.waitForSelector(`[data-section="carts"] a[href*="to=${dayFromToday(7)}"]`);
  return page;
}

before(async () => {
  model = await startFakeModel();
  server = await startServer({
    PARLEY_LLM: "openai",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: model.base + "/v1",
  });
  await server.api("POST", "/api/v1/admin/users", {
    username: "ana", password: "ana-password-1", display_name: "Ana Lytic", role: "analyst",
  });
  await chat("dash-big", ["hello, what do you sell?", "and what else?", "thanks, bye"]);
  await chat("dash-small", ["hello"]);
  await until("both conversations in the billing view", async () =>
    (await server.api("GET", "/api/v1/analytics/billing/conversations")).conversations.length >= 2);
  // From here the offline brain answers: it fills carts and takes orders by itself.
  await server.api("PUT", "/api/v1/admin/config", {
    agents: { responder: { provider: "offline" }, extractor: { provider: "offline" } },
  });
  await chat("dash-zero", ["busco zorbnik"]); // a search that finds nothing
  await chat("dash-cart", ["hola", "busco tacones rojos talla 38", "agrega el segundo"]);
  await chat("dash-order", [
    "hola",
    "busco tacones rojos talla 38",
    "agrega el segundo",
    "quiero pagar",
    "Carlos Pérez, +34 612 345 678, carlos@example.com, Calle Mayor 10, Madrid",
    "sí",
  ]);
  await until("an open and an ordered cart in the carts view", async () => {
    const carts = (await server.api("GET", "/api/v1/analytics/carts")).carts;
    const status = (id) => carts.find((c) => c.conversation_id === id)?.status;
    return status("api:dash-cart") === "open" && status("api:dash-order") === "ordered";
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await model?.close();
});

test("the costliest conversations and their CSV are the API's, most expensive first", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await openDashboard(context);
  const { from, to } = await range(page);
  const api = await server.api("GET", `/api/v1/analytics/billing/conversations?from=${from}&to=${to}&limit=10`);
  assert.equal(api.conversations[0].conversation_id, "api:dash-big", JSON.stringify(api));
  assert.ok(api.conversations[0].cost_usd > 0);

  const rows = () =>
    page.$$eval('[data-table="costliest"] tbody tr[data-conversation]', (trs) =>
      trs.map((tr) => ({
        id: tr.getAttribute("data-conversation"),
        cost: Number(tr.querySelector("[data-cost]").getAttribute("data-cost")),
      })));
  await settles("the costliest table", rows, api.conversations.map((c) => ({ id: c.conversation_id, cost: c.cost_usd })));
  // An admin may open the inbox: the id links to the conversation.
  const link = await page.$eval('[data-table="costliest"] tbody tr:first-child a', (a) => a.getAttribute("href"));
  assert.equal(link, "#/inbox/" + encodeURIComponent("api:dash-big"));

  const csv = await csvOf(page, "costliest");
  assert.match(csv.href, /limit=10/);
  assert.deepEqual(csv.rows.map((r) => r.conversation_id), api.conversations.map((c) => c.conversation_id));
  csv.rows.forEach((r, i) =>
    assert.ok(Math.abs(Number(r.cost_usd) - api.conversations[i].cost_usd) < 1e-12, `${r.cost_usd} vs ${api.conversations[i].cost_usd}`));
  await context.close();
});

test("the carts' figures, table, state filter and CSV are the API's", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await openDashboard(context);
  const { from, to } = await range(page);
  const path = `/api/v1/analytics/carts?from=${from}&to=${to}`;
  const all = await server.api("GET", path);
  const expected = { carts: all.carts.length, abandoned_value: all.abandoned_value_cents };
  for (const state of CART_STATES) expected[state] = (await server.api("GET", `${path}&state=${state}`)).carts.length;
  assert.ok(expected.open >= 1 && expected.ordered >= 1, JSON.stringify(expected));

  const figures = () =>
    page.$$eval('[data-section="carts"] [data-figure]', (els) =>
      Object.fromEntries(els.map((e) => [e.getAttribute("data-figure"), Number(e.getAttribute("data-value"))])));
  await settles("the carts' figures", figures, expected);

  const tableIds = () =>
    page.$$eval('[data-table="carts"] tbody tr[data-conversation]', (trs) =>
      trs.map((tr) => `${tr.getAttribute("data-conversation")} ${tr.getAttribute("data-status")}`).sort());
  const idsOf = (carts) => carts.map((c) => `${c.conversation_id} ${c.status}`).sort();
  await settles("the carts table", tableIds, idsOf(all.carts));

  const csv = await csvOf(page, "carts");
  assert.deepEqual(csv.rows.map((r) => `${r.conversation_id} ${r.status}`).sort(), idsOf(all.carts));
  await screenshot(page, "dashboard-carts");

  // One state: the table and the CSV narrow as the API does.
  await page.selectOption("#carts-state", "ordered");
  const ordered = await server.api("GET", `${path}&state=ordered`);
  await settles("the ordered carts", tableIds, idsOf(ordered.carts));
  const orderedCsv = await csvOf(page, "carts");
  assert.match(orderedCsv.href, /state=ordered/);
  assert.deepEqual(orderedCsv.rows.map((r) => `${r.conversation_id} ${r.status}`).sort(), idsOf(ordered.carts));
  await context.close();
});

test("the nudge outcomes and the searches with no results are the API's", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await openDashboard(context);
  const { from, to } = await range(page);
  const nudges = (await server.api("GET", `/api/v1/nudges?kind=all&from=${from}&to=${to}`)).nudges;

  assert.ok(nudges.length > 0, "the open cart's nudge is scheduled: the section has rows to compare");
  {
    const states = [...new Set([...NUDGE_STATES, ...nudges.map((n) => n.state)])];
    const expected = {};
    for (const n of nudges) {
      expected[n.kind] ??= Object.fromEntries([...states.map((s) => [s, 0]), ["all", 0]]);
      expected[n.kind][n.state] += 1;
      expected[n.kind].all += 1;
    }
    const counts = () =>
      page.$$eval('[data-table="nudge-states"] tbody tr[data-kind]', (trs) =>
        Object.fromEntries(trs.map((tr) => [
          tr.getAttribute("data-kind"),
          Object.fromEntries([...tr.querySelectorAll("[data-state]")].map((td) =>
            [td.getAttribute("data-state"), Number(td.getAttribute("data-value"))])),
        ])));
    await settles("the nudges by kind and state", counts, expected);

    const reasons = {};
    for (const n of nudges)
      if (n.state === "skipped" || n.state === "cancelled") {
        const key = `${n.kind} ${n.state} ${n.reason ?? ""}`;
        reasons[key] = (reasons[key] ?? 0) + 1;
      }
    const shownReasons = () =>
      page.$$eval('[data-table="nudge-reasons"] tbody tr[data-reason]', (trs) =>
        Object.fromEntries(trs.map((tr) => [
          `${tr.getAttribute("data-kind")} ${tr.getAttribute("data-state")} ${tr.getAttribute("data-reason")}`,
          Number(tr.querySelector("[data-value]").getAttribute("data-value")),
        ])));
    await settles("why nudges were skipped or cancelled", shownReasons, reasons);
  }
  const csv = await csvOf(page, "nudges");
  assert.match(csv.href, /kind=all/);
  assert.deepEqual(csv.rows.map((r) => r.key).sort(), nudges.map((n) => n.key).sort());

  // The funnel's searches with no results, beside it their own CSV.
  const funnel = await server.api("GET", `/api/v1/analytics/funnel?from=${from}&to=${to}`);
  const zero = funnel.zero_result_searches.map((z) => z.query).sort();
  await settles("the searches with no results",
    () => page.$$eval('[data-table="zero-results"] tbody tr', (trs) => trs.map((tr) => tr.cells[0].textContent).sort()),
    zero);
  const zeroHref = await page.$eval('[aria-labelledby="zero-title"] a[href*="format=csv"]', (a) => a.href);
  assert.match(zeroHref, /table=zero_results/);
  const zeroCsv = parseCsv(await (await page.request.get(zeroHref)).text()).rows;
  assert.deepEqual(zeroCsv.map((r) => r.query).sort(), zero);
  await context.close();
});

test("an analyst sees every section without an error, and ids without inbox links", async () => {
  for (const viewport of [DESKTOP, NARROW]) {
    const context = await browser.newContext({ viewport });
    const errors = [];
    context.on("weberror", (e) => errors.push(String(e.error())));
    const page = await signIn(context, server.base, { username: "ana", password: "ana-password-1" });
    await page.goto(server.base + "/#/dashboard");
    await page.waitForSelector('[data-table="costliest"] tbody tr[data-conversation]');
    for (const section of ["costliest", "carts", "nudges"])
      await page.waitForSelector(`[data-section="${section}"][aria-busy="false"]`);
    const alerts = await page.$$eval(".error-banner", (els) => els.map((e) => e.textContent));
    assert.deepEqual(alerts, [], "no section answered with an error (a 403 would say so here)");
    assert.equal(await page.$('[data-table="costliest"] a'), null, "an analyst may not open the inbox");
    assert.equal(await page.$('[data-table="carts"] a'), null);
    // Nothing wider than the screen but the tables' own scrolling regions.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    await screenshot(page, "dashboard-analyst");
    assert.deepEqual(errors, []);
    await context.close();
  }
});
