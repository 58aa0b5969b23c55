// The outbox's dead letters in the console: Telegram refuses a reply for
// good, the admin sees it given up on the Outbox page, and once Telegram
// takes messages again "Send again" delivers it.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, launch, screenshot, signIn, until } from "./browser.mjs";
import { startFakeTelegram, telegramEnv, telegramUpdate } from "./fake_telegram.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let telegram, server, browser;

before(async () => {
  telegram = await startFakeTelegram();
  server = await startServer(telegramEnv(telegram));
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await telegram?.close();
});

test("a dead letter is listed and sent again from the console", async () => {
  telegram.state.refuse = true;
  const r = await fetch(server.base + "/webhooks/telegram", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "tg-secret" },
    body: JSON.stringify(telegramUpdate(9001, 888, "hello")),
  });
  assert.equal(r.status, 200);
  await until("a dead letter", async () => (await server.api("GET", "/api/v1/outbox?state=dead")).dead > 0);

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/outbox");
  const row = await page.waitForSelector("[data-outbox-message]");
  assert.match(await row.innerText(), /chat not found/);
  await screenshot(page, "outbox");

  telegram.state.refuse = false;
  const before = telegram.calls.filter((c) => c.path.endsWith("/sendMessage")).length;
  await page.click('[data-action="retry"]');
  await until("the message delivered", () =>
    telegram.calls.filter((c) => c.path.endsWith("/sendMessage")).length > before &&
      telegram.sent(888, "").length > 0);
  await until("no dead letter left", async () => (await server.api("GET", "/api/v1/outbox?state=dead")).dead === 0);
  await context.close();
});
