/**
 * The class debrief as one self-contained HTML page (`class --html`), in the trainer's
 * language: per scenario and seat the figures, the frontier with one mark per game, the
 * histograms of value created and left on the table, the mistakes per tip, the best and the
 * weakest deal, the scripted partners of a batch run, a row per trainee and the packages that
 * were possible. The same content and words as the terminal text (class-text.ts).
 */
import type { Language } from "../i18n/language.js";
import { type Translator, translator } from "../i18n/translate.js";
import { packageText } from "../negotiation/wording.js";
import { localise } from "../scenario/localise.js";
import { frontierSpec, histogramSpec, renderSvg } from "./charts.js";
import type { ClassGroup, ClassReport } from "./class.js";
import { BASELINE_HEADER, adviceLabel, baselineCells, gameLabel, outcomeLabel, packageValues, shareBins, valueLeftBins } from "./class-wording.js";
import { partyName } from "./debrief-wording.js";
import { escapeHtml, figure, htmlPage, htmlTable } from "./html.js";

export async function classHtml(report: ClassReport, lang: Language): Promise<string> {
  const t = translator(lang);
  const titles = [...new Set(report.groups.map((group) => localise(group.scenario.title, lang)))];
  const title = t("class.html.title", { scenario: t.list(titles) });
  const games = report.groups.reduce((sum, group) => sum + group.games.length, 0);
  const groups = await Promise.all(report.groups.map((group, k) => groupHtml(group, k, t)));
  const unreadable =
    report.unreadable.length === 0
      ? ""
      : `<h2>${escapeHtml(t("class.unreadable", { count: report.unreadable.length }))}</h2><ul>${report.unreadable
          .map((entry) => `<li>${escapeHtml(t("class.unreadableFile", entry))}</li>`)
          .join("")}</ul>`;
  const body = `<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(t("class.html.generated", { games }))}</p>
${groups.join("\n")}
${unreadable}`;
  return htmlPage(lang, title, body);
}

const paragraph = (text: string) => `<p>${escapeHtml(text)}</p>`;

async function groupHtml(group: ClassGroup, index: number, t: Translator): Promise<string> {
  const { scenario, seat, figures } = group;
  const lang = t.lang;
  const parts = [
    `<section class="group" id="group-${index + 1}">`,
    `<h2>${escapeHtml(t("class.title", { scenario: localise(scenario.title, lang), party: partyName(scenario, seat, lang) }))}</h2>`,
    paragraph(t("class.games", { games: group.games.length, incomplete: group.incomplete })),
  ];
  if (group.games.length === 0) return [...parts, "</section>"].join("\n");
  parts.push(paragraph(t("class.agreement", { agreements: figures.agreements, games: figures.games, share: figures.agreements / figures.games })));
  parts.push(`<h3>${escapeHtml(t("class.section.plot"))}</h3>`, ...(await frontierFigures(group, index, t)));
  parts.push(`<h3>${escapeHtml(t("class.section.share"))}</h3>`);
  if (figures.share === null || figures.valueLeft === null || group.maxJointGain === null) parts.push(paragraph(t("class.noZone")));
  else {
    const { share, valueLeft } = figures;
    parts.push(
      paragraph(t("class.share", { mean: share.mean, median: share.median, min: share.min, max: share.max, max_gain: group.maxJointGain, naive: group.naiveJointGain / group.maxJointGain })),
      figure(`share-${index + 1}`, await renderSvg(histogramSpec(shareBins(group), t("class.html.shareAxis"), t("class.html.gamesAxis"), ".0%"), lang), t("class.html.shareAlt")),
      `<h3>${escapeHtml(t("class.section.valueLeft"))}</h3>`,
      paragraph(t("class.valueLeft", { mean: valueLeft.mean, median: valueLeft.median, min: valueLeft.min, max: valueLeft.max })),
      figure(`value-left-${index + 1}`, await renderSvg(histogramSpec(valueLeftBins(group), t("class.html.valueLeftAxis"), t("class.html.gamesAxis"), ".1f"), lang), t("class.html.valueLeftAlt")),
    );
  }
  parts.push(`<h3>${escapeHtml(t("class.section.mistakes"))}</h3>`, mistakesHtml(group, t));
  parts.push(`<h3>${escapeHtml(t("class.section.extremes"))}</h3>`);
  if (!group.best || !group.weakest) parts.push(paragraph(t("class.noDeals")));
  else {
    for (const [key, game] of [["class.best", group.best], ["class.weakest", group.weakest]] as const) {
      parts.push(paragraph(t(key, { who: gameLabel(game, t), share: game.debrief.shareOfMaxJointGain!, points: game.debrief.utilities[seat] })));
    }
  }
  if (group.baseline.length > 0) parts.push(`<h3>${escapeHtml(t("class.section.baseline"))}</h3>`, baselineHtml(group, t));
  parts.push(`<h3>${escapeHtml(t("class.section.trainees"))}</h3>`, traineesHtml(group, t));
  parts.push(`<h3>${escapeHtml(t("class.section.packages"))}</h3>`, packagesHtml(group, t), "</section>");
  return parts.join("\n");
}

