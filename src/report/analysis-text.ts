/**
 * The human-readable analysis (`analyze` without --json), in English or Dutch: summary,
 * issue relations, a Pareto plot and the best value-creating packages with their trades.
 */
import type { ScenarioAnalysis } from "../engine/analysis.js";
import type { IssueKind } from "../engine/issues.js";
import type { Package } from "../engine/model.js";
import type { PackageTrades } from "../engine/packages.js";
import { type Language, formatPercent, formatPoints, joinList } from "../i18n/language.js";
import { type Scenario, localise } from "../scenario/schema.js";
import { paretoPlot } from "./plot.js";
import { tableLines } from "./table.js";
import { pack, wrap } from "./wrap.js";

const TEXT = {
  en: {
    summary: (parties: number, issues: number, outcomes: string) =>
      `${parties} parties, ${issues} issues, ${outcomes} possible packages`,
    tableHeader: ["party", "BATNA", "best", "naive", "Nash"],
    issuesHeading: "Issues",
    kinds: { compatible: "compatible", integrative: "integrative", distributive: "distributive" } as Record<IssueKind, string>,
    kindHints: {
      compatible: "both want the same: don't haggle over it",
      integrative: "priorities differ: trade it",
      distributive: "a real divide: share it",
    } as Record<IssueKind, string>,
    plotHeading: (x: string, y: string) => `Pareto frontier: ${x} across, ${y} up`,
    legend: "• frontier  N Nash  K Kalai–Smorodinsky  J max joint  C naive compromise  ┆┄ BATNAs",
    markerNames: { N: "Nash", K: "Kalai–Smorodinsky", J: "max joint", C: "naive compromise" } as Record<string, string>,
    frontierSize: (points: number) => `${points} Pareto-efficient utility vectors`,
    noAgreement: "No package gives every party more than its BATNA: there is no zone of agreement.",
    naive: (gain: string, max: string, left: string, share: string) =>
      `Naive compromise (haggling issue by issue): joint gain ${gain} of a possible ${max}; ${left} points (${share}) left on the table.`,
    packagesHeading: "Value-creating packages (Pareto-efficient, above every BATNA, by Nash product)",
    givesWay: (party: string, issues: string, loss: string, gets: string, priority: string) =>
      gets
        ? `${party} gives way on ${issues} (${loss} of its stakes) and gets its way on ${gets} (${priority}).`
        : `${party} gives way on ${issues} (${loss} of its stakes).`,
    getsOnly: (party: string, gets: string, priority: string) => `${party} gets its way on ${gets} (${priority} of its stakes).`,
    shared: (issues: string) => `Everyone gets their way on ${issues}: a shared interest.`,
  },
  nl: {
    summary: (parties: number, issues: number, outcomes: string) =>
      `${parties} partijen, ${issues} onderwerpen, ${outcomes} mogelijke pakketten`,
    tableHeader: ["partij", "BATNA", "best", "naïef", "Nash"],
    issuesHeading: "Onderwerpen",
    kinds: { compatible: "verenigbaar", integrative: "integratief", distributive: "distributief" } as Record<IssueKind, string>,
    kindHints: {
      compatible: "beide willen hetzelfde: niet over onderhandelen",
      integrative: "andere prioriteiten: ruil het uit",
      distributive: "echt verdeeld: deel het",
    } as Record<IssueKind, string>,
    plotHeading: (x: string, y: string) => `Pareto-grens: ${x} horizontaal, ${y} verticaal`,
    legend: "• grens  N Nash  K Kalai–Smorodinsky  J max. gezamenlijk  C naïef compromis  ┆┄ BATNA's",
    markerNames: { N: "Nash", K: "Kalai–Smorodinsky", J: "max. gezamenlijk", C: "naïef compromis" } as Record<string, string>,
    frontierSize: (points: number) => `${points} Pareto-efficiënte nutsvectoren`,
    noAgreement: "Geen enkel pakket geeft alle partijen meer dan hun BATNA: er is geen onderhandelingsruimte.",
    naive: (gain: string, max: string, left: string, share: string) =>
      `Naïef compromis (onderwerp voor onderwerp afpingelen): gezamenlijke winst ${gain} van maximaal ${max}; ${left} punten (${share}) blijft liggen.`,
    packagesHeading: "Waardecreërende pakketten (Pareto-efficiënt, boven elke BATNA, op Nash-product)",
    givesWay: (party: string, issues: string, loss: string, gets: string, priority: string) =>
      gets
        ? `${party} geeft toe op ${issues} (${loss} van wat op het spel staat) en krijgt zijn zin op ${gets} (${priority}).`
        : `${party} geeft toe op ${issues} (${loss} van wat op het spel staat).`,
    getsOnly: (party: string, gets: string, priority: string) =>
      `${party} krijgt zijn zin op ${gets} (${priority} van wat op het spel staat).`,
    shared: (issues: string) => `Iedereen krijgt zijn zin op ${issues}: een gedeeld belang.`,
  },
};

