/**
 * The human-readable analysis (`analyze` without --json), in English or Dutch: summary,
 * issue relations, a Pareto plot and the best value-creating packages with their trades.
 */
import type { ScenarioAnalysis } from "../engine/analysis.js";
import type { JointIssueKind } from "../engine/deal-review.js";
import { clauseValues } from "../engine/contingent.js";
import { mean, quantile } from "../engine/distributions.js";
import type { CompiledScenario, Package } from "../engine/model.js";
import type { PackageTrades } from "../engine/packages.js";
import type { Language } from "../i18n/language.js";
import { translator } from "../i18n/translate.js";
import { optionLabel, packageText, termText, unitText } from "../negotiation/wording.js";
import type { Scenario } from "../scenario/schema.js";
import { localise } from "../scenario/localise.js";
import { riskByParty } from "./analysis-uncertainty.js";
import { paretoPlot } from "./plot.js";
import { tableLines } from "./table.js";
import { pack, wrap } from "./wrap.js";

/** The plot's markers, drawn in this order (the Nash point over the others). */
type Marker = "C" | "J" | "K" | "N";

export interface AnalysisTextOptions {
  readonly lang: Language;
  /** The terminal's width: text is wrapped to it. Without one (a pipe, a file) a paragraph is one line. */
  readonly width?: number;
  /** Seeds the draws behind each package's risk, where the scenario is uncertain. */
  readonly seed?: string;
}

