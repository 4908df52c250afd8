/**
 * Summaries of a batch run: how each pairing and each strategy fared, every mean with a 95 %
 * confidence interval.
 *
 * Groups:
 * - a *pairing* is a scenario × the strategies per seat, in seat order. Seats stay apart and
 *   scenarios are not pooled because the parties of a scenario are asymmetric (different issues,
 *   weights and BATNAs): "A as buyer vs B as seller" is a different experiment from the reverse,
 *   and a utility averaged over seats or scenarios would mix incomparable scales.
 * - a *strategy* pools every seat it played in every scenario. Its utility is its own, one
 *   observation per seat (a self-play negotiation gives two); the negotiation-level measures
 *   (agreement, joint utility, share of the maximal joint gain, rounds) count each negotiation it
 *   took part in once, so self-play does not double-weight them.
 *
 * - a *partnership strategy* is a strategy on one partnership scenario (stages differ between
 *   scenarios, so they are not pooled): its own utility at every stage (one observation per seat
 *   it played that was in the stage) and summed over the stages, and per partnership it took part
 *   in, once: every stage completed, an agreement in force at each stage, shares of the maximal
 *   joint gain. A seat that was in no stage (a party that was to join a partnership that ended
 *   first) did not play: its utility counts neither here nor in the strategy and pairing groups.
 *
 * Rows are folded in one pass with constant memory per group (Welford's running mean and sum of
 * squared deviations), since a run may produce millions of rows. The intervals assume the rows of
 * a group are independent draws, which holds across seeds.
 */
import { type MathJs, mathjs } from "../engine/mathjs.js";
import { translator } from "../i18n/translate.js";
import type { BatchRow } from "./row.js";

let statisticsLoaded: MathJs | undefined;

/**
 * Loads mathjs (its number-only build), which the intervals need. Rows are folded in without
 * it: a batch run loads it only to print its summary, after the workers are done, so its
 * 60 MB never add to the run's peak memory. Call before summary(), summarise() or wilson().
 */
export async function loadStatistics(): Promise<void> {
  statisticsLoaded ??= mathjs();
}

function statistics(): MathJs {
  if (!statisticsLoaded) throw new Error("loadStatistics() must be awaited before a summary is computed");
  return statisticsLoaded;
}

const LEVEL = 0.95;

/** A sample mean with its Student-t interval; `std`, `halfWidth`, `lower` and `upper` are NaN below two observations. */
export interface Estimate {
  readonly n: number;
  readonly mean: number;
  /** Unbiased (n − 1) standard deviation. */
  readonly std: number;
  readonly halfWidth: number;
  readonly lower: number;
  readonly upper: number;
}

/** A proportion with its Wilson score interval (asymmetric, and sensible at 0 % and 100 %, unlike the Wald interval). */
export interface Proportion {
  readonly n: number;
  readonly successes: number;
  readonly rate: number;
  readonly lower: number;
  readonly upper: number;
}

export interface Outcomes {
  /** Negotiations in the group. */
  readonly count: number;
  readonly agreement: Proportion;
  readonly jointUtility: Estimate;
  readonly shareOfMaxJointGain: Estimate;
  readonly rounds: Estimate;
}

export interface PairingSummary extends Outcomes {
  readonly scenario: string;
  /** Strategy per seat, in party order. */
  readonly strategies: readonly string[];
  /** Utility per seat. */
  readonly utilities: readonly Estimate[];
}

export interface StrategySummary extends Outcomes {
  readonly strategy: string;
  /** Own utility, one observation per seat played (so `utility.n` ≥ `count`). */
  readonly utility: Estimate;
}

/** How a strategy fared at one stage of a partnership scenario. */
export interface StageSummary {
  readonly stage: number;
  /** Own utility, one observation per seat played that was in the stage. */
  readonly utility: Estimate;
  /** Partnerships with an agreement in force at the stage's end. */
  readonly agreement: Proportion;
  readonly shareOfMaxJointGain: Estimate;
}

/** A strategy on a partnership scenario: per stage and over the whole partnership. */
export interface PartnershipSummary {
  readonly scenario: string;
  readonly strategy: string;
  /** Partnerships it took part in. */
  readonly count: number;
  /** Own utility summed over the stages, one observation per seat played that was in a stage. */
  readonly utility: Estimate;
  /** Of the sum of the stages' maximal joint gains. */
  readonly shareOfMaxJointGain: Estimate;
  /** Partnerships that played every stage. */
  readonly completed: Proportion;
  readonly stages: readonly StageSummary[];
}

