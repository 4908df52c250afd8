/**
 * The negotiation screen, laid out for the terminal: a header that is never pushed off
 * (round, deadline, trust per partner), the offers table, what stands on the table and
 * who still has to accept it, the selected issue in full, the conversation (or the open
 * menu) in the height that is left, and the keys that apply now.
 */
import { contribution } from "../../../engine/model.js";
import { type Translator, translator } from "../../../i18n/translate.js";
import { questionText } from "../../../negotiation/wording.js";
import { acceptance } from "../../../play/table.js";
import { own } from "../../../records.js";
import { localise } from "../../../scenario/localise.js";
import { TRUST_METER_CELLS, trustStyle } from "../../theme.js";
import { menuLength, menuText } from "../menus.js";
import type { MenuMode, NegotiateState } from "../state.js";
import { footerLines } from "./footer.js";
import { negotiateKey } from "../keys.js";
import { type Line, type Segment, contentHeight, contentWidth, displayWidth, fit, line, pad, paragraph, truncate } from "./lines.js";
import { columnOption, offerColumns, offersTable } from "./offers.js";
import { talkEntries } from "../../../play/conversation.js";
import { talkLines } from "./talk.js";
import { onlyTraineeKnows, phaseLabel, visibleIssues } from "../partnership.js";

/** The smallest conversation pane: a heading and two lines. */
const MIN_PANE = 3;

export interface NegotiationLayout {
  readonly lines: Line[];
  /** The conversation's length in lines and how many the pane shows, for scrolling. */
  readonly talk: { readonly total: number; readonly shown: number };
}

export function negotiationLayout(state: NegotiateState): NegotiationLayout {
  const t = translator(state.options.lang);
  const width = contentWidth(state.size);
  const height = contentHeight(state.size);
  const header = headerLines(state, width, t);
  const status = statusLines(state, width, t);
  const prompt = promptLines(state, width, t);
  const footer = footerLines(state, width, t);
  // The table's lines around its issue rows: its headers, the totals and (where uncertain) their range.
  const chrome = offersTable(state, width, 1, t).lines.length - 1;
  const rest = height - header.length - status.length - prompt.length - footer.length - chrome;

  const menu = isMenu(state) ? menuLines(state, state.mode, width, t) : null;
  const minPane = menu ? Math.min(menu.length, 1 + 5) : MIN_PANE;
  const detail = detailLines(state, width, t);
  const issues = visibleIssues(state.game).length;
  const rows = issues + 1 + minPane <= rest ? issues : Math.max(1, rest - 1 - minPane);
  const detailShown = Math.max(0, Math.min(detail.length, rest - rows - minPane));
  const paneHeight = Math.max(1, rest - rows - detailShown);

  const table = offersTable(state, width, rows, t).lines;
  const talk = talkLines(talkEntries(state.game.session, state.game.setup.trainee, t, state.talkExpanded), width);
  const pane = menu ? windowed(menu, paneHeight, menuCursorLine(state)) : talkPane(talk, paneHeight, state.talkScroll, width, t);
  const lines = [...header, ...table, ...status, ...detail.slice(0, detailShown), ...pane, ...prompt, ...footer];
  return { lines: lines.slice(0, height).map((entry) => fit(entry, width)), talk: { total: talk.length, shown: Math.max(0, paneHeight - 1) } };
}

/** The furthest the conversation can be scrolled back. */
export function talkScrollLimit(state: NegotiateState): number {
  const { talk } = negotiationLayout(state);
  return Math.max(0, talk.total - talk.shown);
}

function isMenu(state: NegotiateState): state is NegotiateState & { mode: MenuMode } {
  return "cursor" in state.mode;
}

/**
 * Round and deadline first (never cut), then each partner's trust in the trainee, on one
 * line where they fit; the scenario's title where there is room left.
 */
