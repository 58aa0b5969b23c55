// The inbox, live: a shopper asks for a person on the fake Telegram; the
// conversation appears in the signed-in member's inbox without a reload
// (the event stream); the member opens it, replies, and the reply reaches the
// fake Telegram exactly once, and its tick shows it sent without a reload;
// times read in the shop's zone (PARLEY_TIMEZONE); then hands it back.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, PHONE, launch, screenshot, signIn, until } from "./browser.mjs";
import { startFakeTelegram, telegramEnv, telegramUpdate } from "./fake_telegram.mjs";
import { startServer } from "./server.mjs";

let telegram, server, browser;

before(async () => {
  telegram = await startFakeTelegram();
  server = await startServer({ ...telegramEnv(telegram), PARLEY_TIMEZONE: "Asia/Kolkata" });
  await server.api("POST", "/api/v1/admin/users", {
    username: "sam", password: "sam-password-1", display_name: "Sam Sales", role: "sales",
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await telegram?.close();
});

async function shopperWrites(updateId, chat, text) {
  const r = await fetch(server.base + "/webhooks/telegram", {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Telegram-Bot-Api-Secret-Token": "tg-secret" },
    body: JSON.stringify(telegramUpdate(updateId, chat, text)),
  });
  assert.equal(r.status, 200);
}

test("a handoff appears live, the member's reply reaches Telegram once, and the bot takes over again", async () => {
  const sam = { username: "sam", password: "sam-password-1" };
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, sam);
  await page.goto(server.base + "/#/inbox");
  await page.waitForSelector("h1");

  const asked = Date.now();
  await shopperWrites(7001, 555, "I want to talk to a human");
  const row = await page.waitForSelector('[data-conversation="telegram:555"]', { timeout: 10000 });
  const seenAfter = Date.now() - asked;
  assert.ok(seenAfter < 4000, `the row appeared ${seenAfter} ms after the message (live, not a 5 s poll)`);
  await screenshot(page, "inbox");

  await row.click();
  await page.waitForSelector('[data-message][data-from="shopper"]');
  const takeOver = await page.$('[data-action="take-over"]');
  if (takeOver) await takeOver.click();
  await page.waitForSelector('[data-action="hand-back"]');
  await page.fill("#reply-text", "Hi, Sam here. How can I help?");
  await page.click('[data-action="send-reply"]');
  await until("the reply on Telegram", () => telegram.sent(555, "Sam here").length > 0);
  await page.waitForSelector('[data-message][data-from="person"]', { timeout: 10000 });
  // The outbox's record reaches the open page through the event stream.
  await page.waitForSelector('[data-message][data-from="person"] [data-delivery="sent"]', { timeout: 10000 });
  const view0 = await server.api("GET", "/api/v1/conversations/telegram:555");
  const mine = view0.messages.find((m) => m.author === "operator:sam");
  assert.equal(mine.delivery_status, "sent");
  const kolkata = new Date(Date.parse(mine.at) + 330 * 60000).toISOString().slice(0, 16).replace("T", " ");
  const shown = await page.textContent(`[data-message="${mine.id}"] time`);
  assert.equal(shown, kolkata, "the time is Asia/Kolkata's, as PARLEY_TIMEZONE says");
  await screenshot(page, "conversation");
  await new Promise((r) => setTimeout(r, 1000));  // a second send would show by now
  assert.equal(telegram.sent(555, "Sam here").length, 1, "exactly once");

  await page.click('[data-action="hand-back"]');
  await page.waitForSelector('[data-action="take-over"]');
  const view = await server.api("GET", "/api/v1/conversations/telegram:555");
  assert.equal(view.handoff, false);
  await context.close();

  // The same pages at phone width, for the screenshots.
  const phone = await browser.newContext({ viewport: PHONE });
  const small = await signIn(phone, server.base, sam);
  await small.goto(server.base + "/#/inbox");
  await small.waitForSelector('[data-conversation="telegram:555"]');
  await screenshot(small, "inbox");
  await small.goto(server.base + "/#/inbox/" + encodeURIComponent("telegram:555"));
  await small.waitForSelector("[data-message]");
  await screenshot(small, "conversation");
  await phone.close();
});
