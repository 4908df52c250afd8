/**
 * A negotiation session: a state machine over rounds, driven by an append-only log of
 * events. `apply` checks that an event is legal, updates the state and appends the event;
 * replaying a transcript's events on a fresh session reproduces the same state exactly.
 * The session itself makes no choices and draws no random numbers: participants do.
 */
import { type CompiledScenario, compileScenario, isAvailable, packageUtility, utilityBounds } from "../engine/model.js";
import type { Scenario } from "../scenario/schema.js";
import {
  ACTION_MOVES,
  type AnswerContent,
  type HiddenTermConfig,
  type Honesty,
  type Move,
  type Outcome,
  type PackageArray,
  type Question,
  type ScriptedChange,
  type SessionConfig,
  type SessionEvent,
} from "./protocol.js";
import { translator } from "../i18n/translate.js";
import { hiddenTerms, maskedModel } from "./hidden-terms.js";
import { CONCESSION_THRESHOLD, EXTREME_ANCHOR_SHARE, TRUST_RULES, type TrustChange, type TrustReason, clampTrust } from "./trust.js";

/** Why the protocol refuses an event; each has a message `protocol.<code>` in the catalogues. */
export type ProtocolCode =
  | "participants"
  | "ended"
  | "wrong-round"
  | "no-party"
  | "not-your-turn"
  | "question-needs-other"
  | "meso-size"
  | "no-option"
  | "no-issue"
  | "package-size"
  | "nothing-to-reject"
  | "nothing-to-accept"
  | "already-accepted"
  | "meso-choice-needed"
  | "meso-already-chosen"
  | "unasked-answer"
  | "unknown-style"
  | "not-human"
  | "human-to-move"
  | "too-much-talk"
  | "no-term"
  | "not-holder"
  | "revealed-already"
  | "hidden-option"
  | "nothing-to-keep"
  | "post-settlement-move"
  | "wrong-phase";

/**
 * Questions and disclosures a party may make in one turn. A scripted partner makes at most
 * two questions to each other party and one disclosure (15 with eight parties); a moves file
 * of a hundred thousand questions must not keep a game in its first round.
 */
export const MAX_TALK_PER_TURN = 20;

/** A refused event: a code and its details, so that a screen can say why in the trainee's language. */
export class ProtocolError extends Error {
  override readonly name = "ProtocolError";

  constructor(
    readonly code: ProtocolCode,
    readonly params: Readonly<Record<string, string | number>> = {},
  ) {
    super(translator("en")(`protocol.${code}`, params));
  }
}

export interface StandingOffer {
  readonly proposer: number;
  readonly kind: "package" | "meso" | "partial";
  /** The offered packages (one for a package, 2–3 for MESO); empty for a partial offer. */
  readonly packages: readonly PackageArray[];
  readonly issue?: number;
  readonly option?: number;
  /** Parties that accepted, the proposer included. */
  readonly acceptedBy: Parties;
  /** For MESO, the package the first acceptor picked. */
  chosen?: number;
}

/** A set of parties as the session's views read it (a Set<number> is one). */
export interface ReadonlyParties extends Iterable<number> {
  readonly size: number;
  has(party: number): boolean;
}

export interface Parties extends ReadonlyParties {
  add(party: number): unknown;
}

export interface PendingQuestion {
  readonly from: number;
  readonly to: number;
  readonly question: Question;
}

/** The offer on the table as others may see it. */
export interface StandingOfferView {
  readonly proposer: number;
  readonly kind: StandingOffer["kind"];
  readonly packages: readonly (readonly number[])[];
  readonly issue?: number;
  readonly option?: number;
  readonly acceptedBy: ReadonlyParties;
  readonly chosen?: number;
}

/**
 * A session seen from outside: what partners decide on and screens show. Only the
 * session's own `apply` changes it; a replayed session held as a view is a snapshot.
 */
