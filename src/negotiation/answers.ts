/** What a party would answer to each question if it told the truth, read off the scenario. */
import { termsBroughtOut } from "./hidden-terms.js";
import { issuePriorities } from "../engine/issues.js";
import { mean, quantile } from "../engine/distributions.js";
import { type CompiledScenario, contribution, isAvailable, utilityBounds } from "../engine/model.js";
import type { AnswerContent, Honesty, Importance, Move, PackageArray, Question } from "./protocol.js";
import type { SessionView } from "./session.js";

/** A priority share this many times the average share is "high"; below LOW_SHARE times it, "low". */
const HIGH_SHARE = 1.5;
const LOW_SHARE = 0.6;

export function importanceOf(model: CompiledScenario, party: number, issue: number): Importance {
  const share = issuePriorities(model)[party * model.issueCount + issue] * model.issueCount;
  return share >= HIGH_SHARE ? "high" : share <= LOW_SHARE ? "low" : "medium";
}

const orderCache = new WeakMap<CompiledScenario, number[][]>();

/** Issues by the party's priority, highest first (lower index first among equals). Cached per model: do not modify. */
export function issuesByPriority(model: CompiledScenario, party: number): readonly number[] {
  let orders = orderCache.get(model);
  if (!orders) {
    const priorities = issuePriorities(model);
    orders = model.partyIds.map((_, p) =>
      Array.from({ length: model.issueCount }, (_, i) => i).sort(
        (a, b) => priorities[p * model.issueCount + b] - priorities[p * model.issueCount + a] || a - b,
      ),
    );
    orderCache.set(model, orders);
  }
  return orders[party];
}

const rankingCache = new WeakMap<CompiledScenario, (readonly number[] | undefined)[]>();

/** The options of an issue from the party's best to its worst; equal ones in option order. A new array each call. */
export function optionRanking(model: CompiledScenario, party: number, issue: number): number[] {
  // Sorted once per model, party and issue: every learning partner asks for every issue's ranking.
  let rankings = rankingCache.get(model);
  if (!rankings) rankingCache.set(model, (rankings = []));
  const key = party * model.issueCount + issue;
  let ranking = rankings[key];
  if (!ranking) {
    // Options not on the table (tip 4) are not named: a ranking would give them away.
    rankings[key] = ranking = Array.from({ length: model.optionCounts[issue] }, (_, o) => o).filter((o) => isAvailable(model, issue, o)).sort(
      (a, b) => contribution(model, party, issue, b) - contribution(model, party, issue, a) || a - b,
    );
  }
  return ranking.slice();
}

export function truthfulAnswer(
  model: CompiledScenario,
  party: number,
  question: Question,
  proposal: () => PackageArray,
): AnswerContent {
  switch (question.kind) {
    case "most-important":
      return { kind: "most-important", issue: issuesByPriority(model, party)[0] };
    case "issue-importance":
      return { kind: "issue-importance", issue: question.issue, importance: importanceOf(model, party, question.issue) };
    case "preferred-option": {
      const ranking = optionRanking(model, party, question.issue);
      return { kind: "preferred-option", issue: question.issue, option: ranking[0], ranking };
    }
    case "alternative":
      return { kind: "alternative", points: model.batnas[party] };
    case "what-would-work":
      return { kind: "what-would-work", package: proposal() };
    case "expectation":
      return forecastAnswer(model, party, question.quantity, 0);
    case "what-else":
      // The model does not know which hidden terms a party holds: see `whatElseAnswer`.
      return { kind: "what-else", terms: [] };
  }
}

/** Tip 4: the answer to "what else could we include?" that puts the terms it brings out on the table. */
export function whatElseAnswer(session: SessionView, party: number): AnswerContent {
  return { kind: "what-else", terms: termsBroughtOut(session.hidden, session.revealed, party, "what-else") };
}

/** What a forecast of 90 % spans: from its 5th to its 95th percentile. */
const FORECAST_RANGE = [0.05, 0.95] as const;
/** An overstated forecast moves the whole range up by half its width. */
const OVERSTATEMENT = 0.5;

/** A party's forecast of a quantity as it tells it: its own belief, shifted up by `shift` of the range's width. */
function forecastAnswer(model: CompiledScenario, party: number, quantity: number, shift: number): AnswerContent {
  const belief = model.uncertain!.beliefs[party][quantity];
  const [low, high] = FORECAST_RANGE.map((p) => quantile(belief, p));
  const up = shift * (high - low);
  return { kind: "expectation", quantity, mean: mean(belief) + up, low: low + up, high: high + up };
}

const INVERTED: Record<Importance, Importance> = { low: "high", medium: "medium", high: "low" };

/** A misleading answer: priorities turned around, an inflated alternative, an overstated forecast; favourites and proposals as they are. */
export function misleadingAnswer(
  model: CompiledScenario,
  party: number,
  question: Question,
  proposal: () => PackageArray,
): AnswerContent {
  switch (question.kind) {
    case "most-important": {
      const order = issuesByPriority(model, party);
      return { kind: "most-important", issue: order[order.length - 1] };
    }
    case "issue-importance":
      return { kind: "issue-importance", issue: question.issue, importance: INVERTED[importanceOf(model, party, question.issue)] };
    case "alternative": {
      const best = utilityBounds(model)[2 * party + 1];
      const batna = model.batnas[party];
      return { kind: "alternative", points: Math.round(batna + 0.5 * Math.max(0, best - batna)) };
    }
    case "expectation":
      return forecastAnswer(model, party, question.quantity, OVERSTATEMENT);
    default:
      return truthfulAnswer(model, party, question, proposal);
  }
}

/** A trainee's answer to the question put to it, as honest as the trainee chooses; null when none is pending. */
export function answerMove(session: SessionView, trainee: number, honesty: Honesty, proposal: () => PackageArray): Move | null {
  const pending = session.pendingQuestions.find((question) => question.to === trainee);
  if (!pending) return null;
  const model = session.model;
  const answer: AnswerContent =
    honesty === "truthful"
      ? pending.question.kind === "what-else"
        ? whatElseAnswer(session, trainee)
        : truthfulAnswer(model, trainee, pending.question, proposal)
      : honesty === "misleading"
        ? misleadingAnswer(model, trainee, pending.question, proposal)
        : { kind: "vague" };
  return { type: "answer", to: pending.from, question: pending.question, answer, honesty };
}

/** A trainee telling how important an issue is; truthful when it matches the trainee's own priorities. */
export function disclosureMove(model: CompiledScenario, trainee: number, issue: number, importance: Importance): Move {
  const honesty: Honesty = importanceOf(model, trainee, issue) === importance ? "truthful" : "misleading";
  return { type: "disclose", issue, importance, honesty };
}
