// The API as docs/openapi.json describes it. The types are generated from the
// document at build time (web/CMakeLists.txt, openapi-typescript) and only
// types are imported, so the bundle carries nothing of them; a field the
// console reads that the document lacks fails the typecheck.
import type { components, paths } from "@parley/openapi";

export type Schema<N extends keyof components["schemas"]> = components["schemas"][N];

type Method = "get" | "post" | "put" | "patch" | "delete";
type JsonOf<R> = R extends { content: { "application/json": infer B } } ? B : never;
type Success<Rs> = Rs extends { 200: infer R } ? R : Rs extends { 201: infer R } ? R : Rs extends { 202: infer R } ? R : never;

// The JSON a route answers with when it succeeds (200, else 201, else 202).
export type Answer<P extends keyof paths, M extends Method = "get"> = paths[P][M] extends { responses: infer Rs }
  ? JsonOf<Success<Rs>>
  : never;
