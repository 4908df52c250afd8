/**
 * Tip 7: how a scripted partner reviews the partnership at a new stage, by its style's
 * family. Its facts: what the agreement in force gives it under the new conditions, its
 * BATNA, its best package, and whether anything changed since the agreement was made.
 */
import type { StyleFamily } from "./types.js";

export type ReviewDecision = "keep" | "adjust" | "leave";

export interface ReviewFacts {
  readonly statusQuo: number;
  readonly batna: number;
  readonly best: number;
  /** Events changed the conditions, or the party is new to the partnership. */
  readonly changed: boolean;
  readonly newcomer: boolean;
}

/** A win-lose partner reopens the agreement when it could take this share of its range more for itself. */
const GRAB_SHARE = 0.2;

export function reviewDecision(family: StyleFamily, facts: ReviewFacts): ReviewDecision {
  // A newcomer's own table has still to be negotiated.
  if (facts.newcomer) return "adjust";
  const belowAlternative = facts.statusQuo < facts.batna;
  switch (family) {
    case "win-lose":
      if (belowAlternative) return "leave";
      return facts.best - facts.statusQuo > GRAB_SHARE * Math.max(0, facts.best - facts.batna) ? "adjust" : "keep";
    case "win-win":
      // Partners change: a cooperative partner works on the partnership whenever something did, and tries before it leaves.
      return belowAlternative || facts.changed ? "adjust" : "keep";
    case "baseline":
      return belowAlternative ? "adjust" : "keep";
  }
}
