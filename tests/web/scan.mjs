// The bundle in Node, without a browser: starts it as the page's worker does (web/src/engine.mjs), then scans
// every archive named on the command line and prints one JSON line per archive (its report or its error).
// Usage: node scan.mjs DIST LANG [--xlsx] ARCHIVE...  (--xlsx: also time the workbook in LANG, for make bench)
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dist, lang, ...rest] = process.argv.slice(2);
const xlsx = rest[0] === "--xlsx";
const archives = xlsx ? rest.slice(1) : rest;
const base = `${path.resolve(dist)}/`;
const { loadPyodide } = await import(pathToFileURL(`${base}pyodide/pyodide.mjs`).href);
const { start } = await import(pathToFileURL(`${base}engine.mjs`).href);

const began = performance.now();
const { pyodide, app } = await start(loadPyodide, base, async (name) => new Uint8Array(await readFile(base + name)));
console.log(JSON.stringify({ started: (performance.now() - began) / 1000 }));

for (const [i, archive] of archives.entries()) {
  const folder = `/in${i}`;
  pyodide.FS.mkdirTree(folder);
  pyodide.mountNodeFS(folder, path.dirname(path.resolve(archive)));
  const t0 = performance.now();
  const result = app.scan(`${folder}/${path.basename(archive)}`, lang);
  const seconds = (performance.now() - t0) / 1000;
  const line = result.type === "Failed"
    ? { archive, seconds, error: result.lines.toJs(), exit_code: result.exit_code }
    : { archive, seconds, report: JSON.parse(result.json()) };
  if (xlsx && result.type !== "Failed") {
    const t1 = performance.now();
    result.document("xlsx").destroy();
    line.xlsx_seconds = (performance.now() - t1) / 1000;
  }
  result.destroy();
  console.log(JSON.stringify(line));
}
