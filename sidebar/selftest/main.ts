/**
 * Entry of the self-test dialog: bundled by scripts/lib/html.ts into dist/SelfTest.html.
 */
import { mount } from "../common/mount";
import { SelfTestDialog } from "./selfTest";

mount((root) => new SelfTestDialog(root).start());
