// The inbox with 10,000 conversations: how long GET /api/v1/conversations
// takes (the first page, and a page deep in the list), and how long the
// console takes from navigation to the first page of rows, in Debian's
// Chromium on loopback. docs/BENCHMARKS.md, "The console's inbox".
//
//   node bench/console/inbox_load.mjs <parley binary> <node_modules> [conversations]
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const [bin, modules, countArg] = process.argv.slice(2);
const COUNT = Number(countArg || 10000);
const TOKEN = "inbox-bench-admin-token-0123456789";
const { chromium } = createRequire(path.resolve(modules, "x.js"))("playwright-core");

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-inbox-"));
const child = spawn(bin, ["serve"], {
  env: { ...process.env, PARLEY_DATA_DIR: dir, PARLEY_HTTP_PORT: "0", PARLEY_ADMIN_TOKEN: TOKEN },
  stdio: ["ignore", "ignore", "pipe"],
});
let log = "";
const port = await new Promise((resolve) => {
  child.stderr.on("data", (c) => {
    log += c;
    const m = log.match(/serving on http:\/\/127\.0\.0\.1:(\d+)/);
    if (m) resolve(Number(m[1]));
  });
});
const base = `http://127.0.0.1:${port}`;
const headers = { Authorization: `Bearer ${TOKEN}`, "Content-Type": "application/json" };

// Seed: one message from each of COUNT shoppers, 64 at a time.
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: 64 }, async () => {
    while (next < COUNT) {
      const i = next++;
      const r = await fetch(base + "/api/v1/chat", {
        method: "POST",
        headers,
        body: JSON.stringify({ user_id: `shopper${i}`, text: i % 3 ? "hola, busco un taladro" : "I need screws" }),
      });
      if (!r.ok) throw new Error(`chat ${i}: ${r.status}`);
      await r.arrayBuffer();
    }
  }),
);
const seeded = (performance.now() - t0) / 1000;
for (;;) {  // the view folds behind the log
  const r = await (await fetch(base + "/api/v1/conversations?limit=1", { headers })).json();
  if (r.matched >= COUNT) break;
  await new Promise((res) => setTimeout(res, 200));
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
}
async function timeGet(route, n) {
  const ms = [];
  for (let i = 0; i < n; ++i) {
    const t = performance.now();
    const r = await fetch(base + route, { headers });
    await r.arrayBuffer();
    ms.push(performance.now() - t);
  }
  return { p50: percentile(ms, 50), p99: percentile(ms, 99) };
}
const first = await timeGet("/api/v1/conversations?limit=50", 200);
// A cursor deep in the list: page 100.
let cursor = "";
for (let i = 0; i < 100; ++i) {
  const r = await (await fetch(base + `/api/v1/conversations?limit=50&cursor=${encodeURIComponent(cursor)}`, { headers })).json();
  cursor = r.next;
}
const deep = await timeGet(`/api/v1/conversations?limit=50&cursor=${encodeURIComponent(cursor)}`, 200);
const filtered = await timeGet("/api/v1/conversations?limit=50&q=shopper99", 200);
// A name and a phone no one gave: every row is checked, none matches.
const byName = await timeGet("/api/v1/conversations?limit=50&q=Mar%C3%ADa%20P%C3%A9rez", 200);
const byPhone = await timeGet("/api/v1/conversations?limit=50&q=612%20345%20678", 200);

// The page: sign in once, then load the inbox cold (a new context: no cache) ten times.
const browser = await chromium.launch({
  executablePath: process.env.PARLEY_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
});
const loads = [];
for (let i = 0; i < 10; ++i) {
  const context = await browser.newContext();
  await context.addCookies([{ name: "parley_session", value: TOKEN, url: base, httpOnly: true, sameSite: "Strict" }]);
  const page = await context.newPage();
  const t = performance.now();
  await page.goto(base + "/#/inbox");
  await page.waitForSelector("[data-conversation]");
  loads.push(performance.now() - t);
  const rows = await page.$$eval("[data-conversation]", (r) => r.length);
  if (i === 0) console.log(`rows on the first page: ${rows}`);
  await context.close();
}
await browser.close();
child.kill("SIGTERM");
await new Promise((res) => child.once("exit", res));
fs.rmSync(dir, { recursive: true, force: true });

const f = (x) => x.toFixed(1);
console.log(`conversations: ${COUNT} (seeded in ${seeded.toFixed(1)} s)`);
console.log(`GET /api/v1/conversations?limit=50            p50 ${f(first.p50)} ms  p99 ${f(first.p99)} ms`);
console.log(`GET …?limit=50&cursor=<page 100>              p50 ${f(deep.p50)} ms  p99 ${f(deep.p99)} ms`);
console.log(`GET …?limit=50&q=shopper99                    p50 ${f(filtered.p50)} ms  p99 ${f(filtered.p99)} ms`);
console.log(`GET …?limit=50&q=María Pérez (a name)         p50 ${f(byName.p50)} ms  p99 ${f(byName.p99)} ms`);
console.log(`GET …?limit=50&q=612 345 678 (phone digits)   p50 ${f(byPhone.p50)} ms  p99 ${f(byPhone.p99)} ms`);
console.log(`console: navigation to the first rows, cold   p50 ${f(percentile(loads, 50))} ms  max ${f(Math.max(...loads))} ms`);
