/**
 * The debrief's wording layer: renders content (message references, see `MessageRef` in
 * debrief.ts) to one language, for the text sections and the JSON alike, and the messages
 * that coaching and the text sections share (the outcome, the joint gain).
 */
import type { Language } from "../i18n/language.js";
import { type MessageParams, translator } from "../i18n/translate.js";
import type { Outcome } from "../negotiation/protocol.js";
import { answerText, importanceText, issueLabel, lineText, optionLabel, packageText, quantityLabel, questionText, unitText } from "../negotiation/wording.js";
import type { Scenario } from "../scenario/schema.js";
import { localise } from "../scenario/localise.js";
import type { Counterfactual, DebriefFacts, MessageArg, MessageRef } from "./debrief.js";

export function partyName(scenario: Scenario, party: number, lang: Language): string {
  return localise(scenario.parties[party].name, lang);
}

/** A message reference; without parameters, just the key. */
export function message(key: MessageRef["key"], params?: MessageRef["params"]): MessageRef {
  return params === undefined ? { key } : { key, params };
}

/** The message in `lang`, its parameters formatted first. */
export function renderMessage(ref: MessageRef, scenario: Scenario, lang: Language): string {
  const params: Record<string, string | number> = {};
  for (const [name, arg] of Object.entries(ref.params ?? {})) params[name] = renderArg(arg, scenario, lang);
  return translator(lang)(ref.key, params as MessageParams);
}

/** Sentences joined into one text. */
export function renderSentences(refs: readonly MessageRef[], scenario: Scenario, lang: Language): string {
  return refs.map((ref) => renderMessage(ref, scenario, lang)).join(" ");
}

function renderArg(arg: MessageArg, scenario: Scenario, lang: Language): string | number {
  if (typeof arg === "number" || typeof arg === "string") return arg;
  if ("key" in arg) return renderMessage(arg, scenario, lang);
  if ("list" in arg) {
    const items = arg.list.map((item) => String(renderArg(item, scenario, lang)));
    return arg.join === "semicolon" ? items.join("; ") : translator(lang).list(items);
  }
  if ("party" in arg) return partyName(scenario, arg.party, lang);
  if ("option" in arg) return optionLabel(scenario, arg.issue, arg.option, lang);
  if ("issue" in arg) return issueLabel(scenario, arg.issue, lang);
  if ("package" in arg) return packageText(scenario, arg.package, lang);
  if ("question" in arg) return questionText(scenario, arg.question, lang);
  if ("answer" in arg) return answerText(scenario, arg.answer, lang);
  if ("importance" in arg) return importanceText(arg.importance, lang);
  if ("quantity" in arg) return quantityLabel(scenario, arg.quantity, lang);
  if ("unitOf" in arg) return unitText(scenario.uncertainties?.[arg.unitOf]?.unit, lang);
  if ("line" in arg) return lineText(arg.line, lang);
  return localise(arg.text, lang);
}

export function outcomeMessage(outcome: Outcome, trainee: number): MessageRef {
  const round = outcome.round;
  switch (outcome.kind) {
    case "agreement":
      return message("debrief.outcome.agreement", { round });
    case "walk-away":
      return outcome.by === trainee
        ? message("debrief.outcome.youWalked", { round })
        : message("debrief.outcome.theyWalked", { round, name: { party: outcome.by } });
    case "deadline":
      return message("debrief.outcome.deadline", { round });
    case "abandoned":
      return message("debrief.outcome.abandoned", { round });
  }
}

/** The deal's joint gain against the most possible; null without a deal or without any package beating every BATNA. */
export function jointGainMessage(facts: DebriefFacts): MessageRef | null {
  if (!facts.deal || facts.maxJointGain === null || facts.shareOfMaxJointGain === null) return null;
  return message("debrief.jointGain.share", { gain: facts.jointGain, max: facts.maxJointGain, share: facts.shareOfMaxJointGain });
}

/** "you +12.0, Duinzicht +5.0": one entry per party, the trainee as "you". */
export function eachParty(facts: Pick<DebriefFacts, "batnas" | "trainee">, kind: "gain" | "cost" | "value", value: (p: number) => number): MessageArg {
  const keys = {
    gain: ["debrief.coaching.gainOfYou", "debrief.coaching.gainOf"],
    cost: ["debrief.coaching.costOfYou", "debrief.coaching.costOf"],
    value: ["debrief.coaching.pointsOfYou", "debrief.coaching.pointsOf"],
  } as const;
  const [you, other] = keys[kind];
  return {
    list: facts.batnas.map((_, p) => (p === facts.trainee ? message(you, { [kind]: value(p) }) : message(other, { name: { party: p }, [kind]: value(p) }))),
  };
}

/** "Had you stayed and offered the better package, Duinzicht Hospital would have accepted it in round 6: …". */
export function counterfactualMessage(staying: Counterfactual, facts: DebriefFacts): MessageRef {
  const { result, decision } = staying;
  const offered = facts.missed && staying.offered.every((option, issue) => option === facts.missed!.package[issue]) ? "better" : "nash";
  const partners = { list: facts.partners.map((p) => ({ party: p })) };
  const common = { decision, offered, round: result.round };
  switch (result.kind) {
    case "accepted":
      return result.proposer === facts.trainee
        ? message("debrief.process.stayAccepted", { ...common, names: partners, count: facts.partners.length, values: eachParty(facts, "value", (p) => result.utilities[p]) })
        : message("debrief.process.stayTheirOffer", { ...common, name: { party: result.proposer }, package: { package: result.package }, values: eachParty(facts, "value", (p) => result.utilities[p]) });
    case "walk-away":
      return message("debrief.process.stayWalkAway", { ...common, name: { party: result.by } });
    case "deadline":
      return message("debrief.process.stayDeadline", common);
  }
}