function headerLines(state: NegotiateState, width: number, t: Translator): Line[] {
  const { session, setup } = state.game;
  const rounds = session.config.deadlineRounds;
  const round = Math.min(session.round, rounds);
  const partners = Array.from({ length: session.partyCount }, (_, party) => party).filter((party) => party !== setup.trainee);
  const roundText = t("play.header.round", { round, rounds, left: rounds - round });
  // A partnership's phase says where in the partnership the trainee is; a single negotiation shows its title.
  const phase = phaseLabel(state.game, t);
  const title = phase ?? localise(setup.scenario.title, t.lang);
  const withTitle = (segments: Segment[], room: number): Segment[] =>
    room >= 12 ? [...segments, { text: ` · ${truncate(title, room - 3)}` }] : segments;
  // On one line: the round, the meters, and the title in what is left.
  const sameLine = trustSegments(state, partners, width - displayWidth(roundText) - 3, t);
  // A partnership's phase is not cut to make room for the meters: they go on a line of their own.
  const phaseFits = (segments: readonly Segment[]) => phase === null || displayWidth(roundText) + 3 + widthOf(segments) + 3 + displayWidth(phase) + 1 <= width;
  if (sameLine && phaseFits(sameLine)) {
    const used = displayWidth(roundText) + 3 + widthOf(sameLine);
    const head = withTitle([{ text: roundText, style: "heading" }], width - used);
    return [[...head, { text: " ".repeat(Math.max(1, width - widthOf(head) - widthOf(sameLine))) }, ...sameLine]];
  }
  const first = withTitle([{ text: roundText, style: "heading" }], width - displayWidth(roundText));
  return [first, trustSegments(state, partners, width, t) ?? [{ text: t("play.header.trust") }]];
}

const widthOf = (segments: readonly Segment[]) => segments.reduce((sum, segment) => sum + displayWidth(segment.text), 0);

/**
 * "Trust ██████░░░░ 60", or with several partners "Trust: Name ██████░░░░ 60 · Name …",
 * with shorter meters and names where room is short; null when it cannot fit `width`.
 */
function trustSegments(state: NegotiateState, partners: readonly number[], width: number, t: Translator): Segment[] | null {
  const { session, setup } = state.game;
  const alone = partners.length === 1;
  const label = alone ? `${t("play.header.trust")} ` : `${t("play.header.trust")}: `;
  const separator = " · ";
  const names = partners.map((party) => localise(setup.scenario.parties[party].name, t.lang));
  for (const cells of [TRUST_METER_CELLS, 5]) {
    const meterWidth = cells + 4;
    const each = Math.floor((width - displayWidth(label) - separator.length * (partners.length - 1)) / partners.length);
    const longest = Math.max(...names.map(displayWidth));
    const nameRoom = alone ? 0 : Math.min(longest, each - meterWidth - 1);
    // Names may be cut, to no fewer than 8 columns (a shorter name is shown whole).
    if (each < meterWidth || (!alone && nameRoom < Math.min(8, longest))) continue;
    const segments: Segment[] = [{ text: label }];
    partners.forEach((party, k) => {
      const level = session.trustIn(party, setup.trainee);
      const filled = Math.round((level / 100) * cells);
      if (k > 0) segments.push({ text: separator });
      if (!alone) segments.push({ text: `${truncate(names[k], nameRoom)} ` });
      segments.push({ text: "█".repeat(filled), style: trustStyle(level) }, { text: "░".repeat(cells - filled), style: "dim" });
      segments.push({ text: ` ${t.number(level, 0)}`, style: trustStyle(level) });
    });
    return segments;
  }
  return null;
}

/** What stands on the table, and (with three or more parties) who has accepted it and who still must. */
function statusLines(state: NegotiateState, width: number, t: Translator): Line[] {
  const { session, setup } = state.game;
  // Tip 4: after an agreement, it stands while a package better for everyone may replace it.
  const agreed = session.agreed
    ? paragraph(t("play.status.agreed", { points: session.utility(setup.trainee, session.agreed), batna: session.model.batnas[setup.trainee], key: negotiateKey("negotiate.keep") }), width, "standing", "  ")
    : [];
  return [...agreed, ...standingLines(state, width, t)];
}

