/**
 * Coaching along Kaats & Opheij's seven tips, each with a verdict and evidence from this
 * game. The items are content: message references with their parameters (party, issue and
 * option indices, numbers), worded in the reader's language by debrief-wording.ts. Tip 3 is
 * coached only when the scenario has a shared ambition, tip 7 only when scripted events happened.
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
import type { Scenario } from "../scenario/schema.js";
import type { CoachingItem, DebriefFacts, IssueReview, MessageArg, MessageRef, QuestionRecord, ScriptedRecord, Tip, TrustMove } from "./debrief.js";
import { commonFavourite } from "./debrief-issues.js";
import { jointGainMessage, message, outcomeMessage } from "./debrief-wording.js";

/** Sentences, the ones not called for (false or null) left out. */
function sentences(...parts: (MessageRef | null | false)[]): MessageRef[] {
  return parts.filter((part): part is MessageRef => Boolean(part));
}

function item(tip: Tip, good: boolean, text: MessageRef[], evidence: MessageRef[]): CoachingItem {
  return { tip, verdict: good ? "good" : "improve", text, evidence };
}

export function coach(facts: DebriefFacts, scenario: Scenario): CoachingItem[] {
  const items = [
    tip1(facts),
    tip2(facts),
    scenario.sharedAmbition === undefined ? null : tip3(facts, scenario),
    tip4(facts),
    tip5(facts),
    tip6(facts),
    facts.scripted.length === 0 ? null : tip7(facts),
  ];
  return items.filter((entry): entry is CoachingItem => entry !== null);
}

function tip1(facts: DebriefFacts): CoachingItem {
  const { deal, utilities, batnas, trainee } = facts;
  const parties = batnas.map((_, p) => p);
  const outcome = outcomeMessage(facts.outcome, trainee);
  if (deal) {
    const losers = parties.filter((p) => !utilityGreater(utilities[p], batnas[p]));
    const gain = (p: number) =>
      p === trainee
        ? message("debrief.coaching.gainOfYou", { gain: utilities[p] - batnas[p] })
        : message("debrief.coaching.gainOf", { name: { party: p }, gain: utilities[p] - batnas[p] });
    const gains = sentences(message("debrief.coaching.gains", { gains: { list: parties.map(gain) } }), jointGainMessage(facts));
    if (losers.length === 0) return item(1, true, [message("debrief.coaching.valueForAll")], gains);
    if (!losers.includes(trainee)) {
      const names = { list: losers.map((p) => ({ party: p })) };
      return item(1, false, [message("debrief.coaching.winLose", { names, count: losers.length })], gains);
    }
    return item(1, false, [message("debrief.coaching.belowYourBatna")], [dealVsBatna(facts)]);
  }
  const nash = facts.nash;
  if (!nash) return item(1, true, [message("debrief.coaching.noZone")], [outcome]);
  const value = (p: number) => {
    const values = { value: nash.utilities[p], batna: batnas[p] };
    return p === trainee ? message("debrief.coaching.valueOfYou", values) : message("debrief.coaching.valueOf", { name: { party: p }, ...values });
  };
  return item(
    1,
    false,
    [message("debrief.coaching.noDealDespite")],
    [outcome, message("debrief.coaching.forExample", { package: { package: nash.package }, values: { list: parties.map(value) } })],
  );
}

function dealVsBatna(facts: DebriefFacts): MessageRef {
  const value = facts.utilities[facts.trainee];
  const batna = facts.batnas[facts.trainee];
  return message("debrief.coaching.dealVsBatna", { value, batna, difference: value - batna });
}

function tip2(facts: DebriefFacts): CoachingItem {
  const { questions } = facts;
  const partners = facts.partners.length;
  if (questions.length === 0) {
    return item(2, false, [message("debrief.coaching.noQuestions", { partners })], [message("debrief.coaching.questionsNone")]);
  }
  const firstOffer = facts.offers.find((offer) => offer.party === facts.trainee);
  // Talk comes before the action in a turn, so a question in the round of the first offer came before it.
  const askedFirst = !firstOffer || questions[0].round <= firstOffer.round;
  return item(
    2,
    true,
    sentences(message("debrief.coaching.asked", { count: questions.length, partners }), !askedFirst && message("debrief.coaching.askFirst")),
    [message("debrief.coaching.questionList", { questions: { list: questions.map((record) => questionLine(facts, record)), join: "semicolon" } })],
  );
}

