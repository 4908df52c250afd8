/**
 * A class debrief: many trainees' games of the same scenario, side by side. Games are
 * grouped by scenario and by the seat the trainee played; every figure of a group comes
 * from the games' own debriefs (`computeDebrief`), so a trainee's row says what that
 * trainee's debrief says: the joint gain's share of the most possible, the value left on
 * the table, the deal on the frontier plot and the mistakes, which are the coaching items
 * judged "improve" and the advice they give.
 *
 * Scripted partners from a batch run (`--baseline rows.csv`) give the same figures for the
 * same scenario and seat, one line per style, so a class sees where a logroller and a
 * hardliner land. Content only: class-text.ts, class-json.ts and class-html.ts word it.
 */
import { type ScenarioAnalysis, analyzeScenario } from "../engine/analysis.js";
import { jointRoomAbove } from "../engine/efficiency.js";
import { compileScenario } from "../engine/model.js";
import type { MessageKey } from "../i18n/translate.js";
import type { SessionView } from "../negotiation/session.js";
import type { Transcript } from "../negotiation/transcript.js";
import type { Scenario } from "../scenario/schema.js";
import type { BatchRow } from "../batch/row.js";
import { type Debrief, type ParetoPanel, type Tip, computeDebrief } from "./debrief.js";
import { paretoPanel } from "./debrief-pareto.js";

/** A transcript read from a file, with its session replayed. */
export interface ClassInput {
  readonly file: string;
  readonly transcript: Transcript;
  readonly session: SessionView;
}

/** One piece of advice of a coaching item judged "improve": its tip and the advice's message. */
export interface Mistake {
  readonly tip: Tip;
  readonly advice: MessageKey;
}

export interface ClassGame {
  readonly file: string;
  /** The trainee's name or group from the transcript; null when none was given (the row is then numbered). */
  readonly name: string | null;
  /** The game's number in its group, from 1, in the order of the files' paths. */
  readonly number: number;
  readonly debrief: Debrief;
  readonly mistakes: readonly Mistake[];
}

export interface Summary {
  readonly count: number;
  readonly mean: number;
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** How often a tip was judged "improve", and each of its pieces of advice, most common first. */
export interface TipMistakes {
  readonly tip: Tip;
  /** Games whose item for this tip was judged "improve". */
  readonly games: number;
  readonly advice: readonly { readonly advice: MessageKey; readonly games: number }[];
}

/** The figures of a set of negotiations: a class, or a scripted style in a batch run. */
export interface Figures {
  readonly games: number;
  readonly agreements: number;
  /** Joint gain as a share of the maximal joint gain; null without a package that beats every BATNA. */
  readonly share: Summary | null;
  /** Points of joint gain left on the table; null without a package that beats every BATNA. */
  readonly valueLeft: Summary | null;
}

/** A style of scripted partner in the trainees' seat, over the rows of a batch run. */
export interface BaselineFigures extends Figures {
  readonly style: string;
}

export interface ClassGroup {
  readonly scenario: Scenario;
  /** The party the trainees played. */
  readonly seat: number;
  readonly games: readonly ClassGame[];
  /** Games stopped before their end: counted, not judged. */
  readonly incomplete: number;
  readonly figures: Figures;
  readonly maxJointGain: number | null;
  readonly naiveJointGain: number;
  /** One panel per partner: the frontier of the scenario as written, its BATNAs, Nash point and naive compromise. */
  readonly panels: readonly ParetoPanel[];
  /** Per panel, one point per game: the deal, or the BATNAs without one, as the game's debrief values it. */
  readonly marks: readonly (readonly { readonly x: number; readonly y: number; readonly game: number; readonly deal: boolean }[])[];
  /** Tips with at least one game to improve, most common first. */
  readonly mistakes: readonly TipMistakes[];
  /** The deals with the largest and the smallest share of the maximal joint gain; null without deals. */
  readonly best: ClassGame | null;
  readonly weakest: ClassGame | null;
  /** The most value-creating packages the scenario allows, ranked by Nash product. */
  readonly packages: ScenarioAnalysis["packages"];
  readonly baseline: readonly BaselineFigures[];
}

export interface ClassReport {
  readonly groups: readonly ClassGroup[];
  /** Files given or found that are not readable transcripts, with why. */
  readonly unreadable: readonly { readonly file: string; readonly reason: string }[];
}

/** How many value-creating packages a group lists. */
const PACKAGES_LISTED = 5;

export function classReport(
  inputs: readonly ClassInput[],
  unreadable: ClassReport["unreadable"] = [],
  baselineRows: readonly BatchRow[] = [],
): ClassReport {
  const byGroup = new Map<string, ClassInput[]>();
  for (const input of [...inputs].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0))) {
    // Two versions of a scenario with the same id are two groups: their frontiers differ.
    const key = `${JSON.stringify(input.transcript.scenario)}\u0000${input.transcript.trainee}`;
    const members = byGroup.get(key);
    if (members) members.push(input);
    else byGroup.set(key, [input]);
  }
  const groups = [...byGroup.values()].map((members) => classGroup(members, baselineRows));
  groups.sort((a, b) => a.scenario.id.localeCompare(b.scenario.id) || a.seat - b.seat);
  return { groups, unreadable };
}

