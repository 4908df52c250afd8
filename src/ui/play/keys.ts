/**
 * The key-binding table: for every screen and mode, which keys do what, how the footer and
 * the help screen name them, and when they apply. The reducer acts only on a binding of
 * the current table whose condition holds; the footer lists exactly those; the help
 * screen and the README's key table list the whole table.
 */
import type { MessageKey } from "../../i18n/translate.js";
import { canAccept } from "../../play/table.js";
import { offerColumnsOverflow } from "./layout/offers.js";
import { loadableOffers } from "./menus.js";
import { heldTerms } from "./partnership.js";
import type { BetweenState, KeyPress, NegotiateState, PlayState } from "./state.js";

/** Between stages: the partnership waits for the trainee's review. */
export function isReviewing(state: BetweenState): boolean {
  return state.game.partnership?.waiting.kind === "review";
}

/** A named key ("up", "pageDown", "ctrl+c") or a printable character ("o"). */
export type KeyName = string;

export function keyName(key: KeyPress): KeyName {
  if (key.ctrl && key.input) return `ctrl+${key.input}`;
  if (key.upArrow) return "up";
  if (key.downArrow) return "down";
  if (key.leftArrow) return "left";
  if (key.rightArrow) return "right";
  if (key.pageUp) return "pageUp";
  if (key.pageDown) return "pageDown";
  if (key.home) return "home";
  if (key.end) return "end";
  if (key.return) return "enter";
  if (key.escape) return "escape";
  if (key.tab) return "tab";
  if (key.backspace || key.delete) return "backspace";
  return key.input;
}

/** In a table's keys: any one printable character, typed into a text field. */
export const PRINTABLE = "printable";

/** One character that is not a control character: what a text field takes (a named key such as "up" is longer). */
export function isPrintable(name: KeyName): boolean {
  return [...name].length === 1 && !/\p{Cc}/u.test(name);
}

export interface KeyBinding<S extends PlayState = PlayState> {
  readonly id: string;
  readonly keys: readonly KeyName[];
  /** The keys as the footer, the help and the README show them. */
  readonly label: string;
  /** The label's message, where it differs by language (y/j). */
  readonly labelKey?: MessageKey;
  /** A word or two for the footer. */
  readonly hint: MessageKey;
  /** A sentence for the help screen and the README. */
  readonly help: MessageKey;
  /** When the binding applies; always when absent. */
  readonly when?: (state: S) => boolean;
}

const SCROLL_KEYS: readonly KeyName[] = ["up", "down", "pageUp", "pageDown", "home", "end"];
const DIGITS: readonly KeyName[] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];

const trainee = (state: NegotiateState) => state.game.setup.trainee;
/** Tip 4: an agreement was reached and may still be improved on. */
const agreed = (state: NegotiateState) => state.game.session.agreed !== null;

export const PICK_KEYS = [
  { id: "pick.choose", keys: ["up", "down"], label: "↑↓", hint: "play.key.choose.hint", help: "play.key.choose.help" },
  { id: "pick.select", keys: ["enter"], label: "Enter", hint: "play.key.select.hint", help: "play.key.select.help" },
  {
    id: "pick.back",
    keys: ["escape"],
    label: "Esc",
    hint: "play.key.back.hint",
    help: "play.key.pickBack.help",
    when: (state: PlayState) => state.screen === "pick" && state.step !== "scenario",
  },
  { id: "pick.quit", keys: ["q"], label: "q", hint: "play.key.quit.hint", help: "play.key.quitNow.help" },
] as const satisfies readonly KeyBinding[];

/** Typing the trainee's name, the picker's last step: every printable key is typed, q included. */
export const NAME_KEYS = [
  { id: "name.type", keys: [PRINTABLE], label: "a–z 0–9", hint: "play.key.type.hint", help: "play.key.type.help" },
  { id: "name.erase", keys: ["backspace"], label: "Backspace", hint: "play.key.erase.hint", help: "play.key.erase.help" },
  { id: "name.done", keys: ["enter"], label: "Enter", hint: "play.key.named.hint", help: "play.key.named.help" },
  { id: "name.back", keys: ["escape"], label: "Esc", hint: "play.key.back.hint", help: "play.key.pickBack.help" },
] as const satisfies readonly KeyBinding[];

