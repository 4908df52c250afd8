/** Words and bins that the class debrief's terminal text and its HTML page share. */
import type { MessageKey, Translator } from "../i18n/translate.js";
import type { Scenario } from "../scenario/schema.js";
import { type Bin, type ClassGame, type ClassGroup, type Figures, histogram } from "./class.js";
import { partyName } from "./debrief-wording.js";

/** The short name of each piece of advice a coaching item judged "improve" can give. */
const ADVICE_LABELS: Partial<Record<MessageKey, MessageKey>> = {
  "debrief.coaching.belowYourBatna": "class.mistake.belowYourBatna",
  "debrief.coaching.winLose": "class.mistake.winLose",
  "debrief.coaching.littleCreated": "class.mistake.littleCreated",
  "debrief.coaching.noDealDespite": "class.mistake.noDealDespite",
  "debrief.coaching.noQuestions": "class.mistake.noQuestions",
  "debrief.coaching.notExplored": "class.mistake.notExplored",
  "debrief.coaching.haggled": "class.mistake.haggled",
  "debrief.coaching.noPackage": "class.mistake.noPackage",
  "debrief.coaching.lostCompatible": "class.mistake.lostCompatible",
  "debrief.coaching.missedTrades": "class.mistake.missedTrades",
  "debrief.coaching.walkedAway": "class.mistake.walkedAway",
  "debrief.coaching.walkedAwayOthers": "class.mistake.walkedAwayOthers",
  "debrief.coaching.trustFell": "class.mistake.trustFell",
  "debrief.coaching.oneSided": "class.mistake.oneSided",
  "debrief.coaching.settledBelow": "class.mistake.settledBelow",
  "debrief.coaching.nothingAgreed": "class.mistake.nothingAgreed",
  "debrief.coaching.notAdjusted": "class.mistake.notAdjusted",
  "debrief.coaching.clauseMissed": "class.mistake.clauseMissed",
};

export function adviceLabel(advice: MessageKey, t: Translator): string {
  const label = ADVICE_LABELS[advice];
  if (label === undefined) throw new Error(`no short name for the advice "${advice}"`);
  return t(label);
}

/** A trainee's row: the name from the transcript, else the game's number. */
export function gameLabel(game: ClassGame, t: Translator): string {
  return game.name ?? t("class.row.unnamed", { number: game.number });
}

export function outcomeLabel(game: ClassGame, scenario: Scenario, t: Translator): string {
  const { outcome } = game.debrief;
  const by = outcome.kind === "walk-away" ? partyName(scenario, outcome.by, t.lang) : "";
  // A select's cases are words: "walk-away" is "walkAway" in the catalogue.
  return t("class.outcome", { kind: outcome.kind === "walk-away" ? "walkAway" : outcome.kind, round: outcome.round, by });
}

/** "Rivierland 64.0, Duinzicht 58.0". */
export function packageValues(scenario: Scenario, utilities: ArrayLike<number>, t: Translator): string {
  return Array.from(utilities, (points, p) => t("class.packages.value", { name: partyName(scenario, p, t.lang), points })).join(", ");
}

/** Shares of the maximal joint gain in tenths, from 0 % (or lower) to 100 %. */
export function shareBins(group: ClassGroup): Bin[] {
  return histogram(group.games.flatMap((game) => (game.debrief.shareOfMaxJointGain === null ? [] : [game.debrief.shareOfMaxJointGain])), 0.1, 0, 1);
}

/** Value left on the table in tenths of the maximal joint gain. */
export function valueLeftBins(group: ClassGroup): Bin[] {
  const most = group.maxJointGain ?? 0;
  const values = group.games.flatMap((game) => (game.debrief.valueLeftOnTable === null ? [] : [game.debrief.valueLeftOnTable]));
  return histogram(values, Math.max(most, 1) / 10, 0, most);
}

/** The header of the table that sets the class beside the scripted partners of a batch run. */
export const BASELINE_HEADER = ["class.baseline.who", "class.baseline.games", "class.baseline.agreement", "class.baseline.meanShare", "class.baseline.medianShare", "class.baseline.valueLeft"] as const;

/** A row of that table: who, games, agreement rate, mean and median share, mean value left. */
export function baselineCells(who: string, figures: Figures, t: Translator): string[] {
  return [
    who,
    t.number(figures.games, 0),
    t.percent(figures.agreements / Math.max(1, figures.games)),
    figures.share ? t.percent(figures.share.mean) : "–",
    figures.share ? t.percent(figures.share.median) : "–",
    figures.valueLeft ? t.number(figures.valueLeft.mean) : "–",
  ];
}
