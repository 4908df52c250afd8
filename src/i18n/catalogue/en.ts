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
} satisfies Record<string, string>;

export type MessageKey = keyof typeof EN;
