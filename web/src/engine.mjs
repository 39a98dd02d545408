// Starts Python from this bundle: Pyodide, then the app's wheels, each checked against manifest.json's
// sha256 before it is installed. Shared by the page's worker and the Node test, so both run the same code.

const hex = (buffer) => Array.from(new Uint8Array(buffer), (b) => b.toString(16).padStart(2, "0")).join("");

// loadPyodide: the function of pyodide/pyodide.mjs; base: the bundle's URL (or folder, in Node) ending in "/";
// read(name): the bytes of a file of the bundle.
export async function start(loadPyodide, base, read) {
  const manifest = JSON.parse(new TextDecoder().decode(await read("manifest.json")));
  const pyodide = await loadPyodide({ indexURL: `${base}pyodide/`, packages: [], fullStdLib: false });
  // Into site-packages by name: unpackArchive's default is the working directory, which the scan changes.
  const sitePackages = pyodide.runPython("import sysconfig; sysconfig.get_path('purelib')");
  for (const name of manifest.wheels) {
    const bytes = await read(`wheels/${name}`);
    const digest = hex(await crypto.subtle.digest("SHA-256", bytes));
    if (digest !== manifest.files[`wheels/${name}`]) {
      throw new Error(`wheels/${name}: sha256 ${digest} is not the manifest's`);
    }
    pyodide.unpackArchive(bytes, "wheel", { extractDir: sitePackages });
  }
  pyodide.runPython("import importlib; importlib.invalidate_caches()");
  return { pyodide, app: pyodide.pyimport("analyzer.webscan") };
}
