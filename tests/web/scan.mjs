// The bundle in Node, without a browser: starts it as the page's worker does (web/src/engine.mjs), then scans
// every archive named on the command line and prints one JSON line per archive (its report or its error).
// Usage: node scan.mjs DIST LANG ARCHIVE...
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";

const [dist, lang, ...archives] = process.argv.slice(2);
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
  result.destroy();
  console.log(JSON.stringify(line));
}
