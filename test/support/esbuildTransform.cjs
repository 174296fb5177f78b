/**
 * Jest transformer: TypeScript to CommonJS with esbuild, one file at a time.
 * It only strips types (`tsc --noEmit`, run first by `npm test`, checks them),
 * so a cold cache (a clean clone, CI) costs little. The inline
 * source map keeps failures pointing at the TypeScript lines.
 */
const { createHash } = require("node:crypto");
const { transformSync, version } = require("esbuild");

module.exports = {
  process(source, path) {
    const { code, map } = transformSync(source, {
      loader: "ts",
      format: "cjs",
      target: "node20",
      platform: "node",
      sourcefile: path,
      sourcemap: "both",
      sourcesContent: false,
    });
    return { code, map };
  },
  getCacheKey(source, path, options) {
    return createHash("sha1")
      .update(version)
      .update("\0")
      .update(path)
      .update("\0")
      .update(source)
      .update("\0")
      .update(options.configString)
      .digest("hex");
  },
};