export interface SessionView {
  readonly initialScenario: Scenario;
  readonly scenario: Scenario;
  readonly model: CompiledScenario;
  readonly config: SessionConfig;
  readonly partyCount: number;
  readonly events: readonly SessionEvent[];
  readonly round: number;
  readonly turn: number;
  readonly time: number;
  readonly ended: boolean;
  readonly outcome: Outcome | null;
  readonly standing: StandingOfferView | null;
  readonly settled: ArrayLike<number>;
  readonly lastOffers: readonly (readonly number[] | null)[];
  readonly pendingQuestions: readonly PendingQuestion[];
  readonly trustLog: readonly TrustChange[];
  /** Tip 4: the terms that start off the table, and which of them are on it now. */
  readonly hidden: readonly HiddenTermConfig[];
  readonly revealed: readonly boolean[];
  /** The model with every hidden term on the table: what the space would be with everything found. */
  readonly fullModel: CompiledScenario;
  /** Tip 4: the agreement reached while a post-settlement settlement may still replace it; null otherwise. */
  readonly agreed: readonly number[] | null;
  trustIn(truster: number, trustee: number): number;
  utility(party: number, pkg: ArrayLike<number>): number;
}

/** A claim that may turn out to be false: an answer or disclosure that was misleading. */
interface Claim {
  readonly by: number;
  readonly to: number;
  readonly content: AnswerContent;
}

export class Session implements SessionView {
  /** The scenario as it was at the start (scripted events change `scenario`). */
  readonly initialScenario: Scenario;
  scenario: Scenario;
  /** The model of what is on the table: hidden terms masked until revealed. */
  model: CompiledScenario;
  fullModel: CompiledScenario;
  readonly config: SessionConfig;
  readonly partyCount: number;
  readonly events: SessionEvent[] = [];
  readonly hidden: readonly HiddenTermConfig[];
  readonly revealed: boolean[];
  agreed: number[] | null = null;
  /** The round the agreement under review was reached in, and the last round a better one may replace it. */
  private agreedRound = 0;
  private postSettlementUntil = 0;
  /** Parties content with the agreement since the last proposal to improve it. */
  private readonly keptBy = new Set<number>();

  round = 1;
  /** Position in the round: party `turnInRound` acts. */
  turnInRound = 0;
  standing: StandingOffer | null = null;
  /** Terms settled by accepted partial offers; −1 where not settled. */
  readonly settled: Int32Array;
  /** The last full package each party offered (MESO: the one best for the receiver is not known, so the first). */
  readonly lastOffers: (PackageArray | null)[];
  /** trust[a * n + b]: how much a trusts b. */
  readonly trust: Float64Array;
  readonly trustLog: TrustChange[] = [];
  readonly pendingQuestions: PendingQuestion[] = [];
  outcome: Outcome | null = null;
  /** Best utility each receiver saw in each proposer's previous offer: lastSeen[receiver * n + proposer]. */
  private readonly lastSeen: Float64Array;
  /** Whether a's latest offer was a concession towards b: conceded[a * n + b]. */
  private readonly conceded: Uint8Array;
  private readonly claims: Claim[] = [];
  /** Questions and disclosures of the party whose turn it is, in this turn. */
  private talkThisTurn = 0;

  constructor(scenario: Scenario, config: SessionConfig, model: CompiledScenario = compileScenario(scenario)) {
    this.initialScenario = scenario;
    this.scenario = scenario;
    this.config = config;
    this.hidden = hiddenTerms(scenario);
    this.revealed = this.hidden.map(() => false);
    this.fullModel = model;
    this.model = this.masked(model);
    const n = (this.partyCount = model.partyCount);
    if (config.participants.length !== n) throw new ProtocolError("participants", { expected: n, got: config.participants.length });
    this.settled = new Int32Array(model.issueCount).fill(-1);
    this.lastOffers = Array.from({ length: n }, () => null);
    this.trust = new Float64Array(n * n);
    for (let a = 0; a < n; a++) for (let b = 0; b < n; b++) this.trust[a * n + b] = a === b ? 100 : (config.trust?.[a * n + b] ?? config.initialTrust[a]);
    this.lastSeen = new Float64Array(n * n).fill(Number.NaN);
    this.conceded = new Uint8Array(n * n);
  }

  /** The party whose turn it is. */
  get turn(): number {
    return this.turnInRound;
  }

  get ended(): boolean {
    return this.outcome !== null;
  }

