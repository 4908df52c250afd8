/**
 * What the table hears, in the trainee's language: the question catalogue, answers, and the
 * partners' lines (remark keys), worded in the message catalogues (`negotiation.*`), and the
 * partner styles' descriptions and families (`style.*`). A scenario's partner definition may
 * replace any line with its own (`messages`, per remark key).
 */
import { hiddenTerms } from "./hidden-terms.js";
import { CATALOGUES, type MessageKey, translator } from "../i18n/translate.js";
import type { Language, LocalisedText, Scenario } from "../scenario/schema.js";
import { own } from "../records.js";
import { localise } from "../scenario/localise.js";
import type { StyleFamily } from "./partners/types.js";
import type { AnswerContent, Importance, Line, Question, QuestionKind } from "./protocol.js";
import { QUESTION_KINDS as QUESTION_KIND_NAMES } from "./protocol.js";

export function issueLabel(scenario: Scenario, issue: number, lang: Language): string {
  return localise(scenario.issues[issue].label, lang);
}

export function optionLabel(scenario: Scenario, issue: number, option: number, lang: Language): string {
  return localise(scenario.issues[issue].options[option].label, lang);
}

/** Every kind of question, in the order a trainee picks from them. */
export const QUESTION_KINDS: readonly QuestionKind[] = QUESTION_KIND_NAMES;

/** The questions that can be asked in a scenario: a forecast only where something is uncertain. */
export function questionKinds(scenario: Scenario): QuestionKind[] {
  return QUESTION_KINDS.filter(
    (kind) => (kind !== "expectation" || (scenario.uncertainties?.length ?? 0) > 0) && (kind !== "what-else" || hiddenTerms(scenario).length > 0),
  );
}

export function questionNeedsIssue(kind: QuestionKind): boolean {
  return kind === "issue-importance" || kind === "preferred-option";
}

/** What a question is about: an issue, an uncertain quantity, or nothing in particular. */
export function questionSubject(kind: QuestionKind): "issue" | "quantity" | null {
  return questionNeedsIssue(kind) ? "issue" : kind === "expectation" ? "quantity" : null;
}

/** The question of a kind about a subject (an issue's or a quantity's index; ignored for questions about neither). */
export function questionOf(kind: QuestionKind, subject: number): Question {
  const about = questionSubject(kind);
  return (about === "issue" ? { kind, issue: subject } : about === "quantity" ? { kind, quantity: subject } : { kind }) as Question;
}

/** A quantity's unit as it follows a number: " €/MWh", "%" (no space before a percent sign), or nothing. */
export function unitText(unit: LocalisedText | undefined, lang: Language): string {
  if (unit === undefined) return "";
  const text = localise(unit, lang);
  return text === "%" ? text : ` ${text}`;
}

export function quantityLabel(scenario: Scenario, quantity: number, lang: Language): string {
  return localise(scenario.uncertainties![quantity].label, lang);
}

export function questionText(scenario: Scenario, question: Question, lang: Language): string {
  const issue = "issue" in question ? issueLabel(scenario, question.issue, lang) : "";
  const quantity = "quantity" in question ? quantityLabel(scenario, question.quantity, lang) : "";
  return translator(lang)(`negotiation.question.${question.kind}`, { issue, quantity });
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
    case "expectation": {
      const unit = scenario.uncertainties![answer.quantity].unit;
      return t("negotiation.answer.expectation", {
        quantity: quantityLabel(scenario, answer.quantity, lang),
        mean: answer.mean,
        low: answer.low,
        high: answer.high,
        unit: unitText(unit, lang),
      });
    }
    case "what-else":
      return answer.terms.length === 0
        ? t("negotiation.answer.what-else-nothing")
        : t("negotiation.answer.what-else", { terms: t.list(answer.terms.map((term) => hiddenTermText(scenario, term, lang))) });
    case "vague":
      return t("negotiation.answer.vague");
  }
}

/** Tip 4: a hidden term as the others hear of it: a whole issue by its label, an option as "issue: option". */
export function hiddenTermText(scenario: Scenario, term: number, lang: Language): string {
  const { issue, option } = hiddenTerms(scenario)[term];
  return option === undefined ? issueLabel(scenario, issue, lang) : termText(scenario, issue, option, lang);
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
