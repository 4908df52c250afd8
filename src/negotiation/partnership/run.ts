/**
 * A partnership over time (tips 3, 4 and 7), run phase by phase: the ambition phase, the
 * first negotiation, and at every later stage the events, the parties' reviews (keep,
 * adjust, leave) and, when someone wants to adjust, a renegotiation with the agreement in
 * force as the status quo. Each phase is an ordinary session on a scenario derived from
 * the conditions (conditions.ts); trust carries over from phase to phase by party.
 *
 * Every random choice flows from the setup's seed: phase k's session is seeded
 * `${seed}/ambition` or `${seed}/stage-${s}`, and stage s's events draw from
 * seedrandom(`${seed}/events-${s}`), one draw per event in order (a resolved quantity
 * takes more), so a partnership replays exactly from the seed and the trainee's actions.
 */
import seedrandom from "seedrandom";
import { compileScenario, packageFromRecord, packageToRecord, packageUtility, utilityBounds, type CompiledScenario } from "../../engine/model.js";
import { drawTruth } from "../../engine/risk.js";
import { own } from "../../records.js";
import { foundingParties } from "../../scenario/partnership-semantics.js";
import type { Scenario, StageEvent } from "../../scenario/schema.js";
import { HUMAN, NegotiationDriver, sessionConfig } from "../driver.js";
import { DEFAULT_RESERVATION_SHARE } from "../partners/params.js";
import { findStyle } from "../partners/registry.js";
import { type ReviewDecision, reviewDecision } from "../partners/review.js";
import type { Move, ParticipantConfig, SessionConfig } from "../protocol.js";
import { ProtocolError, type Session } from "../session.js";
import { DEFAULT_INITIAL_TRUST, clampTrust } from "../trust.js";
import { AMBITION_ISSUE, type Conditions, afterEvent, ambitionScenario, applies, initialConditions, stageScenario, termKey, withAmbition } from "./conditions.js";

export interface PartnershipSetup {
  readonly scenario: Scenario;
  /** Per party of the scenario, in its order: "human" or a partner style id. */
  readonly styles: readonly string[];
  readonly seed: string;
  /** Deadline of every negotiation, in rounds; the stage's or scenario's when absent. */
  readonly rounds?: number;
}

/** A stage event as it turned out: whether it happened and, for a quantity, its value. */
export interface Happening {
  readonly event: StageEvent;
  readonly happened: boolean;
  readonly value?: number;
}

export type PartnershipEnd =
  /** Every stage was played. */
  | "completed"
  /** The first negotiation ended without agreement: the partnership never started. */
  | "no-agreement"
  | "trainee-left"
  /** Fewer than two parties are left. */
  | "dissolved"
  | "abandoned";

export interface PhaseRecord {
  readonly kind: "ambition" | "stage";
  /** The stage's index (0 for the ambition phase). */
  readonly stage: number;
  /** The stage's conditions once its events, reviews and departures are in (the ambition phase: at the start). */
  readonly conditions: Conditions;
  /** The stage's scenario under those conditions; its BATNAs are real ones. */
  readonly scenario: Scenario;
  readonly happenings: readonly Happening[];
  /** The agreement in force when the stage began, mapped onto its issues (first options on new ones); null in the first stage. */
  readonly statusQuo: Readonly<Record<string, string>> | null;
  /** Each present party's review, by party id; empty in the first stage. */
  readonly reviews: Readonly<Record<string, ReviewDecision>>;
  /** The negotiation of the phase; null when every party kept the agreement. */
  readonly session: Session | null;
  /** The agreement in force at the end of the phase; for the ambition phase, { ambition: id } or null. */
  agreement: Readonly<Record<string, string>> | null;
}

export type Waiting = { readonly kind: "session" } | { readonly kind: "review"; readonly stage: number } | { readonly kind: "ended"; readonly reason: PartnershipEnd };

function requireStyle(id: string) {
  const style = findStyle(id);
  if (!style) throw new ProtocolError("unknown-style", { style: id });
  return style;
}

