/**
 * The negotiation protocol's vocabulary: questions, answers, moves and the events of a
 * transcript. Everything here is plain JSON (packages are arrays of option indices), so a
 * transcript can be written to disk and replayed.
 *
 * Protocol (documented in docs/negotiation.md): parties take turns in a fixed order, one
 * turn each per round, until the deadline. In a turn a party may talk first (ask, answer,
 * disclose) and then ends its turn with one action: an offer (a full package, 2–3
 * equivalent packages, or one term), accepting or rejecting the standing offer, or walking
 * away. An offer stands until it is replaced; it becomes the agreement when every other
 * party has accepted it (two parties: the other accepts).
 */

/** A package: one option index per issue, in the scenario's issue order. */
export type PackageArray = number[];

export type Question =
  | { kind: "most-important" }
  | { kind: "issue-importance"; issue: number }
  | { kind: "preferred-option"; issue: number }
  | { kind: "alternative" }
  | { kind: "what-would-work" }
  /** Tip 6: what the other expects an uncertain quantity to turn out. */
  | { kind: "expectation"; quantity: number }
  /** Tip 4: "what else could we include?" — brings out terms only the other knows of. */
  | { kind: "what-else" };

export type QuestionKind = Question["kind"];

export type Importance = "low" | "medium" | "high";

export type AnswerContent =
  | { kind: "most-important"; issue: number }
  | { kind: "issue-importance"; issue: number; importance: Importance }
  /** Its favourite option, and all options from best to worst (equal ones in option order). */
  | { kind: "preferred-option"; issue: number; option: number; ranking: number[] }
  /** The points the party claims no agreement would give it. */
  | { kind: "alternative"; points: number }
  /** A package the party says it could accept. */
  | { kind: "what-would-work"; package: PackageArray }
  /** Its forecast of a quantity: what it expects, and the range it gives 90 % (5th to 95th percentile). */
  | { kind: "expectation"; quantity: number; mean: number; low: number; high: number }
  /** Tip 4: the hidden terms (indices into the session's hidden terms) it puts on the table; none: it knows of nothing else. */
  | { kind: "what-else"; terms: number[] }
  /** The party dodges the question. */
  | { kind: "vague" };

/** How an answer relates to the truth; the receiver does not see it, the debrief does. */
export type Honesty = "truthful" | "vague" | "misleading";

export type Move =
  | { type: "offer"; package: PackageArray }
  | { type: "meso"; packages: PackageArray[] }
  | { type: "partial-offer"; issue: number; option: number }
  | { type: "accept"; choice?: number }
  | { type: "reject"; blockingIssue?: number }
  | { type: "ask"; to: number; question: Question }
  | { type: "answer"; to: number; question: Question; answer: AnswerContent; honesty: Honesty }
  | { type: "disclose"; issue: number; importance: Importance; honesty: Honesty }
  | { type: "walk-away" }
  /** Tip 4: the holder of a hidden term puts it on the table (at any time, like an answer). */
  | { type: "reveal"; term: number }
  /** After an agreement: keep it as it is, ending the search for a package better for everyone. */
  | { type: "keep" };

export type MoveType = Move["type"];

/** Moves that end a party's turn. */
export const ACTION_MOVES: ReadonlySet<MoveType> = new Set(["offer", "meso", "partial-offer", "accept", "reject", "walk-away", "keep"]);

/**
 * Tip 4: a term only its holder knows of, off the table until revealed: a whole issue (whose
 * first option holds until then) or one option of an issue. The scenario marks them
 * (`hidden`); `hiddenTerms` lists them in a fixed order, which moves refer to by index.
 */
export interface HiddenTermConfig {
  readonly issue: number;
  /** The hidden option; the whole issue when absent. */
  readonly option?: number;
  readonly holder: number;
  /** Questions to the holder that bring it out. */
  readonly questions: readonly ("what-else" | "what-would-work")[];
  /** Trust in every other party from which the holder reveals it unasked. */
  readonly trust?: number;
}

/** Tip 7: partners change during a negotiation. Applied at the start of a round. */
export type ScriptedChange =
  | { kind: "batna"; party: number; batna: number }
  | { kind: "priority"; party: number; issue: number; weight: number }
  | { kind: "trust"; party: number; towards: number; delta: number }
  /** Nothing changes in the numbers: the partner only says something (a new board member introduces herself). */
  | { kind: "note"; party: number };

/** A localised line: a string, or one string per language. */
export type Line = string | { readonly en: string; readonly nl?: string };

export interface ScriptedEntry {
  readonly round: number;
  readonly change: ScriptedChange;
  readonly message?: Line;
}

export interface ParticipantConfig {
  /** "human" for a trainee; otherwise the registered style of a scripted partner. */
  readonly style: string;
  /** Overrides of the style's parameters. */
  readonly params?: Readonly<Record<string, number>>;
}

export interface SessionConfig {
  readonly scenarioId: string;
  readonly deadlineRounds: number;
  readonly seed: string;
  /** One per party, in the scenario's party order. */
  readonly participants: readonly ParticipantConfig[];
  /** Initial trust of each party in every other, 0–100. */
  readonly initialTrust: readonly number[];
  /** Scripted changes by round (tip 7), with what the partner says about them. */
  readonly scripted?: readonly ScriptedEntry[];
  /** Trust of each party in each other, trust[a * n + b], carried over from an earlier stage; replaces initialTrust. */
  readonly trust?: readonly number[];
  /** Tip 4: rounds after an agreement in which a package better for everyone may replace it. */
  readonly postSettlementRounds?: number;
}

export type SessionEvent =
  | { type: "move"; round: number; actor: number; move: Move; remark?: string }
  | { type: "scripted"; round: number; change: ScriptedChange; message?: Line }
  /** The trainee stopped (quit or Ctrl-C) before the end. */
  | { type: "abandon"; round: number; actor: number };

export type Outcome =
  /** `improvedFrom`: the agreement a post-settlement settlement replaced. */
  | { kind: "agreement"; package: PackageArray; round: number; improvedFrom?: PackageArray }
  | { kind: "walk-away"; by: number; round: number }
  | { kind: "deadline"; round: number }
  | { kind: "abandoned"; round: number };

/** The words of questions and answers, for the schemas (protocol-schema.ts) and the wording, which need not load them. */
export const QUESTION_KINDS = ["most-important", "issue-importance", "preferred-option", "alternative", "what-would-work", "expectation", "what-else"] as const;
export const HONESTIES = ["truthful", "vague", "misleading"] as const;
export const IMPORTANCES = ["low", "medium", "high"] as const;
