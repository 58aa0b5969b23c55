// Debian's Chromium driven by playwright-core (no browser download), headless.
// Screenshots go to $PARLEY_SCREENSHOTS (build/console-screenshots), desktop
// and phone width.
import fs from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(path.join(process.env.PARLEY_NODE_MODULES, "x.js"));
const { chromium } = require("playwright-core");

export async function launch() {
  return chromium.launch({
    executablePath: process.env.PARLEY_CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export async function screenshot(page, name) {
  const dir = process.env.PARLEY_SCREENSHOTS;
  if (!dir) return;
  fs.mkdirSync(dir, { recursive: true });
  const size = page.viewportSize();
  const kind = size && size.width < 600 ? "phone" : "desktop";
  await page.screenshot({ path: path.join(dir, `${name}-${kind}.png`), fullPage: true });
}

// A new page of `context`, signed in with a password or a token; it waits
// for the menu.
export async function signIn(context, base, { username, password, token }) {
  const page = await context.newPage();
  await page.goto(base + "/");
  if (token) {
    await page.fill("#signin-token", token);
    await page.press("#signin-token", "Enter");
  } else {
    await page.fill("#signin-username", username);
    await page.fill("#signin-password", password);
    await page.press("#signin-password", "Enter");
  }
  await page.waitForSelector("[data-page]");
  return page;
}

// Resolves once check() is true; throws after `ms`.
export async function until(what, check, ms = 10000) {
  const end = Date.now() + ms;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error("timed out waiting for " + what);
    await new Promise((r) => setTimeout(r, 50));
  }
}
