// The admin's Settings page in the browser, against the real API: a prompt
// edited and saved shows in its history with the added line marked in the
// diff, then goes back to the default; a Message Master sequence of two steps
// saved in the console reads back exactly through GET; a model name the
// server refuses is said in words and changes nothing. Desktop and phone.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, PHONE, launch, screenshot, signIn, until } from "./browser.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let server, browser;

before(async () => {
  // openai is set up (a base URL nothing listens on: no shopper's turn runs
  // here, so nothing is called); anthropic and gemini are not.
  server = await startServer({
    PARLEY_LLM: "offline",
    OPENAI_API_KEY: "sk-test",
    OPENAI_BASE_URL: "http://127.0.0.1:9/v1",
    ANTHROPIC_API_KEY: "",
    ANTHROPIC_BASE_URL: "",
    GEMINI_API_KEY: "",
    GEMINI_BASE_URL: "",
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A desktop page signed in as the admin, on Settings by its menu link; every
// request must reach the server itself.
async function openSettings(viewport) {
  const context = await browser.newContext({ viewport });
  const failed = [];
  // Leaving the inbox closes its live stream: an abort, not a failure.
  context.on("requestfailed", (r) => {
    if (r.failure()?.errorText !== "net::ERR_ABORTED") failed.push(r.url());
  });
  context.on("request", (r) => {
    if (!r.url().startsWith(server.base)) failed.push("outside the server: " + r.url());
  });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  if (viewport === PHONE) await page.click(".menu-toggle");
  await page.click('nav [data-page="settings"]');
  await page.waitForSelector('[data-settings="models"] tr[data-agent="responder"]');
  await page.waitForSelector('[data-prompt="responder"]');
  await page.waitForSelector("[data-sequence-editor]");
  return { context, page, failed };
}

// The console moves the focus after a render (an opened editor's title, a
// new step's day): wait for it, so that typing goes where the test means.
async function focusIn(page, selector) {
  await page.waitForFunction((sel) => document.activeElement?.matches(sel), selector);
}

test("a prompt saved in the console shows in its history with a diff, and goes back to the default", async () => {
  const { context, page, failed } = await openSettings(DESKTOP);
  const before = await server.api("GET", "/api/v1/admin/prompts/responder");
  assert.equal(before.overridden, false);
  assert.equal(before.history.length, 0);

  await page.click('[data-edit-prompt="responder"]');
  await page.waitForSelector('[data-prompt-editor="responder"] #prompt-text');
  await focusIn(page, "#prompt-editor-title");
  assert.equal(await page.inputValue("#prompt-text"), before.text);
  assert.match(await page.innerText('[data-prompt-history]'), /built-in text is in use/);

  const added = "Always name the product's SKU when you recommend it.";
  const edited = before.text + "\n" + added;
  await page.fill("#prompt-text", edited);
  assert.equal(
    Number(await page.getAttribute("#prompt-count", "data-bytes")),
    Buffer.byteLength(edited, "utf8"),
    "the count is the text's UTF-8 bytes",
  );
  await page.click('[data-action="save-prompt"]');
  const first = page.locator('[data-prompt-history] li[data-version="1"]');
  await first.waitFor();
  assert.equal(await first.getAttribute("data-reset"), "false");
  assert.match(await first.innerText(), /admin/);

  const saved = await server.api("GET", "/api/v1/admin/prompts/responder");
  assert.equal(saved.overridden, true);
  assert.equal(saved.text, edited);
  assert.equal(saved.history.length, 1);
  await until("the list says the prompt was changed", async () =>
    (await page.getAttribute('[data-prompt="responder"] [data-overridden]', "data-overridden")) === "true");

  // The version against the one before it (the default): one line added, marked + and in words.
  await first.locator('[data-action="show-diff"]').click();
  const addedRows = first.locator('tr[data-diff="add"]');
  await addedRows.first().waitFor();
  assert.equal(await addedRows.count(), 1);
  assert.equal(await first.locator('tr[data-diff="del"]').count(), 0);
  assert.equal(await addedRows.locator(".diff-text").innerText(), added);
  const mark = await addedRows.locator(".diff-mark").innerText();
  assert.match(mark, /\+/);
  assert.match(mark, /Added/);
  const colour = await addedRows.evaluate((row) => getComputedStyle(row).backgroundColor);
  assert.notEqual(colour, "rgba(0, 0, 0, 0)", "an added line has its colour too");
  assert.equal(await first.locator('[data-action="show-diff"]').getAttribute("aria-expanded"), "true");
  await screenshot(page, "settings-prompt");

  // Back to the default: a second version, marked as a reset; the editor holds the default again.
  await page.click('[data-action="reset-prompt"]');
  await page.waitForSelector('[data-prompt-history] li[data-version="2"][data-reset="true"]');
  const reset = await server.api("GET", "/api/v1/admin/prompts/responder");
  assert.equal(reset.overridden, false);
  assert.equal(reset.text, reset.default);
  assert.equal(reset.history.length, 2);
  assert.equal(reset.history[1].reset, true);
  assert.equal(await page.inputValue("#prompt-text"), reset.default);
  // Newest first.
  const versions = await page.$$eval("[data-prompt-history] li[data-version]", (items) =>
    items.map((li) => li.getAttribute("data-version")));
  assert.deepEqual(versions, ["2", "1"]);
  assert.deepEqual(failed, [], "every request reached the server itself");
  await context.close();
});

test("a sequence of two steps saved in the console reads back exactly through the API", async () => {
  const { context, page, failed } = await openSettings(DESKTOP);
  const builtIn = await server.api("GET", "/api/v1/admin/sequences/demo_follow_up");
  assert.equal(builtIn.saved, false);
  const editor = page.locator('[data-sequence-editor="demo_follow_up"]');
  assert.equal(await editor.locator("fieldset[data-step]").count(), builtIn.steps.length);

  // Down to two steps, then a third without text: refused in words, naming the step.
  while ((await editor.locator("fieldset[data-step]").count()) > 2) {
    await editor.locator('[data-action="remove-step"]').last().click();
    await focusIn(page, `fieldset[data-step="${await editor.locator("fieldset[data-step]").count()}"] input[type="number"]`);
  }
  await editor.locator('[data-action="add-step"]').click();
  await focusIn(page, 'fieldset[data-step="3"] input[type="number"]'); // the new step's day
  await editor.locator('[data-action="save-sequence"]').click();
  const refused = await editor.locator("[role=alert]").innerText();
  assert.match(refused, /Step 3/);
  assert.doesNotMatch(refused, /empty_text/);
  await editor.locator('fieldset[data-step="3"] [data-action="remove-step"]').click();
  await focusIn(page, 'fieldset[data-step="2"] input[type="number"]'); // the last step left

  const steps = [
    { day: 2, text: "Thanks for the demo today! Here is the brochure we showed.", attachment_url: "https://example.com/brochure.pdf" },
    { day: 5, text: "Shall I send a proposal with pricing for your team?", attachment_url: "" },
  ];
  for (const [i, s] of steps.entries()) {
    const step = editor.locator(`fieldset[data-step="${i + 1}"]`);
    await step.locator('input[type="number"]').fill(String(s.day));
    await step.locator("textarea").fill(s.text);
    await step.locator('input[type="url"]').fill(s.attachment_url);
  }
  await page.fill("#seq-send-time", "09:30");
  await editor.locator('[data-action="save-sequence"]').click();
  await until("the sequence saved", async () => (await server.api("GET", "/api/v1/admin/sequences/demo_follow_up")).saved);
  await editor.locator(".form-note:not(:empty)").waitFor();

  const back = await server.api("GET", "/api/v1/admin/sequences/demo_follow_up");
  assert.deepEqual(back.steps, steps);
  assert.equal(back.send_time, "09:30");
  assert.equal(back.name, "demo_follow_up");
  assert.equal(back.updated_by, "admin");
  assert.match(await editor.locator("[data-sequence-status]").innerText(), /admin/);
  await screenshot(page, "settings-sequence");
  assert.deepEqual(failed, [], "every request reached the server itself");
  await context.close();
});

test("a model name the server refuses is said in words and changes nothing", async () => {
  const { context, page, failed } = await openSettings(DESKTOP);
  const options = await server.api("GET", "/api/v1/admin/llm/options");
  const openai = options.providers.find((p) => p.name === "openai");
  assert.equal(openai.available, true);
  const row = page.locator('tr[data-agent="responder"]');

  // gemini has no key or base URL here: listed, but it cannot be chosen, and the note says why.
  assert.equal(await row.locator('option[value="gemini"]').evaluate((o) => o.disabled), true);
  assert.match(await page.innerText("[data-unavailable-providers]"), /gemini/);

  await row.locator("select").selectOption("openai");
  assert.equal(await row.locator("input").inputValue(), openai.default_model, "the provider's default model");
  await row.locator("input").fill("x".repeat(200));
  await row.locator('[data-action="save-model"]').click();
  const alert = row.locator("[role=alert]");
  await alert.waitFor();
  const words = await alert.innerText();
  assert.match(words, /model name is too long/);
  assert.doesNotMatch(words, /invalid_model/);
  const unchanged = await server.api("GET", "/api/v1/admin/config");
  assert.equal(unchanged.llm.agents.responder.source, "default");
  assert.equal(unchanged.llm.agents.responder.provider, "offline");
  await screenshot(page, "settings-models");

  // A model it takes: saved, and the row says it is set here.
  await row.locator("input").fill(openai.default_model);
  await row.locator('[data-action="save-model"]').click();
  await page.waitForSelector('tr[data-agent="responder"] [data-source="configured"]');
  const config = await server.api("GET", "/api/v1/admin/config");
  assert.deepEqual(config.llm.agents.responder, { provider: "openai", model: openai.default_model, source: "configured" });
  assert.equal(await row.locator("[role=alert]").count(), 0);

  // Back to offline, so nothing here would call a model.
  await row.locator("select").selectOption("offline");
  assert.equal(await row.locator("input").isDisabled(), true);
  await row.locator('[data-action="save-model"]').click();
  await until("responder offline again", async () =>
    (await server.api("GET", "/api/v1/admin/config")).llm.agents.responder.provider === "offline");
  await screenshot(page, "settings");
  assert.deepEqual(failed, [], "every request reached the server itself");
  await context.close();
});

test("on a phone the page fits the width, a prompt's diff included", async () => {
  const { context, page, failed } = await openSettings(PHONE);
  await page.click('[data-edit-prompt="search_rewrite"]');
  await page.waitForSelector('[data-prompt-editor="search_rewrite"] #prompt-text');
  await focusIn(page, "#prompt-editor-title");
  // An edit not saved, compared with the default.
  const text = await page.inputValue("#prompt-text");
  await page.fill("#prompt-text", text + "\nPrefer the shop's own category names over the shopper's words when both fit.");
  await page.click('[data-prompt-editor] [aria-controls="prompt-compare"]');
  await page.waitForSelector('#prompt-compare tr[data-diff="add"]');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the page is ${overflow}px wider than the phone`);
  await screenshot(page, "settings");
  assert.deepEqual(failed, [], "every request reached the server itself");
  await context.close();
});
