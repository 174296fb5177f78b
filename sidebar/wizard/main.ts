/**
 * Entry of the wizard sidebar: bundled by scripts/lib/html.ts into dist/Wizard.html.
 */
import { mount } from "../common/mount";
import { Wizard } from "./wizard";

mount((root) => new Wizard(root).start());
