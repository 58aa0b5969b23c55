// Team self-registration in the browser: someone asks for an account on the
// sign-in page, cannot sign in yet, an admin approves them on the Users page
// with a role, and then they sign in with that role.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, accessibilityViolations, launch, signIn } from "./browser.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let server, browser;

before(async () => {
  server = await startServer({ PARLEY_TEAM_REGISTRATION: "1" });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test("a registration is approved on the Users page and then signs in", async () => {
  const visitor = await browser.newContext({ viewport: DESKTOP });
  const page = await visitor.newPage();
  await page.goto(server.base + "/");
  await page.click('[data-action="request-access"]');
  await page.waitForSelector("[data-register-form]");
  assert.deepEqual(await accessibilityViolations(page), []);
  await page.fill("#register-username", "mala");
  await page.fill("#register-name", "Mala Iyer");
  await page.fill("#register-password", "pass-mala-1");
  await page.click("[data-register-form] button[type=submit]");
  await page.waitForSelector("[data-register-form] .form-note:has-text('Sent.')");
  await page.fill("#signin-username", "mala");
  await page.fill("#signin-password", "pass-mala-1");
  await page.press("#signin-password", "Enter");
  const waiting = await page.waitForSelector(".error-banner[role=alert]");
  assert.match(await waiting.innerText(), /approval/);
  await visitor.close();

  const admin = await browser.newContext({ viewport: DESKTOP });
  const console_ = await signIn(admin, server.base, { token: ADMIN_TOKEN });
  await console_.goto(server.base + "/#/users");
  await console_.waitForSelector('[data-user="mala"] [data-status="pending"]');
  await console_.selectOption("#u-mala-role", "analyst");
  await console_.click('[data-user="mala"] [data-action="approve"]');
  await console_.waitForSelector('[data-user="mala"] [data-status="active"]');
  await admin.close();

  const mala = await browser.newContext({ viewport: DESKTOP });
  const hers = await signIn(mala, server.base, { username: "mala", password: "pass-mala-1" });
  assert.match(await hers.innerText("nav"), /Dashboard/, "an analyst's menu");
  await mala.close();
});
