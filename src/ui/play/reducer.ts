/**
 * The play UI's reducer: pure, one key at a time. A key acts only through a binding of
 * the key table (keys.ts) that applies now; each binding id has its handler here. Keys
 * typed fast arrive one by one, each against the state the previous one left.
 */
import type { MessageKey } from "../../i18n/translate.js";
import { answerMove, disclosureMove } from "../../negotiation/answers.js";
import type { Move } from "../../negotiation/protocol.js";
import { ProtocolError } from "../../negotiation/session.js";
import { questionKinds, questionOf, questionSubject } from "../../negotiation/wording.js";
import type { QuestionKind } from "../../negotiation/protocol.js";
import { isAvailable } from "../../engine/model.js";
import { type Game, gameOver, partnerChoices, playMove } from "../../play/game.js";
import type { ReviewDecision } from "../../negotiation/partners/review.js";
import { actInPartnership, isPartnership } from "../../play/partnership.js";
import { questionRecipient } from "../../play/table.js";
import { localise } from "../../scenario/localise.js";
import {
  BETWEEN_KEYS,
  BRIEFING_KEYS,
  CONFIRM_KEYS,
  DEBRIEF_KEYS,
  HELP_KEYS,
  type KeyName,
  MENU_KEYS,
  NAME_KEYS,
  NEGOTIATE_KEYS,
  PICK_KEYS,
  REVIEW_KEYS,
  bindingOf,
  isReviewing,
  keyName,
} from "./keys.js";
import { heldTerms, playableParties, termText, visibleIssues } from "./partnership.js";
import { translator } from "../../i18n/translate.js";
import { offerColumns } from "./layout/offers.js";
import { negotiationLayout, talkScrollLimit } from "./layout/negotiation.js";
import { scrollLimit } from "./layout/screens.js";
import { HONESTIES, IMPORTANCES, REVIEW_DECISIONS, loadableOffers, menuLength, otherParties, subjectsOf } from "./menus.js";
import {
  type BetweenState,
  type BriefingState,
  type DebriefState,
  type KeyPress,
  type MenuMode,
  type NameStepState,
  type NegotiateState,
  type PickState,
  type PlayState,
  type ScenarioChoice,
  type TerminalSize,
  briefing,
  negotiating,
  pickedParty,
  pickedPartner,
  pickedScenario,
} from "./state.js";
import { TRAINEE_NAME_MAX_LENGTH } from "../../negotiation/transcript.js";

export type PlayAction =
  | { readonly type: "key"; readonly key: KeyPress }
  | { readonly type: "resize"; readonly size: TerminalSize }
  /** The app saved the transcript of the finished game there. */
  | { readonly type: "saved"; readonly path: string };

export function playReducer(state: PlayState, action: PlayAction): PlayState {
  switch (action.type) {
    case "resize":
      return { ...state, size: action.size };
    case "saved":
      return state.screen === "debrief" ? { ...state, savedTo: action.path } : state;
    case "key":
      return keyPressed(state, action.key);
  }
}

function keyPressed(state: PlayState, key: KeyPress): PlayState {
  // A notice answers the key before; the next key clears it.
  const current = state.screen === "negotiate" && state.notice ? { ...state, notice: null } : state;
  const binding = bindingOf(current, key);
  if (!binding) return current;
  if (binding.id === "interrupt") return { ...current, exit: "interrupt" };
  const name = keyName(key);
  switch (current.screen) {
    case "pick":
      return current.step === "name" ? NAME[binding.id as NameId](current as NameStepState, name) : PICK[binding.id as PickId](current, name);
    case "briefing":
      return BRIEFING[binding.id as BriefingId](current, name);
    case "between":
      return isReviewing(current) ? REVIEW[binding.id as ReviewId](current, name) : BETWEEN[binding.id as BetweenId](current, name);
    case "debrief":
      return DEBRIEF[binding.id as DebriefId](current, name);
    case "negotiate": {
      const mode = current.mode;
      if (mode.kind === "main") return NEGOTIATE[binding.id as NegotiateId](current, name);
      if (mode.kind === "help") return HELP[binding.id as HelpId](current, name);
      if (mode.kind === "confirm-walk" || mode.kind === "confirm-quit") return CONFIRM[binding.id as ConfirmId](current, name);
      return MENU[binding.id as MenuId](current as NegotiateState & { mode: MenuMode }, name);
    }
  }
}

