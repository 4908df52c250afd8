/**
 * Trust (tip 5, the "klik"): how much each party trusts each other party, 0–100, moved
 * by what happens at the table. The session applies these rules to every event; the
 * partners read the levels (disclose above one threshold, walk away below another).
 *
 * | reason                  | when                                                                 | change |
 * |-------------------------|----------------------------------------------------------------------|--------|
 * | question-asked          | the other asks a question about my interests                         |   +1   |
 * | truthful-answer         | the other answers my question truthfully                             |   +3   |
 * | vague-answer            | the other dodges my question                                         |   −1   |
 * | truthful-disclosure     | the other discloses a priority, unprompted and truthfully             |   +4   |
 * | concession              | the other's offer gives me more than its previous offer did          |   +2   |
 * | reciprocated-concession | … right after I conceded to it                                       |   +5   |
 * | retracted-concession    | the other's offer gives me less than its previous offer did          |   −6   |
 * | extreme-anchor          | the other's first offer gives me less than 10 % up my range          |   −8   |
 * | below-batna             | an offer gives me less than my BATNA                                 |   −3   |
 * | misleading-found-out    | an answer or disclosure of the other's turns out to have been false  |  −15   |
 * | revealed-term           | the other puts a term on the table only it knew of (tip 4)           |   +4   |
 *
 * "More" and "less" mean by more than one point. Scripted events (tip 7) may move trust too.
 */
export const TRUST_RULES = {
  "question-asked": 1,
  "truthful-answer": 3,
  "vague-answer": -1,
  "truthful-disclosure": 4,
  concession: 2,
  "reciprocated-concession": 5,
  "retracted-concession": -6,
  "extreme-anchor": -8,
  "below-batna": -3,
  "misleading-found-out": -15,
  "revealed-term": 4,
  scripted: 0,
} as const;

export type TrustReason = keyof typeof TRUST_RULES;

/** A change of one party's trust in another, as recorded in the session. */
export interface TrustChange {
  readonly round: number;
  readonly truster: number;
  readonly trustee: number;
  readonly reason: TrustReason;
  readonly delta: number;
  /** The level after the change. */
  readonly level: number;
}

/** Utility differences smaller than this are not concessions or retractions. */
export const CONCESSION_THRESHOLD = 1;

/** A first offer giving the receiver less than this share up its range is an extreme anchor. */
export const EXTREME_ANCHOR_SHARE = 0.1;

export const DEFAULT_INITIAL_TRUST = 50;

export function clampTrust(level: number): number {
  return Math.min(100, Math.max(0, level));
}
