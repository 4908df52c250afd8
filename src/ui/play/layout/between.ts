/**
 * The screen between two phases of a partnership (tips 3, 4 and 7): how the phase that
 * ended came out, then the next stage's title, story and what happened, and either the
 * next negotiation (Enter) or the trainee's review of the agreement in force, with what it
 * is worth now against the BATNA.
 */
import { packageToRecord } from "../../../engine/model.js";
import { type Translator, translator } from "../../../i18n/translate.js";
import { AMBITION_ISSUE } from "../../../negotiation/partnership/conditions.js";
import { own } from "../../../records.js";
import type { Scenario } from "../../../scenario/schema.js";
import { localise } from "../../../scenario/localise.js";
import { isReviewing } from "../keys.js";
import { REVIEW_DECISIONS } from "../menus.js";
import { phaseName, stageTitle } from "../../../play/partnership-debrief.js";
import { phaseLabel, reviewPoints } from "../partnership.js";
import type { BetweenState } from "../state.js";
import { BLANK, type Line, line, paragraph, paragraphs } from "./lines.js";

/** The agreement's terms the trainee knows of, as one sentence. */
function termsText(scenario: Scenario, record: Readonly<Record<string, string>>, known: (issue: number) => boolean, t: Translator): string {
  const terms = scenario.issues.flatMap((issue, i) => {
    const option = issue.options.find((candidate) => candidate.id === own(record, issue.id));
    return option && known(i) ? [t("play.between.term", { issue: localise(issue.label, t.lang), option: localise(option.label, t.lang) })] : [];
  });
  return t("play.between.terms", { terms: t.list(terms) });
}

/** How the phase that ended came out, for the trainee. */
function endedLines(state: BetweenState, width: number, t: Translator): Line[] {
  const partnership = state.game.partnership!;
  const phase = partnership.phases[state.ended];
  const traineeId = partnership.setup.scenario.parties[partnership.setup.trainee].id;
  if (phase.kind === "ambition") {
    const agreed = partnership.setup.scenario.partnership?.ambition?.options.find((candidate) => candidate.id === own(phase.agreement ?? {}, AMBITION_ISSUE));
    if (!agreed) return paragraph(t("play.between.ambitionNone"), width);
    return [...paragraph(t("play.between.ambitionAgreed", { ambition: localise(agreed.label, t.lang) }), width), ...paragraphs(localise(agreed.statement, t.lang), width, "dim")];
  }
  const session = phase.session;
  if (!session) return paragraph(t("play.between.kept"), width);
  const outcome = session.outcome;
  if (outcome?.kind !== "agreement") return paragraph(t("play.between.noAgreement", { renegotiation: phase.statusQuo === null ? "no" : "yes" }), width);
  const seat = session.initialScenario.parties.findIndex((party) => party.id === traineeId);
  // Another party's term still off the table at the end stays unknown to the trainee.
  const known = (issue: number) => !session.hidden.some((term, k) => term.issue === issue && term.option === undefined && term.holder !== seat && !session.revealed[k]);
  const points = session.utility(seat, outcome.package);
  const lines = paragraph(t("play.between.agreement", { points, batna: session.model.batnas[seat] }), width);
  if (outcome.improvedFrom) lines.push(...paragraph(t("play.between.improved", { from: session.utility(seat, outcome.improvedFrom), points }), width));
  lines.push(...paragraph(termsText(session.initialScenario, packageToRecord(session.model, outcome.package), known, t), width, "dim"));
  return lines;
}

/** The next stage: its title and story, and what happened since the last one. */
function nextLines(state: BetweenState, width: number, t: Translator): Line[] {
  const { game } = state;
  const partnership = game.partnership!;
  const reviewing = isReviewing(state) ? partnership.reviewing : null;
  const next = partnership.phases.at(-1)!;
  const stage = reviewing ? reviewing.stage : next.stage;
  const happenings = reviewing ? reviewing.happenings : next.happenings;
  const title = reviewing ? stageTitle(game.partnership!.setup.scenario, stage, t) : phaseLabel(game, t)!;
  const lines: Line[] = [BLANK, ...paragraph(t("play.between.next", { stage: title }), width, "heading")];
  const story = partnership.setup.scenario.partnership?.stages?.[stage]?.story;
  if (story) lines.push(...paragraphs(localise(story, t.lang), width));
  if (stage > 0) {
    const messages = happenings.flatMap((happening) => (happening.happened && happening.event.message ? [localise(happening.event.message, t.lang)] : []));
    lines.push(BLANK, line(t("play.between.events"), "heading"));
    const silent = happenings.some((happening) => happening.happened && !happening.event.message);
    if (messages.length === 0 || silent) lines.push(...paragraph(t(silent ? "play.between.unannounced" : "play.between.quiet"), width, "dim"));
    for (const message of messages) lines.push(...paragraph(`• ${message}`, width, "news", "  "));
  }
  const review = reviewPoints(game);
  if (reviewing && review) {
    const traineeId = partnership.setup.scenario.parties[partnership.setup.trainee].id;
    const known = (issue: number) => reviewing.scenario.issues[issue].hidden?.holder === undefined || reviewing.scenario.issues[issue].hidden?.holder === traineeId;
    lines.push(BLANK, ...paragraph(t("play.between.review", review), width, "standing"));
    lines.push(...paragraph(termsText(reviewing.scenario, reviewing.statusQuo, known, t), width, "dim"));
  }
  return lines;
}

/** The screen's text, which scrolls: what ended, and what comes next. */
export function betweenText(state: BetweenState, width: number): Line[] {
  const t = translator(state.options.lang);
  const partnership = state.game.partnership!;
  const ended = phaseName(partnership.setup.scenario, partnership.phases[state.ended], t);
  return [
    ...paragraph(t("play.between.title", { title: localise(partnership.setup.scenario.title, t.lang), phase: ended }), width, "heading"),
    ...endedLines(state, width, t),
    ...nextLines(state, width, t),
  ];
}

/** Under the text, while the trainee reviews: keep, adjust or leave. */
export function reviewMenu(state: BetweenState, width: number): Line[] {
  if (!isReviewing(state)) return [];
  const t = translator(state.options.lang);
  return [
    BLANK,
    ...paragraph(t("play.between.reviewTitle"), width, "prompt").slice(0, 2),
    ...REVIEW_DECISIONS.flatMap((decision, k) => {
      const selected = k === state.cursor;
      return paragraph(t("play.between.decision", { decision }), width, selected ? "selected" : undefined, "     ", `${selected ? "› " : "  "}${k + 1}. `);
    }),
  ];
}
