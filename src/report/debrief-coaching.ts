/**
 * Coaching along Kaats & Opheij's seven tips, each with a verdict and evidence from this
 * game, in English and Dutch. Tip 3 is coached only when the scenario has a shared
 * ambition, tip 7 only when scripted events happened.
 *
 * | tip | good when                                                                  |
 * |-----|----------------------------------------------------------------------------|
 * | 1   | the deal beats every party's BATNA; without a deal: no package did          |
 * | 2   | the trainee asked at least one question                                     |
 * | 3   | the trainee asked "what would make this work for you?" or disclosed a priority truthfully |
 * | 4   | no more single-term offers than package and MESO offers, at least one of those unless a deal was reached; in the deal no compatible issue lost and no integrative trade missed |
 * | 5   | no partner's trust ended below its start, and no partner walked away        |
 * | 6   | the deal (every term settled) beats the trainee's BATNA; without a deal: no package beat every BATNA |
 * | 7   | after the first scripted change the trainee asked again or made a new offer |
 */
import { utilityGreater } from "../engine/tolerance.js";
import { type Language, formatPoints, joinList } from "../i18n/language.js";
import type { TrustReason } from "../negotiation/trust.js";
import { answerText, importanceText, lineText, questionText } from "../negotiation/wording.js";
import { type Scenario, localise } from "../scenario/schema.js";
import { describePackage } from "./analysis-text.js";
import type { CoachingItem, DebriefFacts, IssueReview, Localised, QuestionRecord, ScriptedRecord, Tip, TrustMove } from "./debrief.js";
import { commonFavourite } from "./debrief-issues.js";
import { issueLabel, jointGainSentence, optionLabel, outcomeSentence, partyName, signedPoints } from "./debrief-wording.js";

const TRUST_REASONS: Record<Language, Record<TrustReason, string>> = {
  en: {
    "question-asked": "your questions",
    "truthful-answer": "your truthful answers",
    "vague-answer": "your dodged answers",
    "truthful-disclosure": "telling them what matters to you",
    concession: "your concessions",
    "reciprocated-concession": "concessions that answered theirs",
    "retracted-concession": "retracted concessions",
    "extreme-anchor": "an extreme first offer (anchor)",
    "below-batna": "offers below their BATNA",
    "misleading-found-out": "a bluff of yours found out",
    scripted: "events away from the table",
  },
  nl: {
    "question-asked": "je vragen",
    "truthful-answer": "je eerlijke antwoorden",
    "vague-answer": "je ontwijkende antwoorden",
    "truthful-disclosure": "vertellen wat voor jou telt",
    concession: "je toegevingen",
    "reciprocated-concession": "toegevingen als antwoord op de hunne",
    "retracted-concession": "teruggenomen toegevingen",
    "extreme-anchor": "een extreem openingsbod (anker)",
    "below-batna": "biedingen onder hun BATNA",
    "misleading-found-out": "een doorzien bluf van jou",
    scripted: "gebeurtenissen buiten de tafel",
  },
};

