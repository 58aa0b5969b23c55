// Signing in to the console as each role shows that role's menu, and only
// it; a page outside the role's menu says so. Debian's Chromium against the
// real parley binary on loopback (tests/console/README.md).
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { DESKTOP, PHONE, launch, screenshot, signIn } from "./browser.mjs";
import { ADMIN_TOKEN, startServer } from "./server.mjs";

let server, browser;

before(async () => {
  server = await startServer();
  await server.api("POST", "/api/v1/admin/users", {
    username: "sam", password: "sam-password-1", display_name: "Sam Sales", role: "sales",
  });
  await server.api("POST", "/api/v1/admin/users", {
    username: "ana", password: "ana-password-1", display_name: "Ana Lytic", role: "analyst",
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function menu(page) {
  return page.$$eval("nav [data-page]", (links) => links.map((a) => a.getAttribute("data-page")));
}

for (const [who, credentials, expected] of [
  ["admin", { token: ADMIN_TOKEN }, ["inbox", "leads", "tasks", "dashboard", "orders", "catalog", "settings", "replay", "outbox", "users"]],
  ["sales", { username: "sam", password: "sam-password-1" }, ["inbox", "leads", "tasks"]],
  ["analyst", { username: "ana", password: "ana-password-1" }, ["dashboard"]],
]) {
  test(`signed in as ${who}, the menu holds exactly the ${who}'s pages`, async () => {
    for (const viewport of [DESKTOP, PHONE]) {
      const context = await browser.newContext({ viewport });
      const failed = [];
      context.on("requestfailed", (r) => failed.push(r.url()));
      context.on("request", (r) => {
        if (!r.url().startsWith(server.base)) failed.push("outside the server: " + r.url());
      });
      const page = await signIn(context, server.base, credentials);
      assert.deepEqual(await menu(page), expected);
      await screenshot(page, `menu-${who}`);
      assert.deepEqual(failed, [], "every request reached the server itself");
      await context.close();
    }
  });
}

test("a page outside the role's menu says it is not available", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await signIn(context, server.base, { username: "ana", password: "ana-password-1" });
  await page.goto(server.base + "/#/users");
  await page.waitForSelector("[data-not-available]");
  const cookies = await context.cookies();
  const session = cookies.find((c) => c.name === "parley_session");
  assert.ok(session, "the session cookie is set");
  assert.equal(session.httpOnly, true);
  assert.equal(session.sameSite, "Strict");
  assert.equal(await page.evaluate(() => document.cookie.includes("parley_session")), false);
  await context.close();
});

test("a wrong password is said in words and no session starts", async () => {
  const context = await browser.newContext({ viewport: DESKTOP });
  const page = await context.newPage();
  await page.goto(server.base + "/");
  await page.fill("#signin-username", "sam");
  await page.fill("#signin-password", "wrong-password");
  await page.press("#signin-password", "Enter");
  const alert = await page.waitForSelector("[role=alert]:not(:empty)");
  assert.match(await alert.innerText(), /password/i);
  assert.equal((await context.cookies()).length, 0);
  await context.close();
});
