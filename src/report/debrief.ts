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
import { agreeablePoints } from "../engine/bargaining.js";
import { type FrontierPackage, type IssueVerdict, type JointIssueClass, type JointIssueKind, betterPackage, classifyIssuesJointly, reachablePackage } from "../engine/deal-review.js";
import { jointRoomAbove } from "../engine/efficiency.js";
import type { ParetoFrontier } from "../engine/frontier.js";
import { type PackageTrades, describeTrades } from "../engine/packages.js";
import { packageUtilities, packageUtility } from "../engine/model.js";
import { UTILITY_EPSILON, utilityGreater } from "../engine/tolerance.js";
import type { MessageKey } from "../i18n/translate.js";
import type { StyleFamily } from "../negotiation/partners/types.js";
import type { AnswerContent, Honesty, Importance, Line, Outcome, PackageArray, Question, ScriptedChange } from "../negotiation/protocol.js";
import type { SessionView } from "../negotiation/session.js";
import type { Transcript } from "../negotiation/transcript.js";
import type { TrustReason } from "../negotiation/trust.js";
import type { LocalisedText } from "../scenario/schema.js";
import { MOST_OF_JOINT_GAIN, coach } from "./debrief-coaching.js";
import { counterfactual } from "./debrief-counterfactual.js";
import {
  offerHistory,
  partnerClaims,
  partnerReveals,
  scriptedHistory,
  traineeAnswers,
  traineeDisclosures,
  traineeQuestions,
  trustReviews,
} from "./debrief-history.js";
import { reviewIssues } from "./debrief-issues.js";
import { paretoPanel } from "./debrief-pareto.js";
import { autonomyCost, concessionPaths, issuePoints } from "./debrief-points.js";
import { type UncertaintyReview, reviewUncertainty } from "./debrief-uncertainty.js";

export { debriefSections, coachingText } from "./debrief-text.js";
export type { IssueVerdict, JointIssueKind };
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
  /** An uncertain quantity's label, and its unit as it follows a number (" €/MWh", "%"). */
  | { readonly quantity: number }
  | { readonly unitOf: number }
  /** What someone said in the game, as the scenario words it. */
  | { readonly line: Line }
  /** A text of the scenario (its shared ambition). */
  | { readonly text: LocalisedText }
  /** "a, b and c" (`and`, the default) or "a; b; c" (`semicolon`, for items with commas of their own). */
  | { readonly list: readonly MessageArg[]; readonly join?: "and" | "semicolon" }
  | MessageRef;

/** A point of a Pareto plot: the trainee's utility across, a partner's up. */
export interface PlotPoint {
  readonly x: number;
  readonly y: number;
}

