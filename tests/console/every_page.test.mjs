// Every page of the console, at desktop and phone width, with data on it:
// axe-core finds no WCAG 2.1 A/AA violation, nothing is wider than the
// screen, the layout barely shifts while data arrives (cumulative layout
// shift under 0.1, the web's "good"), and each page's screenshot is written
// (docs/console/ shows them). The bundle travels compressed.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, PHONE, accessibilityViolations, launch, screenshot, signIn, until } from "./browser.mjs";
import { startFakeTelegram, telegramEnv, telegramUpdate } from "./fake_telegram.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let telegram, server, browser, orderId;

before(async () => {
  telegram = await startFakeTelegram();
  server = await startServer(telegramEnv(telegram));
  await server.api("POST", "/api/v1/admin/users", {
    username: "sam", password: "sam-password-1", display_name: "Sam Sales", role: "sales",
  });
  // An order by chat, a shopper on Telegram who asks for a person, a lead.
  for (const text of ["hola", "busco tacones rojos talla 38", "agrega el segundo", "quiero pagar",
    "Carlos Pérez, +34 612 345 678, carlos@example.com, Calle Mayor 10, Madrid", "sí"])
    await server.api("POST", "/api/v1/chat", { user_id: "u1", text });
  const r = await fetch(server.base + "/webhooks/telegram", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "tg-secret" },
    body: JSON.stringify(telegramUpdate(9001, 555, "I want to talk to a human")),
  });
  assert.equal(r.status, 200);
  await until("the order in the orders view", async () => {
    const orders = (await server.api("GET", "/api/v1/analytics/orders")).orders;
    orderId = orders[0]?.order_id;
    return Boolean(orderId);
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await telegram?.close();
});

// The pages, each with what shows it has loaded its data.
const PAGES = [
  { name: "inbox", hash: "#/inbox", ready: '[data-conversation="telegram:555"]' },
  { name: "conversation", hash: "#/inbox/" + encodeURIComponent("telegram:555"), ready: "[data-message]" },
  { name: "leads", hash: "#/leads", ready: "[data-lead]" },
  { name: "lead", hash: "#/leads/acme-corp", ready: "section.page h1" },
  { name: "tasks", hash: "#/tasks", ready: "h1" },
  { name: "dashboard", hash: "#/dashboard", ready: '[data-section="billing"]:not([aria-busy="true"])' },
  { name: "orders", hash: "#/orders", ready: "[data-order], table" },
  { name: "order", hash: () => "#/orders/" + encodeURIComponent(orderId), ready: '[data-action="paid"]' },
  { name: "catalog", hash: "#/catalog", ready: "#catalog-q" },
  { name: "settings", hash: "#/settings", ready: '[data-settings="models"] table' },
  { name: "outbox", hash: "#/outbox", ready: "h1" },
  { name: "users", hash: "#/users", ready: "[data-user], table" },
];

async function lead() {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { username: "sam", password: "sam-password-1" });
  const status = await page.evaluate(async () => {
    const r = await fetch("/api/v1/crm/messages", {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-Parley-CSRF": "1" },
      body: JSON.stringify({ text: "New lead: Acme Corp, Juan Perez, +34 600 111 222" }),
    });
    return r.status;
  });
  assert.equal(status, 200);
  await context.close();
}

function report(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.join("\n    ")}`).join("\n");
}

test("the check itself sees a violation: an image without words, a field without a label", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(server.base + "/");
  await page.waitForSelector("#signin-token");
  await page.evaluate(() => {
    const img = document.createElement("img");
    img.src = "/favicon.ico";
    const input = document.createElement("input");
    document.body.append(img, input);
  });
  const ids = (await accessibilityViolations(page)).map((v) => v.id);
  assert.ok(ids.includes("image-alt"), ids.join(", "));
  assert.ok(ids.includes("label"), ids.join(", "));
  await context.close();
});

test("the page and its bundle travel compressed to a browser that accepts it", async () => {
  const page = await (await fetch(server.base + "/", { headers: { "Accept-Encoding": "gzip" } })).text();
  const assets = [...page.matchAll(/assets\/[\w.-]+\.(?:js|css)/g)].map((m) => m[0]);
  assert.ok(assets.length >= 2, page);
  for (const asset of assets) {
    const r = await fetch(server.base + "/" + asset, { headers: { "Accept-Encoding": "gzip" } });
    assert.equal(r.status, 200, asset);
    assert.equal(r.headers.get("content-encoding"), "gzip", asset);
  }
});

test("the inbox finds a shopper by the name or the phone they gave at checkout", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/inbox");
  for (const search of ["carlos perez", "612 345"]) {
    await page.fill("#inbox-q", search);
    await page.press("#inbox-q", "Enter");
    await page.waitForFunction(() => document.querySelectorAll('[data-table="conversations"] tbody tr').length === 1);
    const row = await page.textContent('[data-table="conversations"] tbody tr');
    assert.match(row, /api:u1/, search);
    assert.match(await page.textContent("[data-customer]"), /Carlos Pérez · \+34612345678/, search);
  }
  await context.close();
});

for (const viewport of [DESKTOP, PHONE]) {
  const width = viewport === DESKTOP ? "desktop" : "phone";

  test(`every page at ${width} width: no WCAG 2.1 A/AA violation, nothing wider than the screen, little layout shift`, async () => {
    if (viewport === DESKTOP) await lead();
    const context = await browser.newContext({ viewport });
    const signedOut = await context.newPage();
    await signedOut.goto(server.base + "/");
    await signedOut.waitForSelector("#signin-token");
    const problems = [];
    const check = async (page, name) => {
      const shift = await page.evaluate(
        () =>
          new Promise((resolve) => {
            let total = 0;
            new PerformanceObserver((list) => {
              for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value;
            }).observe({ type: "layout-shift", buffered: true });
            setTimeout(() => resolve(total), 100);
          }),
      );
      if (process.env.SHOW_SHIFT) console.log(name, shift);
      if (shift >= 0.1) problems.push(`${name}: the layout shifted by ${shift.toFixed(3)} while loading`);
      const violations = await accessibilityViolations(page);
      if (violations.length) problems.push(`${name}:\n  ${report(violations)}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 0) problems.push(`${name}: ${overflow}px wider than the screen`);
      await screenshot(page, name);
    };
    await check(signedOut, "signin");
    await signedOut.close();

    const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
    for (const p of PAGES) {
      // A fresh load of the page's address: its layout shift is its own.
      await page.goto(server.base + "/" + (typeof p.hash === "function" ? p.hash() : p.hash));
      await page.reload();
      await page.waitForSelector("section.page h1");
      await page.waitForSelector(p.ready, { timeout: 10000 });
      await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'), null, { timeout: 10000 });
      await check(page, p.name);
    }
    await context.close();
    assert.equal(problems.length, 0, "\n" + problems.join("\n"));
  });
}
