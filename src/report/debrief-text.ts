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
import { type Language, formatPercent, formatPoints } from "../i18n/language.js";
import { styleDescription, styleFamilyText } from "../negotiation/wording.js";
import type { Scenario } from "../scenario/schema.js";
import { describePackage, explainTrades, issueKindText, plotWidth, table } from "./analysis-text.js";
import { pack, wrap } from "./wrap.js";
import type { CoachingItem, Debrief, IssueReview, PartnerReveal, Tip } from "./debrief.js";
import { commonFavourite } from "./debrief-issues.js";
import { issueLabel, jointGainSentence, optionLabel, outcomeSentence, partyName, signedPoints } from "./debrief-wording.js";
import { type PlotMarker, paretoPlot } from "./plot.js";

export interface TextSection {
  readonly title: string;
  readonly lines: string[];
}

const EN = {
  titles: {
    outcome: "Outcome",
    partners: (count: number): string => (count === 1 ? "Your partner" : "Your partners"),
    points: "Points",
    jointGain: "Joint gain",
    plot: "Pareto plot",
    issues: "Issue by issue",
    coaching: "Coaching along the seven tips",
  },
  deal: (pkg: string) => `The deal: ${pkg}`,
  forYou: (value: string, batna: string, difference: string) => `For you: ${value} points against your BATNA of ${batna} (${difference}).`,
  keepBatna: (batna: string) => `Without a deal you keep your BATNA: ${batna} points.`,
  settledTerms: (terms: string) => `Terms settled when it ended: ${terms}`,
  style: (style: string, family: string, surprise: boolean) =>
    `plays ${style} (${family}), ${surprise ? "a surprise, revealed now" : "the style you chose"}.`,
  person: "played by a person.",
  header: ["party", "BATNA", "deal", "gain"],
  you: (name: string) => `${name} (you)`,
  noZone: "No package gave every party more than its BATNA: there was no joint gain to make.",
  leftOnTable: (left: string) => `Left on the table: ${left} points.`,
  allLeft: (max: string) => `No deal: the whole possible joint gain of ${max} points was left on the table.`,
  naive: (gain: string) => `For comparison, haggling issue by issue (the naive compromise) gives a joint gain of ${gain}.`,
  axes: (x: string, y: string) => `You (${x}) across, ${y} up`,
  legend: {
    frontier: "• frontier",
    N: "N Nash",
    C: "C naive compromise",
    D: "D deal",
    y: "y your offers",
    p: "p their offers",
    batnas: "┆┄ BATNAs",
  },
  withPartner: (name: string) => `With ${name}:`,
  priorities: (you: string, name: string, partner: string) => `you ${you}, ${name} ${partner}`,
  kept: "kept: you both wanted this",
  lost: (option: string) => `lost: you both prefer ${option}`,
  tradedYours: "traded well: you got your way where it matters more to you",
  tradedTheirs: "traded well: you gave way where it matters more to them",
  missedYours: "missed: it matters more to you, yet you did not get your way",
  missedTheirs: "missed: it matters more to them; giving way here buys more elsewhere",
  youGotYourWay: "you got your way",
  theyGotTheirWay: (name: string) => `${name} got its way`,
  neitherGotItsWay: "shared: neither got its favourite",
  whoGaveWay: "Who gave way where:",
  tips: {
    1: "Don't think in terms of winning or losing",
    2: "Ask the right questions",
    3: "Build a shared ambition",
    4: "Find common interests",
    5: "Is there a click?",
    6: "Make clear agreements",
    7: "Work on the partnership",
  } as Record<Tip, string>,
  verdicts: { good: "good", improve: "to improve" },
  evidence: (text: string) => `From this game: ${text}`,
};

type Words = typeof EN;

