/** Issue by issue, between the trainee and each partner: were compatible issues kept and integrative ones traded? */
import { type IssueRelation, favouriteOptions, issuePriorities } from "../engine/issues.js";
import type { CompiledScenario } from "../engine/model.js";
import type { PackageArray } from "../negotiation/protocol.js";
import type { IssueReview, IssueVerdict } from "./debrief.js";

export function reviewIssues(
  model: CompiledScenario,
  relations: readonly IssueRelation[],
  trainee: number,
  partners: readonly number[],
  deal: PackageArray | null,
): IssueReview[] {
  const priorities = issuePriorities(model);
  const priorityOf = (party: number, issue: number) => priorities[party * model.issueCount + issue];
  return partners.flatMap((partner) =>
    relations
      .filter((relation) => relation.parties.includes(trainee) && relation.parties.includes(partner))
      .map((relation): IssueReview => {
        const issue = relation.issue;
        const review = {
          issue,
          partner,
          kind: relation.kind,
          priority: { trainee: priorityOf(trainee, issue), partner: priorityOf(partner, issue) },
          favourites: { trainee: favouriteOptions(model, trainee, issue), partner: favouriteOptions(model, partner, issue) },
          dealOption: deal ? deal[issue] : null,
        };
        return { ...review, verdict: verdictOf(review) };
      }),
  );
}

function verdictOf(review: Omit<IssueReview, "verdict">): IssueVerdict | null {
  const option = review.dealOption;
  if (option === null) return null;
  const traineeWay = review.favourites.trainee.includes(option);
  const partnerWay = review.favourites.partner.includes(option);
  switch (review.kind) {
    case "compatible":
      return traineeWay && partnerWay ? "kept" : "lost";
    case "integrative":
      // The side that cares more should get its way (the other gives way): that is the trade.
      return (review.priority.trainee > review.priority.partner ? traineeWay : partnerWay) ? "traded" : "missed";
    case "distributive":
      return null;
  }
}

/** An option both sides like best (a compatible issue has one). */
export function commonFavourite(review: IssueReview): number | undefined {
  return review.favourites.trainee.find((option) => review.favourites.partner.includes(option));
}