export interface BatchSummary {
  readonly rows: number;
  /** Sorted by scenario, then strategies: the order does not depend on the order of the rows. */
  readonly pairings: readonly PairingSummary[];
  /** Sorted by strategy id. */
  readonly strategies: readonly StrategySummary[];
  /** Only when there are partnership rows; sorted by scenario, then strategy. */
  readonly partnerships?: readonly PartnershipSummary[];
}

// ---------------------------------------------------------------------------------------------
// Quantiles

/**
 * Quantile `p` of Student's t distribution with `df` degrees of freedom (a positive integer, or
 * Infinity for the normal distribution).
 *
 * For df ≤ 200 the exact distribution function for integer df (Abramowitz & Stegun 26.7.3–4, a
 * finite trigonometric series) is inverted by bisection. Above that the Cornish–Fisher expansion
 * around the normal quantile (A&S 26.7.5, terms to df⁻⁴) is used instead: at df = 201 it differs
 * from the exact value by 2e-12 for p = 0.975 and 3e-10 for p = 0.9995, and it avoids a series
 * whose length grows with df.
 */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`quantile probability must lie in (0, 1), got ${p}`);
  if (!(df === Infinity || (Number.isInteger(df) && df >= 1))) {
    throw new RangeError(`degrees of freedom must be a positive integer or Infinity, got ${df}`);
  }
  if (df === Infinity) return normalQuantile(p);
  if (df > EXACT_DF_LIMIT) return cornishFisher(normalQuantile(p), df);
  return invertCentral((t) => tCentral(t, df), p);
}

const EXACT_DF_LIMIT = 200;

/** P(|Z| < x) = erf(x / √2) for a standard normal Z. */
function normalQuantile(p: number): number {
  const { erf } = statistics();
  return invertCentral((x) => erf(x / Math.SQRT2), p);
}

/** P(|T| < t) for T ~ t(df), integer df ≥ 1, t ≥ 0 (A&S 26.7.3 for odd df, 26.7.4 for even df). */
function tCentral(t: number, df: number): number {
  const theta = Math.atan(t / Math.sqrt(df));
  const cos2 = Math.cos(theta) ** 2;
  const odd = df % 2 === 1;
  // Terms c_k·cos^k θ with c_k = c_{k−2}·(k − 1)/k: odd df start at cos θ (none for df = 1), even at 1.
  let term = odd ? Math.cos(theta) : 1;
  let sum = odd && df === 1 ? 0 : term;
  for (let k = odd ? 3 : 2; k < df; k += 2) {
    term *= (cos2 * (k - 1)) / k;
    sum += term;
  }
  return odd ? (2 / Math.PI) * (theta + Math.sin(theta) * sum) : Math.sin(theta) * sum;
}

function cornishFisher(z: number, df: number): number {
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  return z + (g1 + (g2 + (g3 + g4 / df) / df) / df) / df;
}

/**
 * Quantile `p` of a distribution symmetric about 0, given its increasing central probability
 * P(|X| < x) for x ≥ 0: bracket by doubling, then bisect to (nearly) full double precision.
 */
