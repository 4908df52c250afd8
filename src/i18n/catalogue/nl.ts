/** De Nederlandse berichtencatalogus: dezelfde sleutels en plaatshouders als en.ts. */
import type { MessageKey } from "./en.js";

export const NL: Record<MessageKey, string> = {
  // ── play: the picker, the briefing, the negotiation and debrief screens ─────────────────
  "play.pick.scenario": "Kies een scenario",

  // ── negotiation: what the table hears (questions, answers, partners' lines) ─────────────
  "negotiation.question.most-important": "Wat is voor jullie het belangrijkst?",
  "negotiation.question.issue-importance": "Hoeveel belang hechten jullie aan {issue}?",
  "negotiation.question.preferred-option": "Welke optie voor {issue} hebben jullie het liefst?",
  "negotiation.question.alternative": "Wat is jullie alternatief als we er niet uitkomen?",
  "negotiation.question.what-would-work": "Wat hebben jullie nodig om dit te laten slagen?",
  "negotiation.importance.low": "niet zo belangrijk",
  "negotiation.importance.medium": "redelijk belangrijk",
  "negotiation.importance.high": "heel belangrijk",
  "negotiation.answer.most-important": "Voor ons het belangrijkst: {issue}.",
  "negotiation.answer.issue-importance":
    "{importance, select, low {Niet zo belangrijk voor ons} medium {Redelijk belangrijk voor ons} other {Heel belangrijk voor ons}}: {issue}.",
  "negotiation.answer.preferred-option": "Onze volgorde van voorkeur voor {issue}: {ranking}.",
  "negotiation.answer.ranked": "{rank, number}) {option}",
  "negotiation.answer.alternative": "Zonder akkoord is ons alternatief zo'n {points, plural, one {# punt} other {# punten}} waard.",
  "negotiation.answer.what-would-work": "Hiermee zouden wij uit de voeten kunnen: {terms}.",
  "negotiation.answer.vague": "Dat is nu nog moeilijk te zeggen.",
  "negotiation.term": "{issue}: {option}",
  "negotiation.remark.opening": "Hiermee willen we graag beginnen.",
  "negotiation.remark.concede": "We zijn jullie tegemoetgekomen.",
  "negotiation.remark.firm": "Verder kunnen we op dit moment niet gaan.",
  "negotiation.remark.meso": "We leggen pakketten op tafel die voor ons even goed zijn: welk pakket past jullie het best?",
  "negotiation.remark.accept": "Akkoord. Hand erop.",
  "negotiation.remark.accept-term": "Op dat punt zijn we het eens.",
  "negotiation.remark.walk-away": "We hebben er geen vertrouwen meer in dat dit iets wordt. We gaan onze eigen weg.",
  "negotiation.remark.ask": "Mogen we jullie iets vragen?",
  "negotiation.remark.disclose": "We zijn graag open over wat voor ons telt.",
  "negotiation.remark.answer-truthful": "Goede vraag.",
  "negotiation.remark.answer-vague": "Dat zeggen we liever nog niet.",
  "negotiation.remark.answer-misleading": "Goede vraag.",

  // ── style: the scripted partners' styles, as the picker, the briefing and the debrief name them ──
  "style.family.win-lose": "win-verlies",
  "style.family.win-win": "win-win",
  "style.family.baseline": "referentie",
  "style.hardliner.description": "Doet nauwelijks concessies, zakt nooit onder de helft van de eigen haalbare winst en verklapt niets.",
  "style.boulware.description": "Houdt de poot stijf en geeft pas toe als de deadline nadert; verklapt niets.",
  "style.anchor-and-bluff.description": "Opent met een verlanglijst, overdrijft het eigen alternatief en misleidt over de eigen prioriteiten.",
  "style.take-it-or-leave-it.description": "Doet één vast bod, herhaalt dat elke ronde en neemt geen genoegen met minder.",
  "style.logroller.description":
    "Vraagt, luistert en ruilt: biedt uit de pakketten die voor de eigen organisatie volstaan het pakket dat het best aansluit bij wat er inmiddels over jouw belangen bekend is.",
  "style.meso.description": "Biedt twee of drie pakketten aan die voor de eigen organisatie evenveel waard zijn, en leert van het pakket dat jij kiest.",
  "style.reciprocator.description": "Voor wat hoort wat, maar welwillend: doet evenveel concessies als jij, en elke ronde een klein beetje extra.",
  "style.conceder.description": "Doet al vroeg ruime concessies en beantwoordt vragen openhartig.",
  "style.linear.description": "Ter vergelijking: zakt in een vast tempo van het beste eigen pakket naar de ondergrens.",
  "style.random.description":
    "Ter vergelijking: biedt willekeurige pakketten boven de eigen ondergrens en accepteert willekeurig, vaker naarmate het bod beter is.",

  // ── analysis: `analyze` as text ─────────────────────────────────────────────────────────
  "analysis.summary":
    "{parties, plural, one {# partij} other {# partijen}}, {issues, plural, one {# onderwerp} other {# onderwerpen}}, {outcomes} mogelijke pakketten",
  "analysis.header.party": "partij",
  "analysis.header.batna": "BATNA",
  "analysis.header.best": "beste",
  "analysis.header.naive": "naïef",
  "analysis.header.nash": "Nash",
  "analysis.issues": "Onderwerpen",
  "analysis.kind.compatible": "verenigbaar",
  "analysis.kind.integrative": "integratief",
  "analysis.kind.distributive": "distributief",
  "analysis.hint.compatible": "een gedeelde favoriet: pingel er niet over",
  "analysis.hint.integrative": "de prioriteiten verschillen: ruil het uit",
  "analysis.hint.distributive": "tegengestelde belangen: verdeel het",
  "analysis.relation": "{issue}: {kind} — {a} {aShare, number, percent}, {b} {bShare, number, percent}; {hint}",
  "analysis.relationOfPair": "{issue} ({a} × {b}): {kind} — {a} {aShare, number, percent}, {b} {bShare, number, percent}; {hint}",
  "analysis.plotHeading": "Pareto-grens: {x} horizontaal, {y} verticaal",
  "analysis.frontierSize": "{points, plural, one {# Pareto-efficiënte nutsvector} other {# Pareto-efficiënte nutsvectoren}}",
  "analysis.legend.frontier": "• grens",
  "analysis.legend.batnas": "┆┄ BATNA's",
  "analysis.marker.N": "Nash",
  "analysis.marker.K": "Kalai–Smorodinsky",
  "analysis.marker.J": "max. gezamenlijk",
  "analysis.marker.C": "naïef compromis",
  "analysis.marker.point": "{symbol} {name} {x, number, points} / {y, number, points}",
  "analysis.noAgreement": "Geen enkel pakket levert alle partijen meer op dan hun BATNA: er is geen onderhandelingsruimte.",
  "analysis.naive":
    "Naïef compromis (onderwerp voor onderwerp afpingelen): gezamenlijke winst {gain, number, points} van maximaal {max, number, points}; er blijven {left, number, points} punten ({share, number, percent}) liggen.",
  "analysis.packagesHeading": "Waardecreërende pakketten (Pareto-efficiënt, boven elke BATNA, gerangschikt op Nash-product)",
  "analysis.utility": "{party} {value, number, points}",
  "analysis.givesWay":
    "{party} doet concessies bij {issues} ({loss, number, percent} van de eigen belangen) en krijgt daarvoor de gewenste uitkomst bij {gets} ({priority, number, percent}).",
  "analysis.givesWayOnly": "{party} doet concessies bij {issues} ({loss, number, percent} van de eigen belangen).",
  "analysis.getsOnly": "{party} krijgt de gewenste uitkomst bij {gets} ({priority, number, percent} van de eigen belangen).",
  "analysis.shared": "Bij {issues} krijgt iedereen de gewenste uitkomst: een gedeeld belang.",
};
