/**
 * The conversation pane: the session's events as lines the trainee reads, in their
 * language. Hidden information stays hidden: honesty is not shown, and partners' offers
 * are valued for the trainee only.
 */
import { formatPoints } from "../../i18n/language.js";
import type { SessionEvent } from "../../negotiation/protocol.js";
import type { Session } from "../../negotiation/session.js";
import { answerText, importanceText, lineText, questionText, remarkText } from "../../negotiation/wording.js";
import { type Language, localise } from "../../scenario/schema.js";
import { PLAY_TEXT } from "./text.js";

export interface ConversationLine {
  readonly round: number;
  /** Who speaks: "you", a partner's name, or "news". */
  readonly speaker: "you" | "partner" | "news";
  readonly text: string;
}

export function conversationLines(session: Session, trainee: number, lang: Language): ConversationLine[] {
  const lines: ConversationLine[] = [];
  for (const event of session.events) lines.push(...eventLines(session, trainee, event, lang));
  return lines;
}

function eventLines(session: Session, trainee: number, event: SessionEvent, lang: Language): ConversationLine[] {
  const t = PLAY_TEXT[lang];
  const scenario = session.initialScenario;
  const points = (pkg: ArrayLike<number>) => formatPoints(session.utility(trainee, pkg), lang);
  const term = (issue: number, option: number) =>
    `${localise(scenario.issues[issue].label, lang)}: ${localise(scenario.issues[issue].options[option].label, lang)}`;
  if (event.type === "abandon") return [];
  if (event.type === "scripted") {
    return event.message ? [{ round: event.round, speaker: "news", text: `${localise(scenario.parties[event.change.party].name, lang)}: ${lineText(event.message, lang)}` }] : [];
  }
  const { actor, move, round } = event;
  const mine = actor === trainee;
  const name = localise(scenario.parties[actor].name, lang);
  const say = (text: string): ConversationLine => (mine ? { round, speaker: "you", text } : { round, speaker: "partner", text: `${name} ${text}` });
  const remark = !mine && event.remark ? remarkText(scenario, actor, event.remark, lang) : "";
  // With three or more parties, partners also talk to each other: say who is addressed.
  const heard = (to: number, text: string): ConversationLine => ({
    round,
    speaker: "partner",
    text: to === trainee ? `${name}: ${text}` : `${name} → ${localise(scenario.parties[to].name, lang)}: ${text}`,
  });
  const spoken = (text: string): ConversationLine[] => (remark && !mine ? [say(text), { round, speaker: "partner", text: `${name}: “${remark}”` }] : [say(text)]);
  switch (move.type) {
    case "offer":
      return spoken(mine ? t.youOffer(points(move.package)) : t.theyOffer(points(move.package)));
    case "meso":
      return spoken(mine ? t.youMeso(move.packages.length) : t.theyMeso(move.packages.map(points).join(" / ")));
    case "partial-offer":
      return spoken(mine ? t.youTerm(term(move.issue, move.option)) : t.theyTerm(term(move.issue, move.option)));
    case "accept":
      return spoken(mine ? t.youAccept : t.theyAccept);
    case "reject":
      return spoken(mine ? t.youReject : t.theyReject);
    case "walk-away":
      return spoken(mine ? t.youWalk : t.theyWalk);
    case "ask":
      return [mine ? say(`→ ${questionText(scenario, move.question, lang)}`) : heard(move.to, questionText(scenario, move.question, lang))];
    case "answer":
      return [mine ? say(`→ ${answerText(scenario, move.answer, lang)}`) : heard(move.to, answerText(scenario, move.answer, lang))];
    case "disclose": {
      const issue = localise(scenario.issues[move.issue].label, lang);
      const importance = importanceText(move.importance, lang);
      return [mine ? say(t.youDisclose(issue, importance)) : say(t.theyDisclose(issue, importance))];
    }
  }
}