type Handlers<Table extends readonly { id: string }[], S> = { readonly [Id in Table[number]["id"]]: (state: S, key: KeyName) => PlayState };
type PickId = (typeof PICK_KEYS)[number]["id"];
type NameId = (typeof NAME_KEYS)[number]["id"];
type BriefingId = (typeof BRIEFING_KEYS)[number]["id"];
type DebriefId = (typeof DEBRIEF_KEYS)[number]["id"];
type BetweenId = (typeof BETWEEN_KEYS)[number]["id"];
type ReviewId = (typeof REVIEW_KEYS)[number]["id"];
type NegotiateId = (typeof NEGOTIATE_KEYS)[number]["id"];
type HelpId = (typeof HELP_KEYS)[number]["id"];
type ConfirmId = (typeof CONFIRM_KEYS)[number]["id"];
type MenuId = (typeof MENU_KEYS)[number]["id"];

/** ↑ and ↓ step through `length` items and wrap around. */
function stepped(cursor: number, key: KeyName, length: number): number {
  return key === "up" ? (cursor + length - 1) % length : (cursor + 1) % length;
}

/** A scroll offset moved by a line (↑↓), a page (PgUp PgDn) or to an end (Home End), within 0…limit. */
function scrolledBy(offset: number, key: KeyName, page: number, limit: number): number {
  const moved =
    key === "up" ? offset - 1 : key === "down" ? offset + 1 : key === "pageUp" ? offset - page : key === "pageDown" ? offset + page : key === "home" ? 0 : limit;
  return Math.max(0, Math.min(limit, moved));
}

const PAGE_OVERLAP = 2;
const page = (state: PlayState) => Math.max(1, state.size.rows - 4 - PAGE_OVERLAP);

function pickLength(state: PickState): number {
  switch (state.step) {
    case "scenario":
      return state.options.scenarios.length;
    case "party":
      return playableParties(state.scenario.scenario).length;
    case "partner":
      return partnerChoices().length;
    case "name":
      return 0;
  }
}

const PICK: Handlers<typeof PICK_KEYS, PickState> = {
  "pick.choose": (state, key) => ({ ...state, cursor: stepped(state.cursor, key, pickLength(state)) }),
  "pick.select": (state) => {
    switch (state.step) {
      case "scenario":
        return pickedScenario(state, state.options.scenarios[state.cursor]);
      case "party":
        return pickedParty(state, state.scenario, playableParties(state.scenario.scenario)[state.cursor]);
      case "partner":
        return pickedPartner(state, state.scenario, state.party, partnerChoices()[state.cursor]);
      case "name":
        return state;
    }
  },
  "pick.back": (state) => {
    if (state.step === "partner") return { ...state, step: "party", scenario: state.scenario, cursor: partyCursor(state.scenario, state.party) };
    const index = state.step === "party" ? state.options.scenarios.indexOf(state.scenario) : 0;
    return { screen: "pick", options: state.options, size: state.size, exit: null, step: "scenario", cursor: Math.max(0, index) };
  },
  "pick.quit": (state) => ({ ...state, exit: "quit" }),
};

/** Where the party picker's cursor is on a party: its place among the parties the trainee may play. */
const partyCursor = (choice: ScenarioChoice, party: number) => Math.max(0, playableParties(choice.scenario).indexOf(party));

const NAME: Handlers<typeof NAME_KEYS, NameStepState> = {
  // Spaces are typed as they come; leading and trailing ones are dropped when the name is taken.
  "name.type": (state, key) => ([...state.name].length < TRAINEE_NAME_MAX_LENGTH ? { ...state, name: state.name + key } : state),
  "name.erase": (state) => ({ ...state, name: [...state.name].slice(0, -1).join("") }),
  "name.done": (state) => briefing(state, state.scenario, state.party, state.partner, state.name.trim() || undefined),
  "name.back": (state) => {
    const { options, size, scenario, party } = state;
    const common = { screen: "pick", options, size, exit: null, scenario } as const;
    if (options.partner === undefined) return { ...common, step: "partner", party, cursor: Math.max(0, partnerChoices().indexOf(state.partner)) };
    return { ...common, step: "party", cursor: partyCursor(scenario, party) };
  },
};