const NL: Words = {
  titles: {
    outcome: "Uitkomst",
    partners: (count) => (count === 1 ? "Je partner" : "Je partners"),
    points: "Punten",
    jointGain: "Gezamenlijke winst",
    plot: "Pareto-plot",
    issues: "Onderwerp voor onderwerp",
    coaching: "Coaching langs de zeven tips",
  },
  deal: (pkg) => `Het akkoord: ${pkg}`,
  forYou: (value, batna, difference) => `Voor jou: ${value} punten tegenover je BATNA van ${batna} (${difference}).`,
  keepBatna: (batna) => `Zonder akkoord houd je je BATNA: ${batna} punten.`,
  settledTerms: (terms) => `Vastgelegde voorwaarden aan het eind: ${terms}`,
  style: (style, family, surprise) => `speelt ${style} (${family}), ${surprise ? "een verrassing, nu onthuld" : "de stijl die je koos"}.`,
  person: "gespeeld door een mens.",
  header: ["partij", "BATNA", "akkoord", "winst"],
  you: (name) => `${name} (jij)`,
  noZone: "Geen enkel pakket gaf elke partij meer dan haar BATNA: er viel geen gezamenlijke winst te maken.",
  leftOnTable: (left) => `Bleef liggen: ${left} punten.`,
  allLeft: (max) => `Geen akkoord: de hele mogelijke gezamenlijke winst van ${max} punten bleef liggen.`,
  naive: (gain) => `Ter vergelijking: onderwerp voor onderwerp afpingelen (het naïeve compromis) geeft een gezamenlijke winst van ${gain}.`,
  axes: (x, y) => `Jij (${x}) horizontaal, ${y} verticaal`,
  legend: {
    frontier: "• grens",
    N: "N Nash",
    C: "C naïef compromis",
    D: "D akkoord",
    y: "y jouw biedingen",
    p: "p hun biedingen",
    batnas: "┆┄ BATNA's",
  },
  withPartner: (name) => `Met ${name}:`,
  priorities: (you, name, partner) => `jij ${you}, ${name} ${partner}`,
  kept: "behouden: jullie wilden dit allebei",
  lost: (option) => `verloren: jullie hebben allebei liever ${option}`,
  tradedYours: "goed geruild: je kreeg je zin waar het voor jou zwaarder weegt",
  tradedTheirs: "goed geruild: je gaf toe waar het voor hen zwaarder weegt",
  missedYours: "gemist: het weegt voor jou zwaarder, toch kreeg je je zin niet",
  missedTheirs: "gemist: het weegt voor hen zwaarder; hier toegeven levert elders meer op",
  youGotYourWay: "je kreeg je zin",
  theyGotTheirWay: (name) => `${name} kreeg zijn zin`,
  neitherGotItsWay: "gedeeld: niemand kreeg zijn favoriet",
  whoGaveWay: "Wie gaf waar toe:",
  tips: {
    1: "Denk niet in termen van winnen of verliezen",
    2: "Stel de juiste vragen",
    3: "Zorg voor gedeelde ambities",
    4: "Vind gemeenschappelijke belangen",
    5: "Is er een klik?",
    6: "Maak duidelijke afspraken",
    7: "Werk aan de samenwerking",
  },
  verdicts: { good: "goed", improve: "kan beter" },
  evidence: (text) => `Uit dit spel: ${text}`,
};

const WORDS: Record<Language, Words> = { en: EN, nl: NL };

export function debriefSections(debrief: Debrief, scenario: Scenario, lang: Language, width: number): TextSection[] {
  const w = WORDS[lang];
  return [
    { title: w.titles.outcome, lines: outcomeLines(debrief, scenario, lang, width) },
    {
      title: w.titles.partners(debrief.partners.length),
      lines: debrief.partnerStyles.flatMap((reveal) => partnerLines(reveal, scenario, lang, width)),
    },
    { title: w.titles.points, lines: pointsTable(debrief, scenario, lang) },
    { title: w.titles.jointGain, lines: jointGainLines(debrief, lang, width) },
    { title: w.titles.plot, lines: plotLines(debrief, scenario, lang, width) },
    { title: w.titles.issues, lines: issueLines(debrief, scenario, lang, width) },
    {
      title: w.titles.coaching,
      lines: debrief.coaching.flatMap((item, k) => [...(k > 0 ? [""] : []), ...coachingLines(item, lang, width)]),
    },
  ];
}

function outcomeLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const w = WORDS[lang];
  const { trainee, deal } = debrief;
  const points = (value: number) => formatPoints(value, lang);
  const lines = [outcomeSentence(debrief.outcome, trainee, scenario, lang)];
  const batna = debrief.batnas[trainee];
  if (deal) {
    const value = debrief.utilities[trainee];
    lines.push(...wrap(w.deal(describePackage(scenario, deal, lang)), width, "  ", ""));
    lines.push(...wrap(w.forYou(points(value), points(batna), signedPoints(value - batna, lang)), width));
    return lines;
  }
  lines.push(...wrap(w.keepBatna(points(batna)), width));
  const settled = debrief.settled.flatMap((option, issue) =>
    option >= 0 ? [`${issueLabel(scenario, issue, lang)}: ${optionLabel(scenario, issue, option, lang)}`] : [],
  );
  if (settled.length > 0) lines.push(...wrap(w.settledTerms(settled.join(" · ")), width, "  ", ""));
  return lines;
}

function partnerLines(reveal: PartnerReveal, scenario: Scenario, lang: Language, width: number): string[] {
  const w = WORDS[lang];
  const name = partyName(scenario, reveal.party, lang);
  if (!reveal.family) return wrap(`${name}: ${w.person}`, width, "  ");
  return [
    ...wrap(`${name} ${w.style(reveal.style, styleFamilyText(reveal.family, lang), reveal.surprise)}`, width, "  "),
    ...wrap(styleDescription(reveal.style, lang), width, "  ", "  "),
  ];
}