export interface AnalysisTextOptions {
  readonly lang: Language;
  /** The terminal's width: text is wrapped to it. Without one (a pipe, a file) a paragraph is one line. */
  readonly width?: number;
}

export function analysisToText(scenario: Scenario, analysis: ScenarioAnalysis, options: AnalysisTextOptions): string {
  const { lang } = options;
  const t = TEXT[lang];
  const { model, frontier } = analysis;
  const partyName = (p: number) => localise(scenario.parties[p].name, lang);
  const issueLabel = (i: number) => localise(scenario.issues[i].label, lang);
  const points = (value: number) => formatPoints(value, lang);
  const lines: string[] = [];
  const textWidth = options.width;
  const paragraph = (text: string, indent = "", firstIndent = indent) =>
    textWidth === undefined ? [firstIndent + text] : wrap(text, textWidth, indent, firstIndent);
  const list = (items: string[], separator: string, indent = "", firstIndent = indent) =>
    textWidth === undefined ? [firstIndent + items.join(separator)] : pack(items, separator, textWidth, indent, firstIndent);

  lines.push(...paragraph(localise(scenario.title, lang)));
  lines.push(...paragraph(t.summary(model.partyCount, model.issueCount, analysis.outcomeCount.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB"))));
  lines.push("");
  const nash = analysis.nash === null ? null : frontier.utilities(analysis.nash);
  const rows = model.partyIds.map((_, p) => [
    partyName(p),
    points(model.batnas[p]),
    points(analysis.favourites[p].utilities[p]),
    points(analysis.naiveCompromise.utilities[p]),
    nash ? points(nash[p]) : "–",
  ]);
  lines.push(...table([t.tableHeader, ...rows]));

  lines.push("", t.issuesHeading);
  for (const relation of analysis.issueRelations) {
    const [a, b] = relation.parties;
    const pair = model.partyCount > 2 ? ` (${partyName(a)} × ${partyName(b)})` : "";
    lines.push(
      ...paragraph(
        `${issueLabel(relation.issue)}${pair}: ${t.kinds[relation.kind]} — ${partyName(a)} ${formatPercent(relation.priorities[0], lang)}, ` +
          `${partyName(b)} ${formatPercent(relation.priorities[1], lang)}; ${t.kindHints[relation.kind]}`,
        "    ",
        "  ",
      ),
    );
  }

  lines.push("", ...paragraph(t.plotHeading(partyName(0), partyName(1))), t.frontierSize(frontier.size));
  const at = (utilities: ArrayLike<number>, symbol: string) => ({ x: utilities[0], y: utilities[1], symbol });
  const markers = [at(analysis.naiveCompromise.utilities, "C")];
  if (analysis.maxJoint !== null) markers.push(at(frontier.utilities(analysis.maxJoint), "J"));
  if (analysis.kalaiSmorodinsky !== null) markers.push(at(frontier.utilities(analysis.kalaiSmorodinsky), "K"));
  if (nash) markers.push(at(nash, "N"));
  const width = plotWidth(options.width ?? 80);
  lines.push(
    ...paretoPlot({
      width,
      height: Math.round(width / 3.5),
      xLabel: partyName(0),
      yLabel: partyName(1),
      frontier: Array.from({ length: frontier.size }, (_, k) => ({ x: frontier.utility(k, 0), y: frontier.utility(k, 1) })),
      batna: { x: model.batnas[0], y: model.batnas[1] },
      markers,
    }),
    ...list(t.legend.split("  "), "  "),
    // Points can share a cell of the plot, so their coordinates are listed too.
    ...list(
      markers.map((marker) => `${marker.symbol} ${t.markerNames[marker.symbol]} ${points(marker.x)} / ${points(marker.y)}`),
      " · ",
    ),
  );

  lines.push("");
  if (analysis.maxJointGain === null || analysis.valueLeftOnTable === null) {
    lines.push(...paragraph(t.noAgreement));
    return lines.join("\n");
  }
  lines.push(
    ...paragraph(
      t.naive(
        points(analysis.naiveJointGain),
        points(analysis.maxJointGain),
        points(analysis.valueLeftOnTable),
        formatPercent(analysis.valueLeftOnTable / analysis.maxJointGain, lang),
      ),
    ),
  );

  lines.push("", ...paragraph(t.packagesHeading));
  analysis.packages.forEach((candidate, rank) => {
    const utilities = model.partyIds.map((_, p) => `${partyName(p)} ${points(candidate.utilities[p])}`);
    const terms = packageTerms(scenario, candidate.package, lang);
    // On a terminal a term per line, wrapped: an option's label alone can fill a line.
    if (textWidth === undefined) lines.push(`${rank + 1}. ${terms.join(" · ")}`);
    else terms.forEach((term, k) => lines.push(...wrap(term, textWidth, "     ", k === 0 ? `${rank + 1}. ` : "   ")));
    lines.push(...list(utilities, " · ", "   "));
    for (const sentence of explainTrades(scenario, candidate.trades, lang)) lines.push(...paragraph(sentence, "   "));
  });
  return lines.join("\n");
}

/** The plot's width in a terminal `width` columns wide, leaving room for the y axis's ticks. */
export function plotWidth(width: number): number {
  return Math.max(30, Math.min(100, width - 10));
}

/** "Budget: high · Location: north". */
export function describePackage(scenario: Scenario, pkg: Package, lang: Language): string {
  return packageTerms(scenario, pkg, lang).join(" · ");
}

/** ["Budget: high", "Location: north"]. */
function packageTerms(scenario: Scenario, pkg: Package, lang: Language): string[] {
  return scenario.issues.map((issue, i) => `${localise(issue.label, lang)}: ${localise(issue.options[pkg[i]].label, lang)}`);
}

/** Plain-language sentences on who gives way where, and for what. */
export function explainTrades(scenario: Scenario, trades: PackageTrades, lang: Language): string[] {
  const t = TEXT[lang];
  const label = (i: number) => localise(scenario.issues[i].label, lang);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  const sentences = trades.parties.flatMap((party) => {
    const name = localise(scenario.parties[party.party].name, lang);
    const gets = joinList(party.getsItsWayOn.map((trade) => label(trade.issue)), lang);
    const priority = formatPercent(sum(party.getsItsWayOn.map((trade) => trade.priority)), lang);
    if (party.givesWayOn.length === 0) return gets ? [t.getsOnly(name, gets, priority)] : [];
    const gives = joinList(party.givesWayOn.map((trade) => label(trade.issue)), lang);
    const loss = formatPercent(sum(party.givesWayOn.map((trade) => trade.loss)), lang);
    return [t.givesWay(name, gives, loss, gets, priority)];
  });
  if (trades.sharedIssues.length > 0) sentences.push(t.shared(joinList(trades.sharedIssues.map(label), lang)));
  return sentences;
}

/** An issue class's name and what it means for the trainee. */
export function issueKindText(kind: IssueKind, lang: Language): { name: string; hint: string } {
  return { name: TEXT[lang].kinds[kind], hint: TEXT[lang].kindHints[kind] };
}

/** Rows as columns: the first left-aligned, the others right-aligned. */
export function table(rows: string[][]): string[] {
  return tableLines(rows, (c) => (c === 0 ? "left" : "right"));
}
