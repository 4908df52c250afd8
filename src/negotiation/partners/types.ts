/**
 * Scripted partners are composed of parts, as GENIUS's BOA agents are: a concession
 * curve (what utility to aim for at time t), bidding (what to offer at that target),
 * acceptance (when to accept), disclosure (how to answer and what to reveal), inquiry
 * (what to ask) and an opponent model (what it believes the others value).
 */
import type { AnswerContent, Honesty, Move, PackageArray, Question } from "../protocol.js";
import type { SessionView } from "../session.js";

export type Random = () => number;

/** Parameters of a partner, in points where they are utilities. */
export interface PartnerParams {
  /** Utility it opens with and aims for at first. */
  readonly aspiration: number;
  /** Utility below which it never goes (never below its BATNA either). */
  readonly reservation: number;
  /** Concession exponent e of u(t) = Pmin + (Pmax − Pmin)(1 − t^(1/e)): e < 1 concedes late, e > 1 early. */
  readonly concession: number;
  /** Trust level (0–100) from which it answers and discloses truthfully. */
  readonly discloseThreshold: number;
  /** Trust level below which it walks away. */
  readonly walkAwayThreshold: number;
  /** Chance (0–1) that an answer it is willing to give is truthful; otherwise it misleads. */
  readonly honesty: number;
  /** Initial trust in the others (0–100). */
  readonly initialTrust: number;
}

/** What a part can see: a read-only view of the session, which party it plays, its parameters and its random source. */
export interface PartnerContext {
  readonly session: SessionView;
  readonly self: number;
  readonly params: PartnerParams;
  readonly random: Random;
}

export interface OpponentModel {
  /** Learns from the session's events it has not seen yet. */
  update(context: PartnerContext): void;
  /** Believed contribution of every option (flat index) to the others' utility. */
  estimate(context: PartnerContext): Float64Array;
  /** Grows by one with every update that changes the estimate, so bid ladders know when to rebuild. */
  readonly version: number;
  /**
   * True when its estimates never change and are one array per scenario model and party (the
   * opposed prior): their bid ladders are then shared by every negotiation on the scenario.
   * Otherwise each estimate array belongs to one partner, a new one at every version.
   */
  readonly shared?: boolean;
}

export interface ConcessionCurve {
  /** The utility to aim for now. */
  target(context: PartnerContext): number;
}

export interface BiddingStrategy {
  /** An offer (or MESO offer) at the target utility. */
  bid(context: PartnerContext, target: number, model: OpponentModel): Move;
}

export interface AcceptanceStrategy {
  /**
   * Whether to accept an offer worth `utility` to itself, given its current target and
   * (computed on demand) what the offer it would make instead gives it.
   */
  accepts(context: PartnerContext, utility: number, target: number, ownBid: () => number): boolean;
}

export interface Answer {
  readonly answer: AnswerContent;
  readonly honesty: Honesty;
}

export interface DisclosureStrategy {
  answer(context: PartnerContext, from: number, question: Question, proposal: () => PackageArray): Answer;
  /** A priority to disclose unprompted this turn, if any. */
  volunteer(context: PartnerContext): Move | null;
}

export interface InquiryStrategy {
  /** Questions to ask this turn. */
  ask(context: PartnerContext): readonly Question[];
}

export type StyleFamily = "win-lose" | "win-win" | "baseline";

/** A style; its description is worded in the message catalogues (`style.<id>.description`, see wording.ts). */
export interface PartnerStyle {
  readonly id: string;
  readonly family: StyleFamily;
  readonly deterministic: boolean;
  /** Overrides of the model-derived default parameters, given the party's BATNA and best utility. */
  defaults(party: { readonly batna: number; readonly best: number }): Partial<PartnerParams>;
  /** A fresh partner of this style (parts hold per-negotiation state). */
  create(): PartnerParts;
}

export interface PartnerParts {
  readonly curve: ConcessionCurve;
  readonly bidding: BiddingStrategy;
  readonly acceptance: AcceptanceStrategy;
  readonly disclosure: DisclosureStrategy;
  readonly inquiry: InquiryStrategy;
  readonly model: OpponentModel;
}