export function analysisToText(scenario: Scenario, analysis: ScenarioAnalysis, options: AnalysisTextOptions): string {
  const { lang } = options;
  const t = translator(lang);
  const { model, frontier } = analysis;
  const partyName = (p: number) => localise(scenario.parties[p].name, lang);
  const issueLabel = (i: number) => localise(scenario.issues[i].label, lang);
  const points = (value: number) => t.number(value);
  const lines: string[] = [];
  const textWidth = options.width;
  const paragraph = (text: string, indent = "", firstIndent = indent) =>
    textWidth === undefined ? [firstIndent + text] : wrap(text, textWidth, indent, firstIndent);
  const list = (items: string[], separator: string, indent = "", firstIndent = indent) =>
    textWidth === undefined ? [firstIndent + items.join(separator)] : pack(items, separator, textWidth, indent, firstIndent);

  lines.push(...paragraph(localise(scenario.title, lang)));
  lines.push(
    ...paragraph(t("analysis.summary", { parties: model.partyCount, issues: model.issueCount, outcomes: t.number(analysis.outcomeCount, 0) })),
  );
  if (scenario.partnership) {
    lines.push(...paragraph(t("analysis.partnership", { stages: scenario.partnership.stages?.length ?? 1, ambition: scenario.partnership.ambition ? "yes" : "no" })));
  }
  lines.push("");
  const nash = analysis.nash === null ? null : frontier.utilities(analysis.nash);
  const rows = model.partyIds.map((_, p) => [
    partyName(p),
    points(model.batnas[p]),
    points(analysis.favourites[p].utilities[p]),
    points(analysis.naiveCompromise.utilities[p]),
    nash ? points(nash[p]) : "–",
  ]);
  const header = [t("analysis.header.party"), t("analysis.header.batna"), t("analysis.header.best"), t("analysis.header.naive"), t("analysis.header.nash")];
  lines.push(...table([header, ...rows]));

  lines.push("", t("analysis.issues"));
  for (const relation of analysis.issueRelations) {
    const [a, b] = relation.parties;
    const { name, hint } = issueKindText(relation.kind, lang);
    const params = {
      issue: issueLabel(relation.issue),
      kind: name,
      a: partyName(a),
      aShare: relation.priorities[0],
      b: partyName(b),
      bShare: relation.priorities[1],
      hint,
    };
    // With three or more parties an issue relates each pair of them: the pair is named.
    lines.push(...paragraph(t(model.partyCount > 2 ? "analysis.relationOfPair" : "analysis.relation", params), "    ", "  "));
  }

  if (model.uncertain) lines.push("", ...uncertaintyLines(scenario, model, lang, paragraph));

  // With --agreeable only the part above every BATNA was computed: the count says so.
  const frontierSize = t(frontier.agreeableOnly ? "analysis.frontierSizeAgreeable" : "analysis.frontierSize", { points: frontier.size });
  lines.push("", ...paragraph(t("analysis.plotHeading", { x: partyName(0), y: partyName(1) })), frontierSize);
  const at = (utilities: ArrayLike<number>, symbol: Marker) => ({ x: utilities[0], y: utilities[1], symbol });
  const markers = [at(analysis.naiveCompromise.utilities, "C")];
  if (analysis.maxJoint !== null) markers.push(at(frontier.utilities(analysis.maxJoint), "J"));
  if (analysis.kalaiSmorodinsky !== null) markers.push(at(frontier.utilities(analysis.kalaiSmorodinsky), "K"));
  if (nash) markers.push(at(nash, "N"));
  const width = plotWidth(options.width ?? 80);
  const legend = [
    t("analysis.legend.frontier"),
    ...(["N", "K", "J", "C"] as const).map((symbol) => `${symbol} ${t(`analysis.marker.${symbol}`)}`),
    t("analysis.legend.batnas"),
  ];
  lines.push(
    ...paretoPlot({
      width,
      height: Math.round(width / 3.5),
      xLabel: partyName(0),
      yLabel: partyName(1),
      frontier: Array.from({ length: frontier.size }, (_, k) => ({ x: frontier.utility(k, 0), y: frontier.utility(k, 1) })),
      batna: { x: model.batnas[0], y: model.batnas[1] },
      markers,
      formatTick: (value, digits) => t.number(value, digits),
    }),
    ...list(legend, "  "),
    // Points can share a cell of the plot, so their coordinates are listed too.
    ...list(
      markers.map((marker) => t("analysis.marker.point", { symbol: marker.symbol, name: t(`analysis.marker.${marker.symbol}`), x: marker.x, y: marker.y })),
      " · ",
    ),
  );

  lines.push("");
  if (analysis.maxJointGain === null || analysis.valueLeftOnTable === null) {
    lines.push(...paragraph(t("analysis.noAgreement")));
    return lines.join("\n");
  }
  lines.push(
    ...paragraph(
      t("analysis.naive", {
        gain: analysis.naiveJointGain,
        max: analysis.maxJointGain,
        left: analysis.valueLeftOnTable,
        share: analysis.valueLeftOnTable / analysis.maxJointGain,
      }),
    ),
  );
  if (analysis.fixedTermsJointGain !== undefined) {
    const fixed = analysis.fixedTermsJointGain;
    const max = analysis.maxJointGain;
    lines.push(
      ...paragraph(
        fixed === null ? t("analysis.uncertain.fixedNone") : t("analysis.uncertain.fixedTerms", { gain: fixed, max, left: max - fixed, share: (max - fixed) / max }),
      ),
    );
  }

  lines.push("", ...paragraph(t("analysis.packagesHeading")));
  analysis.packages.forEach((candidate, rank) => {
    const utilities = model.partyIds.map((_, p) => t("analysis.utility", { party: partyName(p), value: candidate.utilities[p] }));
    const terms = packageTerms(scenario, candidate.package, lang);
    // On a terminal a term per line, wrapped: an option's label alone can fill a line.
    if (textWidth === undefined) lines.push(`${rank + 1}. ${terms.join(" · ")}`);
    else terms.forEach((term, k) => lines.push(...wrap(term, textWidth, "     ", k === 0 ? `${rank + 1}. ` : "   ")));
    lines.push(...list(utilities, " · ", "   "));
    if (model.uncertain) lines.push(...paragraph(riskText(scenario, model, candidate.package, options.seed ?? "0", lang), "   "));
    for (const sentence of explainTrades(scenario, candidate.trades, lang)) lines.push(...paragraph(sentence, "   "));
  });
  return lines.join("\n");
}

type Paragraph = (text: string, indent?: string, firstIndent?: string) => string[];

