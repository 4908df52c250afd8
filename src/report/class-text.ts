/**
 * The class debrief in the terminal, one block of sections per scenario and seat: agreement,
 * the distributions of value created and value left on the table, every game on the
 * frontier plot (● a deal, × no deal), the mistakes per tip, the best and the weakest deal,
 * the scripted partners of a batch run, a row per trainee and the packages that were
 * possible. Every line fits `width`.
 */
import { type Translator, translator } from "../i18n/translate.js";
import type { Language } from "../i18n/language.js";
import { packageText } from "../negotiation/wording.js";
import { localise } from "../scenario/localise.js";
import { plotWidth } from "./analysis-text.js";
import type { Bin, ClassGame, ClassGroup, ClassReport } from "./class.js";
import { BASELINE_HEADER, adviceLabel, baselineCells, gameLabel, outcomeLabel, packageValues, shareBins, valueLeftBins } from "./class-wording.js";
import { paretoPlot } from "./plot.js";
import { fittedTableLines } from "./table.js";
import type { TextSection } from "./debrief-text.js";
import { partyName } from "./debrief-wording.js";
import { pad, wrap } from "./wrap.js";

export function classSections(report: ClassReport, lang: Language, width: number): TextSection[] {
  const t = translator(lang);
  const unreadable = report.unreadable.length === 0 ? [] : [{ title: t("class.unreadable", { count: report.unreadable.length }), lines: report.unreadable.flatMap((entry) => wrap(t("class.unreadableFile", entry), width, "  ", "    ")) }];
  if (report.groups.length === 0) return [{ title: t("class.none"), lines: [] }, ...unreadable];
  return [...report.groups.flatMap((group) => groupSections(group, t, width)), ...unreadable];
}

function groupSections(group: ClassGroup, t: Translator, width: number): TextSection[] {
  const { scenario, seat, figures } = group;
  const lang = t.lang;
  const title = t("class.title", { scenario: localise(scenario.title, lang), party: partyName(scenario, seat, lang) });
  const sections: TextSection[] = [{ title, lines: wrap(t("class.games", { games: group.games.length, incomplete: group.incomplete }), width) }];
  if (group.games.length === 0) return sections;
  sections.push({ title: t("class.section.agreement"), lines: wrap(t("class.agreement", { agreements: figures.agreements, games: figures.games, share: figures.agreements / figures.games }), width) });
  if (figures.share === null || figures.valueLeft === null || group.maxJointGain === null) {
    sections.push({ title: t("class.section.share"), lines: wrap(t("class.noZone"), width) });
  } else {
    const { share, valueLeft } = figures;
    sections.push({
      title: t("class.section.share"),
      lines: [
        ...wrap(t("class.share", { mean: share.mean, median: share.median, min: share.min, max: share.max, max_gain: group.maxJointGain, naive: group.naiveJointGain / group.maxJointGain }), width),
        ...barLines(shareBins(group), (bin) => t("class.bin.share", { from: bin.from, to: bin.to }), width),
      ],
    });
    sections.push({
      title: t("class.section.valueLeft"),
      lines: [
        ...wrap(t("class.valueLeft", { mean: valueLeft.mean, median: valueLeft.median, min: valueLeft.min, max: valueLeft.max }), width),
        ...barLines(valueLeftBins(group), (bin) => t("class.bin.points", { from: bin.from, to: bin.to }), width),
      ],
    });
  }
  sections.push({ title: t("class.section.plot"), lines: plotLines(group, t, width) });
  sections.push({ title: t("class.section.mistakes"), lines: mistakeLines(group, t, width) });
  sections.push({ title: t("class.section.extremes"), lines: extremeLines(group, t, width) });
  if (group.baseline.length > 0) sections.push({ title: t("class.section.baseline"), lines: baselineLines(group, t, width) });
  sections.push({ title: t("class.section.trainees"), lines: traineeLines(group, t, width) });
  sections.push({ title: t("class.section.packages"), lines: packageLines(group, t, width) });
  return sections;
}

/** The longest bar of a histogram, in columns: long enough to compare, short enough to read. */
const BAR_WIDTH = 40;

/** A bar per bin, its length proportional to its count. */
function barLines(bins: readonly Bin[], label: (bin: Bin) => string, width: number): string[] {
  const labels = bins.map(label);
  const labelWidth = Math.max(...labels.map((text) => text.length));
  const most = Math.max(1, ...bins.map((bin) => bin.count));
  const room = Math.max(1, Math.min(BAR_WIDTH, width - labelWidth - 10));
  return bins.map((bin, k) => `  ${pad(labels[k], labelWidth, "start")} ${"█".repeat(Math.round((bin.count / most) * room))} ${bin.count}`.trimEnd());
}

