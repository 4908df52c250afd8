/**
 * The partnership debrief as text in the trainee's language, every line at most `width`
 * display columns: the partnership's end and total score, a table of the scores per stage
 * against the frontiers (everything on the table, and only what was found) with each
 * stage's points, Nash point and the single-session debrief's key facts, the ambition
 * (tip 3), the hidden terms and post-settlement settlements (tip 4), the stages over time
 * with reviews and trust (tip 7), and coaching for tips 3, 4 and 7.
 */
import type { Language } from "../i18n/language.js";
import { translator } from "../i18n/translate.js";
import { type TextSection, coachingLines } from "./debrief-text.js";
import { jointGainMessage, message, outcomeMessage, renderMessage } from "./debrief-wording.js";
import type { MessageRef } from "./debrief.js";
import { ambitionArg, eachOf, happeningMessage, names, namesWithYou, stageArg } from "./partnership-debrief-coaching.js";
import type { PartnershipDebrief, StageScore, TrustPair } from "./partnership-debrief.js";
import { fittedTableLines } from "./table.js";
import { truncate, wrap } from "./wrap.js";

/** Every line of the debrief: each section's title, its lines, a blank line between sections. */
export function partnershipDebriefText(content: PartnershipDebrief, lang: Language, width: number): string[] {
  return partnershipDebriefSections(content, lang, width).flatMap((section, k) => [...(k > 0 ? [""] : []), ...wrap(section.title, width), ...section.lines]);
}

export function partnershipDebriefSections(content: PartnershipDebrief, lang: Language, width: number): TextSection[] {
  const t = translator(lang);
  const { scenario } = content;
  const say = (ref: MessageRef, indent = "") => wrap(renderMessage(ref, scenario, lang), width, `${indent}  `, indent);
  const sections: TextSection[] = [
    { title: t("partnership.debrief.title.summary"), lines: summaryLines(content, say) },
    { title: t("partnership.debrief.title.scores"), lines: [...scoreTable(content, lang, width), ...content.stages.flatMap((score) => stageLines(content, score, say))] },
  ];
  if (content.ambition) sections.push({ title: t("partnership.debrief.title.ambition"), lines: ambitionLines(content, say) });
  sections.push({ title: t("partnership.debrief.title.hidden"), lines: hiddenLines(content, say) });
  if (content.reviews.length > 0) sections.push({ title: t("partnership.debrief.title.stages"), lines: reviewLines(content, say) });
  sections.push({
    title: t("partnership.debrief.title.coaching"),
    lines: content.coaching.flatMap((item, k) => [...(k > 0 ? [""] : []), ...coachingLines(item, scenario, lang, width)]),
  });
  return sections;
}

/** A case of a select: ICU cases are words, so "no-agreement" becomes "noAgreement". */
export const selectCase = (value: string) => value.replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());

type Say = (ref: MessageRef, indent?: string) => string[];

const index = (content: PartnershipDebrief, id: string) => content.scenario.parties.findIndex((party) => party.id === id);

function summaryLines(content: PartnershipDebrief, say: Say): string[] {
  const { total, trainee } = content;
  return [
    ...say(message("partnership.debrief.end", { reason: selectCase(content.end), stages: content.stages.length, reached: content.stages.filter((stage) => stage.reached).length })),
    ...say(message("partnership.debrief.total", { gain: total.jointGain, max: total.maxJointGain, found: total.maxJointGainFound, share: total.shareOfMaxJointGain ?? 0, known: total.shareOfMaxJointGain === null ? "no" : "yes" })),
    ...say(message("partnership.debrief.totalYou", { gain: total.traineeGain, nash: total.traineeNashGain })),
  ];
}

