/**
 * The partnership debrief as JSON: parties, issues and options by id, agreements as
 * { issueId: optionId }, numbers as they are, and the coaching's catalogue messages (key
 * and parameters) for tools that word them themselves. The single-session debriefs are
 * summed up per stage by their key facts; the full ones come from debriefToJson.
 */
import type { Outcome } from "../negotiation/protocol.js";
import type { MessageArg, MessageRef } from "./debrief.js";
import type { PartnershipDebrief } from "./partnership-debrief.js";

export function partnershipDebriefJson(content: PartnershipDebrief) {
  const { scenario } = content;
  const party = (p: number) => scenario.parties[p]?.id ?? null;
  const outcome = (o: Outcome) => ({ kind: o.kind, round: o.round, ...(o.kind === "walk-away" ? { by: party(o.by) } : {}) });
  const arg = (value: MessageArg): unknown => {
    if (typeof value !== "object") return value;
    if ("key" in value) return ref(value);
    if ("list" in value) return { list: value.list.map(arg), ...(value.join ? { join: value.join } : {}) };
    if ("party" in value) return { party: party(value.party) };
    if ("option" in value) return { issue: scenario.issues[value.issue].id, option: scenario.issues[value.issue].options[value.option].id };
    if ("issue" in value) return { issue: scenario.issues[value.issue].id };
    return value;
  };
  const ref = (message: MessageRef): unknown => ({ key: message.key, ...(message.params ? { params: Object.fromEntries(Object.entries(message.params).map(([name, value]) => [name, arg(value)])) } : {}) });
  return {
    scenario: scenario.id,
    trainee: content.trainee,
    end: content.end,
    total: content.total,
    stages: content.stages.map(({ session, ...score }) => ({
      ...score,
      session: session && {
        outcome: outcome(session.outcome),
        efficient: session.efficient,
        shareOfMaxJointGain: session.shareOfMaxJointGain,
        missedJointGain: session.missedJointGain,
        traineeQuestions: session.traineeQuestions,
      },
    })),
    ambition: content.ambition && { ...content.ambition, outcome: outcome(content.ambition.outcome) },
    hiddenTerms: content.hiddenTerms,
    postSettlement: content.postSettlement,
    reviews: content.reviews.map((review) => ({
      ...review,
      happened: review.happened.map(({ event, happened, value }) => ({ ...event, happened, ...(value === undefined ? {} : { value }) })),
      renegotiation: review.renegotiation && { ...review.renegotiation, outcome: outcome(review.renegotiation.outcome) },
    })),
    firstTrust: content.firstTrust,
    coaching: content.coaching.map((item) => ({ tip: item.tip, verdict: item.verdict, text: item.text.map(ref), evidence: item.evidence.map(ref) })),
  };
}
