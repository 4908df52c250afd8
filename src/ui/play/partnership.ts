/**
 * What the play screens read off a partnership game (tips 3, 4 and 7): which terms the
 * trainee may see and which only it knows, the label of the phase, the parties it may play,
 * and how the partnership stands after the trainee's move or review.
 */
import { compileScenario, packageFromRecord, packageUtility } from "../../engine/model.js";
import type { Translator } from "../../i18n/translate.js";
import type { SessionView } from "../../negotiation/session.js";
import type { Game } from "../../play/game.js";
import { phaseName } from "../../play/partnership-debrief.js";
import { foundingParties } from "../../scenario/partnership-semantics.js";
import type { Scenario } from "../../scenario/schema.js";
import { localise } from "../../scenario/localise.js";

/** An unrevealed hidden term held by another party: the trainee does not know it exists. */
function hiddenByOthers(session: SessionView, trainee: number, issue: number, option?: number): boolean {
  return session.hidden.some((term, k) => term.issue === issue && term.option === option && term.holder !== trainee && !session.revealed[k]);
}

/** The issues the trainee sees, in order: every issue but another party's hidden ones. */
export function visibleIssues(game: Game): number[] {
  const { session, setup } = game;
  return Array.from({ length: session.model.issueCount }, (_, issue) => issue).filter((issue) => !hiddenByOthers(session, setup.trainee, issue));
}

/** The trainee's own hidden terms still off the table, by their index in `session.hidden`. */
export function heldTerms(game: Game): number[] {
  const { session, setup } = game;
  return session.hidden.flatMap((term, k) => (term.holder === setup.trainee && !session.revealed[k] ? [k] : []));
}

/** The trainee's own unrevealed term on this issue (the whole issue when `option` is left out), if it holds one. */
export function onlyTraineeKnows(game: Game, issue: number, option?: number): boolean {
  return heldTerms(game).some((k) => game.session.hidden[k].issue === issue && game.session.hidden[k].option === option);
}

/** How a hidden term reads: the issue, or the issue and the option. */
export function termText(game: Game, term: number, t: Translator): string {
  const { issue, option } = game.session.hidden[term];
  const definition = game.setup.scenario.issues[issue];
  return t("play.reveal.item", {
    whole: option === undefined ? "yes" : "no",
    issue: localise(definition.label, t.lang),
    option: option === undefined ? "" : localise(definition.options[option].label, t.lang),
  });
}

/** The seats a trainee may take: in a partnership, the parties that are there from the start. */
export function playableParties(scenario: Scenario): number[] {
  const founders = scenario.partnership ? new Set(foundingParties(scenario)) : null;
  return scenario.parties.flatMap((party, p) => (!founders || founders.has(party.id) ? [p] : []));
}

/** The header's label of the current phase; null for a single negotiation. */
export function phaseLabel(game: Game, t: Translator): string | null {
  const phase = game.partnership?.phases.at(-1);
  return phase ? phaseName(game.partnership!.setup.scenario, phase, t, game.session.agreed !== null) : null;
}

/** The stage under review: the agreement in force under its new conditions, for the trainee, against its BATNA there. */
export function reviewPoints(game: Game): { points: number; batna: number } | null {
  const reviewing = game.partnership?.reviewing;
  if (!reviewing || game.partnership?.waiting.kind !== "review") return null;
  const model = compileScenario(reviewing.scenario);
  const seat = reviewing.scenario.parties.findIndex((party) => party.id === game.partnership!.setup.scenario.parties[game.partnership!.setup.trainee].id);
  return { points: packageUtility(model, seat, packageFromRecord(model, reviewing.statusQuo)), batna: model.batnas[seat] };
}