function classGroup(members: readonly ClassInput[], baselineRows: readonly BatchRow[]): ClassGroup {
  const { scenario, trainee: seat } = members[0].transcript;
  const analysis = analyzeScenario(compileScenario(scenario), { top: PACKAGES_LISTED });
  const complete = members.filter((member) => member.transcript.complete);
  const games = complete.map((member, k): ClassGame => {
    const debrief = computeDebrief(member.transcript, member.session);
    return { file: member.file, name: member.transcript.name ?? null, number: k + 1, debrief, mistakes: mistakesOf(debrief) };
  });
  const partners = scenario.parties.map((_, p) => p).filter((p) => p !== seat);
  const panels = partners.map((partner) => paretoPanel(analysis, seat, partner, [], null, null));
  const deals = games.filter((game) => game.debrief.deal !== null && game.debrief.shareOfMaxJointGain !== null);
  const byShare = [...deals].sort((a, b) => b.debrief.shareOfMaxJointGain! - a.debrief.shareOfMaxJointGain!);
  return {
    scenario,
    seat,
    games,
    incomplete: members.length - complete.length,
    figures: figures(games.map((game) => game.debrief)),
    maxJointGain: analysis.maxJointGain,
    naiveJointGain: analysis.naiveJointGain,
    panels,
    marks: partners.map((_, k) =>
      games.map((game) => {
        const panel = game.debrief.pareto[k];
        const point = panel.deal ?? panel.batna;
        return { x: point.x, y: point.y, game: game.number, deal: panel.deal !== null };
      }),
    ),
    mistakes: tipMistakes(games),
    best: byShare[0] ?? null,
    // The weakest is the last of the sort; among equal shares the first game stays the best.
    weakest: byShare.at(-1) ?? null,
    packages: analysis.packages,
    baseline: baselineFigures(analysis, scenario, seat, baselineRows),
  };
}

/** Every piece of advice of the items judged "improve". */
export function mistakesOf(debrief: Debrief): Mistake[] {
  return debrief.coaching.filter((item) => item.verdict === "improve").flatMap((item) => item.text.map((ref) => ({ tip: item.tip, advice: ref.key })));
}

function tipMistakes(games: readonly ClassGame[]): TipMistakes[] {
  const tips = new Map<Tip, { games: Set<number>; advice: Map<MessageKey, Set<number>> }>();
  for (const game of games) {
    for (const mistake of game.mistakes) {
      let tip = tips.get(mistake.tip);
      if (!tip) tips.set(mistake.tip, (tip = { games: new Set(), advice: new Map() }));
      tip.games.add(game.number);
      let advice = tip.advice.get(mistake.advice);
      if (!advice) tip.advice.set(mistake.advice, (advice = new Set()));
      advice.add(game.number);
    }
  }
  return [...tips.entries()]
    .map(([tip, found]) => ({
      tip,
      games: found.games.size,
      advice: [...found.advice.entries()].map(([advice, numbers]) => ({ advice, games: numbers.size })).sort((a, b) => b.games - a.games),
    }))
    .sort((a, b) => b.games - a.games || a.tip - b.tip);
}