function questionLine(facts: DebriefFacts, record: QuestionRecord): MessageRef {
  const answer = record.answer;
  const status = !answer
    ? message("debrief.coaching.answer.none")
    : answer.honesty === "misleading"
      ? message("debrief.coaching.answer.misleading", { answer: { answer: answer.content } })
      : message(answer.honesty === "vague" ? "debrief.coaching.answer.vague" : "debrief.coaching.answer.truthful");
  const params = { question: { question: record.question }, round: record.round, status };
  return facts.partners.length > 1
    ? message("debrief.coaching.questionTo", { ...params, name: { party: record.to } })
    : message("debrief.coaching.question", params);
}

function tip3(facts: DebriefFacts, scenario: Scenario): CoachingItem {
  const whatWorks = facts.questions.filter((record) => record.question.kind === "what-would-work");
  const disclosed = facts.disclosures.filter((record) => record.honesty === "truthful");
  const question = { question: { kind: "what-would-work" as const } };
  const explored = whatWorks.length > 0 || disclosed.length > 0;
  return item(
    3,
    explored,
    [explored ? message("debrief.coaching.explored") : message("debrief.coaching.notExplored", { question })],
    sentences(
      ...whatWorks.map((record) => message("debrief.coaching.askedWhatWorks", { question, round: record.round })),
      ...disclosed.map((record) =>
        message("debrief.coaching.disclosed", { importance: { importance: record.importance }, issue: { issue: record.issue }, round: record.round }),
      ),
      !explored && message("debrief.coaching.neither", { partners: facts.partners.length }),
      message("debrief.coaching.ambition", { text: { text: scenario.sharedAmbition! } }),
    ),
  );
}

function tip4(facts: DebriefFacts): CoachingItem {
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
  const parties = facts.batnas.length;
  // With three or more parties an issue is reviewed per partner, who is named.
  const issue = (review: IssueReview): MessageArg =>
    facts.partners.length > 1 ? message("debrief.coaching.issueWith", { issue: { issue: review.issue }, name: { party: review.partner } }) : { issue: review.issue };
  const list = (reviews: IssueReview[], describe: (review: IssueReview) => MessageArg = issue) => ({ list: reviews.map(describe) });
  const preferred = (review: IssueReview) => {
    const option = { issue: review.issue, option: commonFavourite(review)! };
    return facts.partners.length > 1
      ? message("debrief.coaching.sharedFavouriteWith", { issue: { issue: review.issue }, name: { party: review.partner }, option })
      : message("debrief.coaching.sharedFavourite", { issue: { issue: review.issue }, option });
  };
  const wentTo = (review: IssueReview) =>
    review.priority.trainee > review.priority.partner
      ? message("debrief.coaching.wentToYou", { issue: issue(review) })
      : message("debrief.coaching.wentTo", { issue: issue(review), name: { party: review.partner } });
  const compatible = facts.issues.filter((review) => review.kind === "compatible");
  return item(
    4,
    good,
    good
      ? [message(facts.deal ? "debrief.coaching.packagesGood" : "debrief.coaching.packagesNoDeal")]
      : sentences(
          haggled && message("debrief.coaching.haggled"),
          noPackage && message("debrief.coaching.noPackage"),
          lost.length > 0 && message("debrief.coaching.lostCompatible", { parties }),
          missed.length > 0 && message("debrief.coaching.missedTrades"),
        ),
    sentences(
      packages + meso + terms === 0 ? message("debrief.coaching.noOffers") : message("debrief.coaching.offerCounts", { packages, meso, terms }),
      traded.length > 0 && message("debrief.coaching.tradesMade", { issues: list(traded, wentTo) }),
      missed.length > 0 && message("debrief.coaching.tradesMissed", { issues: list(missed) }),
      lost.length > 0 && message("debrief.coaching.compatibleLost", { issues: list(lost, preferred) }),
      kept.length > 0 && message("debrief.coaching.compatibleKept", { issues: list(kept) }),
      !facts.deal && compatible.length > 0 && message("debrief.coaching.compatibleOpen", { issues: list(compatible, preferred) }),
    ),
  );
}

