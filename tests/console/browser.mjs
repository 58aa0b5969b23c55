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
