/** What a party would answer to each question if it told the truth, read off the scenario. */
import { favouriteOptions, issuePriorities } from "../engine/issues.js";
import type { CompiledScenario } from "../engine/model.js";
import type { AnswerContent, Importance, PackageArray, Question } from "./protocol.js";

/** A priority share this many times the average share is "high"; below LOW_SHARE times it, "low". */
const HIGH_SHARE = 1.5;
const LOW_SHARE = 0.6;

export function importanceOf(model: CompiledScenario, party: number, issue: number): Importance {
  const share = issuePriorities(model)[party * model.issueCount + issue] * model.issueCount;
  return share >= HIGH_SHARE ? "high" : share <= LOW_SHARE ? "low" : "medium";
}

/** Issues by the party's priority, highest first (lower index first among equals). */
export function issuesByPriority(model: CompiledScenario, party: number): number[] {
  const priorities = issuePriorities(model);
  return Array.from({ length: model.issueCount }, (_, i) => i).sort(
    (a, b) => priorities[party * model.issueCount + b] - priorities[party * model.issueCount + a] || a - b,
  );
}

export function truthfulAnswer(
  model: CompiledScenario,
  party: number,
  question: Question,
  proposal: () => PackageArray,
): AnswerContent {
  switch (question.kind) {
    case "most-important":
      return { kind: "most-important", issue: issuesByPriority(model, party)[0] };
    case "issue-importance":
      return { kind: "issue-importance", issue: question.issue, importance: importanceOf(model, party, question.issue) };
    case "preferred-option":
      return { kind: "preferred-option", issue: question.issue, option: favouriteOptions(model, party, question.issue)[0] };
    case "alternative":
      return { kind: "alternative", points: model.batnas[party] };
    case "what-would-work":
      return { kind: "what-would-work", package: proposal() };
  }
}