/** One chart per partner: the frontier, the BATNAs, Nash and the naive compromise, and one mark per game. */
async function frontierFigures(group: ClassGroup, index: number, t: Translator): Promise<string[]> {
  const lang = t.lang;
  const deal = t("class.plot.deal");
  const noDeal = t("class.plot.noDeal");
  return Promise.all(
    group.panels.map(async (panel, k) => {
      const x = partyName(group.scenario, panel.xParty, lang);
      const y = partyName(group.scenario, panel.yParty, lang);
      const references = [{ ...panel.naiveCompromise, label: "C" }, ...(panel.nash ? [{ ...panel.nash, label: "N" }] : [])];
      const marks = group.marks[k].map((mark) => {
        const game = group.games[mark.game - 1];
        return { x: mark.x, y: mark.y, kind: mark.deal ? deal : noDeal, label: `${gameLabel(game, t)}: ${outcomeLabel(game, group.scenario, t)}` };
      });
      const svg = await renderSvg(frontierSpec({ xTitle: x, yTitle: y, frontier: panel.frontier, connect: group.scenario.parties.length === 2, batna: panel.batna, references, marks, kinds: [deal, noDeal] }), lang);
      return figure(`frontier-${index + 1}-${k + 1}`, svg, t("class.html.frontierAlt", { x, y }));
    }),
  );
}

function mistakesHtml(group: ClassGroup, t: Translator): string {
  if (group.mistakes.length === 0) return paragraph(t("class.noMistakes"));
  return `<ul>${group.mistakes
    .map((tip) => {
      const heading = t("class.mistakeTip", { tip: tip.tip, title: t(`debrief.tip.${tip.tip}`), games: tip.games, total: group.games.length });
      const advice = tip.advice.map((entry) => `<li>${escapeHtml(t("class.mistakeAdvice", { advice: adviceLabel(entry.advice, t), games: entry.games }))}</li>`).join("");
      return `<li>${escapeHtml(heading)}<ul>${advice}</ul></li>`;
    })
    .join("")}</ul>`;
}

function baselineHtml(group: ClassGroup, t: Translator): string {
  const rows = [baselineCells(t("class.baseline.class"), group.figures, t), ...group.baseline.map((entry) => baselineCells(entry.style, entry, t))];
  return htmlTable(BASELINE_HEADER.map((key) => t(key)), rows, new Set([1, 2, 3, 4, 5]));
}

function traineesHtml(group: ClassGroup, t: Translator): string {
  const header = ["class.row.number", "class.row.name", "class.row.outcome", "class.row.points", "class.row.jointGain", "class.row.share", "class.row.valueLeft", "class.row.mistakes"] as const;
  const rows = group.games.map((game) => {
    const { debrief } = game;
    const mistakes = game.mistakes.map((mistake) => `${mistake.tip}: ${adviceLabel(mistake.advice, t)}`);
    return [
      t.number(game.number, 0),
      game.name ?? "–",
      outcomeLabel(game, group.scenario, t),
      t.number(debrief.utilities[group.seat]),
      t.number(debrief.jointGain),
      debrief.shareOfMaxJointGain === null ? "–" : t.percent(debrief.shareOfMaxJointGain),
      debrief.valueLeftOnTable === null ? "–" : t.number(debrief.valueLeftOnTable),
      mistakes.length === 0 ? t("class.row.noMistakes") : mistakes.join("; "),
    ];
  });
  return htmlTable(
    header.map((key) => t(key)),
    rows,
    new Set([0, 3, 4, 5, 6]),
  );
}

function packagesHtml(group: ClassGroup, t: Translator): string {
  if (group.packages.length === 0) return paragraph(t("class.packages.none"));
  const items = group.packages.map(
    (entry, k) => `<li>${escapeHtml(t("class.packages.item", { rank: k + 1, terms: packageText(group.scenario, entry.package, t.lang), values: packageValues(group.scenario, entry.utilities, t) }))}</li>`,
  );
  return `${paragraph(t("class.packages.intro"))}<ul class="packages">${items.join("")}</ul>`;
}
