// A fake OpenAI-compatible model on loopback: every chat completion answers
// "Happy to help." with 120 tokens in and 30 out, so billing has exact sums.
import http from "node:http";

export async function startFakeModel() {
  const s = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.setHeader("Content-Type", "application/json");
      res.end(JSON.stringify({
        id: "chatcmpl-test",
        object: "chat.completion",
        model: "gpt-4o-mini-2024-07-18",
        choices: [{ index: 0, message: { role: "assistant", content: "Happy to help." }, finish_reason: "stop" }],
        usage: { prompt_tokens: 120, completion_tokens: 30 },
      }));
    });
  });
  await new Promise((r) => s.listen(0, "127.0.0.1", r));
  return { base: `http://127.0.0.1:${s.address().port}`, close: () => new Promise((r) => s.close(r)) };
}
