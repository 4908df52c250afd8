/**
 * The machine-readable debrief (`debrief --json`): the structured Debrief with parties,
 * issues and options as the scenario's ids, packages as { issueId: optionId }, and the
 * texts (coaching, style descriptions, partners' lines) in one language: where the deal sits,
 * the better package it missed, every party's points per issue, the offers over the rounds
 * with the counterfactual, the issues over all parties, and each tip's verdict ("good",
 * "improve" or "none": nothing to judge) and evidence. Each coaching item also carries the
 * catalogue messages its texts are worded from (`messages`: key and parameters, with ids),
 * for tools that word them themselves.
 */
import { compileScenario, packageToRecord } from "../engine/model.js";
import type { Language } from "../i18n/language.js";
import type { AnswerContent, Question, ScriptedChange } from "../negotiation/protocol.js";
import { lineText, styleDescription } from "../negotiation/wording.js";
import type { Scenario } from "../scenario/schema.js";
import { localise } from "../scenario/localise.js";
import type { Counterfactual, Debrief, MessageArg, MessageRef, PlotPoint } from "./debrief.js";
import { renderSentences } from "./debrief-wording.js";
import type { UncertaintyReview } from "./debrief-uncertainty.js";

export function debriefToJson(debrief: Debrief, scenario: Scenario, lang: Language) {
  const model = compileScenario(scenario);
  const party = (p: number) => model.partyIds[p];
  const issue = (i: number) => model.issueIds[i];
  const option = (i: number, o: number) => model.optionIds[i][o];
  const record = (pkg: ArrayLike<number>) => packageToRecord(model, pkg);
  const quantity = (k: number) => scenario.uncertainties![k].id;
  const byParty = <T>(value: (p: number) => T) => Object.fromEntries(model.partyIds.map((id, p) => [id, value(p)]));
  const plot = (points: readonly PlotPoint[]) => points.map(({ x, y }) => ({ x, y }));
  const { outcome, pareto } = debrief;

  return {
    scenario: scenario.id,
    trainee: party(debrief.trainee),
    partners: debrief.partners.map(party),
    outcome: {
      kind: outcome.kind,
      round: outcome.round,
      ...(outcome.kind === "walk-away" ? { by: party(outcome.by) } : {}),
      package: debrief.deal ? record(debrief.deal) : null,
    },
    settled: Object.fromEntries(debrief.settled.flatMap((o, i) => (o >= 0 ? [[issue(i), option(i, o)]] : []))),
    parties: byParty((p) => ({ batna: debrief.batnas[p], utility: debrief.utilities[p], gain: debrief.utilities[p] - debrief.batnas[p] })),
    jointGain: debrief.jointGain,
    maxJointGain: debrief.maxJointGain,
    shareOfMaxJointGain: debrief.shareOfMaxJointGain,
    valueLeftOnTable: debrief.valueLeftOnTable,
    naiveJointGain: debrief.naiveJointGain,
    nash: debrief.nash ? { outcome: record(debrief.nash.package), utilities: byParty((p) => debrief.nash!.utilities[p]) } : null,
    autonomyCosts: debrief.autonomyCosts ? byParty((p) => debrief.autonomyCosts![p]) : null,
    position: {
      efficient: debrief.position.efficient,
      distance: debrief.position.distance,
      created: debrief.position.created,
      claimed: debrief.position.claimed ? byParty((p) => debrief.position.claimed![p]) : null,
    },
    missedPackage: debrief.missed
      ? {
          against: debrief.missed.against,
          package: record(debrief.missed.package),
          utilities: byParty((p) => debrief.missed!.utilities[p]),
          gains: byParty((p) => debrief.missed!.gains[p]),
          reference: record(debrief.missed.reference),
          offeredBy: debrief.missed.offeredBy === null ? null : party(debrief.missed.offeredBy),
          changed: debrief.missed.changed.map((i) => ({
            issue: issue(i),
            from: option(i, debrief.missed!.reference[i]),
            to: option(i, debrief.missed!.package[i]),
          })),
          distance: debrief.missed.distance,
        }
      : null,
    pointsPerIssue: byParty((p) => {
      const points = debrief.points[p];
      return {
        issues: Object.fromEntries(points.rows.map((row) => [issue(row.issue), { deal: row.deal, best: row.best, missed: row.missed }])),
        entryCost: points.entryCost,
        total: points.total,
      };
    }),
    pareto: debrief.pareto.map((panel) => ({
      x: party(panel.xParty),
      y: party(panel.yParty),
      frontier: plot(panel.frontier),
      batna: panel.batna,
      nash: panel.nash,
      naiveCompromise: panel.naiveCompromise,
      deal: panel.deal,
      better: panel.better,
      traineeOffers: plot(panel.traineeOffers),
      partnerOffers: plot(panel.partnerOffers),
    })),
    process: {
      paths: debrief.process.paths.map((path) => ({
        party: party(path.party),
        offers: path.points.map(({ round, utility }) => ({ round, utility })),
        anchor: path.anchor ? { round: path.anchor.round, utilities: byParty((p) => path.anchor!.utilities[p]) } : null,
        conceded: path.conceded,
      })),
      counterfactual: counterfactualJson(debrief.process.counterfactual),
    },
    offers: debrief.offers.map((offer) => ({
      round: offer.round,
      party: party(offer.party),
      kind: offer.kind,
      packages: offer.packages.map(record),
      term: offer.term ? { issue: issue(offer.term.issue), option: option(offer.term.issue, offer.term.option) } : null,
    })),
    questions: debrief.questions.map((entry) => ({
      round: entry.round,
      to: party(entry.to),
      question: questionJson(entry.question),
      answer: entry.answer ? { honesty: entry.answer.honesty, ...answerJson(entry.answer.content) } : null,
    })),
    disclosures: debrief.disclosures.map((entry) => ({ ...entry, issue: issue(entry.issue) })),
    trust: debrief.trust.map((review) => ({ ...review, party: party(review.party) })),
    scripted: debrief.scripted.map((entry) => ({
      round: entry.round,
      ...changeJson(entry.change),
      before: entry.before,
      message: entry.message === null ? null : lineText(entry.message, lang),
    })),
    issues: debrief.issues.map((review) => ({
      issue: issue(review.issue),
      kind: review.kind,
      priorities: byParty((p) => review.priorities[p]),
      favourites: byParty((p) => review.favourites[p].map((o) => option(review.issue, o))),
      commonFavourites: review.commonFavourites.map((o) => option(review.issue, o)),
      efficientOptions: review.efficientOptions.map((o) => option(review.issue, o)),
      jointBestOptions: review.jointBestOptions.map((o) => option(review.issue, o)),
      deal: review.dealOption === null ? null : option(review.issue, review.dealOption),
      verdict: review.verdict,
      better: review.betterOption === null ? null : option(review.issue, review.betterOption),
      gotTheirWay: review.gotTheirWay.map(party),
    })),
    answers: debrief.answers.map((entry) => ({ round: entry.round, to: party(entry.to), question: questionJson(entry.question), honesty: entry.honesty })),
    partnerClaims: debrief.partnerClaims.map((claim) => ({ round: claim.round, by: party(claim.by), source: claim.source, honesty: claim.honesty, ...answerJson(claim.content) })),
    trades: debrief.trades
      ? {
          parties: debrief.trades.parties.map((trades) => ({
            party: party(trades.party),
            givesWayOn: trades.givesWayOn.map((t) => ({ issue: issue(t.issue), priority: t.priority, loss: t.loss })),
            getsItsWayOn: trades.getsItsWayOn.map((t) => ({ issue: issue(t.issue), priority: t.priority })),
          })),
          sharedIssues: debrief.trades.sharedIssues.map(issue),
        }
      : null,
    partnerStyles: debrief.partnerStyles.map((reveal) => ({
      ...reveal,
      party: party(reveal.party),
      description: reveal.family ? styleDescription(reveal.style, lang) : null,
    })),
    uncertainty: uncertaintyJson(debrief.uncertainty),
    // The texts in `lang`, and the messages they are worded from.
    coaching: debrief.coaching.map((item) => ({
      tip: item.tip,
      verdict: item.verdict,
      text: renderSentences(item.text, scenario, lang),
      evidence: renderSentences(item.evidence, scenario, lang),
      messages: { text: item.text.map(messageJson), evidence: item.evidence.map(messageJson) },
    })),
  };

  /** A message reference with its parameters as the JSON writes them: ids, and texts of the scenario in `lang`. */
  function messageJson(ref: MessageRef): { key: string; params?: Record<string, unknown> } {
    if (!ref.params) return { key: ref.key };
    return { key: ref.key, params: Object.fromEntries(Object.entries(ref.params).map(([name, arg]) => [name, argJson(arg)])) };
  }

  function argJson(arg: MessageArg): unknown {
    if (typeof arg === "number" || typeof arg === "string") return arg;
    if ("key" in arg) return messageJson(arg);
    if ("list" in arg) return { list: arg.list.map(argJson), ...(arg.join ? { join: arg.join } : {}) };
    if ("party" in arg) return { party: party(arg.party) };
    if ("option" in arg) return { issue: issue(arg.issue), option: option(arg.issue, arg.option) };
    if ("issue" in arg) return { issue: issue(arg.issue) };
    if ("package" in arg) return { package: record(arg.package) };
    if ("question" in arg) return { question: questionJson(arg.question) };
    if ("answer" in arg) return { answer: answerJson(arg.answer) };
    if ("importance" in arg) return { importance: arg.importance };
    if ("line" in arg) return { line: lineText(arg.line, lang) };
    if ("quantity" in arg) return { quantity: quantity(arg.quantity) };
    if ("unitOf" in arg) return { unitOf: quantity(arg.unitOf) };
    return { text: localise(arg.text, lang) };
  }

  function uncertaintyJson(review: UncertaintyReview | null) {
    if (!review) return null;
    return {
      quantities: review.quantities.map((entry) => ({
        id: quantity(entry.quantity),
        truth: entry.truth,
        forecastsDiffer: entry.differ,
        forecasts: byParty((p) => ({ mean: entry.forecasts[p].mean, p05: entry.forecasts[p].low, p95: entry.forecasts[p].high })),
      })),
      realised: review.realised ? byParty((p) => review.realised![p]) : null,
      risk: review.risk ? { [party(debrief.trainee)]: review.risk } : null,
      clauses: review.clauses.map((clause) => ({
        issue: issue(clause.issue),
        clause: option(clause.issue, clause.clause),
        fixed: option(clause.issue, clause.fixed),
        value: clause.value,
        used: clause.used,
        forecastsDiffer: clause.forecastsDiffer,
      })),
      forecastQuestions: review.forecastQuestions,
    };
  }

  function counterfactualJson(staying: Counterfactual | null) {
    if (!staying) return null;
    const { result } = staying;
    const base = { decision: staying.decision, round: staying.round, offered: record(staying.offered) };
    switch (result.kind) {
      case "accepted":
        return { ...base, result: { kind: result.kind, round: result.round, package: record(result.package), utilities: byParty((p) => result.utilities[p]), proposer: party(result.proposer) } };
      case "walk-away":
        return { ...base, result: { kind: result.kind, round: result.round, by: party(result.by) } };
      case "deadline":
        return { ...base, result: { kind: result.kind, round: result.round } };
    }
  }

  function questionJson(question: Question) {
    if ("issue" in question) return { kind: question.kind, issue: issue(question.issue) };
    if ("quantity" in question) return { kind: question.kind, quantity: quantity(question.quantity) };
    return { kind: question.kind };
  }

  function answerJson(answer: AnswerContent) {
    switch (answer.kind) {
      case "most-important":
        return { kind: answer.kind, issue: issue(answer.issue) };
      case "issue-importance":
        return { kind: answer.kind, issue: issue(answer.issue), importance: answer.importance };
      case "preferred-option":
        return {
          kind: answer.kind,
          issue: issue(answer.issue),
          option: option(answer.issue, answer.option),
          ranking: answer.ranking.map((o) => option(answer.issue, o)),
        };
      case "alternative":
        return { kind: answer.kind, points: answer.points };
      case "what-would-work":
        return { kind: answer.kind, package: record(answer.package) };
      case "expectation":
        return { kind: answer.kind, quantity: quantity(answer.quantity), mean: answer.mean, low: answer.low, high: answer.high };
      case "vague":
        return { kind: answer.kind };
    }
  }

  function changeJson(change: ScriptedChange) {
    switch (change.kind) {
      case "batna":
        return { kind: change.kind, party: party(change.party), batna: change.batna };
      case "priority":
        return { kind: change.kind, party: party(change.party), issue: issue(change.issue), weight: change.weight };
      case "trust":
        return { kind: change.kind, party: party(change.party), towards: party(change.towards), delta: change.delta };
      case "note":
        return { kind: change.kind, party: party(change.party) };
    }
  }
}
