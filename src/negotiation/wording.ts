/**
 * What the table hears, in English and Dutch: the question catalogue, answers, and the
 * partners' lines (remark keys). A scenario's partner definition may replace any line with
 * its own (`messages`, per remark key).
 */
import type { Language, LocalisedText, Scenario } from "../scenario/schema.js";
import { localise } from "../scenario/schema.js";
import { findStyle } from "./partners/registry.js";
import type { AnswerContent, Importance, Line, Question, QuestionKind } from "./protocol.js";

type Labels = { issue: (issue: number) => string; option: (issue: number, option: number) => string };

function labels(scenario: Scenario, lang: Language): Labels {
  return {
    issue: (issue) => localise(scenario.issues[issue].label, lang),
    option: (issue, option) => localise(scenario.issues[issue].options[option].label, lang),
  };
}

const QUESTIONS: Record<Language, Record<QuestionKind, (issue: string) => string>> = {
  en: {
    "most-important": () => "What matters most to you?",
    "issue-importance": (issue) => `How important is ${issue} to you?`,
    "preferred-option": (issue) => `Which option of ${issue} do you prefer?`,
    alternative: () => "What is your alternative if we don't agree?",
    "what-would-work": () => "What would make this work for you?",
  },
  nl: {
    "most-important": () => "Wat is voor jullie het belangrijkst?",
    "issue-importance": (issue) => `Hoe belangrijk is ${issue} voor jullie?`,
    "preferred-option": (issue) => `Welke optie voor ${issue} hebben jullie het liefst?`,
    alternative: () => "Wat is jullie alternatief als we er niet uitkomen?",
    "what-would-work": () => "Wat zou dit voor jullie laten werken?",
  },
};

/** The question catalogue, as a trainee picks from it. */
export const QUESTION_KINDS: readonly QuestionKind[] = ["most-important", "issue-importance", "preferred-option", "alternative", "what-would-work"];

export function questionNeedsIssue(kind: QuestionKind): boolean {
  return kind === "issue-importance" || kind === "preferred-option";
}

export function questionText(scenario: Scenario, question: Question, lang: Language): string {
  const issue = "issue" in question ? labels(scenario, lang).issue(question.issue) : "";
  return QUESTIONS[lang][question.kind](issue);
}

const IMPORTANCE: Record<Language, Record<Importance, string>> = {
  en: { low: "not very important", medium: "fairly important", high: "very important" },
  nl: { low: "niet zo belangrijk", medium: "redelijk belangrijk", high: "heel belangrijk" },
};

export function importanceText(importance: Importance, lang: Language): string {
  return IMPORTANCE[lang][importance];
}

export function answerText(scenario: Scenario, answer: AnswerContent, lang: Language): string {
  const { issue, option } = labels(scenario, lang);
  const en = lang === "en";
  switch (answer.kind) {
    case "most-important":
      return en ? `${issue(answer.issue)} matters most to us.` : `${issue(answer.issue)} is voor ons het belangrijkst.`;
    case "issue-importance":
      return en
        ? `${issue(answer.issue)} is ${importanceText(answer.importance, lang)} to us.`
        : `${issue(answer.issue)} is ${importanceText(answer.importance, lang)} voor ons.`;
    case "preferred-option": {
      const rest = answer.ranking.slice(1).map((o) => option(answer.issue, o));
      const first = option(answer.issue, answer.option);
      return en
        ? `For ${issue(answer.issue)} we prefer ${first}${rest.length ? `, then ${rest.join(", then ")}` : ""}.`
        : `Voor ${issue(answer.issue)} hebben we het liefst ${first}${rest.length ? `, daarna ${rest.join(", daarna ")}` : ""}.`;
    }
    case "alternative":
      return en
        ? `Without a deal we would have about ${Math.round(answer.points)} points' worth elsewhere.`
        : `Zonder akkoord hebben we elders zo'n ${Math.round(answer.points)} punten waard.`;
    case "what-would-work": {
      const terms = answer.package.map((o, i) => `${issue(i)}: ${option(i, o)}`).join("; ");
      return en ? `This would work for us: ${terms}.` : `Dit zou voor ons werken: ${terms}.`;
    }
    case "vague":
      return en ? "Hard to say at this stage." : "Dat is nu nog moeilijk te zeggen.";
  }
}

/** Default partner lines per remark key. */
const REMARKS: Record<Language, Record<string, string>> = {
  en: {
    opening: "Here is where we would like to start.",
    concede: "We have moved towards you.",
    firm: "This is as far as we can go for now.",
    meso: "Here are three packages that are equally fine for us: which suits you best?",
    accept: "Agreed. Let's shake on it.",
    "walk-away": "We don't trust this will work. We'll go our own way.",
    ask: "May we ask you something?",
    disclose: "Let us be open about what matters to us.",
    "answer-truthful": "Fair question.",
    "answer-vague": "We'd rather not say yet.",
    "answer-misleading": "Fair question.",
  },
  nl: {
    opening: "Hier willen we graag beginnen.",
    concede: "We zijn jullie tegemoetgekomen.",
    firm: "Verder kunnen we nu niet gaan.",
    meso: "Hier zijn drie pakketten die voor ons even goed zijn: welke past jullie het best?",
    accept: "Akkoord. Laten we de hand erop geven.",
    "walk-away": "We hebben er geen vertrouwen in dat dit gaat werken. We gaan onze eigen weg.",
    ask: "Mogen we jullie iets vragen?",
    disclose: "Laten we open zijn over wat voor ons telt.",
    "answer-truthful": "Goede vraag.",
    "answer-vague": "Dat zeggen we liever nog niet.",
    "answer-misleading": "Goede vraag.",
  },
};

/** A partner's line for a remark key: the scenario's own line for that party if it has one, else the default. */
export function remarkText(scenario: Scenario, party: number, remark: string, lang: Language): string {
  const own: LocalisedText | undefined = scenario.partners?.[scenario.parties[party].id]?.messages?.[remark];
  if (own !== undefined) return localise(own, lang);
  return REMARKS[lang][remark] ?? REMARKS.en[remark] ?? "";
}

export function lineText(line: Line, lang: Language): string {
  return localise(line as LocalisedText, lang);
}

/** A partner style's one-line description, in the language. */
export function styleDescription(id: string, lang: Language): string {
  return findStyle(id)?.description[lang] ?? id;
}