function standingLines(state: NegotiateState, width: number, t: Translator): Line[] {
  const { session, setup } = state.game;
  const standing = session.standing;
  const accepted = acceptance(session);
  if (!standing || !accepted) return [];
  const { scenario, trainee } = setup;
  const lang = t.lang;
  const who = (party: number) => (party === trainee ? t("play.talk.you") : localise(scenario.parties[party].name, lang));
  const points = standing.packages.map((pkg) => t.number(session.utility(trainee, pkg)));
  const term = standing.kind === "partial" ? t("play.talk.term", { issue: localise(scenario.issues[standing.issue!].label, lang), option: localise(scenario.issues[standing.issue!].options[standing.option!].label, lang) }) : "";
  const offer = latestRound(state, standing.proposer);
  const text = t("play.status.standing", {
    kind: standing.kind,
    mine: standing.proposer === trainee ? "yes" : "no",
    name: who(standing.proposer),
    round: offer,
    values: t.list(points, "or"),
    term,
    batna: session.model.batnas[trainee],
    parties: session.partyCount,
    // The proposer has accepted its own offer: only the others who did are news.
    accepted: t.list(accepted.accepted.filter((party) => party !== standing.proposer).map(who)),
    others: accepted.accepted.length - 1,
    waiting: t.list(accepted.waiting.map(who)),
  });
  return paragraph(`● ${text}`, width, "standing", "  ");
}

function latestRound(state: NegotiateState, party: number): number {
  const events = state.game.session.events;
  for (let k = events.length - 1; k >= 0; k--) {
    const event = events[k];
    if (event.type === "move" && event.actor === party && ["offer", "meso", "partial-offer"].includes(event.move.type)) return event.round;
  }
  return state.game.session.round;
}

/** The selected issue in full: its weight, the builder's option and the offers' where they differ, its description. */
function detailLines(state: NegotiateState, width: number, t: Translator): Line[] {
  const { game, issueCursor: issue, selection } = state;
  const { scenario, trainee } = game.setup;
  const session = game.session;
  const model = session.model;
  const lang = t.lang;
  const definition = scenario.issues[issue];
  const optionLabel = (option: number) => localise(definition.options[option].label, lang);
  const settled = session.settled[issue];
  const lines: Line[] = [
    ...paragraph(
      t("play.detail.issue", {
        issue: localise(definition.label, lang),
        weight: model.weights[trainee * model.issueCount + issue],
        settled: settled >= 0 ? optionLabel(settled) : "",
        isSettled: settled >= 0 ? "yes" : "no",
      }),
      width,
      "heading",
      "  ",
    ),
  ];
  const option = selection[issue];
  // The model's cost: a formula's is its expectation under the trainee's forecast.
  const cost = model.autonomyCosts[(model.issueOffsets[issue] + option) * model.partyCount + trainee];
  lines.push(
    ...paragraph(t("play.detail.yours", { option: optionLabel(option), points: contribution(model, trainee, issue, option), cost }), width, "you", "    ", "  "),
  );
  // Offers that differ from the builder here, grouped by the option they hold.
  const byOption = new Map<number, string[]>();
  for (const column of offerColumns(state)) {
    const offered = columnOption(column, issue);
    if (offered === null || offered === option) continue;
    const who = t("play.detail.column", {
      name: localise(scenario.parties[column.party].name, lang),
      kind: column.kind,
      round: column.round,
      index: column.index + 1,
      count: column.count,
    });
    byOption.set(offered, [...(byOption.get(offered) ?? []), who]);
  }
  for (const [offered, columns] of byOption) {
    const text = t("play.detail.theirs", { who: t.list(columns), option: optionLabel(offered), points: contribution(model, trainee, issue, offered) });
    lines.push(...paragraph(`≠ ${text}`, width, "differs", "    ", "  "));
  }
  // Tip 4: the trainee's own hidden terms, which the others do not know of.
  if (onlyTraineeKnows(game, issue)) {
    lines.push(...paragraph(t("play.hidden.issue", { key: negotiateKey("negotiate.reveal"), option: optionLabel(0) }), width, "notice", "    ", "  "));
  }
  definition.options.forEach((_, hidden) => {
    if (onlyTraineeKnows(game, issue, hidden)) lines.push(...paragraph(t("play.hidden.option", { key: negotiateKey("negotiate.reveal"), option: optionLabel(hidden) }), width, "notice", "    ", "  "));
  });
  // An option may say what it means in full (a candidate ambition's statement, tip 3).
  const meaning = definition.options[option].description;
  if (meaning) lines.push(...paragraph(localise(meaning, lang), width, "dim", "  ", "  "));
  if (definition.description) lines.push(...paragraph(localise(definition.description, lang), width, "dim", "  ", "  "));
  return lines;
}