const EN = {
  you: "you",
  round: (round: number) => `round ${round}`,
  // Tip 1
  valueForAll: "The deal leaves every party better off than its alternative: you created value together instead of winning it from each other.",
  belowYourBatna: "You agreed to less than your alternative: a partnership must return more than the autonomy it costs you.",
  winLose: (names: string) => `A win-lose deal: ${names} ends up below its alternative, and such a partnership does not last.`,
  noDealDespite: "No deal, although packages existed that beat every party's alternative: the value of the partnership stayed on the table.",
  noZone: "No package beat every party's alternative, so no deal was the right outcome: you did not force a win-lose agreement.",
  gains: (gains: string) => `Gains over the BATNAs: ${gains}.`,
  dealVsBatna: (value: string, batna: string, difference: string) =>
    `The deal gives you ${value} points; without it you had ${batna} (${difference}).`,
  forExample: (pkg: string, values: string) => `For example the Nash package (${pkg}) gives ${values}.`,
  valueWithBatna: (name: string, value: string, batna: string) => `${name} ${value} (BATNA ${batna})`,
  // Tip 2
  noQuestions: "You asked no questions: you negotiated without learning what matters to the other side. Start with a round of questions.",
  asked: (count: number, first: boolean) =>
    `You asked ${count === 1 ? "1 question" : `${count} questions`} to learn what matters to the other side: the start of a win-win process.` +
    (first ? "" : " Next time, ask before you make your first offer."),
  questionsNone: "Questions you asked: none.",
  questionList: (items: string) => `Questions you asked: ${items}.`,
  question: (text: string, round: string, to: string, status: string) => `“${text}” (${round}${to ? `, to ${to}` : ""}): ${status}`,
  truthful: "answered truthfully",
  vague: "dodged",
  misleading: (answer: string) => `answered misleadingly, “${answer}” (revealed now)`,
  unanswered: "not answered",
  // Tip 3
  explored: "You explored what would make the partnership work for both sides: the ground a shared ambition grows on.",
  notExplored: (question: string) =>
    `The scenario holds a shared ambition, but you did not explore it: ask “${question}” and say what matters to you.`,
  askedWhatWorks: (question: string, round: string) => `You asked “${question}” (${round}).`,
  disclosed: (issue: string, importance: string, round: string) => `You told them ${issue} is ${importance} to you (${round}).`,
  neither: "You neither asked what would make it work for them nor told them what matters to you.",
  ambition: (text: string) => `Shared ambition: “${text}”`,
  // Tip 4
  packagesGood: "You negotiated in packages, kept what you both want and traded issues by priority: that is how mutual gains are made.",
  packagesNoDeal: "You made package offers rather than haggling term by term: that is how issues can be traded.",
  haggled: "You haggled term by term: compose whole packages (or several at once, MESO) so that issues can be traded.",
  noPackage: "You made no package offer of your own: compose packages that add value for every party.",
  lostCompatible: "The deal gives up an issue on which you both want the same: that loses value for nobody's gain.",
  missedTrades: "Trade issues by priority: get your way where it matters most to you, give way where it matters most to them.",
  offerCounts: (packages: number, meso: number, terms: number) =>
    `You made ${packages} package ${packages === 1 ? "offer" : "offers"}, ${meso} MESO ${meso === 1 ? "offer" : "offers"} ` +
    `and ${terms} single-term ${terms === 1 ? "offer" : "offers"}.`,
  tradesMade: (issues: string) => `Trades made: ${issues}.`,
  tradesMissed: (issues: string) => `Trades missed: ${issues}.`,
  compatibleLost: (issues: string) => `Compatible issues lost: ${issues}.`,
  compatibleKept: (issues: string) => `Compatible issues kept: ${issues}.`,
  compatibleOpen: (issues: string) => `Compatible issues, to keep in every package: ${issues}.`,
  bothPrefer: (issue: string, option: string) => `${issue} (you both prefer ${option})`,
  wentTo: (issue: string, name: string) => `${issue} (to ${name})`,
  wentToYou: (issue: string) => `${issue} (to you)`,
  withPartner: (issue: string, name: string) => `${issue} with ${name}`,
  // Tip 5
  trustHeld: "Trust held or grew: there was a click to build on.",
  trustFell: "Trust fell: without a click a partnership does not last. Ask, answer honestly and return concessions; avoid extreme anchors, retracted concessions and bluffs.",
  walkedAway: (name: string) => `${name} walked away because it no longer trusted you: without a click there is no partnership.`,
  trustLine: (name: string, start: string, lowest: string, end: string) =>
    `${name}'s trust in you: ${start} at the start, lowest ${lowest}, ${end} at the end.`,
  movedMost: (moves: string) => `Moved most by: ${moves}.`,
  nothingMoved: "Nothing at the table moved it.",
  fellBelow: (name: string, end: string, threshold: string) => `${name}'s trust (${end}) fell below ${threshold}, where it walks away.`,
  // Tip 6
  settledGood: "Every term is settled and the deal is worth more to you than your alternative: a clear agreement that pays for what it costs.",
  settledBelow: "Every term is settled, but the agreement costs you more than it brings: weigh the costs and benefits of a package before you accept it.",
  nothingAgreed: (settled: number, issues: number) =>
    `Nothing was agreed (${settled} of ${issues} terms settled when it ended), although a deal good for every party was within reach.`,
  rightlyUnsigned: "With no package beating every alternative, not signing was the clear choice.",
  agreed: (pkg: string, value: string, batna: string) => `Agreed: ${pkg}. You get ${value} points against a BATNA of ${batna}.`,
  // Tip 7
  adjusted: "The partnership changed during the game and you adjusted: after the change you asked or offered anew.",
  notAdjusted: "The partnership changed during the game, but you did not re-evaluate: after a change, ask again and revise your packages.",
  afterwards: (questions: number, offers: number) =>
    `After it you asked ${questions} ${questions === 1 ? "question" : "questions"} and made ${offers} ${offers === 1 ? "offer" : "offers"}.`,
  batnaChanged: (round: string, name: string, before: string, after: string) => `${round}: ${name}'s BATNA changed from ${before} to ${after}`,
  weightChanged: (round: string, issue: string, name: string, before: string, after: string) =>
    `${round}: the weight of ${issue} for ${name} changed from ${before} to ${after}`,
  trustChanged: (round: string, name: string, delta: string) => `${round}: ${name}'s trust in you changed by ${delta}`,
  note: (round: string, name: string) => `${round}: news from ${name}`,
};

