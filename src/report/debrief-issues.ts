/** Issue by issue over all parties: the engine's classes with the deal's terms judged against the frontier. */
import { type JointIssueClass, judgeIssues } from "../engine/deal-review.js";
import type { PackageArray } from "../negotiation/protocol.js";
import type { IssueReview } from "./debrief.js";

/** `better` is the package that dominates the deal (null when the deal is efficient or there is none). */
export function reviewIssues(classes: readonly JointIssueClass[], deal: PackageArray | null, better: PackageArray | null): IssueReview[] {
  const judgements = deal ? judgeIssues(classes, deal, better) : null;
  return classes.map((entry, issue): IssueReview => {
    const judgement = judgements?.[issue];
    return {
      ...entry,
      dealOption: judgement?.option ?? null,
      verdict: judgement?.verdict ?? null,
      betterOption: judgement?.betterOption ?? null,
      gotTheirWay: judgement?.gotTheirWay ?? [],
    };
  });
}
