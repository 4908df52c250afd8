/**
 * The debrief as text sections in the trainee's language: outcome, the partners revealed,
 * points of every party, where the deal sits (value created and claimed, the frontier), the
 * better package, points per issue, a Pareto plot per partner, how the offers went, issue
 * by issue, and coaching per tip. Every line fits `width` columns (text is wrapped; plots and
 * tables are sized to it), so that the same lines serve a terminal, the play UI's debrief
 * screen and a test.
 *
 * Pareto plot symbols: • frontier, N Nash point, C naive compromise, D the deal, B the better
 * package, y the trainee's offers, p the partner's offers, ┆┄ the BATNAs. Later symbols are
 * drawn over earlier ones in the order frontier, y, p, C, N, B, D, so the deal is always
 * visible. With three or more parties there is a panel per partner, or a table when the
 * width leaves no room for a plot.
 */
import type { Language } from "../i18n/language.js";
import { type Translator, translator } from "../i18n/translate.js";
import { styleDescription, styleFamilyText, termText } from "../negotiation/wording.js";
import type { Scenario } from "../scenario/schema.js";
import { explainTrades, issueKindText, plotWidth } from "./analysis-text.js";
import type { CoachingItem, Debrief, IssueReview, ParetoPanel, PartnerReveal } from "./debrief.js";
import { fittedTableLines } from "./table.js";
import { pack, wrap } from "./wrap.js";
import {
  counterfactualMessage,
  eachParty,
  jointGainMessage,
  message,
  outcomeMessage,
  partyName,
  renderMessage,
  renderSentences,
} from "./debrief-wording.js";
import { type PlotMarker, paretoPlot } from "./plot.js";
import { issueLabel, optionLabel } from "../negotiation/wording.js";

export interface TextSection {
  readonly title: string;
  readonly lines: string[];
}

/** Below this width a Pareto panel has no room to show its shape: the packages are listed in a table instead. */
const NARROWEST_PLOT = 50;