type Words = typeof EN;

const NL: Words = {
  you: "jij",
  round: (round) => `ronde ${round}`,
  valueForAll: "Het akkoord maakt elke partij beter af dan haar alternatief: jullie creëerden samen waarde in plaats van die van elkaar te winnen.",
  belowYourBatna: "Je stemde in met minder dan je alternatief: een samenwerking moet meer opleveren dan de autonomie die ze je kost.",
  winLose: (names) => `Een win-verliesakkoord: ${names} komt onder het eigen alternatief uit, en zo'n samenwerking houdt geen stand.`,
  noDealDespite: "Geen akkoord, terwijl er pakketten waren die voor elke partij beter waren dan haar alternatief: de waarde van de samenwerking bleef liggen.",
  noZone: "Geen enkel pakket was voor elke partij beter dan haar alternatief, dus geen akkoord was de juiste uitkomst: je dwong geen win-verliesakkoord af.",
  gains: (gains) => `Winst boven de BATNA's: ${gains}.`,
  dealVsBatna: (value, batna, difference) => `Het akkoord geeft je ${value} punten; zonder akkoord had je ${batna} (${difference}).`,
  forExample: (pkg, values) => `Het Nash-pakket (${pkg}) geeft bijvoorbeeld ${values}.`,
  valueWithBatna: (name, value, batna) => `${name} ${value} (BATNA ${batna})`,
  noQuestions: "Je stelde geen vragen: je onderhandelde zonder te weten wat voor de ander telt. Begin met een vragenronde.",
  asked: (count, first) =>
    `Je stelde ${count === 1 ? "1 vraag" : `${count} vragen`} om te weten wat voor de ander telt: het begin van een win-winproces.` +
    (first ? "" : " Stel ze de volgende keer vóór je eerste bod."),
  questionsNone: "Vragen die je stelde: geen.",
  questionList: (items) => `Vragen die je stelde: ${items}.`,
  question: (text, round, to, status) => `“${text}” (${round}${to ? `, aan ${to}` : ""}): ${status}`,
  truthful: "eerlijk beantwoord",
  vague: "ontweken",
  misleading: (answer) => `misleidend beantwoord, “${answer}” (nu onthuld)`,
  unanswered: "niet beantwoord",
  explored: "Je verkende wat de samenwerking voor beide kanten laat werken: de grond waarop een gedeelde ambitie groeit.",
  notExplored: (question) =>
    `Het scenario biedt een gedeelde ambitie, maar je verkende die niet: vraag “${question}” en vertel wat voor jou telt.`,
  askedWhatWorks: (question, round) => `Je vroeg “${question}” (${round}).`,
  disclosed: (issue, importance, round) => `Je vertelde dat ${issue} ${importance} is voor jou (${round}).`,
  neither: "Je vroeg niet wat het voor hen zou laten werken en vertelde niet wat voor jou telt.",
  ambition: (text) => `Gedeelde ambitie: “${text}”`,
  packagesGood: "Je onderhandelde in pakketten, hield vast wat jullie allebei willen en ruilde onderwerpen naar prioriteit: zo ontstaan wederzijdse winsten.",
  packagesNoDeal: "Je deed pakketbiedingen in plaats van voorwaarde voor voorwaarde af te pingelen: zo kun je onderwerpen uitruilen.",
  haggled: "Je pingelde voorwaarde voor voorwaarde af: stel hele pakketten samen (of meerdere tegelijk, MESO) zodat je onderwerpen kunt uitruilen.",
  noPackage: "Je deed zelf geen pakketbod: stel pakketten samen met meerwaarde voor elke partij.",
  lostCompatible: "Het akkoord geeft een onderwerp op waarover jullie hetzelfde willen: dat kost waarde zonder dat iemand er beter van wordt.",
  missedTrades: "Ruil onderwerpen naar prioriteit: krijg je zin waar het voor jou het zwaarst weegt, geef toe waar het voor hen het zwaarst weegt.",
  offerCounts: (packages, meso, terms) =>
    `Je deed ${packages} ${packages === 1 ? "pakketbod" : "pakketbiedingen"}, ${meso} ${meso === 1 ? "MESO-bod" : "MESO-biedingen"} ` +
    `en ${terms} ${terms === 1 ? "bod" : "biedingen"} op één voorwaarde.`,
  tradesMade: (issues) => `Gemaakte ruilen: ${issues}.`,
  tradesMissed: (issues) => `Gemiste ruilen: ${issues}.`,
  compatibleLost: (issues) => `Verloren verenigbare onderwerpen: ${issues}.`,
  compatibleKept: (issues) => `Behouden verenigbare onderwerpen: ${issues}.`,
  compatibleOpen: (issues) => `Verenigbare onderwerpen, te behouden in elk pakket: ${issues}.`,
  bothPrefer: (issue, option) => `${issue} (jullie hebben allebei liever ${option})`,
  wentTo: (issue, name) => `${issue} (naar ${name})`,
  wentToYou: (issue) => `${issue} (naar jou)`,
  withPartner: (issue, name) => `${issue} met ${name}`,
  trustHeld: "Het vertrouwen bleef of groeide: er was een klik om op te bouwen.",
  trustFell: "Het vertrouwen daalde: zonder klik houdt een samenwerking geen stand. Vraag, antwoord eerlijk en beantwoord toegevingen; vermijd extreme ankers, teruggenomen toegevingen en bluf.",
  walkedAway: (name) => `${name} liep weg omdat het jou niet meer vertrouwde: zonder klik geen samenwerking.`,
  trustLine: (name, start, lowest, end) => `Vertrouwen van ${name} in jou: ${start} bij de start, laagste ${lowest}, ${end} aan het eind.`,
  movedMost: (moves) => `Het meest bewogen door: ${moves}.`,
  nothingMoved: "Niets aan tafel bracht het in beweging.",
  fellBelow: (name, end, threshold) => `Het vertrouwen van ${name} (${end}) zakte onder ${threshold}, waar het wegloopt.`,
  settledGood: "Elke voorwaarde ligt vast en het akkoord is meer waard dan je alternatief: een duidelijke afspraak die haar kosten terugverdient.",
  settledBelow: "Elke voorwaarde ligt vast, maar het akkoord kost je meer dan het oplevert: weeg kosten en baten van een pakket voordat je het accepteert.",
  nothingAgreed: (settled, issues) =>
    `Er is niets afgesproken (${settled} van de ${issues} voorwaarden lagen vast aan het eind), terwijl een akkoord dat voor elke partij goed was binnen bereik lag.`,
  rightlyUnsigned: "Zonder pakket dat elk alternatief verslaat, was niet tekenen de duidelijke keuze.",
  agreed: (pkg, value, batna) => `Afgesproken: ${pkg}. Je krijgt ${value} punten tegenover een BATNA van ${batna}.`,
  adjusted: "De samenwerking veranderde tijdens het spel en je stuurde bij: na de verandering vroeg of bood je opnieuw.",
  notAdjusted: "De samenwerking veranderde tijdens het spel, maar je evalueerde niet opnieuw: stel na een verandering opnieuw vragen en herzie je pakketten.",
  afterwards: (questions, offers) =>
    `Daarna stelde je ${questions} ${questions === 1 ? "vraag" : "vragen"} en deed je ${offers} ${offers === 1 ? "bod" : "biedingen"}.`,
  batnaChanged: (round, name, before, after) => `${round}: de BATNA van ${name} veranderde van ${before} naar ${after}`,
  weightChanged: (round, issue, name, before, after) =>
    `${round}: het gewicht van ${issue} voor ${name} veranderde van ${before} naar ${after}`,
  trustChanged: (round, name, delta) => `${round}: het vertrouwen van ${name} in jou veranderde met ${delta}`,
  note: (round, name) => `${round}: nieuws van ${name}`,
};