const BRIEFING: Handlers<typeof BRIEFING_KEYS, BriefingState> = {
  "briefing.scroll": (state, key) => ({ ...state, scroll: scrolledBy(state.scroll, key, page(state), scrollLimit(state)) }),
  "briefing.start": (state) => negotiating(state),
  "briefing.quit": (state) => ({ ...state, exit: "quit" }),
};

const BETWEEN: Handlers<typeof BETWEEN_KEYS, BetweenState> = {
  "between.scroll": (state, key) => ({ ...state, scroll: scrolledBy(state.scroll, key, page(state), scrollLimit(state)) }),
  "between.continue": (state) => negotiating(state),
  "between.quit": (state) => ({ ...state, exit: "quit" }),
};

const REVIEW: Handlers<typeof REVIEW_KEYS, BetweenState> = {
  "review.choose": (state, key) => ({ ...state, cursor: stepped(state.cursor, key, REVIEW_DECISIONS.length) }),
  "review.select": (state) => reviewed(state, REVIEW_DECISIONS[state.cursor]),
  "review.number": (state, key) => reviewed(state, REVIEW_DECISIONS[Number(key) - 1]),
  "review.scroll": (state, key) => ({ ...state, scroll: scrolledBy(state.scroll, key, page(state), scrollLimit(state)) }),
  "review.quit": (state) => ({ ...state, exit: "quit" }),
};

/** The trainee's review: the partnership goes on to a renegotiation, the next stage's review, or its end. */
function reviewed(state: BetweenState, decision: ReviewDecision): PlayState {
  if (!isPartnership(state.game)) return state;
  const game = actInPartnership(state.game, { type: "review", decision });
  const common = { options: state.options, size: state.size, exit: null };
  if (gameOver(game)) return { ...common, screen: "debrief", game, scroll: 0, savedTo: null };
  // Everyone kept the agreement: the stage passed without a negotiation, and the next one is to be reviewed.
  if (game.partnership.waiting.kind === "review") return { ...common, screen: "between", game, ended: game.partnership.phases.length - 1, scroll: 0, cursor: 0 };
  return { ...negotiating({ ...common, game }), notice: { key: "play.notice.renegotiation" } };
}

const DEBRIEF: Handlers<typeof DEBRIEF_KEYS, DebriefState> = {
  "debrief.scroll": (state, key) => ({ ...state, scroll: scrolledBy(state.scroll, key, page(state), scrollLimit(state)) }),
  "debrief.quit": (state) => ({ ...state, exit: "quit" }),
};

const notice = (state: NegotiateState, key: MessageKey, params?: Record<string, string | number>): NegotiateState => ({
  ...state,
  notice: params ? { key, params } : { key },
});

const main = (state: NegotiateState): NegotiateState => ({ ...state, mode: { kind: "main" } });

/** The trainee's move; the partners answer and take their turns. A refused move changes nothing but says why. */
function play(state: NegotiateState, move: Move): PlayState {
  let game;
  try {
    game = playMove(state.game, move);
  } catch (error) {
    if (error instanceof ProtocolError) return notice(main(state), `protocol.${error.code}`, error.params);
    throw error;
  }
  return afterMove(state, game);
}

/** The screen after the trainee's move: the same negotiation, the debrief, or (a partnership's phase ended) the screen between phases. */
function afterMove(state: NegotiateState, game: Game): PlayState {
  const common = { options: state.options, size: state.size, exit: null };
  if (gameOver(game)) return { ...common, screen: "debrief", game, scroll: 0, savedTo: null };
  const before = state.game.partnership?.phases.length ?? 0;
  const partnership = game.partnership;
  if (partnership && (partnership.waiting.kind === "review" || partnership.phases.length !== before)) {
    return { ...common, screen: "between", game, ended: before - 1, scroll: 0, cursor: 0 };
  }
  return { ...main(state), game, talkScroll: 0 };
}

const samePackage = (a: readonly number[], b: readonly number[]) => a.every((option, issue) => option === b[issue]);