/** The class figures of debriefs: every share and value left as the debrief computed it. */
export function figures(debriefs: readonly Pick<Debrief, "deal" | "shareOfMaxJointGain" | "valueLeftOnTable">[]): Figures {
  return figuresOf(
    debriefs.length,
    debriefs.filter((debrief) => debrief.deal !== null).length,
    debriefs.flatMap((debrief) => (debrief.shareOfMaxJointGain === null ? [] : [debrief.shareOfMaxJointGain])),
    debriefs.flatMap((debrief) => (debrief.valueLeftOnTable === null ? [] : [debrief.valueLeftOnTable])),
  );
}

function figuresOf(games: number, agreements: number, shares: readonly number[], valueLeft: readonly number[]): Figures {
  return { games, agreements, share: summary(shares), valueLeft: summary(valueLeft) };
}

export function summary(values: readonly number[]): Summary | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return {
    count: sorted.length,
    mean: sorted.reduce((sum, value) => sum + value, 0) / sorted.length,
    median: sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2,
    min: sorted[0],
    max: sorted[sorted.length - 1],
  };
}

/**
 * The batch rows of this scenario, per style in the trainees' seat. A row's share is the
 * batch's own; the value left is computed as the debrief does: the room above the deal on
 * the frontier, or the whole maximal joint gain without a deal.
 */
function baselineFigures(analysis: ScenarioAnalysis, scenario: Scenario, seat: number, rows: readonly BatchRow[]): BaselineFigures[] {
  const byStyle = new Map<string, BatchRow[]>();
  for (const row of rows) {
    if (row.scenario !== scenario.id || row.utilities.length !== scenario.parties.length) continue;
    const style = row.strategies[seat];
    const members = byStyle.get(style);
    if (members) members.push(row);
    else byStyle.set(style, [row]);
  }
  const { maxJointGain, frontier } = analysis;
  return [...byStyle.entries()]
    .map(([style, members]) => {
      const shares = maxJointGain === null ? [] : members.map((row) => row.shareOfMaxJointGain);
      const valueLeft = maxJointGain === null ? [] : members.map((row) => (row.agreement ? jointRoomAbove(frontier, row.utilities) : maxJointGain));
      return { style, ...figuresOf(members.length, members.filter((row) => row.agreement).length, shares, valueLeft) };
    })
    .sort((a, b) => (b.share?.mean ?? 0) - (a.share?.mean ?? 0) || a.style.localeCompare(b.style));
}

export interface Bin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
}

/**
 * Bins of width `step` from `from` up to at least `top` and the largest value: shares in
 * tenths from 0 (or lower, for deals below the BATNAs) to 100 %, value left in tenths of the
 * maximal joint gain. A value on a boundary goes to the bin above it, the top one excepted.
 */
export function histogram(values: readonly number[], step: number, from: number, top: number): Bin[] {
  let low = from;
  let high = top;
  for (const value of values) {
    low = Math.min(low, from - Math.ceil((from - value) / step - 1e-9) * step);
    high = Math.max(high, value);
  }
  const count = Math.max(1, Math.ceil((high - low) / step - 1e-9));
  const bins = Array.from({ length: count }, (_, k) => ({ from: low + k * step, to: low + (k + 1) * step, count: 0 }));
  // A tiny tolerance keeps 0.3 in the 30–40 % bin despite float noise.
  for (const value of values) bins[Math.min(count - 1, Math.floor((value - low) / step + 1e-9))].count++;
  return bins;
}