const WORDS: Record<Language, Words> = { en: EN, nl: NL };

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

type Phrase = (lang: Language) => string;

function item(tip: Tip, good: boolean, text: Phrase, evidence: Phrase): CoachingItem {
  const both = (phrase: Phrase): Localised => ({ en: phrase("en"), nl: phrase("nl") });
  return { tip, verdict: good ? "good" : "improve", text: both(text), evidence: both(evidence) };
}

/** Sentences joined into one evidence text, empty ones left out. */
function sentences(...parts: (string | null | false)[]): string {
  return parts.filter((part): part is string => Boolean(part)).join(" ");
}

export function coach(facts: DebriefFacts, scenario: Scenario): CoachingItem[] {
  const items = [
    tip1(facts, scenario),
    tip2(facts, scenario),
    scenario.sharedAmbition === undefined ? null : tip3(facts, scenario),
    tip4(facts, scenario),
    tip5(facts, scenario),
    tip6(facts, scenario),
    facts.scripted.length === 0 ? null : tip7(facts, scenario),
  ];
  return items.filter((entry): entry is CoachingItem => entry !== null);
}

/** "you" for the trainee, the party's name otherwise. */
function nameOf(facts: DebriefFacts, scenario: Scenario, party: number, lang: Language): string {
  return party === facts.trainee ? WORDS[lang].you : partyName(scenario, party, lang);
}

