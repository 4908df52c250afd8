/**
 * What the command line offers and checks before any command's implementation is loaded: the
 * languages, the partner styles' ids, the template's sizes, a trainee's name and the --shard
 * syntax. A leaf (it imports only errors.ts), so that `--help` and the option parsers need no
 * schema, registry or plan: the modules that own these re-export them from here, and a test
 * holds the style ids to the registry.
 */
import { UserError } from "./errors.js";

/** The languages of the texts and the output. */
export const SUPPORTED_LANGUAGES = ["en", "nl"] as const;
export type Language = (typeof SUPPORTED_LANGUAGES)[number];

/** The partner styles' ids, in the registry's order. */
export const PARTNER_STYLE_IDS = [
  "hardliner",
  "boulware",
  "anchor-and-bluff",
  "take-it-or-leave-it",
  "logroller",
  "meso",
  "reciprocator",
  "conceder",
  "linear",
  "random",
] as const;

export const SURPRISE = "surprise";

/** The choices a picker offers for the partners: every registered style, then "surprise me". */
export function partnerChoices(): string[] {
  return [...PARTNER_STYLE_IDS, SURPRISE];
}

/** The sizes `init` writes a template in (its --parties and --issues). */
/**
 * Below this many negotiations a batch runs in one thread unless --workers says otherwise: each
 * worker thread starts, loads its code and warms V8's compiler up on its own, about 0.7 s more
 * than one thread on a 2-core machine, which a second thread makes up only after some 40 000
 * negotiations of the built-in styles (docs/performance.md, bench section 17).
 */
export const THREADS_PAY_OFF = 40_000;
/** The most worker threads a batch starts by default. */
export const DEFAULT_MAX_WORKERS = 2;

export const TEMPLATE_PARTIES = { min: 2, max: 8, default: 2 } as const;
export const TEMPLATE_ISSUES = { min: 3, max: 10, default: 4 } as const;

/** Longer than any name or group a trainer would put on a row of the class report. */
export const TRAINEE_NAME_MAX_LENGTH = 60;

/** A name as typed: no control characters, no leading or trailing spaces. */
export const TRAINEE_NAME_PATTERN = /^[^\s\p{Cc}](?:[^\p{Cc}]*[^\s\p{Cc}])?$/u;

/** Whether `name` is one a transcript keeps (the transcript's schema, TraineeName, says the same). */
export function isTraineeName(name: string): boolean {
  return name.length <= TRAINEE_NAME_MAX_LENGTH && TRAINEE_NAME_PATTERN.test(name);
}

/** A batch job's share of the plan: the tasks whose index ≡ index (mod count). */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_PLAN: Shard = { index: 0, count: 1 };

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(count >= 1 && index < count)) {
    throw new UserError(`--shard expects i/n with 0 ≤ i < n (the first shard is 0), e.g. --shard 0/4; got "${text}".`);
  }
  return { index, count };
}
