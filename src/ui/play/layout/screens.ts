/**
 * Every screen as lines for the terminal it is drawn in: the picker, the briefing, the
 * negotiation (negotiation.ts), its help, and the debrief. Long screens scroll; the
 * reducer asks `scrollLimit` how far.
 */
import { type Translator, translator } from "../../../i18n/translate.js";
import { findStyle } from "../../../negotiation/partners/registry.js";
import { styleDescription, styleFamilyText, unitText } from "../../../negotiation/wording.js";
import { gameTranscript } from "../../../play/game.js";
import { computeDebrief, debriefSections } from "../../../report/debrief.js";
import { own } from "../../../records.js";
import { localise } from "../../../scenario/localise.js";
import { mean, quantile } from "../../../engine/distributions.js";
import { KEY_TABLES } from "../keys.js";
import { partnerChoices, SURPRISE } from "../../../play/game.js";
import type { BriefingState, DebriefState, NegotiateState, PickState, PlayState } from "../state.js";
import { footerLines, keyLabel } from "./footer.js";
import { BLANK, type Line, contentHeight, contentWidth, displayWidth, fit, line, pad, paragraph, paragraphs } from "./lines.js";
import { negotiationLayout } from "./negotiation.js";
import { betweenText, reviewMenu } from "./between.js";
import { isPartnership } from "../../../play/partnership.js";
import { partnershipGameDebrief } from "../../../play/partnership-debrief.js";
import { partnershipDebriefSections } from "../../../report/partnership-debrief-text.js";
import { playableParties } from "../partnership.js";

/** The lines of the state's screen, each within the terminal's width, no more than fit its height. */
export function screenLines(state: PlayState): Line[] {
  const width = contentWidth(state.size);
  switch (state.screen) {
    case "pick":
      return pickLines(state);
    case "briefing":
      return scrolled(briefingLines(state, width), state, state.scroll);
    case "negotiate":
      return state.mode.kind === "help" ? scrolled(helpLines(state, width), state, state.mode.scroll) : negotiationLayout(state).lines;
    case "between":
      return scrolled(betweenText(state, width), state, state.scroll, reviewMenu(state, width));
    case "debrief":
      return scrolled(debriefText(state, width), state, state.scroll, savedLines(state, width));
  }
}

/** How far the screen's text can scroll: its length less the lines it is shown in. */
export function scrollLimit(state: PlayState): number {
  const width = contentWidth(state.size);
  switch (state.screen) {
    case "briefing":
      return Math.max(0, briefingLines(state, width).length - scrollHeight(state));
    case "between":
      return Math.max(0, betweenText(state, width).length - scrollHeight(state, reviewMenu(state, width).length));
    case "debrief":
      return Math.max(0, debriefText(state, width).length - scrollHeight(state, savedLines(state, width).length));
    case "negotiate":
      return state.mode.kind === "help" ? Math.max(0, helpLines(state, width).length - scrollHeight(state)) : 0;
    case "pick":
      return 0;
  }
}

/** Under the debrief: where the transcript went, once it is saved. */
function savedLines(state: DebriefState, width: number): Line[] {
  return state.savedTo ? paragraph(translator(state.options.lang)("play.saved", { path: state.savedTo }), width, "dim") : [];
}

/** The lines a scrolled text is shown in: the screen less its footer. */
function scrollHeight(state: PlayState, extra = 0): number {
  const t = translator(state.options.lang);
  return Math.max(1, contentHeight(state.size) - footerLines(state, contentWidth(state.size), t).length - extra);
}

function scrolled(text: readonly Line[], state: PlayState, offset: number, extra: readonly Line[] = []): Line[] {
  const t = translator(state.options.lang);
  const width = contentWidth(state.size);
  const height = scrollHeight(state, extra.length);
  const start = Math.max(0, Math.min(offset, text.length - height));
  const shown = text.slice(start, start + height);
  const position = text.length > height ? [line(t("play.scroll.position", { first: start + 1, last: start + shown.length, total: text.length }), "dim")] : [];
  const footer = footerLines(state, width - (position.length > 0 ? displayWidth(position[0][0].text) + 3 : 0), t);
  // The position goes at the end of the footer's first line.
  const [first, ...others] = footer.length > 0 ? footer : [BLANK];
  const bottom = position.length > 0 ? [[...first, { text: " · ", style: "dim" as const }, ...position[0]], ...others] : [first, ...others];
  return [...shown, ...extra, ...bottom].map((entry) => fit(entry, width));
}

