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
}