/** One panel of the Pareto plot: the trainee (across) against one partner (up). */
export interface ParetoPanel {
  readonly xParty: number;
  readonly yParty: number;
  /** The frontier of all parties projected on (x, y), one entry per distinct pair. With two parties: the frontier itself. */
  readonly frontier: readonly PlotPoint[];
  readonly batna: PlotPoint;
  readonly nash: PlotPoint | null;
  readonly naiveCompromise: PlotPoint;
  readonly deal: PlotPoint | null;
  /** The better package the deal missed (or, without a deal, the one within reach). */
  readonly better: PlotPoint | null;
  /** The trainee's offers and this partner's, in order (a MESO offer: every package). */
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

/** The trainee's answer to a partner's question. */
export interface AnswerRecord {
  readonly round: number;
  readonly to: number;
  readonly question: Question;
  readonly honesty: Honesty;
}

/** An answer or disclosure a partner gave the trainee; misleading ones are revealed only now. */
export interface ClaimRecord {
  readonly round: number;
  readonly by: number;
  readonly source: "answer" | "disclosure";
  readonly honesty: Honesty;
  readonly content: AnswerContent;
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
  /** The parties this partner trusted less than that at the end (a partner walks away from distrust of anyone at the table). */
  readonly distrusts: readonly number[];
}

export interface ScriptedRecord {
  readonly round: number;
  readonly change: ScriptedChange;
  /** The BATNA or interest weight before the change; null for trust changes and notes. */
  readonly before: number | null;
  readonly message: Line | null;
}

/** One issue of the scenario over all parties (its class, engine/deal-review.ts), and the deal's term on it judged against the frontier. */
export interface IssueReview extends JointIssueClass {
  readonly dealOption: number | null;
  /** null for distributive issues, for terms that went to a party that cares less, and without a deal. */
  readonly verdict: IssueVerdict | null;
  /** The better package's option where it differs from the deal's. */
  readonly betterOption: number | null;
  /** The parties whose favourite the deal's option is. */
  readonly gotTheirWay: readonly number[];
}

/** Where the deal sits against the frontier; see docs/analysis.md for the definitions. */
export interface DealPosition {
  /** No package is better for one party and at least as good for all; null without a deal. */
  readonly efficient: boolean | null;
  /** Normalised distance to the better package (0 on the frontier); null without a deal. */
  readonly distance: number | null;
  /** Value created: the joint gain as a share of the maximal joint gain; null without a zone of agreement or a deal. */
  readonly created: number | null;
  /** Value claimed: each party's gain as a share of the joint gain; null unless the deal creates some and leaves nobody below its BATNA. */
  readonly claimed: readonly number[] | null;
}

/**
 * The better package the parties missed. With a deal off the frontier: the nearest frontier
 * package that gives every party at least as much and one more (`against: "deal"`). Without
 * a deal: the frontier package above every BATNA nearest to the partners' last offer
 * (`against: "offer"`; the Nash package when no partner offered).
 */
export interface MissedPackage {
  readonly against: "deal" | "offer";
  readonly package: PackageArray;
  readonly utilities: readonly number[];
  /** What it gives each party more than the deal, or than its BATNA without a deal. */
  readonly gains: readonly number[];
  /** The package it is compared with (the deal, the partner's offer or the Nash package) and its offerer; null offerer for the deal or Nash. */
  readonly reference: PackageArray;
  readonly offeredBy: number | null;
  /** Issues on which it differs from the reference. */
  readonly changed: readonly number[];
  readonly distance: number;
}

/** One party's points issue by issue: the deal's, the most the issue can give it, and the missed package's. */
export interface IssuePoints {
  readonly party: number;
  readonly rows: readonly { readonly issue: number; readonly deal: number | null; readonly best: number; readonly missed: number | null }[];
  /** The cost of entering any agreement (0 when there is none). */
  readonly entryCost: number;
  readonly total: { readonly deal: number | null; readonly best: number; readonly missed: number | null };
}

/** An offer as the party that made it values it. */
export interface ProcessPoint {
  readonly round: number;
  readonly utility: number;
}

export interface ConcessionPath {
  readonly party: number;
  /** Its own utility of each of its offers, in order (a MESO offer: its best package for itself). */
  readonly points: readonly ProcessPoint[];
  /** Its first offer as an anchor: what it gave each party (the offerer included). */
  readonly anchor: { readonly round: number; readonly utilities: readonly number[] } | null;
  /** Own utility of the first offer minus that of the last: what it conceded in all. */
  readonly conceded: number;
}

/**
 * What would have happened had the trainee stayed: the seeded partners replayed from the
 * moment the trainee walked away or accepted, with the trainee offering `offered` every
 * turn and taking any offer at least as good for it.
 */
export interface Counterfactual {
  readonly decision: "walk-away" | "accept";
  readonly round: number;
  readonly offered: PackageArray;
  readonly result:
    | { readonly kind: "accepted"; readonly round: number; readonly package: PackageArray; readonly utilities: readonly number[]; readonly proposer: number }
    | { readonly kind: "walk-away"; readonly round: number; readonly by: number }
    | { readonly kind: "deadline"; readonly round: number };
}

export interface ProcessReview {
  /** The trainee first, then each partner. */
  readonly paths: readonly ConcessionPath[];
  readonly counterfactual: Counterfactual | null;
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

/** "none": the game gives the tip nothing to judge (no scripted change, no zone of agreement), and the item says so. */
export type TipVerdict = "good" | "improve" | "none";

export interface CoachingItem {
  readonly tip: Tip;
  readonly verdict: TipVerdict;
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
  /** What the deal costs each party in autonomy (entry cost and the options' costs); null without a deal. */
  readonly autonomyCosts: readonly number[] | null;
  /** Σ(utility − BATNA); 0 without a deal. */
  readonly jointGain: number;
  /** The most any package beating every BATNA gives; null when none does. */
  readonly maxJointGain: number | null;
  readonly shareOfMaxJointGain: number | null;
  /**
   * The most the parties could have added to the deal's joint utility without anyone getting
   * less (0 on the frontier); without a deal, the maximal joint gain. Null when no package
   * beats every BATNA and there is no deal.
   */
  readonly valueLeftOnTable: number | null;
  /** Joint gain of haggling issue by issue (the naive compromise), for comparison. */
  readonly naiveJointGain: number;
  /** The Nash package and its utilities: a deal that beats every BATNA, or null when none does. */
  readonly nash: { readonly package: PackageArray; readonly utilities: readonly number[] } | null;
  readonly position: DealPosition;
  /** Null when the deal is on the frontier, or without a deal when no package beats every BATNA. */
  readonly missed: MissedPackage | null;
  /** Every party's points issue by issue, in the scenario's party order. */
  readonly points: readonly IssuePoints[];
  /** One panel per partner. */
  readonly pareto: readonly ParetoPanel[];
  readonly offers: readonly OfferRecord[];
  readonly process: ProcessReview;
  /** The trainee's questions. */
  readonly questions: readonly QuestionRecord[];
  /** The trainee's unprompted disclosures. */
  readonly disclosures: readonly DisclosureRecord[];
  /** How the trainee answered the partners' questions. */
  readonly answers: readonly AnswerRecord[];
  /** What the partners told the trainee (answers and disclosures), with how true it was. */
  readonly partnerClaims: readonly ClaimRecord[];
  /** Each partner's trust in the trainee. */
  readonly trust: readonly TrustReview[];
  /** Scripted changes (tip 7); trust changes only when they concern the trainee. */
  readonly scripted: readonly ScriptedRecord[];
  /** Every issue, over all parties. */
  readonly issues: readonly IssueReview[];
  /** Who gave way where in the deal. */
  readonly trades: PackageTrades | null;
  readonly partnerStyles: readonly PartnerReveal[];
  /** Tip 6: the uncertain quantities revealed, what the deal turned out to be worth, its risk and the contingent clauses; null without uncertain quantities. */
  readonly uncertainty: UncertaintyReview | null;
  /** Always seven items, tips 1 to 7. */
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
  const { maxJointGain, frontier } = analysis;
  const agreeable = agreeablePoints(frontier);
  const offers = offerHistory(session.events);
  const nash = analysis.nash === null ? null : nashOf(frontier, analysis.nash);
  const missed = missedPackage(frontier, agreeable, deal, utilities, batnas, offers, trainee, nash);
  const created = deal && maxJointGain !== null ? jointGain / maxJointGain : null;
  const issues = reviewIssues(classifyIssuesJointly(model, frontier, agreeable), deal, missed?.against === "deal" ? missed.package : null);
  const facts: DebriefFacts = {
    trainee,
    partners,
    outcome,
    deal,
    settled: Array.from(session.settled),
    batnas,
    utilities,
    autonomyCosts: deal ? model.partyIds.map((_, p) => autonomyCost(model, p, deal)) : null,
    jointGain,
    maxJointGain,
    shareOfMaxJointGain: maxJointGain === null ? null : jointGain / maxJointGain,
    valueLeftOnTable: deal ? jointRoomAbove(frontier, utilities) : maxJointGain,
    naiveJointGain: analysis.naiveJointGain,
    nash,
    position: dealPosition(deal, missed, jointGain, maxJointGain, utilities, batnas),
    missed,
    points: issuePoints(model, session.scenario, deal, missed?.package ?? null),
    pareto: partners.map((partner) => paretoPanel(analysis, trainee, partner, offers, deal, missed?.package ?? null)),
    offers,
    process: { paths: concessionPaths(model, offers, [trainee, ...partners]), counterfactual: counterfactual(transcript, session, stayingPackage(outcome, trainee, utilities, batnas, created, missed, nash)) },
    questions: traineeQuestions(session.events, trainee),
    disclosures: traineeDisclosures(session.events, trainee),
    answers: traineeAnswers(session.events, trainee),
    partnerClaims: partnerClaims(session.events, trainee),
    trust: trustReviews(session, trainee, partners),
    scripted: scriptedHistory(session.events, transcript.scenario, trainee),
    issues,
    trades: deal ? describeTrades(model, deal) : null,
    partnerStyles: partnerReveals(session.config, partners, transcript.surprise),
    uncertainty: reviewUncertainty(model, trainee, deal, session.events, session.config.seed),
  };
  return { ...facts, coaching: coach(facts, transcript.scenario) };
}

function dealPosition(
  deal: PackageArray | null,
  missed: MissedPackage | null,
  jointGain: number,
  maxJointGain: number | null,
  utilities: readonly number[],
  batnas: readonly number[],
): DealPosition {
  if (!deal) return { efficient: null, distance: null, created: null, claimed: null };
  const better = missed?.against === "deal" ? missed : null;
  return {
    efficient: better === null,
    distance: better?.distance ?? 0,
    created: maxJointGain === null ? null : jointGain / maxJointGain,
    // Shares of what was created, so only for a deal that leaves nobody below its BATNA.
    claimed: jointGain > UTILITY_EPSILON && utilities.every((u, p) => u >= batnas[p]) ? utilities.map((u, p) => (u - batnas[p]) / jointGain) : null,
  };
}

/** The better package a deal missed, or without a deal the one within reach of the partners' last offer. */
function missedPackage(
  frontier: ParetoFrontier,
  agreeable: readonly number[],
  deal: PackageArray | null,
  utilities: readonly number[],
  batnas: readonly number[],
  offers: readonly OfferRecord[],
  trainee: number,
  nash: Debrief["nash"],
): MissedPackage | null {
  const describe = (found: FrontierPackage, reference: PackageArray, against: MissedPackage["against"], offeredBy: number | null): MissedPackage => ({
    against,
    package: Array.from(found.package),
    utilities: Array.from(found.utilities),
    gains: Array.from(found.utilities, (u, p) => u - (against === "deal" ? utilities[p] : batnas[p])),
    reference,
    offeredBy,
    changed: reference.flatMap((option, issue) => (found.package[issue] === option ? [] : [issue])),
    distance: found.distance,
  });
  if (deal) {
    const better = betterPackage(frontier, deal);
    return better && describe(better, deal, "deal", null);
  }
  if (!nash) return null;
  const last = offers.findLast((offer) => offer.party !== trainee && offer.packages.length > 0);
  // Of a MESO offer, the package the trainee would have picked.
  const reference = last ? maxBy(last.packages, (pkg) => packageUtility(frontier.model, trainee, pkg)) : nash.package;
  const reachable = reachablePackage(frontier, agreeable, reference);
  return reachable && describe(reachable, reference, "offer", last?.party ?? null);
}

/**
 * What the trainee offers in the counterfactual: after walking away, the package within
 * reach; after accepting a deal that a better package dominates, that package; after
 * accepting less than its BATNA or a deal that creates less than most of the joint gain,
 * the Nash package. Null when the decision was sound.
 */
function stayingPackage(
  outcome: Outcome,
  trainee: number,
  utilities: readonly number[],
  batnas: readonly number[],
  created: number | null,
  missed: MissedPackage | null,
  nash: Debrief["nash"],
): PackageArray | null {
  if (outcome.kind === "walk-away" && outcome.by === trainee) return missed?.package ?? null;
  if (outcome.kind !== "agreement") return null;
  if (missed?.against === "deal") return missed.package;
  const sound = utilityGreater(utilities[trainee], batnas[trainee]) && (created === null || created >= MOST_OF_JOINT_GAIN);
  return sound ? null : (nash?.package ?? null);
}

function maxBy<T>(items: readonly T[], score: (item: T) => number): T {
  return items.reduce((best, item) => (score(item) > score(best) ? item : best));
}