function pickLines(state: PickState): Line[] {
  const t = translator(state.options.lang);
  const width = contentWidth(state.size);
  const height = contentHeight(state.size);
  if (state.step === "name") return nameLines(state, t, width, height);
  const lang = t.lang;
  let title: string;
  let items: string[];
  let detail = "";
  switch (state.step) {
    case "scenario":
      title = t("play.pick.scenario");
      items = state.options.scenarios.map((choice) => t("play.pick.scenarioItem", { title: localise(choice.scenario.title, lang), parties: choice.scenario.parties.length }));
      detail = localise(state.options.scenarios[state.cursor].scenario.story, lang);
      break;
    case "party":
      title = t("play.pick.party");
      items = playableParties(state.scenario.scenario).map((party) => localise(state.scenario.scenario.parties[party].name, lang));
      break;
    case "partner": {
      title = t("play.pick.partner", { partners: state.scenario.scenario.parties.length - 1 });
      const choices = partnerChoices();
      items = choices.map((id) => (id === SURPRISE ? t("play.pick.surprise") : t("play.pick.style", { style: id, family: styleFamilyText(findStyle(id)!.family, lang) })));
      detail = choices[state.cursor] === SURPRISE ? "" : styleDescription(choices[state.cursor], lang);
      break;
    }
  }
  const footer = footerLines(state, width, t);
  const menu = items.map((item, k) => fit(line(`${k === state.cursor ? "› " : "  "}${item}`, k === state.cursor ? "selected" : undefined), width));
  const room = height - 1 - footer.length;
  const menuShown = Math.min(menu.length, Math.max(1, room));
  const menuStart = Math.max(0, Math.min(state.cursor - menuShown + 1, menu.length - menuShown));
  const detailRoom = room - menuShown - 1;
  const detailLines = detail && detailRoom > 0 ? [BLANK, ...clipped(paragraph(detail, width, "dim"), detailRoom, t)] : [];
  return [line(title, "heading"), ...menu.slice(menuStart, menuStart + menuShown), ...detailLines, ...footer];
}

/** The name being typed, its end kept in view, and what it is for. */
function nameLines(state: PickState & { step: "name" }, t: Translator, width: number, height: number): Line[] {
  const footer = footerLines(state, width, t);
  const field = t("play.pick.nameField", { name: state.name });
  const shown = displayWidth(field) <= width ? field : `…${[...field].slice(-(width - 1)).join("")}`;
  const room = height - 3 - footer.length;
  const hint = room > 1 ? [BLANK, ...clipped(paragraph(t("play.pick.nameHint"), width, "dim"), room - 1, t)] : [];
  return [line(t("play.pick.name"), "heading"), fit(line(shown, "selected"), width), ...hint, ...footer];
}

/** At most `count` lines; when some are left out, the last shown says so. */
function clipped(lines: readonly Line[], count: number, t: Translator): Line[] {
  if (lines.length <= count) return [...lines];
  return [...lines.slice(0, Math.max(0, count - 1)), line(t("play.more"), "dim")];
}

/** The briefing: the story, the trainee's own briefing, the shared ambition, the confidential table, the partners and the deadline. */
export function briefingLines(state: BriefingState, width: number): Line[] {
  const t = translator(state.options.lang);
  const lang = t.lang;
  const { scenario, trainee, partnerStyle, surprise } = state.game.setup;
  const model = state.game.model;
  const party = scenario.parties[trainee];
  const partnership = state.game.partnership?.setup.scenario.partnership;
  const lines: Line[] = [
    ...paragraph(t("play.briefing.title", { title: localise(scenario.title, lang), party: localise(party.name, lang) }), width, "heading"),
    ...paragraphs(localise(scenario.story, lang), width),
    ...(partnership ? [BLANK, ...paragraph(t("play.briefing.partnership", { stages: partnership.stages?.length ?? 1, ambition: partnership.ambition ? "yes" : "no" }), width)] : []),
    BLANK,
    ...paragraphs(localise(party.briefing, lang), width),
  ];
  if (scenario.sharedAmbition) lines.push(BLANK, line(t("play.briefing.ambition"), "heading"), ...paragraphs(localise(scenario.sharedAmbition, lang), width));
  lines.push(BLANK, line(t("play.briefing.table"), "heading"));
  // Tip 4: another party's hidden terms are not in the trainee's briefing.
  const unknown = (hidden: { holder: string } | undefined) => hidden !== undefined && hidden.holder !== party.id;
  scenario.issues.forEach((issue, i) => {
    if (unknown(issue.hidden)) return;
    lines.push(...paragraph(t("play.briefing.issue", { issue: localise(issue.label, lang), weight: model.weights[trainee * model.issueCount + i] }), width, "heading", "  "));
    if (issue.description) lines.push(...paragraph(localise(issue.description, lang), width, "dim", "  ", "  "));
    issue.options.forEach((option, o) => {
      if (unknown(option.hidden)) return;
      const at = (model.issueOffsets[i] + o) * model.partyCount + trainee;
      // Where the points depend on how the future turns out, the trainee sees what it expects them to be.
      const uncertain = model.uncertain !== undefined && (model.uncertain.values[at].uses.length > 0 || model.uncertain.costs[at].uses.length > 0);
      const points = model.uncertain ? model.uncertain.expectedValues[at] : ((own(own(party.values, issue.id), option.id) ?? 0) as number);
      const text = t("play.briefing.option", { option: localise(option.label, lang), points, cost: model.autonomyCosts[at], expected: uncertain ? "yes" : "no" });
      lines.push(...paragraph(text, width, undefined, "      ", "  "));
    });
  });
  lines.push(...paragraph(t("play.briefing.batna", { batna: party.batna }), width, "heading"));
  lines.push(...forecastLines(state, width));
  if (party.entryCost) lines.push(...paragraph(t("play.briefing.entryCost", { cost: party.entryCost }), width));
  const partners = t.list(scenario.parties.filter((_, p) => p !== trainee).map((other) => localise(other.name, lang)));
  const across = surprise ? t("play.briefing.partnersUnknown", { names: partners }) : t("play.briefing.partners", { names: partners, description: styleDescription(partnerStyle, lang) });
  lines.push(BLANK, ...paragraph(across, width));
  if (scenario.parties.length > 2) lines.push(...paragraph(t("play.briefing.unanimity", { parties: scenario.parties.length }), width));
  lines.push(...paragraph(t("play.briefing.deadline", { rounds: state.game.session.config.deadlineRounds }), width));
  return lines;
}

