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

// axe-core's WCAG 2.1 A and AA rules over the page as it stands: the
// violations, each with up to five of the elements it found. The script runs
// through the DevTools protocol, which the page's CSP does not govern.
const AXE = fs.readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export async function accessibilityViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.evaluate(AXE);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
    }));
  });
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
