import { findFunction } from "../functions/definitions";
import { invoke, type CallResult } from "../functions/registry";
import { sheetsCallContext } from "./callContext";

/** Entry of every generated `SLA_*` stub: Sheets passes the cell arguments straight through. */
export function runCustomFunction(name: string, args: readonly unknown[]): CallResult {
  const fn = findFunction(name);
  if (!fn) throw new Error(`${name}: this function is not part of Marketing & Sales SLA`);
  return invoke(fn, args, sheetsCallContext());
}
