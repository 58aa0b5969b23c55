// The API client: same origin, the session cookie rides along. Every change
// (any method but GET) carries X-Parley-CSRF: 1. An error answer becomes an
// ApiError with the server's words; a 401 hands control back to the sign-in.
import { t } from "./i18n";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

let onUnauthorized: (() => void) | null = null;

export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown; // sent as JSON
  raw?: Blob | string; // sent as is, with contentType
  contentType?: string;
  signal?: AbortSignal;
  // The sign-in's own calls: a 401 is an answer, not a lost session.
  allow401?: boolean;
}

// Sends the request; a network failure, or an answer that is not 2xx, is
// thrown as an ApiError with the server's words.
async function send(path: string, options: RequestOptions, accept: string): Promise<Response> {
  const method = options.method ?? "GET";
  const headers: Record<string, string> = { Accept: accept };
  let body: BodyInit | undefined;
  if (method !== "GET") {
    headers["X-Parley-CSRF"] = "1";
    headers["Content-Type"] = options.contentType ?? "application/json";
    if (options.raw !== undefined) body = options.raw;
    else if (options.body !== undefined) body = JSON.stringify(options.body);
  }
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(0, "network", t("error.network"));
  }
  if (!res.ok) {
    const error = errorOf(res.status, parseJson(await res.text()));
    if (res.status === 401 && !options.allow401 && onUnauthorized) onUnauthorized();
    throw error;
  }
  return res;
}

function parseJson(text: string): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const res = await send(path, options, "application/json");
  return parseJson(await res.text()) as T;
}

// A streamed NDJSON answer: `onLine` gets each line's JSON as it arrives.
export async function requestLines(
  path: string,
  options: RequestOptions,
  onLine: (line: unknown) => void,
): Promise<void> {
  const res = await send(path, options, "application/x-ndjson");
  if (!res.body) throw new ApiError(0, "client", t("error.network"));
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new ApiError(0, "network", t("error.network"));
    }
    pending += decoder.decode(chunk.value ?? new Uint8Array(), { stream: !chunk.done });
    let newline: number;
    while ((newline = pending.indexOf("\n")) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim()) onLine(parseJson(line));
    }
    if (chunk.done) break;
  }
  if (pending.trim()) onLine(parseJson(pending));
}

function errorOf(status: number, data: unknown): ApiError {
  const e = (data as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof e?.code === "string" ? e.code : "http_" + status;
  const message =
    typeof e?.message === "string" && e.message ? e.message : t("error.status", status);
  return new ApiError(status, code, message);
}

export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === "AbortError";
}

export function toApiError(e: unknown): ApiError {
  if (e instanceof ApiError) return e;
  return new ApiError(0, "client", e instanceof Error ? e.message : String(e));
}

// path?k=v&… leaving out empty values.
export function withQuery(path: string, params: Record<string, string | number | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export function pathId(id: string): string {
  return encodeURIComponent(id);
}
