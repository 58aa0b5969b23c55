// An order in the console: a shopper orders by chat (the README's demo
// conversation), an admin marks it paid on the order's page, and its invoice
// link opens a PDF.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, launch, screenshot, signIn, until } from "./browser.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let server, browser;

before(async () => {
  server = await startServer();
  for (const text of [
    "hola",
    "busco tacones rojos talla 38",
    "agrega el segundo",
    "quiero pagar",
    "Carlos Pérez, +34 612 345 678, carlos@example.com, Calle Mayor 10, Madrid",
    "sí",
  ])
    await server.api("POST", "/api/v1/chat", { user_id: "u1", text });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("an order marked paid in the console gets an invoice whose link opens a PDF", async () => {
  let orders = [];
  await until("the order in the orders view", async () => {
    orders = (await server.api("GET", "/api/v1/analytics/orders")).orders;
    return orders.length > 0;
  });
  const id = orders[0].order_id;
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(`${server.base}/#/orders/${encodeURIComponent(id)}`);
  await page.waitForSelector('[data-action="paid"]:not([disabled])');
  await page.click('[data-action="paid"]');
  // The order worker issues the invoice once the payment is recorded.
  await until("the invoice link", async () => {
    if (await page.$("[data-invoice]")) return true;
    await page.reload();
    await page.waitForSelector('[data-action="paid"]', { state: "attached" });
    return false;
  }, 20000);
  await screenshot(page, "order");
  const href = await page.$eval("[data-invoice]", (a) => a.href);
  const pdf = await page.request.get(href);  // with the session cookie, as a click would
  assert.equal(pdf.status(), 200);
  assert.match(pdf.headers()["content-type"], /application\/pdf/);
  assert.equal((await pdf.body()).subarray(0, 5).toString(), "%PDF-");
  const order = await server.api("GET", `/api/v1/orders/${encodeURIComponent(id)}`);
  assert.equal(order.status, "paid");
  await context.close();
});