function pointsTable(debrief: Debrief, scenario: Scenario, lang: Language): string[] {
  const w = WORDS[lang];
  const rows = debrief.batnas.map((batna, p) => {
    const name = partyName(scenario, p, lang);
    const value = debrief.utilities[p];
    return [
      p === debrief.trainee ? w.you(name) : name,
      formatPoints(batna, lang),
      debrief.deal ? formatPoints(value, lang) : "–",
      debrief.deal ? signedPoints(value - batna, lang) : "–",
    ];
  });
  return table([w.header, ...rows]);
}

function jointGainLines(debrief: Debrief, lang: Language, width: number): string[] {
  const w = WORDS[lang];
  const points = (value: number) => formatPoints(value, lang);
  const { maxJointGain, valueLeftOnTable } = debrief;
  if (maxJointGain === null || valueLeftOnTable === null) return wrap(w.noZone, width);
  const lines = debrief.deal
    ? [jointGainSentence(debrief, lang)!, w.leftOnTable(points(valueLeftOnTable))]
    : [w.allLeft(points(maxJointGain))];
  lines.push(w.naive(points(debrief.naiveJointGain)));
  return lines.flatMap((line) => wrap(line, width));
}

function plotLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const w = WORDS[lang];
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
  const legend = [
    w.legend.frontier,
    ...markers.map((marker) => w.legend[marker.symbol as "C" | "N" | "D"]),
    ...series.map((entry) => w.legend[entry.symbol as "y" | "p"]),
    w.legend.batnas,
  ];
  const points = (value: number) => formatPoints(value, lang);
  return [
    ...wrap(w.axes(xName, yName), width),
    ...paretoPlot({
      width: plotWide,
      height: Math.round(plotWide / 3.5),
      xLabel: xName,
      yLabel: yName,
      frontier: pareto.frontier,
      batna: pareto.batna,
      series,
      markers,
    }),
    ...pack(legend, "  ", width, ""),
    // Points can share a cell of the plot, so their coordinates are listed too.
    ...pack(
      markers.map((marker) => `${w.legend[marker.symbol as "C" | "N" | "D"]} ${points(marker.x)} / ${points(marker.y)}`),
      " · ",
      width,
      "",
    ),
  ];
}

function issueLines(debrief: Debrief, scenario: Scenario, lang: Language, width: number): string[] {
  const w = WORDS[lang];
  const lines: string[] = [];
  for (const partner of debrief.partners) {
    if (debrief.partners.length > 1) lines.push(w.withPartner(partyName(scenario, partner, lang)));
    for (const review of debrief.issues.filter((entry) => entry.partner === partner)) {
      const kind = issueKindText(review.kind, lang);
      const priorities = w.priorities(
        formatPercent(review.priority.trainee, lang),
        partyName(scenario, partner, lang),
        formatPercent(review.priority.partner, lang),
      );
      const head = `${issueLabel(scenario, review.issue, lang)} — ${kind.name} (${priorities})`;
      const tail =
        review.dealOption === null
          ? kind.hint
          : `${optionLabel(scenario, review.issue, review.dealOption, lang)} — ${issueVerdictText(review, scenario, lang)}`;
      lines.push(...wrap(`${head}: ${tail}`, width, "    ", "  "));
    }
  }
  if (debrief.trades) {
    lines.push(w.whoGaveWay);
    for (const sentence of explainTrades(scenario, debrief.trades, lang)) lines.push(...wrap(sentence, width, "    ", "  "));
  }
  return lines;
}

function issueVerdictText(review: IssueReview, scenario: Scenario, lang: Language): string {
  const w = WORDS[lang];
  const yoursMatterMore = review.priority.trainee > review.priority.partner;
  switch (review.verdict) {
    case "kept":
      return w.kept;
    case "lost": {
      return w.lost(optionLabel(scenario, review.issue, commonFavourite(review)!, lang));
    }
    case "traded":
      return yoursMatterMore ? w.tradedYours : w.tradedTheirs;
    case "missed":
      return yoursMatterMore ? w.missedYours : w.missedTheirs;
    case null: {
      const option = review.dealOption!;
      if (review.favourites.trainee.includes(option)) return w.youGotYourWay;
      if (review.favourites.partner.includes(option)) return w.theyGotTheirWay(partyName(scenario, review.partner, lang));
      return w.neitherGotItsWay;
    }
  }
}

function coachingLines(item: CoachingItem, lang: Language, width: number): string[] {
  const w = WORDS[lang];
  return [
    ...wrap(`Tip ${item.tip} · ${w.tips[item.tip]} — ${w.verdicts[item.verdict]}`, width, "  ", ""),
    ...wrap(item.text[lang], width, "  ", "  "),
    ...wrap(w.evidence(item.evidence[lang]), width, "  ", "  "),
  ];
}
