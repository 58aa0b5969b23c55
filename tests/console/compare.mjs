// What the browser tests compare pages with: CSV as the server and the
// console write it, and a page's figures once it has settled.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";

// RFC 4180 (a header, then objects): { head, rows }.
export function parseCsv(text) {
  const records = [];
  let row = [], cell = "", quoted = false;
  for (let i = 0; i < text.length; ++i) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), ++i;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\n") row.push(cell), records.push(row), (row = []), (cell = "");
    else if (c !== "\r") cell += c;
  }
  if (cell !== "" || row.length) row.push(cell), records.push(row);
  const [head, ...rest] = records;
  return { head, rows: rest.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i] ?? ""]))) };
}

// Polls read() until it equals `expected` (the page may still be drawing, or
// showing the previous range's answer), then asserts it.
export async function settles(what, read, expected) {
  const end = Date.now() + 10000;
  let actual = await read();
  while (!isDeepStrictEqual(actual, expected) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 100));
    actual = await read();
  }
  assert.deepEqual(actual, expected, what);
}