  /** Time in [0, 1): the share of the negotiation's turns already used. */
  get time(): number {
    return ((this.round - 1) * this.partyCount + this.turnInRound) / (this.config.deadlineRounds * this.partyCount);
  }

  trustIn(truster: number, trustee: number): number {
    return this.trust[truster * this.partyCount + trustee];
  }

  utility(party: number, pkg: ArrayLike<number>): number {
    return packageUtility(this.model, party, pkg);
  }

  apply(event: SessionEvent): void {
    if (this.outcome) throw new ProtocolError("ended");
    if (event.round !== this.round) throw new ProtocolError("wrong-round", { eventRound: event.round, round: this.round });
    switch (event.type) {
      case "scripted":
        this.applyScripted(event.change);
        break;
      case "abandon":
        this.outcome = { kind: "abandoned", round: this.round };
        break;
      case "move":
        this.applyMove(event.actor, event.move);
        break;
    }
    this.events.push(event);
  }

  /** Convenience for participants: a move event in the current round. */
  move(actor: number, move: Move, remark?: string): void {
    this.apply(remark === undefined ? { type: "move", round: this.round, actor, move } : { type: "move", round: this.round, actor, move, remark });
  }

  private applyMove(actor: number, move: Move): void {
    const n = this.partyCount;
    if (actor < 0 || actor >= n) throw new ProtocolError("no-party", { party: actor });
    if (move.type === "answer") {
      this.applyAnswer(actor, move.to, move.question, move.answer, move.honesty);
      return;
    }
    if (move.type === "reveal") {
      this.reveal(actor, move.term);
      return;
    }
    if (actor !== this.turn) throw new ProtocolError("not-your-turn", { party: actor, turn: this.turn });
    if ((move.type === "ask" || move.type === "disclose") && ++this.talkThisTurn > MAX_TALK_PER_TURN) {
      this.talkThisTurn--;
      throw new ProtocolError("too-much-talk", { limit: MAX_TALK_PER_TURN });
    }
    if (this.agreed && (move.type === "partial-offer" || move.type === "walk-away")) throw new ProtocolError("post-settlement-move");
    switch (move.type) {
      case "ask":
        if (move.to === actor || move.to < 0 || move.to >= n) throw new ProtocolError("question-needs-other");
        this.pendingQuestions.push({ from: actor, to: move.to, question: move.question });
        this.changeTrust(move.to, actor, "question-asked");
        break;
      case "disclose":
        this.checkIssue(move.issue);
        this.disclosed(actor, move);
        break;
      case "offer":
        this.checkPackage(move.package);
        this.forgetKept();
        this.makeOffer(actor, { proposer: actor, kind: "package", packages: [move.package], acceptedBy: only(actor) });
        break;
      case "meso":
        if (move.packages.length < 2 || move.packages.length > 3) throw new ProtocolError("meso-size");
        for (const pkg of move.packages) this.checkPackage(pkg);
        this.forgetKept();
        this.makeOffer(actor, { proposer: actor, kind: "meso", packages: move.packages, acceptedBy: only(actor) });
        break;
      case "partial-offer":
        this.checkIssue(move.issue);
        if (move.option < 0 || move.option >= this.model.optionCounts[move.issue]) throw new ProtocolError("no-option", { issue: move.issue, option: move.option });
        if (!isAvailable(this.model, move.issue, move.option)) throw new ProtocolError("hidden-option", { issue: move.issue, option: move.option });
        this.standing = {
          proposer: actor,
          kind: "partial",
          packages: [],
          issue: move.issue,
          option: move.option,
          acceptedBy: only(actor),
        };
        break;
      case "accept":
        this.accept(actor, move.choice);
        break;
      case "reject":
        if (!this.standing || this.standing.proposer === actor) throw new ProtocolError("nothing-to-reject");
        this.standing = null;
        break;
      case "walk-away":
        this.outcome = { kind: "walk-away", by: actor, round: this.round };
        break;
      case "keep":
        if (!this.agreed) throw new ProtocolError("nothing-to-keep");
        // The agreement stays once every party is content with it; until then another may still propose.
        this.keptBy.add(actor);
        if (this.keptBy.size === n) this.outcome = { kind: "agreement", package: this.agreed, round: this.agreedRound };
        break;
    }
    if (!this.outcome && ACTION_MOVES.has(move.type)) this.endTurn();
  }