function scoreTable(content: PartnershipDebrief, lang: Language, width: number): string[] {
  const t = translator(lang);
  const dash = "–";
  const number = (value: number | null) => (value === null ? dash : t.number(value));
  const header = ["stage", "you", "joint", "max", "maxFound", "share"].map((column) => t(`partnership.debrief.table.${column}` as "partnership.debrief.table.stage"));
  const rows = content.stages.map((score) => [
    renderMessage(message("partnership.debrief.stageLabel", { stage: stageArg(content.scenario, score.stage) }), content.scenario, lang),
    score.traineeGain === null ? dash : t.signed(score.traineeGain),
    t.signed(score.jointGain),
    number(score.full.maxJointGain),
    number(score.found.maxJointGain),
    score.traineeShare === null ? dash : t.percent(score.traineeShare),
  ]);
  const { total } = content;
  const totalRow = [t("partnership.debrief.table.total"), t.signed(total.traineeGain), t.signed(total.jointGain), t.number(total.maxJointGain), t.number(total.maxJointGainFound), dash];
  return fittedTableLines([header, ...rows, totalRow], (c) => (c === 0 ? "left" : "right"), width, 1).map((line) => truncate(line, width));
}

function stageLines(content: PartnershipDebrief, score: StageScore, say: Say): string[] {
  const { scenario, trainee } = content;
  const stage = stageArg(scenario, score.stage);
  const lines = say(message("partnership.debrief.stage.heading", { stage, state: !score.reached ? "unreached" : score.agreement ? "agreement" : "none" }));
  lines.push(...say(message("partnership.debrief.stage.points", { values: eachOf(scenario, trainee, score.present, "value", (id) => score.utilities[id]), batnas: eachOf(scenario, trainee, score.present, "value", (id) => score.batnas[id]) }), "  "));
  if (score.belowBatna.length > 0) lines.push(...say(message("partnership.debrief.stage.below", namesWithYou(scenario, trainee, score.belowBatna)), "  "));
  const nash = score.full.nash;
  lines.push(
    ...say(
      nash
        ? message("partnership.debrief.stage.nash", { values: eachOf(scenario, trainee, score.present, "value", (id) => nash.utilities[id]), max: score.full.maxJointGain ?? 0 })
        : message("partnership.debrief.stage.noZone"),
      "  ",
    ),
  );
  if (score.hiddenValue > 0) lines.push(...say(message("partnership.debrief.stage.hidden", { value: score.hiddenValue }), "  "));
  const session = score.session;
  if (session) {
    const share = jointGainMessage(session.debrief);
    lines.push(
      ...say(
        message("partnership.debrief.stage.session", {
          outcome: outcomeMessage(session.outcome, index(content, trainee)),
          share: share ?? "",
          efficient: session.efficient === null ? "none" : session.efficient ? "yes" : "no",
          missed: session.missedJointGain ?? 0,
          questions: session.traineeQuestions,
          renegotiation: score.stage > 0 ? "yes" : "no",
        }),
        "  ",
      ),
    );
  }
  return lines;
}

function ambitionLines(content: PartnershipDebrief, say: Say): string[] {
  const ambition = content.ambition!;
  const { scenario, trainee } = content;
  const lines = say(ambition.agreed ? message("partnership.debrief.ambition.agreed", { ambition: ambitionArg(scenario, ambition.agreed) }) : message("partnership.debrief.ambition.none", { outcome: outcomeMessage(ambition.outcome, index(content, trainee)) }));
  for (const candidate of ambition.candidates) {
    lines.push(
      ...say(
        message("partnership.debrief.ambition.candidate", {
          ambition: ambitionArg(scenario, candidate.id),
          values: eachOf(scenario, trainee, Object.keys(candidate.values), "value", (id) => candidate.values[id]),
          product: candidate.nashProduct,
          lowest: candidate.lowest,
          max: candidate.stageMaxJointGain ?? 0,
          shared: candidate.id === ambition.shared ? "yes" : "no",
          agreed: candidate.id === ambition.agreed ? "yes" : "no",
        }),
        "  ",
      ),
    );
  }
  if (ambition.unlocked.length > 0) {
    lines.push(...say(message("partnership.debrief.coaching.ambitionUnlocked", { ambition: ambitionArg(scenario, ambition.agreed!), terms: { list: ambition.unlocked.map((term) => termArgOf(content, term)) }, value: ambition.unlockValue })));
  }
  return lines;
}

