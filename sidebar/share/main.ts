/**
 * Entry of the share dialog: bundled by scripts/lib/html.ts into dist/Share.html.
 */
import { ShareDialog } from "./share";

const root = document.getElementById("app");
if (root) void new ShareDialog(root).start();