export class PartnershipRun {
  readonly phases: PhaseRecord[] = [];
  waiting: Waiting = { kind: "session" };
  private conditions: Conditions;
  private driver: NegotiationDriver | null = null;
  /** Trust of one party in another by ids, `${truster}>${trustee}`, carried from phase to phase. */
  private readonly trust = new Map<string, number>();
  private readonly stageCount: number;
  /** Reviews in progress: scripted ones made, the trainee's awaited. */
  private pendingReviews: Record<string, ReviewDecision> = {};
  /** The stage under review: what happened, and the agreement in force on its issues. */
  reviewing: { readonly stage: number; readonly scenario: Scenario; readonly happenings: readonly Happening[]; readonly statusQuo: Record<string, string> } | null = null;

  constructor(readonly setup: PartnershipSetup) {
    const { scenario } = setup;
    this.stageCount = scenario.partnership?.stages?.length ?? 1;
    this.conditions = initialConditions(scenario, foundingParties(scenario));
    if (scenario.partnership?.ambition) this.startAmbition();
    else this.startStage(0, [], null);
  }

  /** The index of the human's party in the scenario, or −1 when every party is scripted. */
  get humanParty(): number {
    return this.setup.styles.indexOf(HUMAN);
  }

  get current(): PhaseRecord {
    return this.phases[this.phases.length - 1];
  }

  /** The session the human is to move in. */
  get session(): Session | null {
    return this.waiting.kind === "session" ? this.driver!.session : null;
  }

  /** A human's move in the current session; the partnership moves on to the next decision of the human. */
  play(move: Move): void {
    if (this.waiting.kind !== "session") throw new ProtocolError("ended");
    const driver = this.driver!;
    driver.play(driver.session.config.participants.findIndex((participant) => participant.style === HUMAN), move);
    if (driver.session.ended) this.finishPhase();
  }

  /** The human's review of the agreement at a new stage. */
  review(decision: ReviewDecision): void {
    if (this.waiting.kind !== "review") throw new ProtocolError("ended");
    this.pendingReviews[this.setup.scenario.parties[this.humanParty].id] = decision;
    this.finishReviews(this.waiting.stage);
  }

  /** The human stopped before the end. */
  abandon(): void {
    if (this.waiting.kind === "ended") return;
    const session = this.driver?.session;
    if (this.waiting.kind === "session" && session && !session.ended) {
      session.apply({ type: "abandon", round: session.round, actor: session.config.participants.findIndex((participant) => participant.style === HUMAN) });
    }
    this.end("abandoned");
  }

  /** How a partnership of scripted partners ended: the constructor has played it through. */
  run(): PartnershipEnd {
    if (this.waiting.kind !== "ended") throw new ProtocolError("human-to-move");
    return this.waiting.reason;
  }

  private end(reason: PartnershipEnd): void {
    this.driver = null;
    this.waiting = { kind: "ended", reason };
  }

  private participants(scenario: Scenario, params: (party: number, style: string) => Record<string, number> | undefined = () => undefined): ParticipantConfig[] {
    return scenario.parties.map((party, p) => {
      const style = this.setup.styles[this.seatOf(party.id)];
      const overrides = style === HUMAN ? undefined : params(p, style);
      return overrides ? { style, params: overrides } : { style };
    });
  }

  /** The carried trust between the parties of a phase, or nothing in the first phase (the styles' own start). */
  private trustMatrix(scenario: Scenario): number[] | undefined {
    if (this.trust.size === 0) return undefined;
    const ids = scenario.parties.map((party) => party.id);
    return ids.flatMap((a) => ids.map((b) => (a === b ? 100 : (this.trust.get(`${a}>${b}`) ?? DEFAULT_INITIAL_TRUST))));
  }

  private startSession(scenario: Scenario, seed: string, postSettlement: boolean, participants = this.participants(scenario)): Session {
    const model = compileScenario(scenario);
    // --rounds sets the negotiations' deadline; the ambition phase keeps its own.
    const deadlineRounds = postSettlement ? this.setup.rounds : undefined;
    const base = sessionConfig({ scenario, participants, seed, deadlineRounds }, model);
    const trust = this.trustMatrix(scenario);
    const rounds = this.setup.scenario.partnership?.postSettlementRounds;
    const config: SessionConfig = { ...base, ...(trust ? { trust } : {}), ...(postSettlement && rounds ? { postSettlementRounds: rounds } : {}) };
    this.driver = new NegotiationDriver(scenario, config, model);
    this.driver.advance();
    return this.driver.session;
  }

