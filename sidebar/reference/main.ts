/**
 * Entry of the function reference dialog: bundled by scripts/lib/html.ts into
 * dist/Reference.html, with the registry's text as JSON in #rf-data.
 */
import type { ReferenceData } from "../../scripts/lib/referenceHtml";
import { mount } from "../common/mount";
import { ReferencePage } from "./reference";

const data = JSON.parse(document.getElementById("rf-data")?.textContent ?? "{}") as ReferenceData;
mount((root) => new ReferencePage(root, data).start());
