// Browser and bundler entry of the npm package `vmkcheck` (ES module).
//
//   import init, { check } from "vmkcheck";
//   await init();            // fetches vmkcheck_bg.wasm next to the glue, once
//   const report = check([{ name: "esx01", text }]);
//
// The .wasm is located with `new URL("vmkcheck_bg.wasm", import.meta.url)`, which
// browsers, Vite, webpack 5, Rollup and esbuild all resolve; pass a URL, a Response,
// bytes or a compiled WebAssembly.Module to init() to load it from elsewhere.
import initGlue, * as glue from "./web/vmkcheck.js";
import { createApi, VmkcheckError } from "./api.js";
import { SAMPLE } from "./sample.js";

let ready = false;
let loading = null;

/** Loads the WebAssembly module (once; later calls return at once). */
export default function init(input) {
  if (ready) return Promise.resolve();
  if (!loading) {
    const arg = input === undefined ? undefined : { module_or_path: input };
    loading = initGlue(arg).then(
      () => {
        ready = true;
      },
      (e) => {
        loading = null;
        throw e;
      },
    );
  }
  return loading;
}

/** Loads the WebAssembly module synchronously from bytes or a compiled module. */
export function initSync(module) {
  if (ready) return;
  glue.initSync({ module });
  ready = true;
}

const api = createApi({
  exports() {
    if (!ready) {
      throw new Error("vmkcheck: the WebAssembly module is not loaded: `await init()` first");
    }
    return glue;
  },
  reset() {
    glue.__wbg_reset_state();
  },
  sample: SAMPLE,
});

export { VmkcheckError };
export const {
  parseVmknic,
  parseVmkping,
  parseTranscript,
  check,
  checkWithSources,
  rules,
  sample,
  version,
  parseVmknicJson,
  parseVmkpingJson,
  parseTranscriptJson,
  checkJson,
  rulesJson,
  __testPanic,
} = api;