function tip1(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const { deal, utilities, batnas, trainee } = facts;
  const parties = batnas.map((_, p) => p);
  const points = (value: number, lang: Language) => formatPoints(value, lang);
  if (deal) {
    const losers = parties.filter((p) => !utilityGreater(utilities[p], batnas[p]));
    const gains = (lang: Language) =>
      sentences(
        WORDS[lang].gains(
          parties.map((p) => `${nameOf(facts, scenario, p, lang)} ${signedPoints(utilities[p] - batnas[p], lang)}`).join(", "),
        ),
        jointGainSentence(facts, lang),
      );
    if (losers.length === 0) return item(1, true, (lang) => WORDS[lang].valueForAll, gains);
    if (!losers.includes(trainee)) {
      return item(1, false, (lang) => WORDS[lang].winLose(joinList(losers.map((p) => partyName(scenario, p, lang)), lang)), gains);
    }
    return item(1, false, (lang) => WORDS[lang].belowYourBatna, (lang) => dealVsBatna(facts, lang));
  }
  const nash = facts.nash;
  if (!nash) return item(1, true, (lang) => WORDS[lang].noZone, (lang) => outcomeSentence(facts.outcome, trainee, scenario, lang));
  return item(
    1,
    false,
    (lang) => WORDS[lang].noDealDespite,
    (lang) => {
      const w = WORDS[lang];
      const values = parties.map((p) =>
        w.valueWithBatna(nameOf(facts, scenario, p, lang), points(nash.utilities[p], lang), points(batnas[p], lang)),
      );
      return sentences(
        outcomeSentence(facts.outcome, trainee, scenario, lang),
        w.forExample(describePackage(scenario, nash.package, lang), joinList(values, lang)),
      );
    },
  );
}

function dealVsBatna(facts: DebriefFacts, lang: Language): string {
  const u = facts.utilities[facts.trainee];
  const batna = facts.batnas[facts.trainee];
  return WORDS[lang].dealVsBatna(formatPoints(u, lang), formatPoints(batna, lang), signedPoints(u - batna, lang));
}

function tip2(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const { questions } = facts;
  if (questions.length === 0) return item(2, false, (lang) => WORDS[lang].noQuestions, (lang) => WORDS[lang].questionsNone);
  const firstOffer = facts.offers.find((offer) => offer.party === facts.trainee);
  // Talk comes before the action in a turn, so a question in the round of the first offer came before it.
  const askedFirst = !firstOffer || questions[0].round <= firstOffer.round;
  return item(
    2,
    true,
    (lang) => WORDS[lang].asked(questions.length, askedFirst),
    (lang) => WORDS[lang].questionList(questions.map((record) => questionLine(facts, scenario, record, lang)).join("; ")),
  );
}

