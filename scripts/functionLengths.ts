/**
 * `npx tsx scripts/functionLengths.ts [folder…] [--limit 80]`: lists the functions longer
 * than the limit (default 80 lines) in the folders (default src), longest first.
 */
import { longFunctions, sourceFiles } from "./lib/functionLengths";

const args = process.argv.slice(2);
const limitAt = args.indexOf("--limit");
const limit = limitAt >= 0 ? Number(args[limitAt + 1]) : 80;
if (!Number.isInteger(limit) || limit < 1)
  throw new Error(`--limit must be a whole number of lines from 1; got ${args[limitAt + 1]}`);
const folders = args.filter((_, i) => i !== limitAt && i !== limitAt + 1);
const root = process.cwd();
const files = (folders.length ? folders : ["src"]).flatMap((folder) => sourceFiles(root, folder));
for (const fn of longFunctions(root, files, limit))
  console.log(`${String(fn.lines).padStart(4)}  ${fn.file}:${fn.line}  ${fn.name}`);
