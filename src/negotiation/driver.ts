/**
 * Runs a session: scripted partners take their turns, a human's moves come from outside
 * (the play UI, a moves file). Every random choice flows from the session seed: partner p
 * draws from seedrandom(`${seed}/${p}`), so the same seed gives the same transcript.
 */
import seedrandom from "seedrandom";
import { type CompiledScenario, compileScenario, utilityBounds } from "../engine/model.js";
import { own } from "../records.js";
import type { Scenario } from "../scenario/schema.js";
import { resolveParams } from "./partners/params.js";
import { ScriptedPartner, type PlannedMove } from "./partners/partner.js";
import { findStyle } from "./partners/registry.js";
import type { Move, Outcome, ParticipantConfig, ScriptedChange, ScriptedEntry, SessionConfig } from "./protocol.js";
import { ProtocolError, Session } from "./session.js";
import { DEFAULT_INITIAL_TRUST } from "./trust.js";

export const HUMAN = "human";
export const DEFAULT_DEADLINE_ROUNDS = 10;

export interface SessionSetup {
  readonly scenario: Scenario;
  /** One per party: "human" or a style id, with optional parameter overrides. */
  readonly participants: readonly ParticipantConfig[];
  readonly seed: string;
  readonly deadlineRounds?: number;
}

/**
 * The full configuration of a session: participants from the setup, parameters and
 * scripted events from the scenario's partner definitions, initial trust from the params.
 */
export function sessionConfig(setup: SessionSetup, model: CompiledScenario = compileScenario(setup.scenario)): SessionConfig {
  const { scenario } = setup;
  const scripted: ScriptedEntry[] = [];
  const participants = setup.participants.map((participant, party): ParticipantConfig => {
    if (participant.style === HUMAN) return participant;
    const definition = own(scenario.partners, scenario.parties[party].id);
    const fromScenario = definition && definition.style === participant.style ? definition : undefined;
    for (const event of fromScenario?.events ?? []) {
      const changes: ScriptedChange[] = [];
      if (event.batna !== undefined) changes.push({ kind: "batna", party, batna: event.batna });
      if (event.priority) {
        const issue = scenario.issues.findIndex((candidate) => candidate.id === event.priority!.issue);
        changes.push({ kind: "priority", party, issue, weight: event.priority.weight });
      }
      if (event.trust !== undefined) {
        for (let other = 0; other < scenario.parties.length; other++) {
          if (other !== party) changes.push({ kind: "trust", party, towards: other, delta: event.trust });
        }
      }
      if (changes.length === 0 && event.message) changes.push({ kind: "note", party });
      // The partner's line goes with the first change of the event.
      changes.forEach((change, k) =>
        scripted.push(k === 0 && event.message ? { round: event.round, change, message: event.message } : { round: event.round, change }),
      );
    }
    const params = { ...(fromScenario?.params as Record<string, number> | undefined), ...participant.params };
    return Object.keys(params).length > 0 ? { style: participant.style, params } : { style: participant.style };
  });
  const initialTrust = participants.map((participant, party) => {
    if (participant.style === HUMAN) return DEFAULT_INITIAL_TRUST;
    const style = requireStyle(participant.style);
    const bounds = utilityBounds(model);
    const defaults = style.defaults({ batna: model.batnas[party], best: bounds[2 * party + 1] });
    return participant.params?.initialTrust ?? defaults.initialTrust ?? DEFAULT_INITIAL_TRUST;
  });
  return {
    scenarioId: scenario.id,
    deadlineRounds: setup.deadlineRounds ?? scenario.deadlineRounds ?? DEFAULT_DEADLINE_ROUNDS,
    seed: setup.seed,
    participants,
    initialTrust,
    ...(scripted.length > 0 ? { scripted: scripted.sort((a, b) => a.round - b.round) } : {}),
  };
}

/** Most styles never draw: the generator (costly to seed) is made on the first draw. */
function lazyRandom(seed: string): () => number {
  let generator: (() => number) | undefined;
  return () => (generator ??= seedrandom(seed))();
}

const NO_SCRIPTED: readonly ScriptedEntry[] = [];

function requireStyle(id: string) {
  const style = findStyle(id);
  if (!style) throw new ProtocolError("unknown-style", { style: id });
  return style;
}

export class NegotiationDriver {
  readonly session: Session;
  private readonly partners: (ScriptedPartner | null)[];
  private scriptedUpTo = 0;

  constructor(scenario: Scenario, config: SessionConfig, model?: CompiledScenario) {
    this.session = new Session(scenario, config, model);
    this.partners = config.participants.map((participant, party) => {
      if (participant.style === HUMAN) return null;
      const style = requireStyle(participant.style);
      const params = resolveParams(this.session, party, style, participant.params);
      return new ScriptedPartner(style, style.create(), this.session, party, params, lazyRandom(`${config.seed}/${party}`));
    });
    this.applyScriptedChanges();
  }

  get outcome(): Outcome | null {
    return this.session.outcome;
  }

  isHuman(party: number): boolean {
    return this.partners[party] === null;
  }

  /** Plays every scripted turn until a human is to move or the negotiation ends. */
  advance(): void {
    const session = this.session;
    while (!session.ended && !this.isHuman(session.turn)) {
      const actor = session.turn;
      const partner = this.partners[actor]!;
      for (const planned of partner.talk()) {
        this.apply(actor, planned);
        if (session.ended) return;
      }
      this.apply(actor, partner.act());
      this.applyScriptedChanges();
    }
  }

  /** A human's move; scripted partners answer its questions at once and then take their turns. */
  play(actor: number, move: Move): void {
    if (!this.isHuman(actor)) throw new ProtocolError("not-human", { party: actor });
    const roundBefore = this.session.round;
    this.apply(actor, { move });
    if (this.session.round !== roundBefore) this.applyScriptedChanges();
    this.advance();
  }

  /** Runs a negotiation between scripted partners to its end. */
  run(): Outcome {
    this.advance();
    if (!this.session.outcome) throw new ProtocolError("human-to-move");
    return this.session.outcome;
  }

  private apply(actor: number, planned: PlannedMove): void {
    this.session.move(actor, planned.move, planned.remark);
    const move = planned.move;
    if (move.type === "ask" && !this.isHuman(move.to) && !this.session.ended) {
      const partner = this.partners[move.to]!;
      this.apply(move.to, partner.answer(actor, move.question));
      for (const reveal of partner.revealsOn(move.question)) this.apply(move.to, reveal);
    }
  }

  /** Scripted events of every round that has started (tip 7). */
  private applyScriptedChanges(): void {
    const session = this.session;
    const scripted = session.config.scripted ?? NO_SCRIPTED;
    while (!session.ended && this.scriptedUpTo < scripted.length && scripted[this.scriptedUpTo].round <= session.round) {
      const { change, message } = scripted[this.scriptedUpTo++];
      session.apply(message === undefined ? { type: "scripted", round: session.round, change } : { type: "scripted", round: session.round, change, message });
    }
  }
}