function invertCentral(central: (x: number) => number, p: number): number {
  if (p < 0.5) return -invertCentral(central, 1 - p);
  const target = 2 * p - 1;
  let lo = 0;
  let hi = 1;
  while (central(hi) < target) [lo, hi] = [hi, 2 * hi];
  while (hi - lo > 1e-15 * hi) {
    const mid = (lo + hi) / 2;
    if (central(mid) < target) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/** The standard normal quantile of 0.5 + LEVEL / 2 (tQuantile(0.975, Infinity) computes it; a test keeps them equal). */
const Z = 1.959963984540054;

/** Wilson score interval for `successes` out of `n` (n ≥ 1). */
export function wilson(successes: number, n: number): Proportion {
  const rate = successes / n;
  const z2n = (Z * Z) / n;
  const centre = (rate + z2n / 2) / (1 + z2n);
  const half = (Z / (1 + z2n)) * root((rate * (1 - rate)) / n + z2n / (4 * n));
  // Clamped because rounding can push the bounds a hair outside [0, 1] at 0 % and 100 %.
  return { n, successes, rate, lower: Math.max(0, centre - half), upper: Math.min(1, centre + half) };
}

/** mathjs' sqrt is typed number | Complex; every argument here is a non-negative real. */
function root(x: number): number {
  return statistics().sqrt(x) as number;
}

// ---------------------------------------------------------------------------------------------
// Streaming accumulation

/** Welford's algorithm: running mean and sum of squared deviations, numerically stable in one pass. */
class Moments {
  private n = 0;
  private mean = 0;
  private m2 = 0;

  add(x: number): void {
    this.n += 1;
    const delta = x - this.mean;
    this.mean += delta / this.n;
    this.m2 += delta * (x - this.mean);
  }

  estimate(): Estimate {
    const { n, mean } = this;
    if (n < 2) return { n, mean, std: NaN, halfWidth: NaN, lower: NaN, upper: NaN };
    const std = root(this.m2 / (n - 1));
    const halfWidth = (tQuantile(0.5 + LEVEL / 2, n - 1) * std) / root(n);
    return { n, mean, std, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth };
  }
}

class OutcomeMoments {
  private agreements = 0;
  private readonly joint = new Moments();
  private readonly share = new Moments();
  private readonly rounds = new Moments();

  add(row: BatchRow): void {
    if (row.agreement) this.agreements += 1;
    this.joint.add(row.jointUtility);
    this.share.add(row.shareOfMaxJointGain);
    this.rounds.add(row.rounds);
  }

  outcomes(): Outcomes {
    const jointUtility = this.joint.estimate();
    return {
      count: jointUtility.n,
      agreement: wilson(this.agreements, jointUtility.n),
      jointUtility,
      shareOfMaxJointGain: this.share.estimate(),
      rounds: this.rounds.estimate(),
    };
  }
}

/** Seats that played: in a partnership's row, those that were in at least one stage. */
function playedSeats(row: BatchRow): number[] {
  return row.strategies.flatMap((_, seat) => (row.stages === undefined || row.stages.some((stage) => stage.utilities[seat] !== null) ? [seat] : []));
}

class StageMoments {
  agreements = 0;
  readonly utility = new Moments();
  readonly share = new Moments();
}

class PartnershipMoments {
  private count = 0;
  private completed = 0;
  private readonly utility = new Moments();
  private readonly share = new Moments();
  private readonly stages: StageMoments[] = [];

  /** A partnership the strategy played in `seats`. */
  add(row: BatchRow, seats: readonly number[]): void {
    const stages = row.stages!;
    this.count += 1;
    if (row.agreement) this.completed += 1;
    this.share.add(row.shareOfMaxJointGain);
    for (const seat of seats) this.utility.add(row.utilities[seat]);
    stages.forEach((result, k) => {
      const stage = (this.stages[k] ??= new StageMoments());
      if (result.agreement !== null) stage.agreements += 1;
      stage.share.add(result.share);
      for (const seat of seats) if (result.utilities[seat] !== null) stage.utility.add(result.utilities[seat]);
    });
  }

  summary(scenario: string, strategy: string): PartnershipSummary {
    return {
      scenario,
      strategy,
      count: this.count,
      utility: this.utility.estimate(),
      shareOfMaxJointGain: this.share.estimate(),
      completed: wilson(this.completed, this.count),
      stages: this.stages.map((stage, k) => ({ stage: k, utility: stage.utility.estimate(), agreement: wilson(stage.agreements, this.count), shareOfMaxJointGain: stage.share.estimate() })),
    };
  }
}

interface PairingGroup {
  readonly scenario: string;
  readonly strategies: readonly string[];
  readonly outcomes: OutcomeMoments;
  readonly utilities: Moments[];
}

interface StrategyGroup {
  readonly outcomes: OutcomeMoments;
  readonly utility: Moments;
}

/** Incremental form of {@link summarise}, for a runner that receives rows one at a time. */
export class Summariser {
  private rows = 0;
  private readonly pairings = new Map<string, PairingGroup>();
  private readonly strategies = new Map<string, StrategyGroup>();
  private readonly partnerships = new Map<string, { readonly scenario: string; readonly strategy: string; readonly moments: PartnershipMoments }>();

  add(row: BatchRow): void {
    if (row.utilities.length !== row.strategies.length) {
      throw new Error(
        `task ${row.task}: ${row.utilities.length} utilities for ${row.strategies.length} seats`,
      );
    }
    this.rows += 1;
    const seats = playedSeats(row);
    const pairing = this.pairing(row);
    pairing.outcomes.add(row);
    for (const seat of seats) pairing.utilities[seat].add(row.utilities[seat]);

    for (const id of new Set(row.strategies)) this.strategy(id).outcomes.add(row);
    for (const seat of seats) this.strategy(row.strategies[seat]).utility.add(row.utilities[seat]);
    if (row.stages !== undefined) {
      for (const id of new Set(row.strategies)) this.partnership(row.scenario, id).add(row, seats.filter((seat) => row.strategies[seat] === id));
    }
  }

  summary(): BatchSummary {
    const pairings = [...this.pairings.values()]
      .map((group) => ({
        scenario: group.scenario,
        strategies: group.strategies,
        ...group.outcomes.outcomes(),
        utilities: group.utilities.map((moments) => moments.estimate()),
      }))
      .sort((a, b) => compareText(a.scenario, b.scenario) || compareLists(a.strategies, b.strategies));
    const strategies = [...this.strategies.entries()]
      .map(([strategy, group]) => ({ strategy, ...group.outcomes.outcomes(), utility: group.utility.estimate() }))
      .sort((a, b) => compareText(a.strategy, b.strategy));
    const partnerships = [...this.partnerships.values()]
      .map(({ scenario, strategy, moments }) => moments.summary(scenario, strategy))
      .sort((a, b) => compareText(a.scenario, b.scenario) || compareText(a.strategy, b.strategy));
    return { rows: this.rows, pairings, strategies, ...(partnerships.length > 0 ? { partnerships } : {}) };
  }

  private partnership(scenario: string, strategy: string): PartnershipMoments {
    const key = JSON.stringify([scenario, strategy]);
    let group = this.partnerships.get(key);
    if (group === undefined) {
      group = { scenario, strategy, moments: new PartnershipMoments() };
      this.partnerships.set(key, group);
    }
    return group.moments;
  }

  private pairing(row: BatchRow): PairingGroup {
    // JSON keeps the key unambiguous whatever characters the ids contain.
    const key = JSON.stringify([row.scenario, ...row.strategies]);
    let group = this.pairings.get(key);
    if (group === undefined) {
      group = {
        scenario: row.scenario,
        strategies: [...row.strategies],
        outcomes: new OutcomeMoments(),
        utilities: row.strategies.map(() => new Moments()),
      };
      this.pairings.set(key, group);
    }
    return group;
  }

  private strategy(id: string): StrategyGroup {
    let group = this.strategies.get(id);
    if (group === undefined) {
      group = { outcomes: new OutcomeMoments(), utility: new Moments() };
      this.strategies.set(id, group);
    }
    return group;
  }
}

export function summarise(rows: Iterable<BatchRow>): BatchSummary {
  const summariser = new Summariser();
  for (const row of rows) summariser.add(row);
  return summariser.summary();
}

// ---------------------------------------------------------------------------------------------
// Ranking and tables

/** Code-unit order rather than localeCompare, so output does not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareLists(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const order = compareText(a[i], b[i]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

/** Best first: mean own utility, then mean share of the maximal joint gain, then id. */
export function rankStrategies(summary: BatchSummary): StrategySummary[] {
  return [...summary.strategies].sort(
    (a, b) =>
      b.utility.mean - a.utility.mean ||
      b.shareOfMaxJointGain.mean - a.shareOfMaxJointGain.mean ||
      compareText(a.strategy, b.strategy),
  );
}

/**
 * Best first: mean share of the maximal joint gain — how much of the available mutual gain a
 * pairing realised, the quantity the simulator is about — then mean joint utility, then scenario
 * and strategies.
 */
function rankPairings(summary: BatchSummary): PairingSummary[] {
  return [...summary.pairings].sort(
    (a, b) =>
      b.shareOfMaxJointGain.mean - a.shareOfMaxJointGain.mean ||
      b.jointUtility.mean - a.jointUtility.mean ||
      compareText(a.scenario, b.scenario) ||
      compareLists(a.strategies, b.strategies),
  );
}

export interface Table {
  readonly header: string[];
  readonly rows: string[][];
}

/**
 * A ranked table of strategies ({@link rankStrategies}) or pairings (by share of the maximal joint
 * gain). Its headings are English: batch has no language option, and its tables are for analysts.
 */
export function summaryTable(summary: BatchSummary, kind: "strategy" | "pairing"): Table {
  const t = translator("en");
  // The ranking's measure first, the count last: a table split to fit a terminal keeps what matters in front.
  const measures = (o: Outcomes) => [formatProportion(o.agreement), formatEstimate(o.jointUtility), formatEstimate(o.rounds), String(o.count)];
  const tail = [t("batch.header.agreement"), t("batch.header.jointUtility"), t("batch.header.rounds"), t("batch.header.negotiations")];
  const [rank, share] = [t("batch.header.rank"), t("batch.header.share")];
  if (kind === "strategy") {
    return {
      header: [rank, t("batch.header.strategy"), t("batch.header.ownUtility"), share, ...tail],
      rows: rankStrategies(summary).map((s, i) => [
        String(i + 1),
        s.strategy,
        formatEstimate(s.utility),
        formatEstimate(s.shareOfMaxJointGain),
        ...measures(s),
      ]),
    };
  }
  return {
    header: [rank, t("batch.header.scenario"), t("batch.header.pairing"), share, t("batch.header.utilityPerSeat"), ...tail],
    rows: rankPairings(summary).map((p, i) => [
      String(i + 1),
      p.scenario,
      p.strategies.reduce((a, b) => t("batch.versus", { a, b })),
      formatEstimate(p.shareOfMaxJointGain),
      p.utilities.map(formatEstimate).join(" / "),
      ...measures(p),
    ]),
  };
}

/** The partnership scenarios of a summary, in order. */
export function partnershipScenarios(summary: BatchSummary): string[] {
  return [...new Set((summary.partnerships ?? []).map((group) => group.scenario))];
}

/**
 * A partnership scenario's strategies, best first by mean own utility over the whole
 * partnership (then share, then id): in total, then stage by stage. English, as summaryTable.
 */
export function partnershipTable(summary: BatchSummary, scenario: string): Table {
  const t = translator("en");
  const groups = (summary.partnerships ?? [])
    .filter((group) => group.scenario === scenario)
    .sort((a, b) => b.utility.mean - a.utility.mean || b.shareOfMaxJointGain.mean - a.shareOfMaxJointGain.mean || compareText(a.strategy, b.strategy));
  const stages = Math.max(0, ...groups.map((group) => group.stages.length));
  const perStage = (k: number) => [t("batch.header.stageUtility", { stage: k }), t("batch.header.stageAgreement", { stage: k }), t("batch.header.stageShare", { stage: k })];
  return {
    header: [
      t("batch.header.rank"),
      t("batch.header.strategy"),
      t("batch.header.totalUtility"),
      t("batch.header.share"),
      t("batch.header.completed"),
      ...Array.from({ length: stages }, (_, k) => perStage(k)).flat(),
      t("batch.header.partnerships"),
    ],
    rows: groups.map((group, i) => [
      String(i + 1),
      group.strategy,
      formatEstimate(group.utility),
      formatEstimate(group.shareOfMaxJointGain),
      formatProportion(group.completed),
      ...Array.from({ length: stages }, (_, k) => {
        const stage = group.stages[k];
        return stage ? [formatEstimate(stage.utility), `${fixed(100 * stage.agreement.rate, 1)}%`, formatEstimate(stage.shareOfMaxJointGain)] : ["", "", ""];
      }).flat(),
      String(group.count),
    ]),
  };
}

/**
 * "mean ± half-width", both with as many decimals (1 to 3) as give the half-width two
 * significant digits: more would be noise, fewer would hide the difference between close means.
 * Below two observations there is no interval and only the mean is shown, with 3 decimals;
 * without any (a partnership's seat that was in no stage), a dash.
 */
export function formatEstimate(estimate: Estimate): string {
  const { mean, halfWidth } = estimate;
  if (estimate.n === 0) return "–";
  if (!(halfWidth > 0)) {
    return Number.isNaN(halfWidth) ? fixed(mean, 3) : `${fixed(mean, 3)} ± ${fixed(0, 3)}`;
  }
  const decimals = Math.min(3, Math.max(1, 1 - Math.floor(Math.log10(halfWidth))));
  return `${fixed(mean, decimals)} ± ${fixed(halfWidth, decimals)}`;
}

/** Percentages with the Wilson bounds, which are asymmetric and so cannot be written "± h". */
function formatProportion(p: Proportion): string {
  return `${fixed(100 * p.rate, 1)}% [${fixed(100 * p.lower, 1)}–${fixed(100 * p.upper, 1)}]`;
}

/** toFixed without the "-0.0" that rounding a small negative number produces. */
function fixed(x: number, decimals: number): string {
  const text = x.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}
