/**
 * What the table hears, in the trainee's language: the question catalogue, answers, and the
 * partners' lines (remark keys), worded in the message catalogues (`negotiation.*`), and the
 * partner styles' descriptions and families (`style.*`). A scenario's partner definition may
 * replace any line with its own (`messages`, per remark key).
 */
import { CATALOGUES, type MessageKey, translator } from "../i18n/translate.js";
import type { Language, LocalisedText, Scenario } from "../scenario/schema.js";
import { own } from "../records.js";
import { localise } from "../scenario/schema.js";
import type { StyleFamily } from "./partners/types.js";
import type { AnswerContent, Importance, Line, Question, QuestionKind } from "./protocol.js";
import { QUESTION_KINDS as QUESTION_KIND_NAMES } from "./protocol-schema.js";

function issueLabel(scenario: Scenario, issue: number, lang: Language): string {
  return localise(scenario.issues[issue].label, lang);
}

function optionLabel(scenario: Scenario, issue: number, option: number, lang: Language): string {
  return localise(scenario.issues[issue].options[option].label, lang);
}

/** The question catalogue, as a trainee picks from it. */
export const QUESTION_KINDS: readonly QuestionKind[] = QUESTION_KIND_NAMES;

export function questionNeedsIssue(kind: QuestionKind): boolean {
  return kind === "issue-importance" || kind === "preferred-option";
}

export function questionText(scenario: Scenario, question: Question, lang: Language): string {
  const issue = "issue" in question ? issueLabel(scenario, question.issue, lang) : "";
  return translator(lang)(`negotiation.question.${question.kind}`, { issue });
}

export function importanceText(importance: Importance, lang: Language): string {
  return translator(lang)(`negotiation.importance.${importance}`);
}

/** "Budget: high", one term of a package. */
export function termText(scenario: Scenario, issue: number, option: number, lang: Language): string {
  return translator(lang)("negotiation.term", { issue: issueLabel(scenario, issue, lang), option: optionLabel(scenario, issue, option, lang) });
}

/** "Budget: high · Location: north": a whole package, term by term. */
export function packageText(scenario: Scenario, pkg: ArrayLike<number>, lang: Language): string {
  return Array.from(pkg, (option, issue) => termText(scenario, issue, option, lang)).join(" · ");
}

export function answerText(scenario: Scenario, answer: AnswerContent, lang: Language): string {
  const t = translator(lang);
  switch (answer.kind) {
    case "most-important":
      return t("negotiation.answer.most-important", { issue: issueLabel(scenario, answer.issue, lang) });
    case "issue-importance":
      return t("negotiation.answer.issue-importance", { issue: issueLabel(scenario, answer.issue, lang), importance: answer.importance });
    case "preferred-option": {
      const options = [answer.option, ...answer.ranking.slice(1)];
      const ranked = options.map((option, k) => t("negotiation.answer.ranked", { rank: k + 1, option: optionLabel(scenario, answer.issue, option, lang) }));
      return t("negotiation.answer.preferred-option", { issue: issueLabel(scenario, answer.issue, lang), ranking: t.list(ranked) });
    }
    case "alternative":
      return t("negotiation.answer.alternative", { points: Math.round(answer.points) });
    case "what-would-work":
      return t("negotiation.answer.what-would-work", { terms: packageText(scenario, answer.package, lang) });
    case "vague":
      return t("negotiation.answer.vague");
  }
}

function remarkKey(remark: string): MessageKey | undefined {
  const key = `negotiation.remark.${remark}`;
  return Object.hasOwn(CATALOGUES.en, key) ? (key as MessageKey) : undefined;
}

/** A partner's line for a remark key: the scenario's own line for that party if it has one, else the default. */
export function remarkText(scenario: Scenario, party: number, remark: string, lang: Language): string {
  const line: LocalisedText | undefined = own(own(scenario.partners, scenario.parties[party].id)?.messages, remark);
  if (line !== undefined) return localise(line, lang);
  const key = remarkKey(remark);
  return key === undefined ? "" : translator(lang)(key);
}

export function lineText(line: Line, lang: Language): string {
  return localise(line as LocalisedText, lang);
}

/** A partner style's description, one sentence; "" for an id that is no registered style. */
export function styleDescription(id: string, lang: Language): string {
  const key = `style.${id}.description`;
  return Object.hasOwn(CATALOGUES.en, key) ? translator(lang)(key as MessageKey) : "";
}

/** A style family's name: win-lose, win-win, baseline. */
export function styleFamilyText(family: StyleFamily, lang: Language): string {
  return translator(lang)(`style.family.${family}`);
}
