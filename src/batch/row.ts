import type { PartnershipEnd } from "../negotiation/partnership/run.js";

/** One negotiation of a batch run, as written to CSV/JSONL and folded into summaries. */
export interface BatchRow {
  task: number;                 // index of the negotiation in the run's plan (stable)
  scenario: string;             // scenario id
  strategies: string[];         // style per seat (party order)
  seed: string;
  agreement: boolean;
  outcome: "agreement" | "walk-away" | "deadline";
  rounds: number;
  utilities: number[];          // per seat (BATNA when no agreement)
  jointUtility: number;         // Σ utilities
  jointGain: number;            // Σ (utility − BATNA)
  shareOfMaxJointGain: number;  // jointGain / maxJointGain (0 without agreement)
  distanceToFrontier: number;   // 0 on the frontier
  distanceToNash: number;
  // Only in the row of a partnership (a scenario with `partnership`; partnership.ts), where the
  // fields above are of the whole partnership: utilities and gains summed over its stages.
  ambition?: string | null;     // the ambition agreed; null: none (or no ambition phase)
  end?: PartnershipEnd;         // why the partnership ended
  stages?: StageResult[];       // one per stage of the scenario, reached or not
}

/** A partnership's stage as scored by a batch: the agreement in force at its end, under its conditions. */
export interface StageResult {
  stage: number;                                  // index, from 0
  agreement: Record<string, string> | null;       // issue id → option id; null: none in force
  utilities: (number | null)[];                   // per seat; null: the party was not in the stage
  jointGain: number;                              // Σ over the stage's parties of (utility − BATNA)
  maxJointGain: number;                           // the stage's maximal joint gain (0 when none)
  share: number;                                  // jointGain / maxJointGain (0 when that is 0)
}
