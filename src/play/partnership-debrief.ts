/** The debrief and the conversation of a partnership game, phase by phase, as `play --moves` and `debrief` print them. */
import type { Translator } from "../i18n/translate.js";
import type { PhaseRecord } from "../negotiation/partnership/run.js";
import { type PartnershipDebrief, computePartnershipDebrief } from "../report/partnership-debrief.js";
import type { Language, Scenario } from "../scenario/schema.js";
import { localise } from "../scenario/localise.js";
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

/** The title of a stage of the partnership, in the trainee's language. */
export function stageTitle(scenario: Scenario, stage: number, t: Translator): string {
  const title = scenario.partnership?.stages?.[stage]?.title;
  return title === undefined ? t("play.phase.stage", { stage: stage + 1 }) : localise(title, t.lang);
}

/** What a phase is called: the ambition, or the stage (a renegotiation), and whether its agreement may still be improved. */
export function phaseName(scenario: Scenario, phase: PhaseRecord, t: Translator, agreed = false): string {
  return t("play.phase.label", { kind: phase.kind, title: stageTitle(scenario, phase.stage, t), renegotiation: phase.statusQuo === null ? "no" : "yes", agreed: agreed ? "yes" : "no" });
}

/** The conversation of every phase, each under its name, as lines "[round] text". */
export function partnershipConversation(game: PartnershipGame, t: Translator): string[] {
  const { setup, phases } = game.partnership;
  const traineeId = setup.scenario.parties[setup.trainee].id;
  return phases.flatMap((phase) => {
    const heading = `── ${phaseName(setup.scenario, phase, t)} ──`;
    if (!phase.session) return [heading, t("partnership.phase.kept")];
    const seat = phase.session.scenario.parties.findIndex((party) => party.id === traineeId);
    return [heading, ...talkEntries(phase.session, seat, t, true).map((entry) => `[${entry.round}] ${entry.text}`)];
  });
}
