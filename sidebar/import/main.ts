/**
 * Entry of the import dialog: bundled by scripts/lib/html.ts into dist/Import.html.
 */
import { mount } from "../common/mount";
import { ImportDialog } from "./import";

mount((root) => new ImportDialog(root).start());
