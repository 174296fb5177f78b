/**
 * Entry of the import dialog: bundled by scripts/lib/html.ts into dist/Import.html.
 */
import { ImportDialog } from "./import";

const root = document.getElementById("app");
if (root) void new ImportDialog(root).start();