function questionLine(facts: DebriefFacts, scenario: Scenario, record: QuestionRecord, lang: Language): string {
  const w = WORDS[lang];
  const answer = record.answer;
  const status = !answer
    ? w.unanswered
    : answer.honesty === "misleading"
      ? w.misleading(answerText(scenario, answer.content, lang))
      : answer.honesty === "vague"
        ? w.vague
        : w.truthful;
  const to = facts.partners.length > 1 ? partyName(scenario, record.to, lang) : "";
  return w.question(questionText(scenario, record.question, lang), w.round(record.round), to, status);
}

function tip3(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const whatWorks = facts.questions.filter((record) => record.question.kind === "what-would-work");
  const disclosed = facts.disclosures.filter((record) => record.honesty === "truthful");
  const question = (lang: Language) => questionText(scenario, { kind: "what-would-work" }, lang);
  return item(
    3,
    whatWorks.length > 0 || disclosed.length > 0,
    (lang) => (whatWorks.length > 0 || disclosed.length > 0 ? WORDS[lang].explored : WORDS[lang].notExplored(question(lang))),
    (lang) => {
      const w = WORDS[lang];
      return sentences(
        ...whatWorks.map((record) => w.askedWhatWorks(question(lang), w.round(record.round))),
        ...disclosed.map((record) =>
          w.disclosed(issueLabel(scenario, record.issue, lang), importanceText(record.importance, lang), w.round(record.round)),
        ),
        whatWorks.length === 0 && disclosed.length === 0 && w.neither,
        w.ambition(localise(scenario.sharedAmbition!, lang)),
      );
    },
  );
}

function tip4(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const own = facts.offers.filter((offer) => offer.party === facts.trainee);
  const count = (kind: string) => own.filter((offer) => offer.kind === kind).length;
  const [packages, meso, terms] = [count("package"), count("meso"), count("partial")];
  const of = (kind: IssueReview["kind"], verdict: IssueReview["verdict"]) =>
    facts.issues.filter((review) => review.kind === kind && review.verdict === verdict);
  const [traded, missed] = [of("integrative", "traded"), of("integrative", "missed")];
  const [lost, kept] = [of("compatible", "lost"), of("compatible", "kept")];
  const haggled = terms > packages + meso;
  const noPackage = packages + meso === 0 && !facts.deal;
  // Every integrative issue that does not go to the side that cares more leaves joint value on the table.
  const good = !haggled && !noPackage && lost.length === 0 && missed.length === 0;
  const issue = (review: IssueReview, lang: Language) => {
    const label = issueLabel(scenario, review.issue, lang);
    return facts.partners.length > 1 ? WORDS[lang].withPartner(label, partyName(scenario, review.partner, lang)) : label;
  };
  const list = (reviews: IssueReview[], lang: Language, describe = issue) =>
    joinList(reviews.map((review) => describe(review, lang)), lang);
  const preferred = (review: IssueReview, lang: Language) =>
    WORDS[lang].bothPrefer(issue(review, lang), optionLabel(scenario, review.issue, commonFavourite(review)!, lang));
  const wentTo = (review: IssueReview, lang: Language) => {
    const w = WORDS[lang];
    if (review.priority.trainee > review.priority.partner) return w.wentToYou(issue(review, lang));
    return w.wentTo(issue(review, lang), partyName(scenario, review.partner, lang));
  };
  return item(
    4,
    good,
    (lang) => {
      const w = WORDS[lang];
      if (good) return facts.deal ? w.packagesGood : w.packagesNoDeal;
      return sentences(haggled && w.haggled, noPackage && w.noPackage, lost.length > 0 && w.lostCompatible, missed.length > 0 && w.missedTrades);
    },
    (lang) => {
      const w = WORDS[lang];
      const compatible = facts.issues.filter((review) => review.kind === "compatible");
      return sentences(
        w.offerCounts(packages, meso, terms),
        traded.length > 0 && w.tradesMade(list(traded, lang, wentTo)),
        missed.length > 0 && w.tradesMissed(list(missed, lang)),
        lost.length > 0 && w.compatibleLost(list(lost, lang, preferred)),
        kept.length > 0 && w.compatibleKept(list(kept, lang)),
        !facts.deal && compatible.length > 0 && w.compatibleOpen(list(compatible, lang, preferred)),
      );
    },
  );
}