const NEGOTIATE: Handlers<typeof NEGOTIATE_KEYS, NegotiateState> = {
  // Another party's hidden issues are not in the builder; options off the table are skipped.
  "negotiate.issue": (state, key) => {
    const issues = visibleIssues(state.game);
    return { ...state, issueCursor: issues[stepped(Math.max(0, issues.indexOf(state.issueCursor)), key, issues.length)] };
  },
  "negotiate.option": (state, key) => {
    const issue = state.issueCursor;
    const model = state.game.session.model;
    const count = model.optionCounts[issue];
    let option = state.selection[issue];
    do option = stepped(option, key === "left" ? "up" : "down", count);
    while (!isAvailable(model, issue, option));
    return { ...state, selection: state.selection.map((chosen, i) => (i === issue ? option : chosen)) };
  },
  "negotiate.offer": (state) => play(state, { type: "offer", package: [...state.selection] }),
  "negotiate.term": (state) => play(state, { type: "partial-offer", issue: state.issueCursor, option: state.selection[state.issueCursor] }),
  "negotiate.meso-add": (state) => {
    if (state.mesoTray.length >= 3) return notice(state, "play.notice.mesoFull");
    if (state.mesoTray.some((pkg) => samePackage(pkg, state.selection))) return notice(state, "play.notice.mesoDuplicate");
    const mesoTray = [...state.mesoTray, [...state.selection]];
    return notice({ ...state, mesoTray }, "play.notice.mesoAdded", { count: mesoTray.length });
  },
  "negotiate.meso-send": (state) => play({ ...state, mesoTray: [] }, { type: "meso", packages: state.mesoTray.map((pkg) => [...pkg]) }),
  "negotiate.meso-clear": (state) => ({ ...state, mesoTray: [] }),
  "negotiate.accept": (state) => {
    const standing = state.game.session.standing!;
    if (standing.kind === "meso" && standing.chosen === undefined) return { ...state, mode: { kind: "accept-meso", cursor: 0 } };
    return play(state, { type: "accept" });
  },
  "negotiate.load": (state) => {
    const offers = loadableOffers(state);
    if (offers.length > 1) return { ...state, mode: { kind: "load", cursor: 0 } };
    return loaded(state, 0);
  },
  "negotiate.reject": (state) => play(state, { type: "reject", blockingIssue: state.issueCursor }),
  "negotiate.ask": (state) => ({ ...state, mode: { kind: "ask", cursor: 0 } }),
  "negotiate.disclose": (state) => ({ ...state, mode: { kind: "disclose", cursor: 0 } }),
  "negotiate.answer": (state) => ({ ...state, mode: { kind: "answer", cursor: 0 } }),
  "negotiate.columns": (state, key) => {
    const total = offerColumns(state).length;
    const columnOffset = Math.max(0, Math.min(total - 1, state.columnOffset + (key === "]" ? 1 : -1)));
    return { ...state, columnOffset };
  },
  "negotiate.talk": (state, key) => {
    const { talk } = negotiationLayout(state);
    const back = state.talkScroll + (key === "pageUp" ? 1 : -1) * Math.max(1, talk.shown - 1);
    return { ...state, talkScroll: Math.max(0, Math.min(talkScrollLimit(state), back)) };
  },
  "negotiate.expand": (state) => ({ ...state, talkExpanded: !state.talkExpanded, talkScroll: 0 }),
  "negotiate.keep": (state) => play(state, { type: "keep" }),
  "negotiate.reveal": (state) => ({ ...state, mode: { kind: "reveal", cursor: 0 } }),
  "negotiate.walk": (state) => ({ ...state, mode: { kind: "confirm-walk" } }),
  "negotiate.help": (state) => ({ ...state, mode: { kind: "help", scroll: 0 } }),
  "negotiate.quit": (state) => ({ ...state, mode: { kind: "confirm-quit" } }),
};

const HELP: Handlers<typeof HELP_KEYS, NegotiateState> = {
  "help.scroll": (state, key) => {
    const scroll = state.mode.kind === "help" ? state.mode.scroll : 0;
    return { ...state, mode: { kind: "help", scroll: scrolledBy(scroll, key, page(state), scrollLimit(state)) } };
  },
  "help.close": main,
};

