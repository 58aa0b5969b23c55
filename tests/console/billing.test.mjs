// The dashboard's billing against the API: a fake OpenAI-compatible model
// answers every turn with known token counts; the table's days, the totals
// and the CSV download the console offers hold exactly what
// GET /api/v1/analytics/billing says for the page's own range.
import assert from "node:assert/strict";
import http from "node:http";
import { after, before, test } from "node:test";
import { DESKTOP, launch, screenshot, signIn, until } from "./browser.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let model, server, browser;

// Every chat completion: a short answer, 120 tokens in and 30 out.
async function startFakeModel() {
  const s = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({
        id: "chatcmpl-test",
        object: "chat.completion",
        model: "gpt-4o-mini-2024-07-18",
        choices: [{ index: 0, message: { role: "assistant", content: "Happy to help." }, finish_reason: "stop" }],
        usage: { prompt_tokens: 120, completion_tokens: 30 },
      }));
    });
  });
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${s.address().port}`, close: () => new Promise((r) => s.close(r)) };
}

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