  /** A proposal reopens the agreement under review. (Clearing a Set allocates, even an empty one: most offers come before any agreement.) */
  private forgetKept(): void {
    if (this.keptBy.size > 0) this.keptBy.clear();
  }

  /** A disclosure's effect on each other party. (No closure in applyMove: one would make every move allocate its context.) */
  private disclosed(actor: number, move: Extract<Move, { type: "disclose" }>): void {
    for (let other = 0; other < this.partyCount; other++) {
      if (other === actor) continue;
      if (move.honesty === "truthful") this.changeTrust(other, actor, "truthful-disclosure");
      else if (move.honesty === "misleading") {
        this.claims.push({ by: actor, to: other, content: { kind: "issue-importance", issue: move.issue, importance: move.importance } });
      }
    }
  }

  private applyAnswer(actor: number, to: number, question: Question, answer: AnswerContent, honesty: Honesty): void {
    const index = this.pendingQuestions.findIndex(
      (pending) => pending.from === to && pending.to === actor && sameQuestion(pending.question, question),
    );
    if (index < 0) throw new ProtocolError("unasked-answer", { party: actor });
    if (answer.kind === "what-else") for (const term of answer.terms) this.checkReveal(actor, term);
    this.pendingQuestions.splice(index, 1);
    if (answer.kind === "what-else") for (const term of answer.terms) this.reveal(actor, term);
    if (honesty === "truthful") this.changeTrust(to, actor, "truthful-answer");
    else if (honesty === "vague") this.changeTrust(to, actor, "vague-answer");
    else this.claims.push({ by: actor, to, content: answer });
  }

  private accept(actor: number, choice: number | undefined): void {
    const standing = this.standing;
    if (!standing || standing.proposer === actor) throw new ProtocolError("nothing-to-accept");
    if (standing.acceptedBy.has(actor)) throw new ProtocolError("already-accepted");
    if (standing.kind === "meso") {
      if (standing.chosen === undefined) {
        if (choice === undefined || choice < 0 || choice >= standing.packages.length) {
          throw new ProtocolError("meso-choice-needed");
        }
        standing.chosen = choice;
      } else if (choice !== undefined && choice !== standing.chosen) {
        throw new ProtocolError("meso-already-chosen");
      }
    }
    standing.acceptedBy.add(actor);
    if (standing.kind !== "partial") this.checkClaims(actor, standing.packages[standing.chosen ?? 0]);
    if (standing.acceptedBy.size < this.partyCount) return;
    this.standing = null;
    if (standing.kind !== "partial") {
      this.agree([...standing.packages[standing.chosen ?? 0]]);
      return;
    }
    this.settled[standing.issue!] = standing.option!;
    if (this.settled.every((option) => option >= 0)) this.agree(Array.from(this.settled));
  }

  /**
   * An agreement ends the session, unless post-settlement rounds follow (tip 4): then it
   * stands as the fallback while a package better for everyone may still replace it.
   */
  private agree(pkg: number[]): void {
    if (this.agreed) {
      this.outcome = { kind: "agreement", package: pkg, round: this.round, improvedFrom: this.agreed };
      return;
    }
    const rounds = this.config.postSettlementRounds ?? 0;
    if (rounds === 0) {
      this.outcome = { kind: "agreement", package: pkg, round: this.round };
      return;
    }
    this.agreed = pkg;
    this.agreedRound = this.round;
    this.postSettlementUntil = this.round + rounds;
  }

  /** Whether a hidden term may be revealed by `actor` now; throws why not. */
  private checkReveal(actor: number, term: number): void {
    const hidden = this.hidden[term];
    if (!Number.isInteger(term) || !hidden) throw new ProtocolError("no-term", { term });
    if (hidden.holder !== actor) throw new ProtocolError("not-holder", { party: actor, term });
    if (this.revealed[term]) throw new ProtocolError("revealed-already", { term });
  }

