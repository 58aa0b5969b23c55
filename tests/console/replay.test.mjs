// The Replay page in the browser, against the real API: conversations
// recorded by the offline brain are answered again by a (fake) model in
// memory; the page shows how many turns differ and, turn by turn, the
// recorded replies beside the candidate's; a brain the server has no key
// for is refused in words (tests/tools/replay_e2e_test.cpp checks the log
// is not written to).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, accessibilityViolations, launch, screenshot, signIn } from "./browser.mjs";
import { startFakeModel } from "./fake_model.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let model, server, browser;

before(async () => {
  model = await startFakeModel();
  server = await startServer({ PARLEY_LLM: "offline", OPENAI_API_KEY: "sk-test", OPENAI_BASE_URL: model.base + "/v1" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
  await model?.close();
});

test("a replay with another brain shows the turns it would change", async () => {
  for (const [user, text] of [["ana", "hello"], ["ana", "I need wood screws"], ["ben", "hi"]])
    await server.api("POST", "/api/v1/chat", { user_id: user, text });

  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { token: ADMIN_TOKEN });
  await page.goto(server.base + "/#/replay");
  await page.waitForSelector("[data-replay-form]");
  await page.fill("#replay-since", "2020-01-01");
  await page.selectOption("#replay-brain", "openai");
  await page.fill("#replay-model", "gpt-4o-mini");
  await page.click('[data-action="replay"]');
  const counts = await page.waitForSelector("[data-replay-counts]", { timeout: 60000 });
  assert.match(await counts.innerText(), /^3 of 3 turns differ, in 2 of 2 conversations/);
  const turn = await page.waitForSelector('[data-replay-conversation="api:ana"] [data-replay-turn="2"]');
  const text = await turn.innerText();
  assert.match(text, /I need wood screws/);
  assert.match(text, /Wood Screw/, "the recorded reply, the offline brain's list");
  assert.match(text, /Happy to help\./, "the candidate's reply");
  await screenshot(page, "replay");
  assert.deepEqual(await accessibilityViolations(page), []);

  // A brain this server cannot ask is said in words.
  await page.selectOption("#replay-brain", "gemini");
  await page.click('[data-action="replay"]');
  const refused = await page.waitForSelector(".error-banner[role=alert]", { timeout: 60000 });
  assert.match(await refused.innerText(), /gemini: no such provider is available/);
  await context.close();
});