function termArgOf(content: PartnershipDebrief, term: { readonly issue: string; readonly option?: string }) {
  const i = content.scenario.issues.findIndex((issue) => issue.id === term.issue);
  if (term.option === undefined) return { issue: i };
  return message("negotiation.term", { issue: { issue: i }, option: { issue: i, option: content.scenario.issues[i].options.findIndex((option) => option.id === term.option) } });
}

function hiddenLines(content: PartnershipDebrief, say: Say): string[] {
  const item = content.coaching.find((entry) => entry.tip === 4)!;
  const { postSettlement } = content;
  const lines = content.hiddenTerms.length === 0 ? say(message("partnership.debrief.coaching.nothingHidden")) : [];
  // The evidence of tip 4 is the account of the hidden terms and the settlements.
  for (const ref of item.evidence) lines.push(...say(ref));
  for (const term of content.hiddenTerms.filter((entry) => entry.values.length === 0)) {
    lines.push(...say(message("partnership.debrief.hidden.notInPlay", { term: termArgOf(content, term), holder: { party: index(content, term.holder) } })));
  }
  lines.push(...say(message("partnership.debrief.postSettlement.summary", { chances: postSettlement.chances, count: postSettlement.improved.length, value: postSettlement.jointGain })));
  return lines;
}

function trustLine(content: PartnershipDebrief, pairs: readonly TrustPair[], say: Say): string[] {
  if (pairs.length === 0) return [];
  return say(
    message("partnership.debrief.stage.trust", {
      pairs: { list: pairs.map((pair) => message("partnership.debrief.trustPair", { name: { party: index(content, pair.party) }, yours: pair.yours, theirs: pair.theirs })), join: "semicolon" },
    }),
    "  ",
  );
}

function reviewLines(content: PartnershipDebrief, say: Say): string[] {
  const { scenario, trainee } = content;
  const lines = [...say(message("partnership.debrief.stage.firstTrust")), ...trustLine(content, content.firstTrust, say)];
  for (const review of content.reviews) {
    const changes = review.happened.map((happening) => happeningMessage(scenario, happening));
    lines.push(...say(message("partnership.debrief.coaching.stageChanges", { stage: stageArg(scenario, review.stage), count: changes.length, changes: { list: changes, join: "semicolon" } })));
    if (review.newcomers.length > 0) lines.push(...say(message("partnership.debrief.stage.newcomers", { names: names(scenario, review.newcomers), count: review.newcomers.length }), "  "));
    if (review.leavers.length > 0) lines.push(...say(message("partnership.debrief.stage.leavers", { names: names(scenario, review.leavers), count: review.leavers.length }), "  "));
    const reviews = Object.entries(review.reviews);
    if (reviews.length > 0) {
      const list = reviews.map(([id, decision]) => (id === trainee ? message("partnership.debrief.reviewOfYou", { review: decision }) : message("partnership.debrief.reviewOf", { name: { party: index(content, id) }, review: decision })));
      lines.push(...say(message("partnership.debrief.stage.reviews", { reviews: { list, join: "semicolon" } }), "  "));
    }
    if (review.statusQuoBelowBatna.length > 0) {
      lines.push(...say(message("partnership.debrief.coaching.statusQuoBelow", namesWithYou(scenario, trainee, review.statusQuoBelowBatna)), "  "));
    }
    if (review.renegotiation) {
      const r = review.renegotiation;
      lines.push(
        ...say(
          r.outcome.kind === "agreement"
            ? message("partnership.debrief.coaching.renegotiated", { you: r.trainee ?? 0, joint: r.joint })
            : message("partnership.debrief.coaching.renegotiationFailed", { outcome: outcomeMessage(r.outcome, index(content, trainee)) }),
          "  ",
        ),
      );
    } else if (reviews.length > 0 && content.stages[review.stage]?.agreement) {
      lines.push(...say(message("partnership.debrief.stage.kept"), "  "));
    }
    lines.push(...trustLine(content, review.trust, say));
  }
  return lines;
}