export function debriefSections(debrief: Debrief, scenario: Scenario, lang: Language, width: number): TextSection[] {
  const t = translator(lang);
  return [
    { title: t("debrief.title.outcome"), lines: outcomeLines(debrief, scenario, lang, width) },
    {
      title: t("debrief.title.partners", { count: debrief.partners.length }),
      lines: debrief.partnerStyles.flatMap((reveal) => partnerLines(reveal, scenario, lang, width)),
    },
    { title: t("debrief.title.points"), lines: fittedTableLines(pointsRows(debrief, scenario, t), (c) => (c === 0 ? "left" : "right"), width, 1) },
    { title: t("debrief.title.jointGain"), lines: positionLines(debrief, scenario, lang, width) },
    { title: t("debrief.title.missed"), lines: missedLines(debrief, scenario, lang, width) },
    { title: t("debrief.title.issuePoints"), lines: issuePointsLines(debrief, scenario, t, width) },
    { title: t("debrief.title.plot"), lines: plotLines(debrief, scenario, lang, width) },
    { title: t("debrief.title.process"), lines: processLines(debrief, scenario, lang, width) },
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

/** A package's terms, one a line, wrapped under an indent. */
function packageLines(scenario: Scenario, pkg: readonly number[], lang: Language, width: number): string[] {
  return pkg.flatMap((option, issue) => wrap(termText(scenario, issue, option, lang), width, "    ", "  "));
}

function outcomeLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const { trainee, deal } = debrief;
  const lines = wrap(renderMessage(outcomeMessage(debrief.outcome, trainee), scenario, lang), width);
  const batna = debrief.batnas[trainee];
  if (deal) {
    const value = debrief.utilities[trainee];
    lines.push(...wrap(t("debrief.outcome.deal"), width), ...packageLines(scenario, deal, lang, width));
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

function pointsRows(debrief: Debrief, scenario: Scenario, t: Translator): string[][] {
  const header = [t("debrief.points.party"), t("debrief.points.batna"), t("debrief.points.deal"), t("debrief.points.gain"), t("debrief.points.autonomy")];
  const rows = debrief.batnas.map((batna, p) => {
    const name = partyName(scenario, p, t.lang);
    const value = debrief.utilities[p];
    return [
      p === debrief.trainee ? t("debrief.points.you", { name }) : name,
      t.number(batna),
      debrief.deal ? t.number(value) : "–",
      debrief.deal ? t.signed(value - batna) : "–",
      debrief.autonomyCosts ? t.number(debrief.autonomyCosts[p]) : "–",
    ];
  });
  return [header, ...rows];
}

function positionLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const { maxJointGain, valueLeftOnTable, position } = debrief;
  const paragraphs: string[] = [];
  if (debrief.deal) {
    const share = jointGainMessage(debrief);
    if (share) paragraphs.push(renderMessage(share, scenario, lang));
    if (position.claimed) {
      const claimed = position.claimed;
      const shares = {
        list: debrief.batnas.map((batna, p) => {
          const params = { share: claimed[p], gain: debrief.utilities[p] - batna };
          return p === debrief.trainee ? message("debrief.jointGain.claimOfYou", params) : message("debrief.jointGain.claimOf", { ...params, name: { party: p } });
        }),
      };
      paragraphs.push(renderMessage(message("debrief.jointGain.claimed", { shares }), scenario, lang));
    }
    paragraphs.push(position.efficient ? t("debrief.jointGain.onFrontier") : t("debrief.jointGain.offFrontier", { distance: position.distance ?? 0 }));
    // Rounded as it is shown, so that what shows as 0.0 reads as nothing left.
    paragraphs.push(t("debrief.jointGain.left", { left: Math.round((valueLeftOnTable ?? 0) * 10) / 10 }));
  } else if (maxJointGain === null) {
    return wrap(t("debrief.jointGain.noZone"), width);
  } else {
    paragraphs.push(t("debrief.jointGain.allLeft", { max: maxJointGain }));
  }
  if (maxJointGain !== null) paragraphs.push(t("debrief.jointGain.naive", { gain: debrief.naiveJointGain }));
  return paragraphs.flatMap((paragraph) => wrap(paragraph, width));
}

function missedLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const { missed } = debrief;
  if (!missed) return wrap(t(debrief.deal ? "debrief.missed.none" : "debrief.jointGain.noZone"), width);
  const heading =
    missed.against === "deal"
      ? t("debrief.missed.better")
      : missed.offeredBy === null
        ? t("debrief.missed.fromNash")
        : t("debrief.missed.fromOffer", { name: partyName(scenario, missed.offeredBy, lang) });
  const gains = eachParty(debrief, "gain", (p) => missed.gains[p]);
  const terms = {
    list: missed.changed.map((issue) =>
      message("debrief.missed.term", { issue: { issue }, from: { issue, option: missed.reference[issue] }, to: { issue, option: missed.package[issue] } }),
    ),
    join: "semicolon" as const,
  };
  const changed = missed.changed.length === 0 ? t("debrief.missed.sameAsOffer") : renderMessage(message("debrief.missed.changed", { against: missed.against, terms }), scenario, lang);
  return [
    ...wrap(heading, width),
    ...packageLines(scenario, missed.package, lang, width),
    ...wrap(renderMessage(message("debrief.missed.gains", { against: missed.against, gains }), scenario, lang), width),
    // Compared with the Nash package itself, nothing differs to list.
    ...(missed.against === "offer" && missed.offeredBy === null ? [] : wrap(changed, width)),
  ];
}

function issuePointsLines(debrief: Debrief, scenario: Scenario, t: Translator, width: number): string[] {
  const against = debrief.missed?.against ?? "deal";
  const header = [t("debrief.issuePoints.issue"), t("debrief.issuePoints.deal"), t("debrief.issuePoints.best"), t("debrief.issuePoints.missed", { against })];
  const points = (value: number | null) => (value === null ? "–" : t.number(value));
  return debrief.points.flatMap((party, k) => {
    const name = partyName(scenario, party.party, t.lang);
    const title = t("debrief.issuePoints.party", { name: party.party === debrief.trainee ? t("debrief.points.you", { name }) : name });
    const rows = party.rows.map((row) => [issueLabel(scenario, row.issue, t.lang), points(row.deal), t.number(row.best), points(row.missed)]);
    if (party.entryCost !== 0) rows.push([t("debrief.issuePoints.entryCost"), points(debrief.deal ? -party.entryCost : null), t.number(-party.entryCost), points(debrief.missed ? -party.entryCost : null)]);
    rows.push([t("debrief.issuePoints.total"), points(party.total.deal), t.number(party.total.best), points(party.total.missed)]);
    const lines = fittedTableLines([header, ...rows], (c) => (c === 0 ? "left" : "right"), width - 2, 1).map((line) => `  ${line}`);
    return [...(k > 0 ? [""] : []), ...wrap(title, width), ...lines];
  });
}

function plotLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  if (width < NARROWEST_PLOT) return pointsTable(debrief, scenario, lang, width);
  // With more partners the panels are smaller, so that all of them fit a screen or two.
  const panelWidth = debrief.pareto.length > 1 ? Math.min(plotWidth(width), 60) : plotWidth(width);
  const height = Math.round(panelWidth / (debrief.pareto.length > 1 ? 4.5 : 3.5));
  return debrief.pareto.flatMap((panel, k) => [...(k > 0 ? [""] : []), ...panelLines(panel, scenario, lang, width, panelWidth, height)]);
}

