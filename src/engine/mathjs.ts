/**
 * mathjs (its number-only build), loaded the first time something needs it and not before:
 * it takes about a third of a second to load, and most commands on most scenarios never do.
 * Loaded synchronously (its CommonJS build), so that compiling a scenario stays synchronous.
 */
import { createRequire } from "node:module";

export type MathJs = typeof import("mathjs/number");

let loaded: MathJs | undefined;

export function mathjs(): MathJs {
  loaded ??= createRequire(import.meta.url)("mathjs/number") as MathJs;
  return loaded;
}
