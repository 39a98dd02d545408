// The page: picks the export, hands it to the worker (which scans it inside this browser), shows the report and
// saves its documents. Every word comes from strings.json (the catalogue, English and German).
const answer = await fetch("strings.json");
const strings = await answer.json();
const $ = (id) => document.getElementById(id);
let lang = (navigator.language || "en").toLowerCase().startsWith("de") ? "de" : "en";
let picked = null;

const say = (key, values = {}) => strings[lang][key].replace(/\{(\w+)\}/g, (_, name) => values[name]);
const status = (key, values) => { $("status").textContent = key ? say(key, values) : ""; };

function relabel() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll("[data-t]")) node.textContent = say(node.dataset.t);
  for (const node of document.querySelectorAll("[data-title]")) node.title = say(node.dataset.title);
}

$("notice").remove(); // the app runs: the words for a file:// address are not needed
$("app").hidden = false;
relabel();
status("web.starting");
// For a reload without network; not under `app`, which says so (each of its runs is a new address).
if (answer.headers.get("X-Service-Worker") !== "off") navigator.serviceWorker?.register("sw.js");

const worker = new Worker("worker.js", { type: "module" });
worker.onmessage = ({ data }) => {
  if (data.type === "ready") {
    $("file").disabled = false;
    status("web.ready");
  } else if (data.type === "broken") {
    status("web.broken", { reason: data.reason });
  } else if (data.type === "progress") {
    $("progress").hidden = false;
    $("progress").value = data.total ? data.done / data.total : 0;
    const percent = Math.floor((100 * data.done) / Math.max(data.total, 1));
    status("web.progress", { percent, file: data.name });
  } else if (data.type === "failed") {
    $("progress").hidden = true;
    status("web.failed");
    $("error").textContent = data.lines.join("\n");
    $("error").hidden = false;
  } else if (data.type === "done") {
    $("progress").hidden = true;
    status(null);
    $("done").textContent = say("web.done", { name: picked.name });
    $("report").srcdoc = data.html;
    $("result").hidden = false;
  } else if (data.type === "document") {
    const link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([data.bytes], { type: data.mime }));
    link.download = data.filename;
    link.click();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  }
};

function scan(file) {
  if (!file || $("file").disabled) return;
  picked = file;
  $("error").hidden = true;
  $("result").hidden = true;
  status("web.reading", { name: file.name });
  worker.postMessage({ type: "scan", file, lang });
}

$("file").addEventListener("change", () => scan($("file").files[0]));
const drop = $("drop");
drop.addEventListener("dragover", (event) => { event.preventDefault(); drop.classList.add("over"); });
drop.addEventListener("dragleave", () => drop.classList.remove("over"));
drop.addEventListener("drop", (event) => {
  event.preventDefault();
  drop.classList.remove("over");
  scan(event.dataTransfer.files[0]);
});
for (const button of document.querySelectorAll("[data-save]")) {
  button.addEventListener("click", () => worker.postMessage({ type: "document", kind: button.dataset.save, lang }));
}
$("lang").addEventListener("click", () => {
  lang = lang === "de" ? "en" : "de";
  relabel();
  if (!$("result").hidden) worker.postMessage({ type: "relabel", lang });
});
