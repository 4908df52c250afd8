/**
 * The conversation as the trainee hears it, in their language: one entry per move (a
 * partner's line goes with its move), for the play UI's conversation pane and the output
 * of `play --moves`. What the other parties say to each other is summed up in one line per
 * round unless it is asked for in full. Hidden information stays hidden: honesty is not
 * shown, and offers are valued for the trainee only.
 */
import type { Translator } from "../i18n/translate.js";
import type { SessionEvent } from "../negotiation/protocol.js";
import type { SessionView } from "../negotiation/session.js";
import { answerText, importanceText, lineText, questionText, remarkText } from "../negotiation/wording.js";
import { localise } from "../scenario/localise.js";

export interface TalkEntry {
  readonly round: number;
  /** Who speaks: the trainee, another party to everyone or to the trainee, the news, or the others among themselves. */
  readonly speaker: "you" | "partner" | "news" | "side";
  readonly text: string;
}

/** What stands on the table while the events are read: whose offer, of what kind, and who accepted it. */
interface Tracked {
  proposer: number;
  kind: "package" | "meso" | "partial";
  term: { issue: number; option: number } | null;
  accepted: Set<number>;
}

export function talkEntries(session: SessionView, trainee: number, t: Translator, expanded: boolean): TalkEntry[] {
  const scenario = session.initialScenario;
  const lang = t.lang;
  const n = session.partyCount;
  const name = (party: number) => localise(scenario.parties[party].name, lang);
  const others = (exclude: Set<number>) => t.list(Array.from({ length: n }, (_, p) => p).filter((p) => !exclude.has(p)).map((p) => (p === trainee ? t("play.talk.you") : name(p))));
  const term = (issue: number, option: number) => t("play.talk.term", { issue: localise(scenario.issues[issue].label, lang), option: localise(scenario.issues[issue].options[option].label, lang) });
  const points = (pkg: ArrayLike<number>) => session.utility(trainee, pkg);
  const entries: TalkEntry[] = [];
  const side = new Map<number, { parties: Set<number>; questions: number; answers: number }>();
  let standing: Tracked | null = null;

  const flushSide = (round: number) => {
    const talk = side.get(round);
    if (!talk) return;
    side.delete(round);
    entries.push({
      round,
      speaker: "side",
      text: t("play.talk.side", { names: t.list([...talk.parties].sort((a, b) => a - b).map(name)), questions: talk.questions, answers: talk.answers }),
    });
  };

  for (const event of session.events) {
    if (event.type === "abandon") continue;
    // The summary of a round's side talk comes before the next round.
    for (const round of side.keys()) if (round < event.round) flushSide(round);
    if (event.type === "scripted") {
      if (event.message) entries.push({ round: event.round, speaker: "news", text: t("play.talk.news", { name: name(event.change.party), message: lineText(event.message, lang) }) });
      continue;
    }
    const { actor, move, round } = event;
    const mine = actor === trainee;
    const quote = remarkOf(event, scenario, mine, lang);
    // A partner's line follows what it does, as a sentence of its own.
    const say = (key: Parameters<Translator>[0], params: Record<string, string | number> = {}) => {
      const text = t(key, { ...params, who: mine ? "you" : "other", name: name(actor) });
      entries.push({ round, speaker: mine ? "you" : "partner", text: quote ? `${text} ${t("play.talk.quote", { quote })}` : text });
    };
    switch (move.type) {
      case "offer":
        standing = { proposer: actor, kind: "package", term: null, accepted: new Set([actor]) };
        say("play.talk.offer", { points: points(move.package) });
        break;
      case "meso":
        standing = { proposer: actor, kind: "meso", term: null, accepted: new Set([actor]) };
        say("play.talk.meso", { count: move.packages.length, values: t.list(move.packages.map((pkg) => t.number(points(pkg))), "or") });
        break;
      case "partial-offer":
        standing = { proposer: actor, kind: "partial", term: { issue: move.issue, option: move.option }, accepted: new Set([actor]) };
        say("play.talk.proposeTerm", { term: term(move.issue, move.option) });
        break;
      case "accept": {
        const accepted: Tracked | null = standing;
        if (!accepted) break;
        accepted.accepted.add(actor);
        const complete = accepted.accepted.size === n;
        const offer = accepted.term ? term(accepted.term.issue, accepted.term.option) : "";
        const proposer = accepted.proposer === trainee ? "you" : "other";
        say("play.talk.accept", {
          kind: accepted.kind,
          term: offer,
          proposer,
          proposerName: name(accepted.proposer),
          complete: complete ? "yes" : "no",
          waiting: complete ? "" : others(accepted.accepted),
          parties: n,
        });
        if (complete) standing = null;
        break;
      }
      case "reject":
        standing = null;
        say("play.talk.reject");
        break;
      case "walk-away":
        say("play.talk.walk");
        break;
      case "disclose":
        say("play.talk.disclose", { issue: localise(scenario.issues[move.issue].label, lang), importance: importanceText(move.importance, lang) });
        break;
      case "ask":
      case "answer": {
        const text = move.type === "ask" ? questionText(scenario, move.question, lang) : answerText(scenario, move.answer, lang);
        if (mine || move.to === trainee) {
          // A partner's line opens what it asks or answers ("May we ask you something? …").
          const key = move.type === "ask" ? "play.talk.ask" : "play.talk.answer";
          entries.push({ round, speaker: mine ? "you" : "partner", text: t(key, { who: mine ? "you" : "other", name: name(actor), toName: name(move.to), text: quote ? `${quote} ${text}` : text }) });
        } else if (expanded) {
          entries.push({ round, speaker: "side", text: t("play.talk.aside", { name: name(actor), toName: name(move.to), text }) });
        } else {
          const talk = side.get(round) ?? { parties: new Set<number>(), questions: 0, answers: 0 };
          talk.parties.add(actor).add(move.to);
          if (move.type === "ask") talk.questions++;
          else talk.answers++;
          side.set(round, talk);
        }
        break;
      }
    }
  }
  for (const round of [...side.keys()]) flushSide(round);
  return entries;
}

/** A partner's line with its move, quoted; the trainee's moves carry none. */
function remarkOf(event: Extract<SessionEvent, { type: "move" }>, scenario: SessionView["initialScenario"], mine: boolean, lang: Translator["lang"]): string {
  if (mine || !event.remark) return "";
  return remarkText(scenario, event.actor, event.remark, lang);
}