export const BRIEFING_KEYS = [
  { id: "briefing.scroll", keys: SCROLL_KEYS, label: "↑↓ PgUp PgDn", hint: "play.key.scroll.hint", help: "play.key.scroll.help" },
  { id: "briefing.start", keys: ["enter"], label: "Enter", hint: "play.key.start.hint", help: "play.key.start.help" },
  { id: "briefing.quit", keys: ["q"], label: "q", hint: "play.key.quit.hint", help: "play.key.quitNow.help" },
] as const satisfies readonly KeyBinding[];

export const NEGOTIATE_KEYS = [
  { id: "negotiate.issue", keys: ["up", "down"], label: "↑↓", hint: "play.key.issue.hint", help: "play.key.issue.help" },
  { id: "negotiate.option", keys: ["left", "right"], label: "←→", hint: "play.key.option.hint", help: "play.key.option.help" },
  { id: "negotiate.offer", keys: ["o"], label: "o", hint: "play.key.offer.hint", help: "play.key.offer.help" },
  // After an agreement only whole packages better for everyone may replace it (tip 4).
  { id: "negotiate.term", keys: ["t"], label: "t", hint: "play.key.term.hint", help: "play.key.term.help", when: (state: NegotiateState) => !agreed(state) },
  { id: "negotiate.meso-add", keys: ["m"], label: "m", hint: "play.key.mesoAdd.hint", help: "play.key.mesoAdd.help" },
  {
    id: "negotiate.meso-send",
    keys: ["s"],
    label: "s",
    hint: "play.key.mesoSend.hint",
    help: "play.key.mesoSend.help",
    when: (state: NegotiateState) => state.mesoTray.length >= 2,
  },
  {
    id: "negotiate.meso-clear",
    keys: ["x"],
    label: "x",
    hint: "play.key.mesoClear.hint",
    help: "play.key.mesoClear.help",
    when: (state: NegotiateState) => state.mesoTray.length > 0,
  },
  {
    id: "negotiate.accept",
    keys: ["a"],
    label: "a",
    hint: "play.key.accept.hint",
    help: "play.key.accept.help",
    when: (state: NegotiateState) => canAccept(state.game.session, trainee(state)),
  },
  {
    id: "negotiate.load",
    keys: ["l"],
    label: "l",
    hint: "play.key.load.hint",
    help: "play.key.load.help",
    when: (state: NegotiateState) => loadableOffers(state).length > 0,
  },
  {
    id: "negotiate.reject",
    keys: ["r"],
    label: "r",
    hint: "play.key.reject.hint",
    help: "play.key.reject.help",
    when: (state: NegotiateState) => {
      const standing = state.game.session.standing;
      return standing !== null && standing.proposer !== trainee(state);
    },
  },
  { id: "negotiate.ask", keys: ["k"], label: "k", hint: "play.key.ask.hint", help: "play.key.ask.help" },
  { id: "negotiate.disclose", keys: ["d"], label: "d", hint: "play.key.disclose.hint", help: "play.key.disclose.help" },
  {
    id: "negotiate.answer",
    keys: ["n"],
    label: "n",
    hint: "play.key.answer.hint",
    help: "play.key.answer.help",
    when: (state: NegotiateState) => state.game.session.pendingQuestions.some((question) => question.to === trainee(state)),
  },
  {
    id: "negotiate.keep",
    keys: ["h"],
    label: "h",
    hint: "play.key.keep.hint",
    help: "play.key.keep.help",
    when: (state: NegotiateState) => agreed(state),
  },
  {
    id: "negotiate.reveal",
    keys: ["p"],
    label: "p",
    hint: "play.key.reveal.hint",
    help: "play.key.reveal.help",
    when: (state: NegotiateState) => heldTerms(state.game).length > 0,
  },
  { id: "negotiate.walk", keys: ["w"], label: "w", hint: "play.key.walk.hint", help: "play.key.walk.help", when: (state: NegotiateState) => !agreed(state) },
  {
    id: "negotiate.columns",
    keys: ["[", "]"],
    label: "[ ]",
    hint: "play.key.columns.hint",
    help: "play.key.columns.help",
    when: (state: NegotiateState) => offerColumnsOverflow(state),
  },
  { id: "negotiate.talk", keys: ["pageUp", "pageDown"], label: "PgUp PgDn", hint: "play.key.talk.hint", help: "play.key.talk.help" },
  {
    id: "negotiate.expand",
    keys: ["e"],
    label: "e",
    hint: "play.key.expand.hint",
    help: "play.key.expand.help",
    when: (state: NegotiateState) => state.game.session.partyCount > 2,
  },
  { id: "negotiate.help", keys: ["?"], label: "?", hint: "play.key.help.hint", help: "play.key.help.help" },
  { id: "negotiate.quit", keys: ["q"], label: "q", hint: "play.key.quit.hint", help: "play.key.quit.help" },
] as const satisfies readonly KeyBinding<NegotiateState>[];