  /** Tip 4: the term goes on the table; the others trust the one who shared it a little more. */
  private reveal(actor: number, term: number): void {
    this.checkReveal(actor, term);
    this.revealed[term] = true;
    this.model = this.masked(this.fullModel);
    this.forOthers(actor, (other) => this.changeTrust(other, actor, "revealed-term"));
  }

  /** The model of what is on the table: hidden issues at their first option, hidden options left out. */
  private masked(full: CompiledScenario): CompiledScenario {
    return maskedModel(full, this.hidden, this.revealed);
  }

  private makeOffer(actor: number, offer: StandingOffer): void {
    this.standing = offer;
    const n = this.partyCount;
    const bounds = utilityBounds(this.model);
    // A plain loop over the other parties (forOthers' order): this runs on every offer.
    for (let receiver = 0; receiver < n; receiver++) {
      if (receiver === actor) continue;
      let best = -Infinity;
      for (const pkg of offer.packages) best = Math.max(best, this.utility(receiver, pkg));
      const previous = this.lastSeen[receiver * n + actor];
      if (Number.isNaN(previous)) {
        const low = bounds[2 * receiver];
        if (best < low + EXTREME_ANCHOR_SHARE * (bounds[2 * receiver + 1] - low)) this.changeTrust(receiver, actor, "extreme-anchor");
      } else if (best > previous + CONCESSION_THRESHOLD) {
        const reciprocates = this.conceded[receiver * n + actor] === 1;
        this.changeTrust(receiver, actor, reciprocates ? "reciprocated-concession" : "concession");
      } else if (best < previous - CONCESSION_THRESHOLD) {
        this.changeTrust(receiver, actor, "retracted-concession");
      }
      this.conceded[actor * n + receiver] = !Number.isNaN(previous) && best > previous + CONCESSION_THRESHOLD ? 1 : 0;
      if (best < this.model.batnas[receiver]) this.changeTrust(receiver, actor, "below-batna");
      this.lastSeen[receiver * n + actor] = best;
    }
    this.lastOffers[actor] = offer.packages[0];
    if (this.claims.length > 0) for (const pkg of offer.packages) this.checkClaims(actor, pkg);
  }

  /** A party that offers or accepts a package exposes claims its own utility contradicts. */
  private checkClaims(by: number, pkg: ArrayLike<number>): void {
    for (let k = this.claims.length - 1; k >= 0; k--) {
      const claim = this.claims[k];
      if (claim.by !== by || !this.contradicts(by, claim.content, pkg)) continue;
      this.claims.splice(k, 1);
      this.changeTrust(claim.to, by, "misleading-found-out");
    }
  }

  private contradicts(by: number, content: Claim["content"], pkg: ArrayLike<number>): boolean {
    switch (content.kind) {
      case "alternative":
        return this.utility(by, pkg) < content.points - CONCESSION_THRESHOLD;
      case "most-important":
      case "issue-importance": {
        // Claimed to care about an issue, yet settles for its worst option there. (Claiming it
        // matters little and giving it up contradicts nothing.)
        if (content.kind === "issue-importance" && content.importance === "low") return false;
        const issue = content.issue;
        const base = this.model.issueOffsets[issue];
        let worst = Infinity;
        for (let o = 0; o < this.model.optionCounts[issue]; o++) {
          worst = Math.min(worst, this.model.contributions[(base + o) * this.partyCount + by]);
        }
        return this.model.contributions[(base + pkg[issue]) * this.partyCount + by] <= worst;
      }
      case "preferred-option": {
        const base = this.model.issueOffsets[content.issue];
        const chosen = this.model.contributions[(base + pkg[content.issue]) * this.partyCount + by];
        const claimed = this.model.contributions[(base + content.option) * this.partyCount + by];
        // Offering something else that is better for it shows the claimed favourite was not.
        return pkg[content.issue] !== content.option && chosen > claimed;
      }
      default:
        return false;
    }
  }

