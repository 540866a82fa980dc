// Node entry of the npm package `vmkcheck` (ES module; `require("vmkcheck")` works too on
// Node >= 20.19). The WebAssembly module is loaded synchronously on import, so init() is
// a no-op kept for code shared with browsers.
import { createRequire } from "node:module";
import { createApi, VmkcheckError } from "./api.js";
import { SAMPLE } from "./sample.js";

const glue = createRequire(import.meta.url)("./node/vmkcheck.js");

/** Nothing to do in Node: the module is loaded on import. */
export default function init() {
  return Promise.resolve();
}

/** Nothing to do in Node: the module is loaded on import. */
export function initSync() {}

const api = createApi({
  exports() {
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
