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

  // ── debrief: the sections after a game ──────────────────────────────────────────────────
  "debrief.title.outcome": "Uitkomst",
  "debrief.title.partners": "{count, plural, one {Je partner} other {Je partners}}",
  "debrief.title.points": "Punten",
  "debrief.title.jointGain": "Gezamenlijke winst",
  "debrief.title.plot": "Pareto-plot",
  "debrief.title.issues": "Onderwerp voor onderwerp",
  "debrief.title.coaching": "Coaching aan de hand van de zeven tips",
  "debrief.outcome.agreement": "Akkoord in ronde {round, number}.",
  "debrief.outcome.youWalked": "Je stapte op in ronde {round, number}.",
  "debrief.outcome.theyWalked": "{name} stapte op in ronde {round, number}.",
  "debrief.outcome.deadline": "Geen akkoord vóór de deadline (ronde {round, number}).",
  "debrief.outcome.abandoned": "Je stopte in ronde {round, number}, voordat de onderhandeling was afgelopen.",
  "debrief.outcome.deal": "Het akkoord: {package}",
  "debrief.outcome.forYou":
    "Voor jou: {value, number, points} punten tegenover je BATNA van {batna, number, points} ({difference, number, signed}).",
  "debrief.outcome.keepBatna": "Zonder akkoord houd je je BATNA: {batna, number, points} punten.",
  "debrief.outcome.settledTerms": "Al vastgelegd toen de onderhandeling eindigde: {terms}",
  "debrief.partner.style":
    "{name} onderhandelde als {style} ({family}): {surprise, select, yes {een verrassing, pas nu onthuld} other {de stijl die je koos}}.",
  "debrief.partner.person": "{name}: gespeeld door een deelnemer.",
  "debrief.points.party": "partij",
  "debrief.points.batna": "BATNA",
  "debrief.points.deal": "akkoord",
  "debrief.points.gain": "winst",
  "debrief.points.you": "{name} (jij)",
  "debrief.jointGain.share":
    "Gezamenlijke winst (wat het akkoord alle partijen samen boven hun BATNA oplevert): {gain, number, points} van maximaal {max, number, points} ({share, number, percent}).",
  "debrief.jointGain.noZone": "Geen enkel pakket leverde alle partijen meer op dan hun BATNA: er viel geen gezamenlijke winst te behalen.",
  "debrief.jointGain.left": "{left, plural, =0 {Er bleef niets liggen.} other {Jullie lieten samen {left, number, points} punten liggen.}}",
  "debrief.jointGain.allLeft": "Geen akkoord: de volledige gezamenlijke winst van {max, number, points} punten die mogelijk was, bleef liggen.",
  "debrief.jointGain.naive":
    "Ter vergelijking: onderwerp voor onderwerp afpingelen (het naïeve compromis) levert een gezamenlijke winst van {gain, number, points} op.",
  "debrief.plot.axes": "Jij ({x}) horizontaal, {y} verticaal",
  "debrief.plot.legend.frontier": "• grens",
  "debrief.plot.legend.N": "N Nash",
  "debrief.plot.legend.C": "C naïef compromis",
  "debrief.plot.legend.D": "D akkoord",
  "debrief.plot.legend.y": "y jouw biedingen",
  "debrief.plot.legend.p": "p hun biedingen",
  "debrief.plot.legend.batnas": "┆┄ BATNA's",
  "debrief.plot.point": "{marker} {x, number, points} / {y, number, points}",
  "debrief.issue.withPartner": "Met {name}:",
  "debrief.issue.line": "{issue} — {kind} (jij {yours, number, percent}, {name} {theirs, number, percent}): {detail}",
  "debrief.issue.dealOption": "{option} — {verdict}",
  "debrief.issue.kept": "{parties, plural, =2 {behouden: jullie wilden dit allebei} other {behouden: jij en {name} wilden hetzelfde}}",
  "debrief.issue.lost": "{parties, plural, =2 {verloren; jullie hebben allebei liever: {option}} other {verloren; jij en {name} hebben liever: {option}}}",
  "debrief.issue.tradedYours": "goed geruild: je kreeg je zin waar het voor jou zwaarder weegt",
  "debrief.issue.tradedTheirs": "goed geruild: je gaf mee waar het voor hen zwaarder weegt",
  "debrief.issue.missedYours": "gemist: het weegt voor jou zwaarder, maar je kreeg je zin niet",
  "debrief.issue.missedTheirs": "gemist: het weegt voor hen zwaarder; hier meegeven levert elders meer op",
  "debrief.issue.yourWay": "je kreeg je zin",
  "debrief.issue.theirWay": "in het voordeel van {name}",
  "debrief.issue.neitherWay": "een middenweg: niemand kreeg de eigen favoriet",
  "debrief.issue.whoGaveWay": "Wie deed waar concessies:",
  "debrief.tip.1": "Denk niet in termen van winnen of verliezen",
  "debrief.tip.2": "Stel de juiste vragen",
  "debrief.tip.3": "Zorg voor gedeelde ambities",
  "debrief.tip.4": "Vind gemeenschappelijke belangen",
  "debrief.tip.5": "Is er een klik?",
  "debrief.tip.6": "Maak duidelijke afspraken",
  "debrief.tip.7": "Werk aan de samenwerking",
  "debrief.coaching.heading": "Tip {tip, number} · {title} — {verdict, select, good {goed} other {kan beter}}",
  "debrief.coaching.evidence": "Uit dit spel: {text}",
  // Tip 1
  "debrief.coaching.valueForAll":
    "Het akkoord levert alle partijen meer op dan hun alternatief: jullie creëerden samen waarde in plaats van die van elkaar af te pakken.",
  "debrief.coaching.belowYourBatna":
    "Je ging akkoord met minder dan je alternatief: een samenwerking moet meer opleveren dan de autonomie die ze je kost.",
  "debrief.coaching.winLose":
    "Een win-verliesakkoord: {count, plural, one {{names} staat er slechter voor dan zonder akkoord} other {{names} staan er slechter voor dan zonder akkoord}}, en zo'n samenwerking houdt geen stand.",
  "debrief.coaching.noDealDespite":
    "Geen akkoord, terwijl er pakketten waren die alle partijen meer opleverden dan hun alternatief: de waarde van de samenwerking bleef liggen.",
  "debrief.coaching.noZone":
    "Geen enkel pakket leverde alle partijen meer op dan hun alternatief, dus was geen akkoord hier de juiste uitkomst: je forceerde geen win-verliesakkoord.",
  "debrief.coaching.gains": "Winst ten opzichte van de BATNA: {gains}.",
  "debrief.coaching.gainOfYou": "jij {gain, number, signed}",
  "debrief.coaching.gainOf": "{name} {gain, number, signed}",
  "debrief.coaching.dealVsBatna":
    "Het akkoord geeft je {value, number, points} punten; zonder akkoord had je {batna, number, points} ({difference, number, signed}).",
  "debrief.coaching.forExample": "Met het Nash-pakket ({package}) was het bijvoorbeeld zo uitgekomen: {values}.",
  "debrief.coaching.valueOfYou": "jij {value, number, points} (BATNA {batna, number, points})",
  "debrief.coaching.valueOf": "{name} {value, number, points} (BATNA {batna, number, points})",
  // Tip 2
  "debrief.coaching.noQuestions":
    "Je stelde geen vragen: je onderhandelde zonder te ontdekken wat voor {partners, plural, one {de ander} other {de anderen}} telt. Begin met een vragenronde.",
  "debrief.coaching.asked":
    "Je stelde {count, plural, one {# vraag} other {# vragen}} om te ontdekken wat voor {partners, plural, one {de ander} other {de anderen}} telt: het begin van een win-winproces.",
  "debrief.coaching.askFirst": "Stel je vragen de volgende keer vóór je eerste bod.",
  "debrief.coaching.questionsNone": "Vragen die je stelde: geen.",
  "debrief.coaching.questionList": "Vragen die je stelde: {questions}.",
  "debrief.coaching.question": "“{question}” (ronde {round, number}): {status}",
  "debrief.coaching.questionTo": "“{question}” (ronde {round, number}, aan {name}): {status}",
  "debrief.coaching.answer.truthful": "eerlijk beantwoord",
  "debrief.coaching.answer.vague": "ontweken",
  "debrief.coaching.answer.misleading": "misleidend beantwoord met “{answer}” (nu onthuld)",
  "debrief.coaching.answer.none": "niet beantwoord",
  // Tip 3
  "debrief.coaching.explored":
    "Je ging na wat iedereen aan tafel nodig heeft om de samenwerking te laten slagen: de voedingsbodem voor een gedeelde ambitie.",
  "debrief.coaching.notExplored":
    "In dit scenario ligt een gedeelde ambitie klaar, maar je verkende die niet: vraag “{question}” en vertel wat voor jou telt.",
  "debrief.coaching.askedWhatWorks": "Je vroeg “{question}” (ronde {round, number}).",
  "debrief.coaching.disclosed": "Je vertelde dat je dit {importance} vindt: {issue} (ronde {round, number}).",
  "debrief.coaching.neither":
    "Je vroeg niet wat {partners, plural, one {de ander nodig heeft} other {de anderen nodig hebben}} en vertelde niet wat voor jou telt.",
  "debrief.coaching.ambition": "Gedeelde ambitie: “{text}”",
  // Tip 4
  "debrief.coaching.packagesGood":
    "Je onderhandelde in pakketten, hield vast aan wat jullie gemeen hebben en ruilde onderwerpen uit naar wat voor wie het zwaarst weegt: zo ontstaat wederzijdse winst.",
  "debrief.coaching.packagesNoDeal":
    "Je deed pakketbiedingen in plaats van per voorwaarde af te pingelen: zo kun je onderwerpen tegen elkaar uitruilen.",
  "debrief.coaching.haggled":
    "Je pingelde per voorwaarde af: stel hele pakketten samen (of meerdere tegelijk, MESO), zodat je onderwerpen tegen elkaar kunt uitruilen.",
  "debrief.coaching.noPackage": "Je deed zelf geen pakketbod: stel pakketten samen die elke partij iets opleveren.",
  "debrief.coaching.lostCompatible":
    "{parties, plural, =2 {Het akkoord offert een onderwerp op waarover jullie allebei hetzelfde willen} other {Het akkoord offert een onderwerp op waarover jij en een van de anderen hetzelfde willen}}: dat kost waarde zonder dat iemand er beter van wordt.",
  "debrief.coaching.missedTrades":
    "Ruil onderwerpen uit op basis van prioriteit: zet door waar het voor jou het zwaarst weegt en geef mee waar het voor de ander het zwaarst weegt.",
  "debrief.coaching.noOffers": "Je deed zelf geen enkel bod.",
  "debrief.coaching.offerCounts":
    "Je deed {packages, plural, =0 {geen pakketbiedingen} one {# pakketbod} other {# pakketbiedingen}}, {meso, plural, =0 {geen MESO-biedingen} one {# MESO-bod} other {# MESO-biedingen}} en {terms, plural, =0 {geen biedingen op losse voorwaarden} one {# bod op een losse voorwaarde} other {# biedingen op losse voorwaarden}}.",
  "debrief.coaching.tradesMade": "Goed uitgeruild: {issues}.",
  "debrief.coaching.tradesMissed": "Kansen om uit te ruilen die je liet liggen: {issues}.",
  "debrief.coaching.compatibleLost": "Verenigbare onderwerpen die verloren gingen: {issues}.",
  "debrief.coaching.compatibleKept": "Verenigbare onderwerpen die behouden bleven: {issues}.",
  "debrief.coaching.compatibleOpen": "Verenigbare onderwerpen, om in elk pakket vast te houden: {issues}.",
  "debrief.coaching.issueWith": "{issue} met {name}",
  "debrief.coaching.sharedFavourite": "{issue} (jullie hebben allebei het liefst: {option})",
  "debrief.coaching.sharedFavouriteWith": "{issue} met {name} (jullie gedeelde favoriet: {option})",
  "debrief.coaching.wentTo": "{issue} (voor {name})",
  "debrief.coaching.wentToYou": "{issue} (voor jou)",
  // Tip 5
  "debrief.coaching.trustHeld": "Het vertrouwen bleef of groeide: er was een klik om op voort te bouwen.",
  "debrief.coaching.trustFell":
    "Het vertrouwen daalde: zonder klik houdt een samenwerking geen stand. Stel vragen, antwoord eerlijk en beantwoord een concessie met een concessie; vermijd extreme ankers, teruggedraaide concessies en bluf.",
  "debrief.coaching.walkedAway": "{name} stapte op: het vertrouwen in jou was weg, en zonder klik geen samenwerking.",
  "debrief.coaching.trustLine":
    "Het vertrouwen van {name} in jou: {start, number, whole} aan het begin, op het laagst {lowest, number, whole}, aan het eind {end, number, whole}.",
  "debrief.coaching.movedMost": "Wat het vertrouwen het meest veranderde: {moves}.",
  "debrief.coaching.trustMove": "{reason}{count, plural, one {} other { ×#}} {delta, number, signedWhole} (ronde {round, number})",
  "debrief.coaching.nothingMoved": "Niets aan tafel veranderde het.",
  "debrief.coaching.fellBelow": "Het vertrouwen zakte naar {end, number, whole}, onder {threshold, number, whole}: de grens waarop {name} opstapt.",
  "debrief.trust.question-asked": "je vragen",
  "debrief.trust.truthful-answer": "je eerlijke antwoorden",
  "debrief.trust.vague-answer": "je ontwijkende antwoorden",
  "debrief.trust.truthful-disclosure": "je openheid over wat voor jou telt",
  "debrief.trust.concession": "je concessies",
  "debrief.trust.reciprocated-concession": "je concessies als antwoord op die van hen",
  "debrief.trust.retracted-concession": "teruggedraaide concessies",
  "debrief.trust.extreme-anchor": "een extreem openingsbod (anker)",
  "debrief.trust.below-batna": "biedingen onder hun BATNA",
  "debrief.trust.misleading-found-out": "een doorziene bluf van jou",
  "debrief.trust.scripted": "ontwikkelingen buiten de onderhandeling",
  // Tip 6
  "debrief.coaching.settledGood":
    "Elke voorwaarde ligt vast en het akkoord is meer waard dan je alternatief: een duidelijke afspraak die zichzelf terugverdient.",
  "debrief.coaching.settledBelow":
    "Elke voorwaarde ligt vast, maar het akkoord kost je meer dan het oplevert: weeg de kosten en baten van een pakket af voordat je het accepteert.",
  "debrief.coaching.nothingAgreed":
    "Er kwam geen akkoord ({settled, plural, =0 {van de {issues, number} voorwaarden lag er aan het eind nog geen enkele vast} one {aan het eind lag # van de {issues, number} voorwaarden vast} other {aan het eind lagen # van de {issues, number} voorwaarden vast}}), terwijl een akkoord dat goed was voor alle partijen binnen bereik lag.",
  "debrief.coaching.rightlyUnsigned":
    "Er was geen pakket dat alle partijen meer opleverde dan hun alternatief, dus niet tekenen was de juiste keuze.",
  "debrief.coaching.agreed": "Afgesproken: {package}. Je krijgt {value, number, points} punten tegenover een BATNA van {batna, number, points}.",
  // Tip 7
  "debrief.coaching.adjusted":
    "De samenwerking veranderde tijdens het spel en je stuurde bij: na de verandering stelde je opnieuw vragen of deed je een nieuw bod.",
  "debrief.coaching.notAdjusted":
    "De samenwerking veranderde tijdens het spel, maar je heroverwoog je aanpak niet: stel na een verandering opnieuw vragen en herzie je pakketten.",
  "debrief.coaching.afterwards":
    "Na de verandering stelde je {questions, plural, =0 {geen vragen} one {# vraag} other {# vragen}} en deed je {offers, plural, =0 {geen bod} one {# bod} other {# biedingen}}.",
  "debrief.scripted.batna": "Ronde {round, number}: de BATNA van {name} veranderde van {before, number, points} naar {after, number, points}",
  "debrief.scripted.priority":
    "Ronde {round, number}: het gewicht van {issue} voor {name} veranderde van {before, number, whole} naar {after, number, whole}",
  "debrief.scripted.trust": "Ronde {round, number}: het vertrouwen van {name} in jou veranderde met {delta, number, signed}",
  "debrief.scripted.note": "Ronde {round, number}: nieuws van {name}",
  "debrief.scripted.plain": "{change}.",
  "debrief.scripted.said": "{change} (“{line}”).",

  // ── batch: the summary of a batch run (English only: batch has no language option) ──────
  "batch.header.rank": "plaats",
  "batch.header.strategy": "strategie",
  "batch.header.scenario": "scenario",
  "batch.header.pairing": "koppel",
  "batch.header.ownUtility": "eigen nut",
  "batch.header.share": "aandeel gezamenlijke winst",
  "batch.header.utilityPerSeat": "nut per rol",
  "batch.header.agreement": "akkoord",
  "batch.header.jointUtility": "gezamenlijk nut",
  "batch.header.rounds": "rondes",
  "batch.header.negotiations": "onderhandelingen",
  "batch.versus": "{a} tegen {b}",
  "batch.title.strategies":
    "Strategieën, de beste eerst op gemiddeld eigen nut ({count, plural, one {# onderhandeling} other {# onderhandelingen}}):",
  "batch.title.pairings": "Koppels, de beste eerst op aandeel in de maximale gezamenlijke winst:",
  "batch.note.interval": "gemiddelde ± halve breedte van het 95%-betrouwbaarheidsinterval; akkoord [Wilson-interval]",
  "batch.note.share": "aandeel gezamenlijke winst: van de maximale gezamenlijke winst die het scenario toelaat",
  "batch.note.seats": "nut per rol: in de volgorde van de partijen in het scenario",
};