/** Tip 6: the trainee's own forecast of each uncertain quantity; the others may expect otherwise. */
function forecastLines(state: BriefingState, width: number): Line[] {
  const t = translator(state.options.lang);
  const { scenario, trainee } = state.game.setup;
  const uncertain = state.game.model.uncertain;
  if (!uncertain) return [];
  const lines: Line[] = [BLANK, line(t("play.briefing.forecasts"), "heading")];
  (scenario.uncertainties ?? []).forEach((quantity, k) => {
    const belief = uncertain.beliefs[trainee][k];
    const unit = unitText(quantity.unit, t.lang);
    const text = t("play.briefing.forecast", { quantity: localise(quantity.label, t.lang), mean: mean(belief), low: quantile(belief, 0.05), high: quantile(belief, 0.95), unit });
    lines.push(...paragraph(text, width, undefined, "    ", "  "));
  });
  lines.push(...paragraph(t("play.briefing.forecastsOthers"), width, "dim"));
  return lines;
}

/** Every key of every screen, with what it does. */
function helpLines(state: NegotiateState, width: number): Line[] {
  const t = translator(state.options.lang);
  const lines: Line[] = [line(t("play.help.title"), "heading"), ...paragraph(t("play.help.intro"), width)];
  for (const table of KEY_TABLES) {
    lines.push(BLANK, line(t("play.help.section", { screen: table.screen }), "heading"));
    const labelWidth = Math.max(...table.bindings.map((binding) => displayWidth(keyLabel(binding, t))));
    for (const binding of table.bindings) {
      const lead = `  ${pad(keyLabel(binding, t), labelWidth)}  `;
      lines.push(...paragraph(t(binding.help), width, undefined, " ".repeat(Math.min(lead.length, 16)), lead));
    }
  }
  lines.push(BLANK, ...paragraph(t("play.help.trust"), width));
  return lines;
}

const debriefCache = new WeakMap<DebriefState["game"], Map<string, Line[]>>();

/** The debrief of the game (report/debrief*), as lines at the width they are drawn in; computed once per game, width and language. */
function debriefText(state: DebriefState, width: number): Line[] {
  const { game } = state;
  const lang = state.options.lang;
  let byWidth = debriefCache.get(game);
  if (!byWidth) debriefCache.set(game, (byWidth = new Map()));
  const id = `${lang}/${width}`;
  let lines = byWidth.get(id);
  if (!lines) {
    const sections = isPartnership(game)
      ? partnershipDebriefSections(partnershipGameDebrief(game, lang), lang, width)
      : debriefSections(computeDebrief(gameTranscript(game, { lang, savedAt: new Date(0) }), game.session), game.setup.scenario, lang, width);
    lines = sections.flatMap((section, k) => [
      ...(k > 0 ? [BLANK] : []),
      line(section.title, "heading"),
      ...section.lines.map((text) => line(text)),
    ]);
    byWidth.set(id, lines);
  }
  return lines;
}