function plotLines(group: ClassGroup, t: Translator, width: number): string[] {
  const lang = t.lang;
  const panelWidth = group.panels.length > 1 ? Math.min(plotWidth(width), 60) : plotWidth(width);
  const height = Math.round(panelWidth / (group.panels.length > 1 ? 4.5 : 3.5));
  const lines = group.panels.flatMap((panel, k) => {
    const x = partyName(group.scenario, panel.xParty, lang);
    const y = partyName(group.scenario, panel.yParty, lang);
    const references = [{ ...panel.naiveCompromise, symbol: "C" }, ...(panel.nash ? [{ ...panel.nash, symbol: "N" }] : [])];
    const games = group.marks[k].map((mark) => ({ x: mark.x, y: mark.y, symbol: mark.deal ? "●" : "×" }));
    return [
      ...(k > 0 ? [""] : []),
      ...wrap(t("class.plot.axes", { x, y }), width),
      ...paretoPlot({
        width: panelWidth,
        height,
        xLabel: x,
        yLabel: y,
        frontier: panel.frontier,
        batna: panel.batna,
        markers: [...references, ...games],
        formatTick: (value, digits) => t.number(value, digits),
      }),
    ];
  });
  return [...lines, ...wrap(t("class.plot.legend"), width)];
}

function mistakeLines(group: ClassGroup, t: Translator, width: number): string[] {
  if (group.mistakes.length === 0) return wrap(t("class.noMistakes"), width);
  return group.mistakes.flatMap((tip) => [
    ...wrap(t("class.mistakeTip", { tip: tip.tip, title: t(`debrief.tip.${tip.tip}`), games: tip.games, total: group.games.length }), width, "    ", "  "),
    ...tip.advice.flatMap((entry) => wrap(t("class.mistakeAdvice", { advice: adviceLabel(entry.advice, t), games: entry.games }), width, "      ", "    ")),
  ]);
}

function extremeLines(group: ClassGroup, t: Translator, width: number): string[] {
  if (!group.best || !group.weakest) return wrap(t("class.noDeals"), width);
  const line = (key: "class.best" | "class.weakest", game: ClassGame) =>
    wrap(t(key, { who: gameLabel(game, t), share: game.debrief.shareOfMaxJointGain!, points: game.debrief.utilities[group.seat] }), width, "  ");
  return [...line("class.best", group.best), ...line("class.weakest", group.weakest)];
}

function baselineLines(group: ClassGroup, t: Translator, width: number): string[] {
  const rows = [BASELINE_HEADER.map((key) => t(key)), baselineCells(t("class.baseline.class"), group.figures, t), ...group.baseline.map((entry) => baselineCells(entry.style, entry, t))];
  return fittedTableLines(rows, (c) => (c === 0 ? "left" : "right"), width, 1);
}

function traineeLines(group: ClassGroup, t: Translator, width: number): string[] {
  const header = ["class.row.number", "class.row.name", "class.row.outcome", "class.row.points", "class.row.share", "class.row.valueLeft", "class.row.tips"] as const;
  const rows = group.games.map((game) => {
    const { debrief } = game;
    const tips = [...new Set(game.mistakes.map((mistake) => mistake.tip))];
    return [
      t.number(game.number, 0),
      game.name ?? "–",
      outcomeLabel(game, group.scenario, t),
      t.number(debrief.utilities[group.seat]),
      debrief.shareOfMaxJointGain === null ? "–" : t.percent(debrief.shareOfMaxJointGain),
      debrief.valueLeftOnTable === null ? "–" : t.number(debrief.valueLeftOnTable),
      tips.length === 0 ? t("class.row.noMistakes") : tips.join(" "),
    ];
  });
  return fittedTableLines([header.map((key) => t(key)), ...rows], (c) => (c === 1 || c === 2 || c === 6 ? "left" : "right"), width, 2);
}

function packageLines(group: ClassGroup, t: Translator, width: number): string[] {
  if (group.packages.length === 0) return wrap(t("class.packages.none"), width);
  return [
    ...wrap(t("class.packages.intro"), width),
    ...group.packages.flatMap((entry, k) =>
      wrap(t("class.packages.item", { rank: k + 1, terms: packageText(group.scenario, entry.package, t.lang), values: packageValues(group.scenario, entry.utilities, t) }), width, "     ", "  "),
    ),
  ];
}

