// The leads board and the catalog, in the browser: a lead created by chat
// is on the board; reassigned in the console, its new owner is told on
// Telegram. A CSV import with one bad row names the row's line, and the good
// rows are found by the catalog's search.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, test } from "node:test";
import { DESKTOP, launch, screenshot, signIn, until } from "./browser.mjs";
import { startFakeTelegram, telegramEnv } from "./fake_telegram.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let telegram, server, browser;

before(async () => {
  telegram = await startFakeTelegram();
  server = await startServer(telegramEnv(telegram));
  await server.api("POST", "/api/v1/admin/users", {
    username: "sam", password: "sam-password-1", display_name: "Sam Sales", role: "sales",
  });
  await server.api("POST", "/api/v1/admin/users", {
    username: "ravi", password: "ravi-password-1", display_name: "Ravi Kumar", role: "sales",
    telegram_ids: ["777"],
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await telegram?.close();
});

test("a lead created by chat is on the board, and reassigned in the console its new owner is told", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { username: "sam", password: "sam-password-1" });
  // The desk by chat, as the member would on Telegram (here over the API with the cookie).
  const created = await page.evaluate(async () => {
    const r = await fetch("/api/v1/crm/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Parley-CSRF": "1" },
      body: JSON.stringify({ text: "New lead: Acme Corp, Juan Perez, +34 600 111 222" }),
    });
    return r.status;
  });
  assert.equal(created, 200);
  await page.goto(server.base + "/#/leads");
  const card = await page.waitForSelector('[data-lead="acme-corp"]');
  assert.match(await card.innerText(), /Acme Corp/);
  await screenshot(page, "leads");

  await card.click();
  await page.waitForSelector('[data-form="assign"] select option[value="ravi"]', { state: "attached" });
  await page.selectOption("#lead-assignee", "ravi");
  await page.click('[data-action="reassign"]');
  await until("Ravi told on Telegram", () => telegram.sent(777, "Acme Corp").length > 0);
  const lead = await server.api("GET", "/api/v1/leads/acme-corp");
  assert.equal(lead.assignee, "ravi");

  await page.fill("#lead-activity", "called, they want a demo");
  await page.click('[data-action="log-activity"]');
  await page.waitForFunction(() => document.body.innerText.includes("called, they want a demo"));
  await screenshot(page, "lead");
  await context.close();
});

test("a CSV import with one bad row names its line, and the good rows are found", async () => {
  const csv = [
    "sku,name,category,price,currency,stock,color,size,tags,description,image_url",
    "TST-001,Zorbex Garden Trowel,Garden > Tools,12.50,EUR,30,green,,trowel|garden,A sturdy trowel.,",
    "TST-002,Zorbex Pruning Shears,Garden > Tools,not-a-price,EUR,10,red,,shears,Bad price.,",
    "TST-003,Zorbex Watering Can 5 L,Garden > Watering,18.00,EUR,12,blue,5 L,watering can,A can.,",
  ].join("\n") + "\n";
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "parley-csv-")), "garden.csv");
  fs.writeFileSync(file, csv);

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/catalog");
  await page.setInputFiles("#import-file", file);
  // Every value the progress bar shows, in order, as the page renders them.
  await page.evaluate(() => {
    window.progressSeen = [];
    new MutationObserver(() => {
      const bar = document.querySelector("[data-import-progress]");
      const v = bar?.getAttribute("data-import-progress");
      if (v && window.progressSeen[window.progressSeen.length - 1] !== v) window.progressSeen.push(v);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.click("form:has(#import-file) button[type=submit]");
  const report = await page.waitForSelector("[data-import-report]");
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.length >= 1, "a progress bar was shown");
  assert.equal(seen[seen.length - 1], "2/2", `the bar ends at every good row: ${seen}`);
  const done = seen.map((v) => Number(v.split("/")[0]));
  assert.deepEqual(done, [...done].sort((a, b) => a - b), `the bar never goes back: ${seen}`);
  assert.equal(await page.getAttribute("[data-import-progress] progress", "value"), "2");
  const text = await report.innerText();
  assert.match(text, /TST-002/);
  const lines = await page.$$eval('[data-table="import-errors"] tbody tr td:first-child', (tds) =>
    tds.map((td) => td.textContent.trim()),
  );
  assert.deepEqual(lines, ["3"], "the bad row is line 3 of the file");
  await screenshot(page, "catalog-import");

  await page.fill("#catalog-q", "zorbex watering can");
  await page.press("#catalog-q", "Enter");
  await page.waitForSelector('[data-table="products"]');
  await page.waitForFunction(() =>
    document.querySelector('[data-table="products"]').innerText.includes("TST-003"));
  const found = await page.$eval('[data-table="products"]', (t) => t.innerText);
  assert.equal(found.includes("TST-002"), false, "the bad row was not imported");
  await context.close();
});
