/**
 * A trainee's debrief as one self-contained HTML page to keep and print (`debrief --html`):
 * the debrief's sections as the terminal shows them at a page's width, with the Pareto plot
 * drawn as a chart per partner (the frontier, the BATNAs, Nash, the naive compromise, the
 * better package, the deal and both sides' offers).
 */
import type { Language } from "../i18n/language.js";
import { type Translator, translator } from "../i18n/translate.js";
import type { Scenario } from "../scenario/schema.js";
import { localise } from "../scenario/localise.js";
import { frontierSpec, renderSvg } from "./charts.js";
import type { Debrief, ParetoPanel } from "./debrief.js";
import { debriefSections } from "./debrief-text.js";
import { partyName } from "./debrief-wording.js";
import { escapeHtml, figure, htmlPage } from "./html.js";

/** The text's width on the page: what A4 landscape holds in the page's monospace type. */
const PAGE_COLUMNS = 110;

export async function debriefHtml(debrief: Debrief, scenario: Scenario, lang: Language, name: string | undefined): Promise<string> {
  const t = translator(lang);
  const party = partyName(scenario, debrief.trainee, lang);
  const title = t("debrief.html.title", { scenario: localise(scenario.title, lang), party: name === undefined ? party : `${party} (${name})` });
  const plotTitle = t("debrief.title.plot");
  const sections = await Promise.all(
    debriefSections(debrief, scenario, lang, PAGE_COLUMNS).map(async (section) => {
      const content = section.title === plotTitle ? (await Promise.all(debrief.pareto.map((panel, k) => panelFigure(panel, k, scenario, t)))).join("\n") : `<pre>${escapeHtml(section.lines.join("\n"))}</pre>`;
      return `<section><h2>${escapeHtml(section.title)}</h2>\n${content}</section>`;
    }),
  );
  return htmlPage(lang, title, `<h1>${escapeHtml(title)}</h1>\n${sections.join("\n")}`);
}

async function panelFigure(panel: ParetoPanel, k: number, scenario: Scenario, t: Translator): Promise<string> {
  const lang = t.lang;
  const x = partyName(scenario, panel.xParty, lang);
  const y = partyName(scenario, panel.yParty, lang);
  const kinds = [t("class.plot.deal"), t("debrief.html.offersTrainee"), t("debrief.html.offersPartner")];
  const references = [
    { ...panel.naiveCompromise, label: "C" },
    ...(panel.nash ? [{ ...panel.nash, label: "N" }] : []),
    ...(panel.better ? [{ ...panel.better, label: "B" }] : []),
  ];
  const marks = [
    ...(panel.deal ? [{ ...panel.deal, kind: kinds[0], label: kinds[0] }] : []),
    ...panel.traineeOffers.map((point) => ({ ...point, kind: kinds[1], label: kinds[1] })),
    ...panel.partnerOffers.map((point) => ({ ...point, kind: kinds[2], label: kinds[2] })),
  ];
  const svg = await renderSvg(frontierSpec({ xTitle: x, yTitle: y, frontier: panel.frontier, connect: scenario.parties.length === 2, batna: panel.batna, references, marks, kinds }), lang);
  return figure(`pareto-${k + 1}`, svg, t("debrief.html.plotAlt", { x, y }));
}
