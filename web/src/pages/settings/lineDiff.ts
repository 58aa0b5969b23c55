// A line diff of two texts (pure): the longest common subsequence of their
// lines, after the common head and tail are set aside. Past maxCells (lines
// of one × lines of the other) the middle counts as replaced whole.

export type DiffOp = "same" | "add" | "del";

export interface DiffLine {
  op: DiffOp;
  text: string;
  before?: number; // the line's number in the old text (1-based), for "same" and "del"
  after?: number; // … in the new text, for "same" and "add"
}

export interface Diff {
  lines: DiffLine[];
  added: number;
  removed: number;
  whole: boolean; // too big to compare line by line: the middle was replaced whole
}

// What a diff shows: changed lines with `context` unchanged lines around
// them; a longer unchanged stretch is one "skip" of that many lines.
export type Shown = DiffLine | { op: "skip"; count: number };

export const MAX_CELLS = 4_000_000;

export function splitLines(text: string): string[] {
  return text === "" ? [] : text.split(/\r\n|\n|\r/);
}

// LCS lengths of every pair of suffixes, row by row: table[i * (m + 1) + j]
// is the LCS of a[i..] and b[j..]. Lengths fit 16 bits: under the cap the
// shorter side has at most sqrt(MAX_CELLS) = 2000 lines.
function suffixLcs(a: string[], b: string[]): Uint16Array | Uint32Array {
  const n = a.length;
  const m = b.length;
  const width = m + 1;
  const table = Math.min(n, m) < 65535 ? new Uint16Array((n + 1) * width) : new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; --i) {
    for (let j = m - 1; j >= 0; --j) {
      table[i * width + j] =
        a[i] === b[j]
          ? table[(i + 1) * width + j + 1] + 1
          : Math.max(table[(i + 1) * width + j], table[i * width + j + 1]);
    }
  }
  return table;
}

export function lineDiff(beforeText: string, afterText: string, maxCells = MAX_CELLS): Diff {
  const a = splitLines(beforeText);
  const b = splitLines(afterText);
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) ++head;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) ++tail;

  const lines: DiffLine[] = [];
  const same = (i: number, j: number) => lines.push({ op: "same", text: a[i], before: i + 1, after: j + 1 });
  const del = (i: number) => lines.push({ op: "del", text: a[i], before: i + 1 });
  const add = (j: number) => lines.push({ op: "add", text: b[j], after: j + 1 });

  for (let k = 0; k < head; ++k) same(k, k);
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const whole = midA.length * midB.length > maxCells;
  if (whole) {
    midA.forEach((_, i) => del(head + i));
    midB.forEach((_, j) => add(head + j));
  } else if (midA.length && midB.length) {
    const table = suffixLcs(midA, midB);
    const width = midB.length + 1;
    let i = 0;
    let j = 0;
    while (i < midA.length && j < midB.length) {
      if (midA[i] === midB[j]) {
        same(head + i++, head + j++);
      } else if (table[(i + 1) * width + j] >= table[i * width + j + 1]) {
        del(head + i++);
      } else {
        add(head + j++);
      }
    }
    while (i < midA.length) del(head + i++);
    while (j < midB.length) add(head + j++);
  } else {
    midA.forEach((_, i) => del(head + i));
    midB.forEach((_, j) => add(head + j));
  }
  for (let k = tail; k > 0; --k) same(a.length - k, b.length - k);

  const added = lines.filter((l) => l.op === "add").length;
  const removed = lines.filter((l) => l.op === "del").length;
  return { lines, added, removed, whole };
}

// The changed lines with `context` unchanged lines on each side; the rest of
// each unchanged stretch folds into a skip.
export function withContext(lines: DiffLine[], context = 3): Shown[] {
  const out: Shown[] = [];
  let run: DiffLine[] = [];
  const flush = (atStart: boolean, atEnd: boolean) => {
    const keepBefore = atStart ? 0 : context; // after the previous change
    const keepAfter = atEnd ? 0 : context; // before the next change
    if (run.length <= keepBefore + keepAfter + 1) {
      out.push(...run);
    } else {
      out.push(...run.slice(0, keepBefore));
      out.push({ op: "skip", count: run.length - keepBefore - keepAfter });
      out.push(...run.slice(run.length - keepAfter));
    }
    run = [];
  };
  let seenChange = false;
  for (const line of lines) {
    if (line.op === "same") {
      run.push(line);
      continue;
    }
    if (run.length) flush(!seenChange, false);
    seenChange = true;
    out.push(line);
  }
  if (run.length) flush(!seenChange, true);
  return out;
}
