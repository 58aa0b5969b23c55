// Bundles the console: node build.mjs <node_modules> <out>
// esbuild turns src/main.tsx (and the CSS it imports) into hashed files in
// <out>/assets, writes <out>/index.html pointing at them, and lists every
// file in <out>/files.txt for the binary to embed (tools/CMakeLists.txt).
// Hashed names let the edge cache them for a year; index.html is revalidated.
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const [modules, out] = process.argv.slice(2);
if (!modules || !out) {
  console.error("usage: node build.mjs <node_modules> <out>");
  process.exit(2);
}
const here = path.dirname(fileURLToPath(import.meta.url));
const esbuild = await import(pathToFileURL(path.join(modules, "esbuild/lib/main.js")).href);

fs.rmSync(out, { recursive: true, force: true });
const result = await esbuild.build({
  entryPoints: { app: path.join(here, "src/main.tsx") },
  bundle: true,
  minify: true,
  format: "esm",
  target: "es2020",
  jsx: "automatic",
  jsxImportSource: "preact",
  nodePaths: [modules],
  outdir: path.join(out, "assets"),
  entryNames: "[name]-[hash]",
  assetNames: "[name]-[hash]",
  legalComments: "none",
  charset: "utf8",
  metafile: true,
  logLevel: "warning",
});

const files = [];
const named = {};
for (const file of Object.keys(result.metafile.outputs)) {
  const relative = path.relative(out, path.resolve(file)).split(path.sep).join("/");
  files.push(relative);
  if (relative.endsWith(".js")) named.js = relative;
  if (relative.endsWith(".css")) named.css = relative;
}
let html = fs.readFileSync(path.join(here, "src/index.html"), "utf8");
for (const [kind, file] of Object.entries(named)) {
  const placeholder = `/assets/app.${kind}`;
  if (!html.includes(placeholder)) throw new Error(`src/index.html lacks ${placeholder}`);
  html = html.replace(placeholder, `/${file}`);
}
fs.writeFileSync(path.join(out, "index.html"), html);
files.unshift("index.html");
fs.writeFileSync(path.join(out, "files.txt"), files.join("\n") + "\n");