/** The trainee's open question, a refusal or a confirmation: what the trainee must read now. */
function promptLines(state: NegotiateState, width: number, t: Translator): Line[] {
  const { session, setup } = state.game;
  const lines: Line[] = [];
  const mode = state.mode.kind;
  if (mode === "confirm-walk" || mode === "confirm-quit") {
    lines.push(...paragraph(t(mode === "confirm-walk" ? "play.confirm.walk" : "play.confirm.quit"), width, "prompt").slice(0, 2));
  } else if (mode === "main") {
    const pending = session.pendingQuestions.find((question) => question.to === setup.trainee);
    if (pending) {
      const text = t("play.prompt.question", {
        name: localise(setup.scenario.parties[pending.from].name, t.lang),
        question: questionText(setup.scenario, pending.question, t.lang),
      });
      lines.push(...paragraph(text, width, "prompt", "  ").slice(0, 2));
    }
  }
  if (state.notice) lines.push(...paragraph(t(state.notice.key, state.notice.params), width, "notice", "  ").slice(0, 2));
  return lines;
}

function menuLines(state: NegotiateState, mode: MenuMode, width: number, t: Translator): Line[] {
  const { title, items } = menuText(state, mode, t);
  return [
    ...paragraph(title, width, "prompt", "  ").slice(0, 2),
    ...items.map((item, k) => {
      const selected = k === mode.cursor;
      return fit(line(`${selected ? "› " : "  "}${k < 9 ? `${k + 1}. ` : "   "}${item}`, selected ? "selected" : undefined), width);
    }),
  ];
}

/** Which line of the menu holds the cursor (after its title). */
function menuCursorLine(state: NegotiateState): number {
  const mode = state.mode as MenuMode;
  const title = menuText(state, mode, translator(state.options.lang)).title;
  const titleLines = paragraph(title, contentWidth(state.size)).slice(0, 2).length;
  return Math.min(titleLines + mode.cursor, titleLines + menuLength(state, mode) - 1);
}

/** `height` lines of `lines` that show line `focus`, keeping the first (the title) where it can. */
function windowed(lines: readonly Line[], height: number, focus: number): Line[] {
  if (lines.length <= height) return [...lines];
  const start = Math.max(0, Math.min(focus - height + 1, lines.length - height));
  return lines.slice(start, start + height);
}

/** The conversation's last lines (or earlier ones, scrolled back) under a heading that says where it is. */
function talkPane(talk: readonly Line[], height: number, scroll: number, width: number, t: Translator): Line[] {
  const shown = Math.max(0, height - 1);
  const back = Math.max(0, Math.min(scroll, talk.length - shown));
  const end = talk.length - back;
  const start = Math.max(0, end - shown);
  const title = t("play.talk.title", { earlier: start, later: back });
  const heading = `── ${title} ${"─".repeat(Math.max(0, width - displayWidth(title) - 4))}`;
  return [line(truncate(heading, width), "dim"), ...talk.slice(start, end)];
}