  private applyScripted(change: ScriptedChange): void {
    switch (change.kind) {
      case "batna":
        this.scenario = {
          ...this.scenario,
          parties: this.scenario.parties.map((party, p) => (p === change.party ? { ...party, batna: change.batna } : party)),
        };
        break;
      case "priority": {
        const issueId = this.model.issueIds[change.issue];
        this.scenario = {
          ...this.scenario,
          parties: this.scenario.parties.map((party, p) =>
            p === change.party ? { ...party, weights: { ...party.weights, [issueId]: change.weight } } : party,
          ),
        };
        break;
      }
      case "trust":
        this.setTrust(change.party, change.towards, this.trustIn(change.party, change.towards) + change.delta, "scripted");
        return;
      case "note":
        return;
    }
    this.fullModel = compileScenario(this.scenario);
    this.model = this.masked(this.fullModel);
  }

  private endTurn(): void {
    // Questions to the party whose turn ends expire: it had its chance to answer.
    for (let k = this.pendingQuestions.length - 1; k >= 0; k--) {
      if (this.pendingQuestions[k].to === this.turnInRound) this.pendingQuestions.splice(k, 1);
    }
    this.talkThisTurn = 0;
    this.turnInRound++;
    if (this.turnInRound < this.partyCount) return;
    this.turnInRound = 0;
    this.round++;
    if (this.agreed) {
      if (this.round > this.postSettlementUntil) this.outcome = { kind: "agreement", package: this.agreed, round: this.agreedRound };
    } else if (this.round > this.config.deadlineRounds) this.outcome = { kind: "deadline", round: this.config.deadlineRounds };
  }

  private changeTrust(truster: number, trustee: number, reason: TrustReason): void {
    this.setTrust(truster, trustee, this.trustIn(truster, trustee) + TRUST_RULES[reason], reason);
  }

  private setTrust(truster: number, trustee: number, level: number, reason: TrustReason): void {
    const index = truster * this.partyCount + trustee;
    const before = this.trust[index];
    const after = clampTrust(level);
    this.trust[index] = after;
    this.trustLog.push({ round: this.round, truster, trustee, reason, delta: after - before, level: after });
  }

  private forOthers(actor: number, visit: (other: number) => void): void {
    for (let other = 0; other < this.partyCount; other++) if (other !== actor) visit(other);
  }

  private checkIssue(issue: number): void {
    if (!Number.isInteger(issue) || issue < 0 || issue >= this.model.issueCount) throw new ProtocolError("no-issue", { issue });
  }

  private checkPackage(pkg: PackageArray): void {
    const model = this.model;
    if (pkg.length !== model.issueCount) throw new ProtocolError("package-size");
    for (let issue = 0; issue < pkg.length; issue++) {
      const option = pkg[issue];
      if (!Number.isInteger(option) || option < 0 || option >= model.optionCounts[issue]) {
        throw new ProtocolError("no-option", { issue, option });
      }
      if (!isAvailable(model, issue, option)) throw new ProtocolError("hidden-option", { issue, option });
    }
  }
}

/**
 * Parties as the bits of a number (a scenario has at most 8): the acceptors of a standing
 * offer, made with every offer, where a Set cost a third of the offer's bookkeeping.
 */
export class PartySet implements Parties {
  private bits = 0;
  size = 0;

  has(party: number): boolean {
    return ((this.bits >>> party) & 1) === 1;
  }

  add(party: number): this {
    if (!this.has(party)) {
      this.bits |= 1 << party;
      this.size++;
    }
    return this;
  }

  *[Symbol.iterator](): Iterator<number> {
    for (let party = 0; this.bits >>> party !== 0; party++) if (this.has(party)) yield party;
  }
}

/** A set of one party. */
function only(party: number): PartySet {
  return new PartySet().add(party);
}

/** The same question: of the same kind, about the same issue or the same uncertain quantity. */
export function sameQuestion(a: Question, b: Question): boolean {
  return (
    a.kind === b.kind &&
    ("issue" in a ? a.issue : -1) === ("issue" in b ? b.issue : -1) &&
    ("quantity" in a ? a.quantity : -1) === ("quantity" in b ? b.quantity : -1)
  );
}

/** A fresh session with every event of a transcript applied. */
export function replay(scenario: Scenario, config: SessionConfig, events: readonly SessionEvent[], model?: CompiledScenario): Session {
  const session = new Session(scenario, config, model);
  for (const event of events) session.apply(event);
  return session;
}
