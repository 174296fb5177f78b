/**
 * The one entry the build bundles. Everything exported here is reachable from
 * the generated top-level stubs in dist/Code.js; nothing else is.
 */
export { runCustomFunction } from "./gas/customFunctions";