function tip5(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const { outcome } = facts;
  // A scripted partner walks away only when its trust has fallen below its threshold.
  const walker =
    outcome.kind === "walk-away"
      ? facts.trust.find((review) => review.party === outcome.by && review.walkAwayThreshold !== null)
      : undefined;
  const fell = facts.trust.some((review) => review.end < review.start);
  return item(
    5,
    !walker && !fell,
    (lang) => {
      const w = WORDS[lang];
      if (walker) return w.walkedAway(partyName(scenario, walker.party, lang));
      return fell ? w.trustFell : w.trustHeld;
    },
    (lang) => {
      const w = WORDS[lang];
      const level = (value: number) => formatPoints(value, lang, 0);
      return sentences(
        ...facts.trust.map((review) => {
          const name = partyName(scenario, review.party, lang);
          return sentences(
            w.trustLine(name, level(review.start), level(review.lowest), level(review.end)),
            review.moves.length > 0
              ? w.movedMost(review.moves.slice(0, 3).map((move) => trustMoveText(move, lang)).join("; "))
              : w.nothingMoved,
            review === walker && w.fellBelow(name, level(review.end), level(review.walkAwayThreshold!)),
          );
        }),
      );
    },
  );
}

/** "retracted concessions ×2 -12 (round 3)": the total change and the round of the first. */
function trustMoveText(move: TrustMove, lang: Language): string {
  const times = move.count > 1 ? ` ×${move.count}` : "";
  return `${TRUST_REASONS[lang][move.reason]}${times} ${signedPoints(move.delta, lang, 0)} (${WORDS[lang].round(move.firstRound)})`;
}

function tip6(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const { deal, trainee } = facts;
  const outcome = (lang: Language) => outcomeSentence(facts.outcome, trainee, scenario, lang);
  if (deal) {
    const good = utilityGreater(facts.utilities[trainee], facts.batnas[trainee]);
    return item(
      6,
      good,
      (lang) => (good ? WORDS[lang].settledGood : WORDS[lang].settledBelow),
      (lang) =>
        sentences(
          outcome(lang),
          WORDS[lang].agreed(
            describePackage(scenario, deal, lang),
            formatPoints(facts.utilities[trainee], lang),
            formatPoints(facts.batnas[trainee], lang),
          ),
        ),
    );
  }
  if (!facts.nash) return item(6, true, (lang) => WORDS[lang].rightlyUnsigned, outcome);
  const settled = facts.settled.filter((option) => option >= 0).length;
  return item(6, false, (lang) => WORDS[lang].nothingAgreed(settled, facts.settled.length), outcome);
}

function tip7(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const from = facts.scripted[0].round;
  // Scripted changes apply at the start of a round, before anyone's turn: every move of that round comes after.
  const questions = facts.questions.filter((record) => record.round >= from).length;
  const offers = facts.offers.filter((offer) => offer.party === facts.trainee && offer.round >= from).length;
  const adjusted = questions + offers > 0;
  return item(
    7,
    adjusted,
    (lang) => (adjusted ? WORDS[lang].adjusted : WORDS[lang].notAdjusted),
    (lang) => sentences(...facts.scripted.map((record) => scriptedText(scenario, record, lang)), WORDS[lang].afterwards(questions, offers)),
  );
}

function scriptedText(scenario: Scenario, record: ScriptedRecord, lang: Language): string {
  const w = WORDS[lang];
  const { change } = record;
  const round = capitalise(w.round(record.round));
  const name = partyName(scenario, change.party, lang);
  let text: string;
  switch (change.kind) {
    case "batna":
      // `before` is set for BATNA and priority changes.
      text = w.batnaChanged(round, name, formatPoints(record.before!, lang), formatPoints(change.batna, lang));
      break;
    case "priority":
      text = w.weightChanged(
        round,
        issueLabel(scenario, change.issue, lang),
        name,
        formatPoints(record.before!, lang, 0),
        formatPoints(change.weight, lang, 0),
      );
      break;
    case "trust":
      text = w.trustChanged(round, name, signedPoints(change.delta, lang));
      break;
    case "note":
      text = w.note(round, name);
      break;
  }
  return `${text}${record.message ? ` (“${lineText(record.message, lang)}”)` : ""}.`;
}