  private startAmbition(): void {
    const scenario = ambitionScenario(this.setup.scenario, this.conditions.present);
    // Win-win partners aim at the ambition that serves everyone: the one with the highest product of the parties' values.
    const values = scenario.parties.map((party) => party.values[AMBITION_ISSUE] as Record<string, number>);
    const shared = scenario.issues[0].options.reduce((best, option) => (product(values, option.id) > product(values, best.id) ? option : best)).id;
    const participants = this.participants(scenario, (p, style) => (requireStyle(style).family === "win-win" ? { aspiration: values[p][shared] } : undefined));
    const session = this.startSession(scenario, `${this.setup.seed}/ambition`, false, participants);
    this.phases.push({ kind: "ambition", stage: 0, conditions: this.conditions, scenario, happenings: [], statusQuo: null, reviews: {}, session, agreement: null });
    this.continueOrFinish();
  }

  /**
   * A stage's negotiation: from scratch in the first stage, else a renegotiation from the
   * status quo. Without a new agreement the agreement in force stays, so a scripted partner
   * never settles below it: its reservation is at least the status quo's utility. (The
   * BATNAs stay the real ones — leaving is the alternative — so offers below the status quo
   * are not taken for offers below the BATNA, which would cost trust.)
   */
  private startStage(stage: number, happenings: readonly Happening[], statusQuo: Record<string, string> | null, reviews: Record<string, ReviewDecision> = {}): void {
    const scenario = stageScenario(this.setup.scenario, this.conditions, stage);
    const participants = statusQuo ? this.participants(scenario, statusQuoReservations(scenario, statusQuo)) : this.participants(scenario);
    const session = this.startSession(scenario, `${this.setup.seed}/stage-${stage}`, true, participants);
    this.phases.push({ kind: "stage", stage, conditions: this.conditions, scenario, happenings, statusQuo, reviews, session, agreement: statusQuo });
    this.continueOrFinish();
  }

  private continueOrFinish(): void {
    if (this.driver!.session.ended) this.finishPhase();
    else this.waiting = { kind: "session" };
  }

  private carryTrust(session: Session): void {
    const ids = session.scenario.parties.map((party) => party.id);
    ids.forEach((a, i) => ids.forEach((b, j) => i !== j && this.trust.set(`${a}>${b}`, session.trustIn(i, j))));
  }

  /** Tip 4: a hidden term once on the table stays there in later stages. */
  private carryRevealed(session: Session): void {
    const found = session.hidden.flatMap((term, k) => {
      if (!session.revealed[k]) return [];
      const issue = session.scenario.issues[term.issue];
      return [termKey(issue.id, term.option === undefined ? undefined : issue.options[term.option].id)];
    });
    if (found.length > 0) this.conditions = { ...this.conditions, revealed: new Set([...this.conditions.revealed, ...found]) };
  }

  private shiftTrust(from: readonly string[], towards: readonly string[], delta: number): void {
    for (const a of from) for (const b of towards) if (a !== b) this.trust.set(`${a}>${b}`, clampTrust((this.trust.get(`${a}>${b}`) ?? DEFAULT_INITIAL_TRUST) + delta));
  }

  private finishPhase(): void {
    const phase = this.current;
    const session = phase.session!;
    const outcome = session.outcome!;
    this.carryTrust(session);
    this.carryRevealed(session);
    if (outcome.kind === "abandoned") return this.end("abandoned");
    if (phase.kind === "ambition") {
      const ambition = outcome.kind === "agreement" ? session.model.optionIds[0][outcome.package[0]] : null;
      phase.agreement = ambition === null ? null : { [AMBITION_ISSUE]: ambition };
      this.conditions = withAmbition(this.setup.scenario, this.conditions, ambition);
      const trust = this.setup.scenario.partnership!.ambition!.options.find((candidate) => candidate.id === ambition)?.trust;
      if (trust) this.shiftTrust(this.conditions.present, this.conditions.present, trust);
      return this.startStage(0, [], null);
    }
    if (outcome.kind === "agreement") {
      phase.agreement = packageToRecord(session.model, outcome.package);
    } else if (phase.stage === 0) {
      return this.end("no-agreement");
    } else if (outcome.kind === "walk-away") {
      const leaver = session.scenario.parties[outcome.by].id;
      if (!this.leave(leaver)) return;
    } else if (!this.leaveBelowAlternative(phase)) {
      return;
    }
    this.nextStage(phase.stage + 1, phase.agreement);
  }