const CONFIRM: Handlers<typeof CONFIRM_KEYS, NegotiateState> = {
  "confirm.yes": (state) => (state.mode.kind === "confirm-walk" ? play(state, { type: "walk-away" }) : { ...main(state), exit: "quit" }),
  "confirm.no": main,
};

type InMenu = NegotiateState & { mode: MenuMode };

const MENU: Handlers<typeof MENU_KEYS, InMenu> = {
  "menu.choose": (state, key) => ({ ...state, mode: { ...state.mode, cursor: stepped(state.mode.cursor, key, menuLength(state, state.mode)) } }),
  "menu.select": (state) => chosen(state, state.mode.cursor),
  "menu.number": (state, key) => {
    const index = Number(key) - 1;
    return index < menuLength(state, state.mode) ? chosen(state, index) : state;
  },
  "menu.back": (state) => {
    const mode = state.mode;
    const kinds = questionKinds(state.game.setup.scenario);
    if (mode.kind === "ask-subject") return { ...state, mode: { kind: "ask", cursor: kinds.indexOf(mode.question) } };
    if (mode.kind === "ask-whom") {
      if (mode.subject !== null) return { ...state, mode: { kind: "ask-subject", question: mode.question, cursor: Math.max(0, subjectsOf(state, mode.question).indexOf(mode.subject)) } };
      return { ...state, mode: { kind: "ask", cursor: kinds.indexOf(mode.question) } };
    }
    return main(state);
  },
};

/** The menu's item `index` was chosen. */
function chosen(state: InMenu, index: number): PlayState {
  const { game } = state;
  const trainee = game.setup.trainee;
  const mode = state.mode;
  switch (mode.kind) {
    case "ask": {
      const question = questionKinds(game.setup.scenario)[index];
      const about = questionSubject(question);
      if (about !== null) return { ...state, mode: { kind: "ask-subject", question, cursor: Math.max(0, subjectsOf(state, question).indexOf(about === "issue" ? state.issueCursor : 0)) } };
      return recipient(state, question, null);
    }
    case "ask-subject":
      return recipient(state, mode.question, subjectsOf(state, mode.question)[index]);
    case "ask-whom":
      return ask(state, mode.question, mode.subject, otherParties(state)[index]);
    case "disclose":
      return play(state, disclosureMove(game.session.model, trainee, state.issueCursor, IMPORTANCES[index]));
    case "answer": {
      const answer = answerMove(game.session, trainee, HONESTIES[index], () => [...state.selection]);
      return answer ? play(state, answer) : notice(main(state), "play.notice.noQuestion");
    }
    case "accept-meso":
      return play(state, { type: "accept", choice: index });
    case "load":
      return loaded(state, index);
    case "reveal": {
      const term = heldTerms(game)[index];
      const revealed = play(state, { type: "reveal", term });
      return revealed.screen === "negotiate" && !revealed.notice ? notice(revealed, "play.notice.revealed", { term: termText(game, term, translator(state.options.lang)) }) : revealed;
    }
  }
}

/** With three or more parties the trainee chooses whom to ask, starting on whom the rule would pick. */
function recipient(state: NegotiateState, question: QuestionKind, subject: number | null): PlayState {
  const session = state.game.session;
  if (session.partyCount <= 2) return ask(state, question, subject, undefined);
  const preset = otherParties(state).indexOf(questionRecipient(session, state.game.setup.trainee));
  return { ...state, mode: { kind: "ask-whom", question, subject, cursor: Math.max(0, preset) } };
}

function ask(state: NegotiateState, kind: QuestionKind, subject: number | null, to: number | undefined): PlayState {
  const session = state.game.session;
  const question = questionOf(kind, subject ?? 0);
  return play(state, { type: "ask", to: questionRecipient(session, state.game.setup.trainee, to), question });
}

function loaded(state: NegotiateState, index: number): PlayState {
  const offer = loadableOffers(state)[index];
  if (!offer) return notice(main(state), "play.notice.nothingToLoad");
  const name = localise(state.game.setup.scenario.parties[offer.party].name, state.options.lang);
  return notice({ ...main(state), selection: [...offer.package] }, "play.notice.loaded", { name });
}