function tip5(facts: DebriefFacts): CoachingItem {
  const { outcome } = facts;
  // A scripted partner walks away only when its trust has fallen below its threshold.
  const walker =
    outcome.kind === "walk-away"
      ? facts.trust.find((review) => review.party === outcome.by && review.walkAwayThreshold !== null)
      : undefined;
  const fell = facts.trust.some((review) => review.end < review.start);
  const text = walker
    ? message("debrief.coaching.walkedAway", { name: { party: walker.party } })
    : message(fell ? "debrief.coaching.trustFell" : "debrief.coaching.trustHeld");
  return item(
    5,
    !walker && !fell,
    [text],
    facts.trust.flatMap((review) => {
      const name = { party: review.party };
      return sentences(
        message("debrief.coaching.trustLine", { name, start: review.start, lowest: review.lowest, end: review.end }),
        review.moves.length > 0
          ? message("debrief.coaching.movedMost", { moves: { list: review.moves.slice(0, 3).map(trustMove), join: "semicolon" } })
          : message("debrief.coaching.nothingMoved"),
        review === walker && message("debrief.coaching.fellBelow", { name, end: review.end, threshold: review.walkAwayThreshold! }),
      );
    }),
  );
}

/** "retracted concessions ×2 -12 (round 3)": the total change and the round of the first. */
function trustMove(move: TrustMove): MessageRef {
  return message("debrief.coaching.trustMove", {
    reason: message(`debrief.trust.${move.reason}`),
    count: move.count,
    delta: move.delta,
    round: move.firstRound,
  });
}

function tip6(facts: DebriefFacts): CoachingItem {
  const { deal, trainee } = facts;
  const outcome = outcomeMessage(facts.outcome, trainee);
  if (deal) {
    const good = utilityGreater(facts.utilities[trainee], facts.batnas[trainee]);
    return item(6, good, [message(good ? "debrief.coaching.settledGood" : "debrief.coaching.settledBelow")], [
      outcome,
      message("debrief.coaching.agreed", { package: { package: deal }, value: facts.utilities[trainee], batna: facts.batnas[trainee] }),
    ]);
  }
  if (!facts.nash) return item(6, true, [message("debrief.coaching.rightlyUnsigned")], [outcome]);
  const settled = facts.settled.filter((option) => option >= 0).length;
  return item(6, false, [message("debrief.coaching.nothingAgreed", { settled, issues: facts.settled.length })], [outcome]);
}

function tip7(facts: DebriefFacts): CoachingItem {
  const from = facts.scripted[0].round;
  // Scripted changes apply at the start of a round, before anyone's turn: every move of that round comes after.
  const questions = facts.questions.filter((record) => record.round >= from).length;
  const offers = facts.offers.filter((offer) => offer.party === facts.trainee && offer.round >= from).length;
  const adjusted = questions + offers > 0;
  return item(
    7,
    adjusted,
    [message(adjusted ? "debrief.coaching.adjusted" : "debrief.coaching.notAdjusted")],
    [...facts.scripted.map(scriptedMessage), message("debrief.coaching.afterwards", { questions, offers })],
  );
}

function scriptedMessage(record: ScriptedRecord): MessageRef {
  const { change, round } = record;
  const name = { party: change.party };
  let text: MessageRef;
  switch (change.kind) {
    case "batna":
      // `before` is set for BATNA and priority changes.
      text = message("debrief.scripted.batna", { round, name, before: record.before!, after: change.batna });
      break;
    case "priority":
      text = message("debrief.scripted.priority", { round, issue: { issue: change.issue }, name, before: record.before!, after: change.weight });
      break;
    case "trust":
      text = message("debrief.scripted.trust", { round, name, delta: change.delta });
      break;
    case "note":
      text = message("debrief.scripted.note", { round, name });
      break;
  }
  return record.message ? message("debrief.scripted.said", { change: text, line: { line: record.message } }) : message("debrief.scripted.plain", { change: text });
}