  /**
   * A renegotiation that ended without a new agreement leaves the agreement in force; a
   * scripted party it leaves below its BATNA (a newcomer whose table was not agreed, say)
   * goes its own way. False when that ends the partnership.
   */
  private leaveBelowAlternative(phase: PhaseRecord): boolean {
    const model = compileScenario(phase.scenario);
    const pkg = packageFromRecord(model, phase.statusQuo!);
    const below = phase.scenario.parties.filter((party, p) => this.setup.styles[this.seatOf(party.id)] !== HUMAN && packageUtility(model, p, pkg) < model.batnas[p]);
    return below.every((party) => this.leave(party.id));
  }

  /** A party's seat in the partnership's scenario (the styles' order). */
  private seatOf(party: string): number {
    return this.setup.scenario.parties.findIndex((candidate) => candidate.id === party);
  }

  /** A party leaves of its own accord; false when that ends the partnership. */
  private leave(party: string): boolean {
    if (this.humanParty >= 0 && this.setup.scenario.parties[this.humanParty].id === party) {
      this.end("trainee-left");
      return false;
    }
    this.conditions = afterEvent(this.setup.scenario, this.conditions, { kind: "leave", party });
    if (this.conditions.present.length < 2) {
      this.end("dissolved");
      return false;
    }
    return true;
  }

  private nextStage(stage: number, agreement: Readonly<Record<string, string>> | null): void {
    if (stage >= this.stageCount) return this.end("completed");
    const happenings = this.drawEvents(stage);
    if (this.waiting.kind === "ended") return;
    const scenario = stageScenario(this.setup.scenario, this.conditions, stage);
    const model = compileScenario(scenario);
    const statusQuo = mappedAgreement(model, scenario, agreement ?? {});
    const statusQuoPackage = packageFromRecord(model, statusQuo);
    const changed = happenings.some((happening) => happening.happened);
    const previous = new Set(this.current.conditions.present);
    this.pendingReviews = {};
    scenario.parties.forEach((party, p) => {
      const style = this.setup.styles[this.seatOf(party.id)];
      if (style === HUMAN) return;
      this.pendingReviews[party.id] = reviewDecision(requireStyle(style).family, {
        statusQuo: packageUtility(model, p, statusQuoPackage),
        batna: model.batnas[p],
        best: utilityBounds(model)[2 * p + 1],
        changed,
        newcomer: !previous.has(party.id),
      });
    });
    this.reviewing = { stage, scenario, happenings, statusQuo };
    if (this.humanParty >= 0 && this.conditions.present.includes(this.setup.scenario.parties[this.humanParty].id)) {
      this.waiting = { kind: "review", stage };
      return;
    }
    this.finishReviews(stage);
  }

  private finishReviews(stage: number): void {
    const reviews = this.pendingReviews;
    const { happenings } = this.reviewing!;
    for (const [party, decision] of Object.entries(reviews)) if (decision === "leave" && !this.leave(party)) return this.recordEndedStage(stage, reviews);
    const scenario = stageScenario(this.setup.scenario, this.conditions, stage);
    const model = compileScenario(scenario);
    const statusQuo = mappedAgreement(model, scenario, this.reviewing!.statusQuo);
    this.reviewing = null;
    if (this.conditions.present.some((party) => own(reviews, party) === "adjust")) return this.startStage(stage, happenings, statusQuo, reviews);
    this.phases.push({ kind: "stage", stage, conditions: this.conditions, scenario, happenings, statusQuo, reviews, session: null, agreement: statusQuo });
    this.nextStage(stage + 1, statusQuo);
  }

