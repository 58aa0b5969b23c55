// A fake Telegram Bot API on loopback: records every call Parley makes
// (path and JSON body) and answers as Telegram does.
import http from "node:http";

// `refuse` (settable later): answer sendMessage with Telegram's permanent
// "chat not found" instead.
export async function startFakeTelegram() {
  const calls = [];
  let n = 0;
  const state = { refuse: false };
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      let parsed = null;
      try {
        parsed = body ? JSON.parse(body) : null;
      } catch {
        parsed = body;
      }
      calls.push({ path: req.url, body: parsed });
      res.setHeader("Content-Type", "application/json");
      if (state.refuse && req.url.endsWith("/sendMessage")) {
        res.statusCode = 400;
        res.end(JSON.stringify({ ok: false, error_code: 400, description: "Bad Request: chat not found" }));
        return;
      }
      res.end(JSON.stringify({ ok: true, result: req.url.endsWith("/sendMessage") ? { message_id: ++n } : true }));
    });
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${server.address().port}`;
  return {
    base,
    calls,
    state,
    // Messages sent to a chat whose text contains `text`.
    sent(chat, text) {
      return calls.filter(
        (c) => c.path.endsWith("/sendMessage") && c.body && String(c.body.chat_id) === String(chat) &&
          String(c.body.text).includes(text),
      );
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

export function telegramUpdate(updateId, chat, text) {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chat, type: "private" },
      from: { id: chat, first_name: "Ana" },
      text,
    },
  };
}

// The server's settings for Telegram through `telegram` (the fake above).
export function telegramEnv(telegram) {
  return {
    TELEGRAM_BOT_TOKEN: "BOT",
    TELEGRAM_WEBHOOK_SECRET: "tg-secret",
    TELEGRAM_API_BASE: telegram.base,
    PARLEY_OUTBOX_BACKOFF_MS: "20",
    PARLEY_TYPING_DELAY_MS: "0",
  };
}
