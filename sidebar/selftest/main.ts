/**
 * Entry of the self-test dialog: bundled by scripts/lib/html.ts into dist/SelfTest.html.
 */
import { SelfTestDialog } from "./selfTest";

const root = document.getElementById("app");
if (root) void new SelfTestDialog(root).start();
