// The scan, off the page's thread. Python starts here once; a picked file is mounted under its own name (read
// in slices as Python asks, never copied whole into memory) and scanned; progress and results go to the page.
import { loadPyodide } from "./pyodide/pyodide.mjs";
import { start } from "./engine.mjs";

const base = new URL("./", self.location).href;
const read = async (name) => new Uint8Array(await (await fetch(base + name)).arrayBuffer());
const MIME = { xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", html: "text/html", letter: "text/plain" };
const FOLDER = "/picked";
let scanned = null;

const engine = start(loadPyodide, base, read).then(
  (started) => { postMessage({ type: "ready" }); return started; },
  (error) => { postMessage({ type: "broken", reason: String(error) }); throw error; },
);

function scan({ pyodide, app }, file, lang) {
  scanned?.destroy();
  scanned = null;
  pyodide.FS.mkdirTree(FOLDER);
  pyodide.FS.mount(pyodide.FS.filesystems.WORKERFS, { files: [file] }, FOLDER);
  let shown = 0;
  const progress = (name, done, total) => {
    const now = performance.now();
    if (now - shown > 100 || done === total) {
      shown = now;
      postMessage({ type: "progress", name, done, total });
    }
  };
  pyodide.FS.chdir(FOLDER); // the file is named as the member picked it, in messages too
  try {
    const result = app.scan(file.name, lang, progress);
    if (result.type === "Failed") {
      postMessage({ type: "failed", lines: result.lines.toJs(), exitCode: result.exit_code });
      result.destroy();
    } else {
      scanned = result;
      postMessage({ type: "done", html: result.html() });
    }
  } finally {
    pyodide.FS.chdir("/");
    pyodide.FS.unmount(FOLDER);
  }
}

function save(kind, lang) {
  const proxy = scanned.in_lang(lang);
  const bytes = proxy.document(kind);
  const data = bytes.toJs();
  postMessage({ type: "document", bytes: data, mime: MIME[kind], filename: proxy.filename(kind) }, [data.buffer]);
  bytes.destroy();
  proxy.destroy();
}

onmessage = async ({ data }) => {
  const started = await engine;
  try {
    if (data.type === "scan") scan(started, data.file, data.lang);
    else if (data.type === "document" && scanned) save(data.kind, data.lang);
    else if (data.type === "relabel" && scanned) {
      const proxy = scanned.in_lang(data.lang);
      postMessage({ type: "done", html: proxy.html() });
      proxy.destroy();
    }
  } catch (error) {
    postMessage({ type: "failed", lines: [String(error)], exitCode: 1 });
  }
};
