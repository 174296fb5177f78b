/**
 * Entry of the share dialog: bundled by scripts/lib/html.ts into dist/Share.html.
 */
import { mount } from "../common/mount";
import { ShareDialog } from "./share";

mount((root) => new ShareDialog(root).start());