  /** A stage at which the partnership ended in the reviews: recorded, so the debrief can say what happened. */
  private recordEndedStage(stage: number, reviews: Record<string, ReviewDecision>): void {
    const scenario = stageScenario(this.setup.scenario, this.conditions, stage);
    this.phases.push({ kind: "stage", stage, conditions: this.conditions, scenario, happenings: this.reviewing!.happenings, statusQuo: this.reviewing!.statusQuo, reviews, session: null, agreement: null });
    this.reviewing = null;
  }

  /** Stage events, drawn in order from the stage's own generator. */
  private drawEvents(stage: number): Happening[] {
    const random = seedrandom(`${this.setup.seed}/events-${stage}`);
    const events = this.setup.scenario.partnership?.stages?.[stage]?.events ?? [];
    const happenings: Happening[] = [];
    for (const event of events) {
      const draw = random();
      const happened = applies(this.conditions, event) && draw < (event.probability ?? 1);
      let value: number | undefined;
      if (happened && event.kind === "resolve") {
        const model = compileScenario(stageScenario(this.setup.scenario, this.conditions, stage));
        value = drawTruth(model, random)[model.uncertain!.quantityIds.indexOf(event.quantity)];
      }
      happenings.push(value === undefined ? { event, happened } : { event, happened, value });
      if (!happened) continue;
      if (event.kind === "trust") this.shiftTrust([event.party], event.towards ? [event.towards] : this.conditions.present, event.delta);
      if (event.kind === "join") this.setJoinTrust(event.party, event.trust ?? DEFAULT_INITIAL_TRUST);
      this.conditions = afterEvent(this.setup.scenario, this.conditions, event, value);
      if (this.humanParty >= 0 && !this.conditions.present.includes(this.setup.scenario.parties[this.humanParty].id)) {
        this.end("trainee-left");
        break;
      }
    }
    if (this.waiting.kind !== "ended" && this.conditions.present.length < 2) this.end("dissolved");
    return happenings;
  }

  private setJoinTrust(newcomer: string, level: number): void {
    for (const other of this.conditions.present) {
      this.trust.set(`${newcomer}>${other}`, level);
      this.trust.set(`${other}>${newcomer}`, level);
    }
  }
}

const product = (values: readonly Record<string, number>[], ambition: string) => values.reduce((total, row) => total * row[ambition], 1);

/** The agreement in force on a stage's issues: its options where it has them, the first option of an issue new to it. */
function mappedAgreement(model: CompiledScenario, scenario: Scenario, agreement: Readonly<Record<string, string>>): Record<string, string> {
  const record: Record<string, string> = {};
  scenario.issues.forEach((issue, i) => {
    const agreed = own(agreement, issue.id);
    record[issue.id] = agreed !== undefined && model.optionIds[i].includes(agreed) ? agreed : model.optionIds[i][0];
  });
  return record;
}

/** Each scripted partner's reservation in a renegotiation: its own, raised to the status quo's utility where that is higher. */
function statusQuoReservations(scenario: Scenario, statusQuo: Record<string, string>): (party: number, style: string) => Record<string, number> {
  const model = compileScenario(scenario);
  const pkg = packageFromRecord(model, statusQuo);
  const bounds = utilityBounds(model);
  return (party, style) => {
    const batna = model.batnas[party];
    const best = bounds[2 * party + 1];
    const own = trainerReservation(scenario, party) ?? requireStyle(style).defaults({ batna, best }).reservation ?? batna + DEFAULT_RESERVATION_SHARE * Math.max(0, best - batna);
    return { reservation: Math.max(own, packageUtility(model, party, pkg)) };
  };
}

/** The reservation a trainer set for a party's partner, if any. */
const trainerReservation = (scenario: Scenario, party: number): number | undefined => own(scenario.partners, scenario.parties[party].id)?.params?.reservation;

/** Runs a partnership of scripted partners only, to its end. */
export function runPartnership(setup: PartnershipSetup): PartnershipRun {
  const run = new PartnershipRun(setup);
  run.run();
  return run;
}
