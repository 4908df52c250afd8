/**
 * The English message catalogue, the reference: nl.ts has exactly the same keys and
 * placeholders (a test checks it). Messages are ICU MessageFormat; the number formats
 * (points, whole, signed, signedWhole, percent) are described in ../translate.ts.
 * Keys are grouped by where the text is shown.
 */
export const EN = {
  // ── play: the picker, the briefing, the negotiation and debrief screens ─────────────────
  "play.pick.scenario": "Pick a scenario",

  // ── negotiation: what the table hears (questions, answers, partners' lines) ─────────────
  "negotiation.question.most-important": "What matters most to you?",
  "negotiation.question.issue-importance": "How much do you care about {issue}?",
  "negotiation.question.preferred-option": "Which option for {issue} do you prefer?",
  "negotiation.question.alternative": "What is your alternative if we don't agree?",
  "negotiation.question.what-would-work": "What would make this work for you?",
  "negotiation.importance.low": "not very important",
  "negotiation.importance.medium": "fairly important",
  "negotiation.importance.high": "very important",
  // The label comes last, after a colon, so that its grammatical number does not matter.
  "negotiation.answer.most-important": "Most important to us: {issue}.",
  "negotiation.answer.issue-importance":
    "{importance, select, low {Not very important to us} medium {Fairly important to us} other {Very important to us}}: {issue}.",
  "negotiation.answer.preferred-option": "Our order of preference for {issue}: {ranking}.",
  "negotiation.answer.ranked": "{rank, number}) {option}",
  "negotiation.answer.alternative": "Without a deal, our alternative is worth about {points, plural, one {# point} other {# points}} to us.",
  "negotiation.answer.what-would-work": "This would work for us: {terms}.",
  "negotiation.answer.vague": "Hard to say at this stage.",
  "negotiation.term": "{issue}: {option}",
  "negotiation.remark.opening": "Here is where we would like to start.",
  "negotiation.remark.concede": "We have moved towards you.",
  "negotiation.remark.firm": "This is as far as we can go for now.",
  "negotiation.remark.meso": "Here are packages that are equally good for us: which suits you best?",
  "negotiation.remark.accept": "Agreed. Let's shake on it.",
  "negotiation.remark.accept-term": "Agreed on that point.",
  "negotiation.remark.walk-away": "We no longer trust this will work. We'll go our own way.",
  "negotiation.remark.ask": "May we ask you something?",
  "negotiation.remark.disclose": "Let us be open about what matters to us.",
  "negotiation.remark.answer-truthful": "Fair question.",
  "negotiation.remark.answer-vague": "We'd rather not say yet.",
  "negotiation.remark.answer-misleading": "Fair question.",

  // ── style: the scripted partners' styles, as the picker, the briefing and the debrief name them ──
  "style.family.win-lose": "win-lose",
  "style.family.win-win": "win-win",
  "style.family.baseline": "baseline",
  "style.hardliner.description": "Hardly concedes and never goes below half of what it stands to gain; reveals nothing.",
  "style.boulware.description": "Holds out and concedes only as the deadline nears; reveals nothing.",
  "style.anchor-and-bluff.description": "Opens with its wish list, overstates its alternative and misleads about its priorities.",
  "style.take-it-or-leave-it.description": "Makes one firm offer, repeats it every round and accepts nothing less.",
  "style.logroller.description":
    "Asks, listens and trades: of the packages good enough for itself, it offers the one that best fits your interests as far as it has learnt them.",
  "style.meso.description": "Offers two or three packages of equal value to itself and learns from the one you pick.",
  "style.reciprocator.description": "Nice tit-for-tat: concedes as much as you do, with a little goodwill each round.",
  "style.conceder.description": "Concedes early and generously, and answers questions openly.",
  "style.linear.description": "For comparison: concedes at a steady pace from its best package down to its lower limit.",
  "style.random.description":
    "For comparison: offers random packages above its lower limit and accepts at random, the more often the better the offer.",

  // ── analysis: `analyze` as text ─────────────────────────────────────────────────────────
  "analysis.summary":
    "{parties, plural, one {# party} other {# parties}}, {issues, plural, one {# issue} other {# issues}}, {outcomes} possible packages",
  "analysis.header.party": "party",
  "analysis.header.batna": "BATNA",
  "analysis.header.best": "best",
  "analysis.header.naive": "naive",
  "analysis.header.nash": "Nash",
  "analysis.issues": "Issues",
  "analysis.kind.compatible": "compatible",
  "analysis.kind.integrative": "integrative",
  "analysis.kind.distributive": "distributive",
  "analysis.hint.compatible": "a shared favourite: don't haggle over it",
  "analysis.hint.integrative": "priorities differ: trade it",
  "analysis.hint.distributive": "a real divide: share it",
  "analysis.relation": "{issue}: {kind} — {a} {aShare, number, percent}, {b} {bShare, number, percent}; {hint}",
  "analysis.relationOfPair": "{issue} ({a} × {b}): {kind} — {a} {aShare, number, percent}, {b} {bShare, number, percent}; {hint}",
  "analysis.plotHeading": "Pareto frontier: {x} across, {y} up",
  "analysis.frontierSize": "{points, plural, one {# Pareto-efficient utility vector} other {# Pareto-efficient utility vectors}}",
  "analysis.legend.frontier": "• frontier",
  "analysis.legend.batnas": "┆┄ BATNAs",
  "analysis.marker.N": "Nash",
  "analysis.marker.K": "Kalai–Smorodinsky",
  "analysis.marker.J": "max joint",
  "analysis.marker.C": "naive compromise",
  "analysis.marker.point": "{symbol} {name} {x, number, points} / {y, number, points}",
  "analysis.noAgreement": "No package gives every party more than its BATNA: there is no zone of agreement.",
  "analysis.naive":
    "Naive compromise (haggling issue by issue): joint gain {gain, number, points} of a possible {max, number, points}; {left, number, points} points ({share, number, percent}) left on the table.",
  "analysis.packagesHeading": "Value-creating packages (Pareto-efficient, above every BATNA, by Nash product)",
  "analysis.utility": "{party} {value, number, points}",
  "analysis.givesWay": "{party} gives way on {issues} ({loss, number, percent} of its stakes) and gets its way on {gets} ({priority, number, percent}).",
  "analysis.givesWayOnly": "{party} gives way on {issues} ({loss, number, percent} of its stakes).",
  "analysis.getsOnly": "{party} gets its way on {gets} ({priority, number, percent} of its stakes).",
  "analysis.shared": "Everyone gets their way on {issues}: a shared interest.",

  // ── debrief: the sections after a game ──────────────────────────────────────────────────
  "debrief.title.outcome": "Outcome",
  "debrief.title.partners": "{count, plural, one {Your partner} other {Your partners}}",
  "debrief.title.points": "Points",
  "debrief.title.jointGain": "Joint gain",
  "debrief.title.plot": "Pareto plot",
  "debrief.title.issues": "Issue by issue",
  "debrief.title.coaching": "Coaching along the seven tips",
  "debrief.outcome.agreement": "Agreement in round {round, number}.",
  "debrief.outcome.youWalked": "You walked away in round {round, number}.",
  "debrief.outcome.theyWalked": "{name} walked away in round {round, number}.",
  "debrief.outcome.deadline": "No agreement by the deadline (round {round, number}).",
  "debrief.outcome.abandoned": "You stopped in round {round, number}, before the end.",
  "debrief.outcome.deal": "The deal: {package}",
  "debrief.outcome.forYou":
    "For you: {value, number, points} points against your BATNA of {batna, number, points} ({difference, number, signed}).",
  "debrief.outcome.keepBatna": "Without a deal you keep your BATNA: {batna, number, points} points.",
  "debrief.outcome.settledTerms": "Terms settled when it ended: {terms}",
  "debrief.partner.style":
    "{name} plays {style} ({family}), {surprise, select, yes {a surprise, revealed now} other {the style you chose}}.",
  "debrief.partner.person": "{name}: played by a person.",
  "debrief.points.party": "party",
  "debrief.points.batna": "BATNA",
  "debrief.points.deal": "deal",
  "debrief.points.gain": "gain",
  "debrief.points.you": "{name} (you)",
  "debrief.jointGain.share":
    "Joint gain (what the deal gives the parties together above their BATNAs): {gain, number, points} of a possible {max, number, points} ({share, number, percent}).",
  "debrief.jointGain.noZone": "No package gave every party more than its BATNA: there was no joint gain to make.",
  "debrief.jointGain.left": "{left, plural, =0 {Nothing was left on the table.} other {Left on the table: {left, number, points} points.}}",
  "debrief.jointGain.allLeft": "No deal: the whole possible joint gain of {max, number, points} points was left on the table.",
  "debrief.jointGain.naive":
    "For comparison, haggling issue by issue (the naive compromise) gives a joint gain of {gain, number, points}.",
  "debrief.plot.axes": "You ({x}) across, {y} up",
  "debrief.plot.legend.frontier": "• frontier",
  "debrief.plot.legend.N": "N Nash",
  "debrief.plot.legend.C": "C naive compromise",
  "debrief.plot.legend.D": "D deal",
  "debrief.plot.legend.y": "y your offers",
  "debrief.plot.legend.p": "p their offers",
  "debrief.plot.legend.batnas": "┆┄ BATNAs",
  "debrief.plot.point": "{marker} {x, number, points} / {y, number, points}",
  "debrief.issue.withPartner": "With {name}:",
  "debrief.issue.line": "{issue} — {kind} (you {yours, number, percent}, {name} {theirs, number, percent}): {detail}",
  "debrief.issue.dealOption": "{option} — {verdict}",
  // Two parties: "you both"; three or more: the issue is reviewed per partner, who is named.
  "debrief.issue.kept": "{parties, plural, =2 {kept: you both wanted this} other {kept: you and {name} wanted the same}}",
  "debrief.issue.lost": "{parties, plural, =2 {lost; you both prefer: {option}} other {lost; you and {name} prefer: {option}}}",
  "debrief.issue.tradedYours": "traded well: you got your way where it matters more to you",
  "debrief.issue.tradedTheirs": "traded well: you gave way where it matters more to them",
  "debrief.issue.missedYours": "missed: it matters more to you, yet you did not get your way",
  "debrief.issue.missedTheirs": "missed: it matters more to them; giving way here buys more elsewhere",
  "debrief.issue.yourWay": "you got your way",
  "debrief.issue.theirWay": "{name} got its way",
  "debrief.issue.neitherWay": "shared: neither of you got your favourite",
  "debrief.issue.whoGaveWay": "Who gave way where:",
  "debrief.tip.1": "Don't think in terms of winning or losing",
  "debrief.tip.2": "Ask the right questions",
  "debrief.tip.3": "Build a shared ambition",
  "debrief.tip.4": "Find common interests",
  "debrief.tip.5": "Is there a click?",
  "debrief.tip.6": "Make clear agreements",
  "debrief.tip.7": "Work on the partnership",
  "debrief.coaching.heading": "Tip {tip, number} · {title} — {verdict, select, good {good} other {to improve}}",
  "debrief.coaching.evidence": "From this game: {text}",
  // Tip 1
  "debrief.coaching.valueForAll":
    "The deal leaves every party better off than its alternative: you created value together instead of winning it from each other.",
  "debrief.coaching.belowYourBatna":
    "You agreed to less than your alternative: a partnership must return more than the autonomy it costs you.",
  "debrief.coaching.winLose":
    "A win-lose deal: {count, plural, one {{names} ends up below its alternative} other {{names} end up below their alternatives}}, and such a partnership does not last.",
  "debrief.coaching.noDealDespite":
    "No deal, although packages existed that beat every party's alternative: the value of the partnership stayed on the table.",
  "debrief.coaching.noZone":
    "No package beat every party's alternative, so no deal was the right outcome: you did not force a win-lose agreement.",
  "debrief.coaching.gains": "Gains over the BATNAs: {gains}.",
  "debrief.coaching.gainOfYou": "you {gain, number, signed}",
  "debrief.coaching.gainOf": "{name} {gain, number, signed}",
  "debrief.coaching.dealVsBatna":
    "The deal gives you {value, number, points} points; without it you had {batna, number, points} ({difference, number, signed}).",
  "debrief.coaching.forExample": "For example the Nash package ({package}) gives {values}.",
  "debrief.coaching.valueOfYou": "you {value, number, points} (BATNA {batna, number, points})",
  "debrief.coaching.valueOf": "{name} {value, number, points} (BATNA {batna, number, points})",
  // Tip 2
  "debrief.coaching.noQuestions":
    "You asked no questions: you negotiated without learning what matters to {partners, plural, one {the other side} other {the others}}. Start with a round of questions.",
  "debrief.coaching.asked":
    "You asked {count, plural, one {# question} other {# questions}} to learn what matters to {partners, plural, one {the other side} other {the others}}: the start of a win-win process.",
  "debrief.coaching.askFirst": "Next time, ask before you make your first offer.",
  "debrief.coaching.questionsNone": "Questions you asked: none.",
  "debrief.coaching.questionList": "Questions you asked: {questions}.",
  "debrief.coaching.question": "“{question}” (round {round, number}): {status}",
  "debrief.coaching.questionTo": "“{question}” (round {round, number}, to {name}): {status}",
  "debrief.coaching.answer.truthful": "answered truthfully",
  "debrief.coaching.answer.vague": "dodged",
  "debrief.coaching.answer.misleading": "answered misleadingly, “{answer}” (revealed now)",
  "debrief.coaching.answer.none": "not answered",
  // Tip 3
  "debrief.coaching.explored":
    "You explored what would make the partnership work for everyone at the table: the ground a shared ambition grows on.",
  "debrief.coaching.notExplored":
    "The scenario holds a shared ambition, but you did not explore it: ask “{question}” and say what matters to you.",
  "debrief.coaching.askedWhatWorks": "You asked “{question}” (round {round, number}).",
  "debrief.coaching.disclosed": "You told them this is {importance} to you: {issue} (round {round, number}).",
  "debrief.coaching.neither":
    "You neither asked what {partners, plural, one {the other side needs} other {the others need}} nor told them what matters to you.",
  "debrief.coaching.ambition": "Shared ambition: “{text}”",
  // Tip 4
  "debrief.coaching.packagesGood":
    "You negotiated in packages, kept the common ground and traded issues by priority: that is how mutual gains are made.",
  "debrief.coaching.packagesNoDeal": "You made package offers rather than haggling term by term: that is how issues can be traded.",
  "debrief.coaching.haggled":
    "You haggled term by term: compose whole packages (or several at once, MESO) so that issues can be traded.",
  "debrief.coaching.noPackage": "You made no package offer of your own: compose packages that add value for every party.",
  "debrief.coaching.lostCompatible":
    "{parties, plural, =2 {The deal gives up an issue on which you both want the same} other {The deal gives up an issue on which you and a partner want the same}}: that loses value for nobody's gain.",
  "debrief.coaching.missedTrades":
    "Trade issues by priority: get your way where it matters most to you, give way where it matters most to them.",
  "debrief.coaching.noOffers": "You made no offers of your own.",
  "debrief.coaching.offerCounts":
    "You made {packages, plural, =0 {no package offers} one {# package offer} other {# package offers}}, {meso, plural, =0 {no MESO offers} one {# MESO offer} other {# MESO offers}} and {terms, plural, =0 {no single-term offers} one {# single-term offer} other {# single-term offers}}.",
  "debrief.coaching.tradesMade": "Trades made: {issues}.",
  "debrief.coaching.tradesMissed": "Trades missed: {issues}.",
  "debrief.coaching.compatibleLost": "Compatible issues lost: {issues}.",
  "debrief.coaching.compatibleKept": "Compatible issues kept: {issues}.",
  "debrief.coaching.compatibleOpen": "Compatible issues, to keep in every package: {issues}.",
  "debrief.coaching.issueWith": "{issue} with {name}",
  "debrief.coaching.sharedFavourite": "{issue} (you both prefer: {option})",
  "debrief.coaching.sharedFavouriteWith": "{issue} with {name} (your shared favourite: {option})",
  "debrief.coaching.wentTo": "{issue} (to {name})",
  "debrief.coaching.wentToYou": "{issue} (to you)",
  // Tip 5
  "debrief.coaching.trustHeld": "Trust held or grew: there was a click to build on.",
  "debrief.coaching.trustFell":
    "Trust fell: without a click a partnership does not last. Ask, answer honestly and return concessions; avoid extreme anchors, retracted concessions and bluffs.",
  "debrief.coaching.walkedAway": "{name} walked away because it no longer trusted you: without a click there is no partnership.",
  "debrief.coaching.trustLine":
    "How much {name} trusted you: {start, number, whole} at the start, {lowest, number, whole} at the lowest, {end, number, whole} at the end.",
  "debrief.coaching.movedMost": "What moved it most: {moves}.",
  "debrief.coaching.trustMove": "{reason}{count, plural, one {} other { ×#}} {delta, number, signedWhole} (round {round, number})",
  "debrief.coaching.nothingMoved": "Nothing at the table moved it.",
  "debrief.coaching.fellBelow": "Trust fell to {end, number, whole}, below {threshold, number, whole}: the level at which {name} walks away.",
  "debrief.trust.question-asked": "your questions",
  "debrief.trust.truthful-answer": "your truthful answers",
  "debrief.trust.vague-answer": "your dodged answers",
  "debrief.trust.truthful-disclosure": "telling them what matters to you",
  "debrief.trust.concession": "your concessions",
  "debrief.trust.reciprocated-concession": "concessions that answered theirs",
  "debrief.trust.retracted-concession": "retracted concessions",
  "debrief.trust.extreme-anchor": "an extreme first offer (anchor)",
  "debrief.trust.below-batna": "offers below their BATNA",
  "debrief.trust.misleading-found-out": "a bluff of yours found out",
  "debrief.trust.scripted": "events away from the table",
  // Tip 6
  "debrief.coaching.settledGood":
    "Every term is settled and the deal is worth more to you than your alternative: a clear agreement that pays for what it costs.",
  "debrief.coaching.settledBelow":
    "Every term is settled, but the agreement costs you more than it brings: weigh the costs and benefits of a package before you accept it.",
  "debrief.coaching.nothingAgreed":
    "No deal was reached ({settled, plural, =0 {none of the {issues, number} terms was settled} one {# of the {issues, number} terms was settled} other {# of the {issues, number} terms were settled}} when it ended), although a deal good for every party was within reach.",
  "debrief.coaching.rightlyUnsigned": "With no package beating every alternative, not signing was the clear choice.",
  "debrief.coaching.agreed": "Agreed: {package}. You get {value, number, points} points against a BATNA of {batna, number, points}.",
  // Tip 7
  "debrief.coaching.adjusted": "The partnership changed during the game and you adjusted: after the change you asked or offered anew.",
  "debrief.coaching.notAdjusted":
    "The partnership changed during the game, but you did not re-evaluate: after a change, ask again and revise your packages.",
  "debrief.coaching.afterwards":
    "After the change you asked {questions, plural, =0 {no questions} one {# question} other {# questions}} and made {offers, plural, =0 {no offers} one {# offer} other {# offers}}.",
  "debrief.scripted.batna": "Round {round, number}: the BATNA of {name} changed from {before, number, points} to {after, number, points}",
  "debrief.scripted.priority":
    "Round {round, number}: the weight of {issue} for {name} changed from {before, number, whole} to {after, number, whole}",
  "debrief.scripted.trust": "Round {round, number}: the trust {name} has in you changed by {delta, number, signed}",
  "debrief.scripted.note": "Round {round, number}: news from {name}",
  "debrief.scripted.plain": "{change}.",
  "debrief.scripted.said": "{change} (“{line}”).",

  // ── batch: the summary of a batch run (English only: batch has no language option) ──────
  "batch.header.rank": "rank",
  "batch.header.strategy": "strategy",
  "batch.header.scenario": "scenario",
  "batch.header.pairing": "pairing",
  "batch.header.ownUtility": "own utility",
  "batch.header.share": "joint-gain share",
  "batch.header.utilityPerSeat": "utility per seat",
  "batch.header.agreement": "agreement",
  "batch.header.jointUtility": "joint utility",
  "batch.header.rounds": "rounds",
  "batch.header.negotiations": "negotiations",
  "batch.versus": "{a} vs {b}",
  "batch.title.strategies": "Strategies, best first by mean own utility ({count, plural, one {# negotiation} other {# negotiations}}):",
  "batch.title.pairings": "Pairings, best first by share of the maximal joint gain:",
  "batch.note.interval": "mean ± half-width of its 95% confidence interval; agreement [Wilson interval]",
  "batch.note.share": "joint-gain share: of the maximal joint gain the scenario allows",
  "batch.note.seats": "utility per seat: in the order of the scenario's parties",
} satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
