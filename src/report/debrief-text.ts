/**
 * The debrief as text sections in the trainee's language: outcome, the partner revealed,
 * points of every party, joint gain, a Pareto plot, issue by issue, and coaching per tip.
 * Every line fits `width` columns (text is wrapped; the plot is sized to it), so that the
 * same lines serve a terminal, the play UI's debrief screen and a test.
 *
 * Plot symbols: • frontier, N Nash point, C naive compromise, D the deal, y the trainee's
 * offers, p the partner's offers, ┆┄ the BATNAs. Later symbols are drawn over earlier ones
 * in the order frontier, y, p, C, N, D, so the deal is always visible.
 */
import type { Language } from "../i18n/language.js";
import { translator } from "../i18n/translate.js";
import { packageText, styleDescription, styleFamilyText, termText } from "../negotiation/wording.js";
import type { Scenario } from "../scenario/schema.js";
import { explainTrades, issueKindText, plotWidth, table } from "./analysis-text.js";
import { pack, wrap } from "./wrap.js";
import type { CoachingItem, Debrief, IssueReview, PartnerReveal } from "./debrief.js";
import { commonFavourite } from "./debrief-issues.js";
import { issueLabel, jointGainMessage, optionLabel, outcomeMessage, partyName, renderMessage, renderSentences } from "./debrief-wording.js";
import { type PlotMarker, paretoPlot } from "./plot.js";

export interface TextSection {
  readonly title: string;
  readonly lines: string[];
}

export function debriefSections(debrief: Debrief, scenario: Scenario, lang: Language, width: number): TextSection[] {
  const t = translator(lang);
  return [
    { title: t("debrief.title.outcome"), lines: outcomeLines(debrief, scenario, lang, width) },
    {
      title: t("debrief.title.partners", { count: debrief.partners.length }),
      lines: debrief.partnerStyles.flatMap((reveal) => partnerLines(reveal, scenario, lang, width)),
    },
    { title: t("debrief.title.points"), lines: pointsTable(debrief, scenario, lang) },
    { title: t("debrief.title.jointGain"), lines: jointGainLines(debrief, scenario, lang, width) },
    { title: t("debrief.title.plot"), lines: plotLines(debrief, scenario, lang, width) },
    { title: t("debrief.title.issues"), lines: issueLines(debrief, scenario, lang, width) },
    {
      title: t("debrief.title.coaching"),
      lines: debrief.coaching.flatMap((item, k) => [...(k > 0 ? [""] : []), ...coachingLines(item, scenario, lang, width)]),
    },
  ];
}

/** A coaching item's heading, advice and evidence in one language. */
export function coachingText(item: CoachingItem, scenario: Scenario, lang: Language): { heading: string; text: string; evidence: string } {
  const t = translator(lang);
  return {
    heading: t("debrief.coaching.heading", { tip: item.tip, title: t(`debrief.tip.${item.tip}`), verdict: item.verdict }),
    text: renderSentences(item.text, scenario, lang),
    evidence: renderSentences(item.evidence, scenario, lang),
  };
}

function outcomeLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const { trainee, deal } = debrief;
  const lines = [renderMessage(outcomeMessage(debrief.outcome, trainee), scenario, lang)];
  const batna = debrief.batnas[trainee];
  if (deal) {
    const value = debrief.utilities[trainee];
    lines.push(...wrap(t("debrief.outcome.deal", { package: packageText(scenario, deal, lang) }), width, "  ", ""));
    lines.push(...wrap(t("debrief.outcome.forYou", { value, batna, difference: value - batna }), width));
    return lines;
  }
  lines.push(...wrap(t("debrief.outcome.keepBatna", { batna }), width));
  const settled = debrief.settled.flatMap((option, issue) => (option >= 0 ? [termText(scenario, issue, option, lang)] : []));
  if (settled.length > 0) lines.push(...wrap(t("debrief.outcome.settledTerms", { terms: settled.join(" · ") }), width, "  ", ""));
  return lines;
}

function partnerLines(reveal: PartnerReveal, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const name = partyName(scenario, reveal.party, lang);
  if (!reveal.family) return wrap(t("debrief.partner.person", { name }), width, "  ");
  const family = styleFamilyText(reveal.family, lang);
  return [
    ...wrap(t("debrief.partner.style", { name, style: reveal.style, family, surprise: reveal.surprise ? "yes" : "no" }), width, "  "),
    ...wrap(styleDescription(reveal.style, lang), width, "  ", "  "),
  ];
}

function pointsTable(debrief: Debrief, scenario: Scenario, lang: Language): string[] {
  const t = translator(lang);
  const header = [t("debrief.points.party"), t("debrief.points.batna"), t("debrief.points.deal"), t("debrief.points.gain")];
  const rows = debrief.batnas.map((batna, p) => {
    const name = partyName(scenario, p, lang);
    const value = debrief.utilities[p];
    return [
      p === debrief.trainee ? t("debrief.points.you", { name }) : name,
      t.number(batna),
      debrief.deal ? t.number(value) : "–",
      debrief.deal ? t.signed(value - batna) : "–",
    ];
  });
  return table([header, ...rows]);
}

function jointGainLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const { maxJointGain, valueLeftOnTable } = debrief;
  if (maxJointGain === null || valueLeftOnTable === null) return wrap(t("debrief.jointGain.noZone"), width);
  // Rounded as it is shown, so that what shows as 0.0 reads as nothing left.
  const left = Math.round(valueLeftOnTable * 10) / 10;
  const lines = debrief.deal
    ? [renderMessage(jointGainMessage(debrief)!, scenario, lang), t("debrief.jointGain.left", { left })]
    : [t("debrief.jointGain.allLeft", { max: maxJointGain })];
  lines.push(t("debrief.jointGain.naive", { gain: debrief.naiveJointGain }));
  return lines.flatMap((line) => wrap(line, width));
}

function plotLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const pareto = debrief.pareto;
  const xName = partyName(scenario, pareto.xParty, lang);
  const yName = partyName(scenario, pareto.yParty, lang);
  const markers: PlotMarker[] = [{ ...pareto.naiveCompromise, symbol: "C" }];
  if (pareto.nash) markers.push({ ...pareto.nash, symbol: "N" });
  if (pareto.deal) markers.push({ ...pareto.deal, symbol: "D" });
  const series = [
    { points: pareto.traineeOffers, symbol: "y" },
    { points: pareto.partnerOffers, symbol: "p" },
  ].filter((entry) => entry.points.length > 0);
  const plotWide = plotWidth(width);
  const legendOf = (symbol: string) => t(`debrief.plot.legend.${symbol as "C" | "N" | "D" | "y" | "p"}`);
  const legend = [
    t("debrief.plot.legend.frontier"),
    ...markers.map((marker) => legendOf(marker.symbol)),
    ...series.map((entry) => legendOf(entry.symbol)),
    t("debrief.plot.legend.batnas"),
  ];
  return [
    ...wrap(t("debrief.plot.axes", { x: xName, y: yName }), width),
    ...paretoPlot({
      width: plotWide,
      height: Math.round(plotWide / 3.5),
      xLabel: xName,
      yLabel: yName,
      frontier: pareto.frontier,
      batna: pareto.batna,
      series,
      markers,
      formatTick: (value, digits) => t.number(value, digits),
    }),
    ...pack(legend, "  ", width, ""),
    // Points can share a cell of the plot, so their coordinates are listed too.
    ...pack(
      markers.map((marker) => t("debrief.plot.point", { marker: legendOf(marker.symbol), x: marker.x, y: marker.y })),
      " · ",
      width,
      "",
    ),
  ];
}

function issueLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const lines: string[] = [];
  for (const partner of debrief.partners) {
    const name = partyName(scenario, partner, lang);
    if (debrief.partners.length > 1) lines.push(t("debrief.issue.withPartner", { name }));
    for (const review of debrief.issues.filter((entry) => entry.partner === partner)) {
      const kind = issueKindText(review.kind, lang);
      const detail =
        review.dealOption === null
          ? kind.hint
          : t("debrief.issue.dealOption", {
              option: optionLabel(scenario, review.issue, review.dealOption, lang),
              verdict: issueVerdictText(review, debrief.batnas.length, scenario, lang),
            });
      const line = t("debrief.issue.line", {
        issue: issueLabel(scenario, review.issue, lang),
        kind: kind.name,
        yours: review.priority.trainee,
        name,
        theirs: review.priority.partner,
        detail,
      });
      lines.push(...wrap(line, width, "    ", "  "));
    }
  }
  if (debrief.trades) {
    lines.push(t("debrief.issue.whoGaveWay"));
    for (const sentence of explainTrades(scenario, debrief.trades, lang)) lines.push(...wrap(sentence, width, "    ", "  "));
  }
  return lines;
}

function issueVerdictText(review: IssueReview, parties: number, scenario: Scenario, lang: Language): string {
  const t = translator(lang);
  const name = partyName(scenario, review.partner, lang);
  const yoursMatterMore = review.priority.trainee > review.priority.partner;
  switch (review.verdict) {
    case "kept":
      return t("debrief.issue.kept", { parties, name });
    case "lost":
      return t("debrief.issue.lost", { parties, name, option: optionLabel(scenario, review.issue, commonFavourite(review)!, lang) });
    case "traded":
      return t(yoursMatterMore ? "debrief.issue.tradedYours" : "debrief.issue.tradedTheirs");
    case "missed":
      return t(yoursMatterMore ? "debrief.issue.missedYours" : "debrief.issue.missedTheirs");
    case null: {
      const option = review.dealOption!;
      if (review.favourites.trainee.includes(option)) return t("debrief.issue.yourWay");
      if (review.favourites.partner.includes(option)) return t("debrief.issue.theirWay", { name });
      return t("debrief.issue.neitherWay");
    }
  }
}

function coachingLines(item: CoachingItem, scenario: Scenario, lang: Language, width: number): string[] {
  const { heading, text, evidence } = coachingText(item, scenario, lang);
  return [
    ...wrap(heading, width, "  ", ""),
    ...wrap(text, width, "  ", "  "),
    ...wrap(translator(lang)("debrief.coaching.evidence", { text: evidence }), width, "  ", "  "),
  ];
}
