/** The debrief and the conversation of a partnership game, phase by phase, as `play --moves` and `debrief` print them. */
import type { Translator } from "../i18n/translate.js";
import type { PhaseRecord } from "../negotiation/partnership/run.js";
import { type PartnershipDebrief, computePartnershipDebrief } from "../report/partnership-debrief.js";
import { type Language, type Scenario, localise } from "../scenario/schema.js";
import { talkEntries } from "./conversation.js";
import type { PartnershipGame } from "./partnership.js";

export function partnershipGameDebrief(game: PartnershipGame, lang: Language): PartnershipDebrief {
  const { setup, phases, waiting } = game.partnership;
  return computePartnershipDebrief({
    scenario: setup.scenario,
    phases,
    end: waiting.kind === "ended" ? waiting.reason : "abandoned",
    trainee: setup.scenario.parties[setup.trainee].id,
    lang,
  });
}

/** A phase's name: the shared ambition, a stage, or a stage's renegotiation. */
export function phaseTitle(scenario: Scenario, phase: PhaseRecord, t: Translator): string {
  if (phase.kind === "ambition") return t("partnership.phase.ambition");
  const stage = scenario.partnership?.stages?.[phase.stage];
  const title = stage ? localise(stage.title, t.lang) : t("partnership.phase.only");
  return phase.stage > 0 ? t("partnership.phase.renegotiation", { title }) : title;
}

/** The conversation of every phase, each under its name, as lines "[round] text". */
export function partnershipConversation(game: PartnershipGame, t: Translator): string[] {
  const { setup, phases } = game.partnership;
  const traineeId = setup.scenario.parties[setup.trainee].id;
  return phases.flatMap((phase) => {
    const heading = `── ${phaseTitle(setup.scenario, phase, t)} ──`;
    if (!phase.session) return [heading, t("partnership.phase.kept")];
    const seat = phase.session.scenario.parties.findIndex((party) => party.id === traineeId);
    return [heading, ...talkEntries(phase.session, seat, t, true).map((entry) => `[${entry.round}] ${entry.text}`)];
  });
}
