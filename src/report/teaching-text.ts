/** The teaching check in words: the figures it judged on, then each warning at its JSON path. */
import type { TeachingCheck } from "../batch/teaching.js";
import { type Translator } from "../i18n/translate.js";
import { formatPath } from "../scenario/diagnostics.js";

export function teachingFigureLines(check: TeachingCheck, t: Translator): string[] {
  const { figures } = check;
  const agreeing = figures.styles.filter((entry) => entry.agreesWith !== null).length;
  return [
    figures.maxJointGain === null ? t("check.figure.noZone") : t("check.figure.maxJointGain", { gain: figures.maxJointGain, agreeable: figures.agreeablePoints }),
    t("check.figure.naive", { gain: figures.naiveJointGain, left: figures.naiveLeft === null ? "none" : t.percent(figures.naiveLeft) }),
    t("check.figure.compatible", { count: figures.compatibleIssues.length, issues: t.list(figures.compatibleIssues) }),
    t("check.figure.integrative", { count: figures.integrativePairs.length, pairs: figures.integrativePairs.join("; ") }),
    t("check.figure.languages", { count: figures.oneLanguageTexts }),
    t("check.figure.styles", { rounds: figures.shortRounds, agreeing, total: figures.styles.length }),
  ];
}

/** `file: warning: path: message`, as validate writes its diagnostics. */
export function teachingWarningLines(check: TeachingCheck, file: string, t: Translator): string[] {
  return check.warnings.map((warning) => `${file}: warning: ${warning.path.length > 0 ? `${formatPath(warning.path)}: ` : ""}${t(warning.key, warning.params)}`);
}
