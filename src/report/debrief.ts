/**
 * The debrief a trainee gets after playing against a scripted partner: what the outcome is
 * worth to every party (the partner's table is revealed now), how much of the possible
 * joint gain it realised, the Pareto picture with both sides' offers, issue by issue
 * whether compatible issues were kept and integrative ones traded the right way, and
 * coaching along Kaats & Opheij's seven tips with evidence from this game.
 *
 * Which model: the outcome is evaluated with the model at the END of the session
 * (`session.model`). Scripted events (tip 7) may have changed a partner's BATNA or
 * priorities during the game, and a deal is judged by what it is worth to the parties
 * when they strike it; the offers are plotted on the same axes. Without scripted changes
 * of numbers this is the model at the start. The trainee's own numbers never change:
 * scenarios script events for partners only. The model at the start
 * (`transcript.scenario`) gives the values a scripted change started from.
 *
 * Text and JSON renderings: `debrief-text.ts` and `debrief-json.ts`.
 */
import { analyzeScenario } from "../engine/analysis.js";
import type { ParetoFrontier } from "../engine/frontier.js";
import type { IssueKind } from "../engine/issues.js";
import { type PackageTrades, describeTrades } from "../engine/packages.js";
import { packageUtilities } from "../engine/model.js";
import type { MessageKey } from "../i18n/translate.js";
import type { StyleFamily } from "../negotiation/partners/types.js";
import type { AnswerContent, Honesty, Importance, Line, Outcome, PackageArray, Question, ScriptedChange } from "../negotiation/protocol.js";
import type { SessionView } from "../negotiation/session.js";
import type { Transcript } from "../negotiation/transcript.js";
import type { TrustReason } from "../negotiation/trust.js";
import type { LocalisedText } from "../scenario/schema.js";
import { coach } from "./debrief-coaching.js";
import { offerHistory, partnerReveals, scriptedHistory, traineeDisclosures, traineeQuestions, trustReviews } from "./debrief-history.js";
import { reviewIssues } from "./debrief-issues.js";
import { paretoData } from "./debrief-pareto.js";

export { debriefSections, coachingText } from "./debrief-text.js";
export { debriefToJson } from "./debrief-json.js";

/**
 * Debrief content that is text: a message of the catalogues and its parameters, worded in
 * one language only when the debrief is rendered (`renderMessage` in debrief-wording.ts, for
 * the text sections and the JSON alike). Parameters are values, not words.
 */
export interface MessageRef {
  readonly key: MessageKey;
  readonly params?: Readonly<Record<string, MessageArg>>;
}

/** A parameter of a message, formatted by the wording layer in the reader's language. */
export type MessageArg =
  /** A number the message formats: `{x, number, points}`, a plural. */
  | number
  /** A case of a `select`, never text to show. */
  | string
  | { readonly party: number }
  | { readonly issue: number }
  | { readonly issue: number; readonly option: number }
  | { readonly package: PackageArray }
  | { readonly question: Question }
  | { readonly answer: AnswerContent }
  | { readonly importance: Importance }
  /** What someone said in the game, as the scenario words it. */
  | { readonly line: Line }
  /** A text of the scenario (its shared ambition). */
  | { readonly text: LocalisedText }
  /** "a, b and c" (`and`, the default) or "a; b; c" (`semicolon`, for items with commas of their own). */
  | { readonly list: readonly MessageArg[]; readonly join?: "and" | "semicolon" }
  | MessageRef;

/** A point of the Pareto plot: the trainee's utility across, the partner's up. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

export interface ParetoData {
  /** The party across (the trainee) and the party up (the first other party). */
  readonly xParty: number;
  readonly yParty: number;
  /** The frontier of all parties projected on (x, y), one entry per distinct pair. With two parties: the frontier itself. */
  readonly frontier: readonly PlotPoint[];
  readonly batna: PlotPoint;
  readonly nash: PlotPoint | null;
  readonly naiveCompromise: PlotPoint;
  readonly deal: PlotPoint | null;
  /** Each side's offers in order (a MESO offer: every package). */
  readonly traineeOffers: readonly PlotPoint[];
  readonly partnerOffers: readonly PlotPoint[];
}

export interface OfferRecord {
  readonly round: number;
  readonly party: number;
  readonly kind: "package" | "meso" | "partial";
  /** One package, 2–3 for MESO, none for a partial offer. */
  readonly packages: readonly PackageArray[];
  /** The term of a partial offer. */
  readonly term: { readonly issue: number; readonly option: number } | null;
}

export interface QuestionRecord {
  readonly round: number;
  readonly to: number;
  readonly question: Question;
  /** How it was answered (misleading is revealed only now), or null when it lapsed. */
  readonly answer: { readonly content: AnswerContent; readonly honesty: Honesty } | null;
}

export interface DisclosureRecord {
  readonly round: number;
  readonly issue: number;
  readonly importance: Importance;
  readonly honesty: Honesty;
}

/** What moved a partner's trust in the trainee, summed per reason. */
export interface TrustMove {
  readonly reason: TrustReason;
  readonly count: number;
  readonly delta: number;
  readonly firstRound: number;
}

export interface TrustReview {
  /** The partner whose trust in the trainee this is. */
  readonly party: number;
  readonly start: number;
  readonly lowest: number;
  readonly end: number;
  /** Largest total change first. */
  readonly moves: readonly TrustMove[];
  /** Below this the partner walks away; null for a party played by a person. */
  readonly walkAwayThreshold: number | null;
}

export interface ScriptedRecord {
  readonly round: number;
  readonly change: ScriptedChange;
  /** The BATNA or interest weight before the change; null for trust changes and notes. */
  readonly before: number | null;
  readonly message: Line | null;
}

