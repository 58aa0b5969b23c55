// Starts the real `parley serve` on a free loopback port with a fresh data
// directory, for the console's browser tests; stop() sends SIGTERM and waits.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export const ADMIN_TOKEN = "console-test-admin-token-0123456789";

export async function startServer(extraEnv = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "parley-console-"));
  const child = spawn(process.env.PARLEY_BIN, ["serve"], {
    env: {
      ...process.env,
      PARLEY_DATA_DIR: dir,
      PARLEY_HTTP_PORT: "0",
      PARLEY_ADMIN_TOKEN: ADMIN_TOKEN,
      PARLEY_PASSWORD_COST: "interactive",
      ...extraEnv,
    },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let log = "";
  const port = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no 'serving on' line in 20 s:\n" + log)), 20000);
    child.stderr.on("data", (chunk) => {
      log += chunk.toString();
      const m = log.match(/serving on http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on("exit", (code) => reject(new Error(`parley exited with ${code}:\n${log}`)));
  });
  const base = `http://127.0.0.1:${port}`;
  return {
    base,
    log: () => log,
    // The API as the admin token sees it.
    async api(method, route, body) {
      const r = await fetch(base + route, {
        method,
        headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await r.text();
      if (!r.ok) throw new Error(`${method} ${route}: ${r.status} ${text}`);
      return text ? JSON.parse(text) : null;
    },
    async stop() {
      child.kill("SIGTERM");
      await new Promise((resolve) => child.once("exit", resolve));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