function markersOf(panel: ParetoPanel): PlotMarker[] {
  const markers: PlotMarker[] = [{ ...panel.naiveCompromise, symbol: "C" }];
  if (panel.nash) markers.push({ ...panel.nash, symbol: "N" });
  if (panel.better) markers.push({ ...panel.better, symbol: "B" });
  if (panel.deal) markers.push({ ...panel.deal, symbol: "D" });
  return markers;
}

function panelLines(panel: ParetoPanel, scenario: Scenario, lang: Language, width: number, plotWide: number, height: number): string[] {
  const t = translator(lang);
  const xName = partyName(scenario, panel.xParty, lang);
  const yName = partyName(scenario, panel.yParty, lang);
  const markers = markersOf(panel);
  const series = [
    { points: panel.traineeOffers, symbol: "y" },
    { points: panel.partnerOffers, symbol: "p" },
  ].filter((entry) => entry.points.length > 0);
  const legendOf = (symbol: string) => t(`debrief.plot.legend.${symbol as "C" | "N" | "D" | "B" | "y" | "p"}`);
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
      height,
      xLabel: xName,
      yLabel: yName,
      frontier: panel.frontier,
      batna: panel.batna,
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

/** Too narrow for plots: the BATNAs and the marked packages in points, a row per party. */
function pointsTable(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const markers = debrief.pareto.map(markersOf);
  const symbols = markers[0].map((marker) => marker.symbol);
  const header = ["", t("debrief.plot.row.batna"), ...symbols];
  const row = (party: number, at: (point: { x: number; y: number }) => number, k: number) => [
    partyName(scenario, party, lang),
    t.number(at(debrief.pareto[k].batna)),
    ...markers[k].map((marker) => t.number(at(marker))),
  ];
  const rows = [row(debrief.trainee, (point) => point.x, 0), ...debrief.pareto.map((panel, k) => row(panel.yParty, (point) => point.y, k))];
  const legend = symbols.map((symbol) => t(`debrief.plot.legend.${symbol as "C" | "N" | "D" | "B"}`));
  return [...wrap(t("debrief.plot.narrow"), width), ...fittedTableLines([header, ...rows], (c) => (c === 0 ? "left" : "right"), width, 1), ...pack(legend, "  ", width, "")];
}

/** Symbols of the process chart: y for the trainee; p for a single partner, 1–7 for more. */
function partySymbol(debrief: Debrief, party: number): string {
  if (party === debrief.trainee) return "y";
  return debrief.partners.length > 1 ? String(debrief.partners.indexOf(party) + 1) : "p";
}

function processLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const { paths, counterfactual } = debrief.process;
  const drawn = paths.filter((path) => path.points.length > 0);
  const lines: string[] = [];
  if (drawn.length === 0) lines.push(...wrap(t("debrief.process.none"), width));
  else {
    const chartWidth = Math.min(plotWidth(width), 60);
    lines.push(
      ...wrap(t("debrief.process.axes"), width),
      ...paretoPlot({
        width: chartWidth,
        height: 8,
        xLabel: t("debrief.process.round"),
        yLabel: t("debrief.process.points"),
        frontier: [],
        // The partners drawn first, so that the trainee's own offers show where they meet.
        series: [...drawn].reverse().map((path) => ({ points: path.points.map((point) => ({ x: point.round, y: point.utility })), symbol: partySymbol(debrief, path.party) })),
        formatTick: (value, digits) => t.number(value, digits),
        formatXTick: (value) => t.number(value, 0),
      }),
      ...pack(
        drawn.map((path) =>
          path.party === debrief.trainee ? t("debrief.process.legendYou") : t("debrief.process.legendParty", { symbol: partySymbol(debrief, path.party), name: partyName(scenario, path.party, lang) }),
        ),
        "  ",
        width,
        "",
      ),
    );
  }
  const sentences = [];
  for (const path of paths) {
    if (!path.anchor) continue;
    const anchor = path.anchor;
    const values = eachParty(debrief, "value", (p) => anchor.utilities[p]);
    sentences.push(
      path.party === debrief.trainee
        ? message("debrief.process.anchorOfYou", { round: anchor.round, values })
        : message("debrief.process.anchorOf", { round: anchor.round, values, name: { party: path.party } }),
    );
  }
  if (drawn.length > 0) {
    const items = paths.map((path) => {
      const you = path.party === debrief.trainee;
      if (path.points.length === 0) return you ? message("debrief.process.noOffersOfYou") : message("debrief.process.noOffersOf", { name: { party: path.party } });
      const params = { first: path.points[0].utility, last: path.points[path.points.length - 1].utility, count: path.points.length };
      return you ? message("debrief.process.pathOfYou", params) : message("debrief.process.pathOf", { ...params, name: { party: path.party } });
    });
    sentences.push(message("debrief.process.paths", { paths: { list: items, join: "semicolon" } }));
  }
  if (counterfactual) sentences.push(counterfactualMessage(counterfactual, debrief));
  for (const sentence of sentences) lines.push(...wrap(renderMessage(sentence, scenario, lang), width));
  return lines;
}

function issueLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const t = translator(lang);
  const lines: string[] = [];
  for (const review of debrief.issues) {
    const kind = issueKindText(review.kind, lang);
    const detail =
      review.dealOption === null
        ? kind.hint
        : t("debrief.issue.dealOption", {
            option: optionLabel(scenario, review.issue, review.dealOption, lang),
            verdict: issueVerdictText(review, debrief, scenario, lang),
          });
    const priorities = renderMessage(message("debrief.issue.line", { issue: { issue: review.issue }, kind: kind.name, priorities: prioritiesArg(review, debrief), detail }), scenario, lang);
    lines.push(...wrap(priorities, width, "    ", "  "));
  }
  if (debrief.trades) {
    lines.push(...wrap(t("debrief.issue.whoGaveWay"), width));
    for (const sentence of explainTrades(scenario, debrief.trades, lang)) lines.push(...wrap(sentence, width, "    ", "  "));
  }
  return lines;
}

function prioritiesArg(review: IssueReview, debrief: Debrief) {
  return {
    list: review.priorities.map((share, p) =>
      p === debrief.trainee ? message("debrief.issue.priorityOfYou", { share }) : message("debrief.issue.priorityOf", { share, name: { party: p } }),
    ),
  };
}

function issueVerdictText(review: IssueReview, debrief: Debrief, scenario: Scenario, lang: Language): string {
  const t = translator(lang);
  const parties = debrief.batnas.length;
  switch (review.verdict) {
    case "kept":
      return review.kind === "compatible" ? t("debrief.issue.kept", { parties }) : t("debrief.issue.keptBridging");
    case "lost":
      return t("debrief.issue.lost", { parties, option: optionLabel(scenario, review.issue, review.betterOption!, lang) });
    case "traded": {
      const most = Math.max(...review.priorities);
      const winner = review.gotTheirWay.find((p) => review.priorities[p] >= most)!;
      return winner === debrief.trainee ? t("debrief.issue.traded") : t("debrief.issue.tradedTo", { name: partyName(scenario, winner, lang) });
    }
    case "missed":
      return t("debrief.issue.missed", { option: optionLabel(scenario, review.issue, review.betterOption!, lang) });
    case null: {
      if (review.gotTheirWay.includes(debrief.trainee)) return t("debrief.issue.yourWay");
      if (review.gotTheirWay.length === 0) return t("debrief.issue.neitherWay");
      const names = t.list(review.gotTheirWay.map((p) => partyName(scenario, p, lang)));
      return t("debrief.issue.theirWay", { names, count: review.gotTheirWay.length });
    }
  }
}

export function coachingLines(item: CoachingItem, scenario: Scenario, lang: Language, width: number): string[] {
  const { heading, text, evidence } = coachingText(item, scenario, lang);
  return [
    ...wrap(heading, width, "  ", ""),
    ...wrap(text, width, "  ", "  "),
    ...wrap(translator(lang)("debrief.coaching.evidence", { text: evidence }), width, "  ", "  "),
  ];
}