export type IssueVerdict = "kept" | "lost" | "traded" | "missed";

/** One issue between the trainee and one partner. */
export interface IssueReview {
  readonly issue: number;
  readonly partner: number;
  readonly kind: IssueKind;
  /** Share of each side's stakes in the issue (0–1). */
  readonly priority: { readonly trainee: number; readonly partner: number };
  readonly favourites: { readonly trainee: readonly number[]; readonly partner: readonly number[] };
  readonly dealOption: number | null;
  /**
   * compatible: kept (the deal gives a common favourite) or lost; integrative: traded (the
   * side that cares more got its way) or missed; null for distributive issues and without a deal.
   */
  readonly verdict: IssueVerdict | null;
}

export interface PartnerReveal {
  readonly party: number;
  /** The style id, or "human". */
  readonly style: string;
  /** Its description is worded from the style id (`styleDescription`); null for a person. */
  readonly family: StyleFamily | null;
  /** The trainee did not know the style while playing. */
  readonly surprise: boolean;
}

export type Tip = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export interface CoachingItem {
  readonly tip: Tip;
  readonly verdict: "good" | "improve";
  /** The advice, sentence by sentence. */
  readonly text: readonly MessageRef[];
  /** What in this game shows it, sentence by sentence. */
  readonly evidence: readonly MessageRef[];
}

export interface Debrief {
  readonly trainee: number;
  /** Every other party, in the scenario's order. */
  readonly partners: readonly number[];
  /** An unfinished transcript without an abandon event counts as abandoned. */
  readonly outcome: Outcome;
  readonly deal: PackageArray | null;
  /** Terms settled by accepted partial offers when the negotiation ended; −1 where open. */
  readonly settled: readonly number[];
  readonly batnas: readonly number[];
  /** Each party's utility of the deal, or its BATNA without one. */
  readonly utilities: readonly number[];
  /** Σ(utility − BATNA); 0 without a deal. */
  readonly jointGain: number;
  /** The most any package beating every BATNA gives; null when none does. */
  readonly maxJointGain: number | null;
  readonly shareOfMaxJointGain: number | null;
  /** maxJointGain − jointGain (without a deal: all of it); null when no package beats every BATNA. */
  readonly valueLeftOnTable: number | null;
  /** Joint gain of haggling issue by issue (the naive compromise), for comparison. */
  readonly naiveJointGain: number;
  /** The Nash package and its utilities: a deal that beats every BATNA, or null when none does. */
  readonly nash: { readonly package: PackageArray; readonly utilities: readonly number[] } | null;
  readonly pareto: ParetoData;
  readonly offers: readonly OfferRecord[];
  /** The trainee's questions. */
  readonly questions: readonly QuestionRecord[];
  /** The trainee's unprompted disclosures. */
  readonly disclosures: readonly DisclosureRecord[];
  /** Each partner's trust in the trainee. */
  readonly trust: readonly TrustReview[];
  /** Scripted changes (tip 7); trust changes only when they concern the trainee. */
  readonly scripted: readonly ScriptedRecord[];
  readonly issues: readonly IssueReview[];
  /** Who gave way where in the deal. */
  readonly trades: PackageTrades | null;
  readonly partnerStyles: readonly PartnerReveal[];
  readonly coaching: readonly CoachingItem[];
}

/** The debrief's facts, before coaching is derived from them. */
export type DebriefFacts = Omit<Debrief, "coaching">;

function nashOf(frontier: ParetoFrontier, point: number): Debrief["nash"] {
  return { package: Array.from(frontier.package(point)), utilities: Array.from(frontier.utilities(point)) };
}

export function computeDebrief(transcript: Transcript, session: SessionView): Debrief {
  const model = session.model;
  const trainee = transcript.trainee;
  const partners = model.partyIds.map((_, p) => p).filter((p) => p !== trainee);
  const outcome: Outcome = session.outcome ?? { kind: "abandoned", round: session.round };
  const deal = outcome.kind === "agreement" ? [...outcome.package] : null;
  const batnas = Array.from(model.batnas);
  const utilities = deal ? Array.from(packageUtilities(model, deal)) : batnas;
  const jointGain = utilities.reduce((sum, u, p) => sum + u - batnas[p], 0);
  // The debrief ranks no value-creating packages: it compares with the maximal joint gain and the Nash point.
  const analysis = analyzeScenario(model, { top: 0 });
  const { maxJointGain } = analysis;
  const offers = offerHistory(session.events);
  const facts: DebriefFacts = {
    trainee,
    partners,
    outcome,
    deal,
    settled: Array.from(session.settled),
    batnas,
    utilities,
    jointGain,
    maxJointGain,
    shareOfMaxJointGain: maxJointGain === null ? null : jointGain / maxJointGain,
    valueLeftOnTable: maxJointGain === null ? null : maxJointGain - jointGain,
    naiveJointGain: analysis.naiveJointGain,
    nash: analysis.nash === null ? null : nashOf(analysis.frontier, analysis.nash),
    pareto: paretoData(analysis, trainee, partners[0], offers, deal),
    offers,
    questions: traineeQuestions(session.events, trainee),
    disclosures: traineeDisclosures(session.events, trainee),
    trust: trustReviews(session, trainee, partners),
    scripted: scriptedHistory(session.events, transcript.scenario, trainee),
    issues: reviewIssues(model, analysis.issueRelations, trainee, partners, deal),
    trades: deal ? describeTrades(model, deal) : null,
    partnerStyles: partnerReveals(session.config, partners, transcript.surprise),
  };
  return { ...facts, coaching: coach(facts, transcript.scenario) };
}