/** In a menu of the negotiation screen (questions, issues, whom to ask, answers, packages). */
export const MENU_KEYS = [
  { id: "menu.choose", keys: ["up", "down"], label: "↑↓", hint: "play.key.choose.hint", help: "play.key.choose.help" },
  { id: "menu.select", keys: ["enter"], label: "Enter", hint: "play.key.select.hint", help: "play.key.select.help" },
  { id: "menu.number", keys: DIGITS, label: "1–9", hint: "play.key.number.hint", help: "play.key.number.help" },
  { id: "menu.back", keys: ["escape"], label: "Esc", hint: "play.key.back.hint", help: "play.key.back.help" },
] as const satisfies readonly KeyBinding<NegotiateState>[];

/** A yes/no question: walking away, quitting. Both languages' "yes" is taken. */
export const CONFIRM_KEYS = [
  { id: "confirm.yes", keys: ["y", "j"], label: "y", labelKey: "play.key.yes.label", hint: "play.key.yes.hint", help: "play.key.yes.help" },
  { id: "confirm.no", keys: ["n", "escape"], label: "n/Esc", hint: "play.key.no.hint", help: "play.key.no.help" },
] as const satisfies readonly KeyBinding<NegotiateState>[];

export const HELP_KEYS = [
  { id: "help.scroll", keys: SCROLL_KEYS, label: "↑↓ PgUp PgDn", hint: "play.key.scroll.hint", help: "play.key.scroll.help" },
  { id: "help.close", keys: ["escape", "enter", "q", "?"], label: "Esc", hint: "play.key.close.hint", help: "play.key.close.help" },
] as const satisfies readonly KeyBinding<NegotiateState>[];

/** Between two phases of a partnership, when the next negotiation waits. */
export const BETWEEN_KEYS = [
  { id: "between.scroll", keys: SCROLL_KEYS, label: "↑↓ PgUp PgDn", hint: "play.key.scroll.hint", help: "play.key.scroll.help" },
  { id: "between.continue", keys: ["enter"], label: "Enter", hint: "play.key.continue.hint", help: "play.key.continue.help" },
  { id: "between.quit", keys: ["q"], label: "q", hint: "play.key.quit.hint", help: "play.key.quitSaved.help" },
] as const satisfies readonly KeyBinding<BetweenState>[];

/** Between two stages, when the trainee reviews the agreement: keep it, adjust it, or leave. */
export const REVIEW_KEYS = [
  { id: "review.choose", keys: ["up", "down"], label: "↑↓", hint: "play.key.choose.hint", help: "play.key.choose.help" },
  { id: "review.select", keys: ["enter"], label: "Enter", hint: "play.key.decide.hint", help: "play.key.decide.help" },
  { id: "review.number", keys: ["1", "2", "3"], label: "1–3", hint: "play.key.number.hint", help: "play.key.number.help" },
  { id: "review.scroll", keys: ["pageUp", "pageDown", "home", "end"], label: "PgUp PgDn", hint: "play.key.scroll.hint", help: "play.key.scrollPage.help" },
  { id: "review.quit", keys: ["q"], label: "q", hint: "play.key.quit.hint", help: "play.key.quitSaved.help" },
] as const satisfies readonly KeyBinding<BetweenState>[];