/** Tip 6: each quantity with every party's forecast, and what the contingent clauses are worth. */
function uncertaintyLines(scenario: Scenario, model: CompiledScenario, lang: Language, paragraph: Paragraph): string[] {
  const t = translator(lang);
  const partyName = (p: number) => localise(scenario.parties[p].name, lang);
  const lines = [...paragraph(t("analysis.uncertain.heading")), ...paragraph(t("analysis.uncertain.expected"), "  ", "  ")];
  scenario.uncertainties!.forEach((quantity, k) => {
    const unit = unitText(quantity.unit, lang);
    const forecasts = model.partyIds.map((_, p) => {
      const belief = model.uncertain!.beliefs[p][k];
      return t("analysis.uncertain.forecast", { party: partyName(p), mean: mean(belief), low: quantile(belief, 0.05), high: quantile(belief, 0.95), unit });
    });
    const truth = quantity.truth === undefined || quantity.truth === "common" ? t("analysis.uncertain.truthCommon") : t("analysis.uncertain.truthOf", { party: partyName(model.partyIds.indexOf(quantity.truth)) });
    lines.push(...paragraph(t("analysis.uncertain.quantity", { quantity: localise(quantity.label, lang), forecasts: forecasts.join("; "), truth }), "    ", "  "));
  });
  for (const clause of clauseValues(model)) {
    const params = {
      issue: localise(scenario.issues[clause.issue].label, lang),
      clause: optionLabel(scenario, clause.issue, clause.clause, lang),
      fixed: optionLabel(scenario, clause.issue, clause.fixed, lang),
      value: clause.value,
    };
    lines.push(...paragraph(t(clause.value > 0 ? "analysis.uncertain.clauseGains" : "analysis.uncertain.clauseLoses", params), "    ", "  "));
  }
  return lines;
}

/** "Risk, 90% of outcomes: Eemvallei 41.0–77.3 (3% below its BATNA) · …". */
function riskText(scenario: Scenario, model: CompiledScenario, pkg: Package, seed: string, lang: Language): string {
  const t = translator(lang);
  const risks = riskByParty(model, pkg, seed);
  const parts = model.partyIds.map((id, p) =>
    t("analysis.uncertain.risk", { party: localise(scenario.parties[p].name, lang), low: risks[id].p05, high: risks[id].p95, below: risks[id].belowBatna }),
  );
  return t("analysis.uncertain.riskHeading", { risks: parts.join(" · ") });
}

/** The plot's width in a terminal `width` columns wide, leaving room for the y axis's ticks. */
export function plotWidth(width: number): number {
  return Math.max(30, Math.min(100, width - 10));
}

/** "Budget: high · Location: north". */
export function describePackage(scenario: Scenario, pkg: Package, lang: Language): string {
  return packageText(scenario, pkg, lang);
}

/** ["Budget: high", "Location: north"]. */
function packageTerms(scenario: Scenario, pkg: Package, lang: Language): string[] {
  return Array.from(pkg, (option, issue) => termText(scenario, issue, option, lang));
}

/** Plain-language sentences on who gives way where, and for what. */
export function explainTrades(scenario: Scenario, trades: PackageTrades, lang: Language): string[] {
  const t = translator(lang);
  const label = (i: number) => localise(scenario.issues[i].label, lang);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const sentences = trades.parties.flatMap((party) => {
    const name = localise(scenario.parties[party.party].name, lang);
    const gets = t.list(party.getsItsWayOn.map((trade) => label(trade.issue)));
    const priority = sum(party.getsItsWayOn.map((trade) => trade.priority));
    if (party.givesWayOn.length === 0) return gets ? [t("analysis.getsOnly", { party: name, gets, priority })] : [];
    const issues = t.list(party.givesWayOn.map((trade) => label(trade.issue)));
    const loss = sum(party.givesWayOn.map((trade) => trade.loss));
    return [gets ? t("analysis.givesWay", { party: name, issues, loss, gets, priority }) : t("analysis.givesWayOnly", { party: name, issues, loss })];
  });
  if (trades.sharedIssues.length > 0) sentences.push(t("analysis.shared", { issues: t.list(trades.sharedIssues.map(label)) }));
  return sentences;
}

/** An issue class's name and what it means for the trainee. */
export function issueKindText(kind: JointIssueKind, lang: Language): { name: string; hint: string } {
  const t = translator(lang);
  return { name: t(`analysis.kind.${kind}`), hint: t(`analysis.hint.${kind}`) };
}

/** Rows as columns: the first left-aligned, the others right-aligned. */
export function table(rows: string[][]): string[] {
  return tableLines(rows, (c) => (c === 0 ? "left" : "right"));
}
