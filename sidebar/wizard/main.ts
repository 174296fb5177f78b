/**
 * Entry of the wizard sidebar: bundled by scripts/lib/html.ts into dist/Wizard.html.
 */
import { Wizard } from "./wizard";

const root = document.getElementById("app");
if (root) void new Wizard(root).start();