export const DEBRIEF_KEYS = [
  { id: "debrief.scroll", keys: SCROLL_KEYS, label: "↑↓ PgUp PgDn", hint: "play.key.scroll.hint", help: "play.key.scroll.help" },
  { id: "debrief.quit", keys: ["q", "escape"], label: "q", hint: "play.key.quit.hint", help: "play.key.quitDebrief.help" },
] as const satisfies readonly KeyBinding[];

/** Anywhere: the one key that is not in a screen's table. */
export const INTERRUPT_KEY = { id: "interrupt", keys: ["ctrl+c"], label: "Ctrl-C", hint: "play.key.interrupt.hint", help: "play.key.interrupt.help" } as const satisfies KeyBinding;

export type BindingId =
  | (typeof PICK_KEYS)[number]["id"]
  | (typeof NAME_KEYS)[number]["id"]
  | (typeof BRIEFING_KEYS)[number]["id"]
  | (typeof NEGOTIATE_KEYS)[number]["id"]
  | (typeof MENU_KEYS)[number]["id"]
  | (typeof CONFIRM_KEYS)[number]["id"]
  | (typeof HELP_KEYS)[number]["id"]
  | (typeof BETWEEN_KEYS)[number]["id"]
  | (typeof REVIEW_KEYS)[number]["id"]
  | (typeof DEBRIEF_KEYS)[number]["id"]
  | (typeof INTERRUPT_KEY)["id"];

/** The keys of a negotiation binding as the screen's own text names them ("keep it (h)"). */
export function negotiateKey(id: (typeof NEGOTIATE_KEYS)[number]["id"]): string {
  return NEGOTIATE_KEYS.find((binding) => binding.id === id)!.label;
}

/** The table for the state's screen and mode. */
export function bindingsFor(state: PlayState): readonly KeyBinding<never>[] {
  switch (state.screen) {
    case "pick":
      return state.step === "name" ? NAME_KEYS : PICK_KEYS;
    case "briefing":
      return BRIEFING_KEYS;
    case "between":
      return isReviewing(state) ? REVIEW_KEYS : BETWEEN_KEYS;
    case "debrief":
      return DEBRIEF_KEYS;
    case "negotiate":
      switch (state.mode.kind) {
        case "main":
          return NEGOTIATE_KEYS;
        case "help":
          return HELP_KEYS;
        case "confirm-walk":
        case "confirm-quit":
          return CONFIRM_KEYS;
        default:
          return MENU_KEYS;
      }
  }
}

/** Whether a binding applies in this state. */
export function applies(binding: KeyBinding<never>, state: PlayState): boolean {
  return binding.when === undefined || (binding.when as (state: PlayState) => boolean)(state);
}

/** The bindings the footer shows now: those of the current table that apply. */
export function activeBindings(state: PlayState): KeyBinding<never>[] {
  return bindingsFor(state).filter((binding) => applies(binding, state));
}

/** The binding a key press triggers now, if any. */
export function bindingOf(state: PlayState, key: KeyPress): KeyBinding<never> | undefined {
  const name = keyName(key);
  if (name === INTERRUPT_KEY.keys[0]) return INTERRUPT_KEY;
  const matches = (keys: readonly KeyName[]) => keys.includes(name) || (keys.includes(PRINTABLE) && isPrintable(name));
  return bindingsFor(state).find((binding) => matches(binding.keys) && applies(binding, state));
}

/** Every table, for the help screen and the README. */
export const KEY_TABLES = [
  { screen: "pick", bindings: PICK_KEYS },
  { screen: "name", bindings: NAME_KEYS },
  { screen: "briefing", bindings: BRIEFING_KEYS },
  { screen: "negotiate", bindings: NEGOTIATE_KEYS },
  { screen: "menu", bindings: MENU_KEYS },
  { screen: "confirm", bindings: CONFIRM_KEYS },
  { screen: "help", bindings: HELP_KEYS },
  { screen: "between", bindings: BETWEEN_KEYS },
  { screen: "review", bindings: REVIEW_KEYS },
  { screen: "debrief", bindings: DEBRIEF_KEYS },
  { screen: "anywhere", bindings: [INTERRUPT_KEY] },
] as const;
