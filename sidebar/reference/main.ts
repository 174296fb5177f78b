/**
 * Entry of the function reference dialog: bundled by scripts/lib/html.ts into
 * dist/Reference.html, with the registry's text as JSON in #rf-data.
 */
import type { ReferenceData } from "../../scripts/lib/referenceHtml";
import { ReferencePage } from "./reference";

const root = document.getElementById("app");
const data = JSON.parse(document.getElementById("rf-data")?.textContent ?? "{}") as ReferenceData;
if (root) new ReferencePage(root, data).start();
