/** Phrases the debrief's coaching and its text sections share, in English and Dutch. */
import { type Language, formatPercent, formatPoints } from "../i18n/language.js";
import type { Outcome } from "../negotiation/protocol.js";
import { type Scenario, localise } from "../scenario/schema.js";
import type { DebriefFacts } from "./debrief.js";

export function partyName(scenario: Scenario, party: number, lang: Language): string {
  return localise(scenario.parties[party].name, lang);
}

export function issueLabel(scenario: Scenario, issue: number, lang: Language): string {
  return localise(scenario.issues[issue].label, lang);
}

export function optionLabel(scenario: Scenario, issue: number, option: number, lang: Language): string {
  return localise(scenario.issues[issue].options[option].label, lang);
}

/** "+24.0" or "-7.0": a gain or loss in points. */
export function signedPoints(value: number, lang: Language, digits = 1): string {
  return `${value > 0 ? "+" : ""}${formatPoints(value, lang, digits)}`;
}

const WORDS = {
  en: {
    agreement: (round: number) => `Agreement in round ${round}.`,
    youWalked: (round: number) => `You walked away in round ${round}.`,
    theyWalked: (name: string, round: number) => `${name} walked away in round ${round}.`,
    deadline: (round: number) => `No agreement by the deadline (round ${round}).`,
    abandoned: (round: number) => `You stopped in round ${round}, before the end.`,
    jointGain: (gain: string, max: string, share: string) => `Joint gain Σ(u − BATNA): ${gain} of a possible ${max} (${share}).`,
  },
  nl: {
    agreement: (round: number) => `Akkoord in ronde ${round}.`,
    youWalked: (round: number) => `Je liep weg in ronde ${round}.`,
    theyWalked: (name: string, round: number) => `${name} liep weg in ronde ${round}.`,
    deadline: (round: number) => `Geen akkoord voor de deadline (ronde ${round}).`,
    abandoned: (round: number) => `Je stopte in ronde ${round}, voor het einde.`,
    jointGain: (gain: string, max: string, share: string) =>
      `Gezamenlijke winst Σ(u − BATNA): ${gain} van maximaal ${max} (${share}).`,
  },
};

export function outcomeSentence(outcome: Outcome, trainee: number, scenario: Scenario, lang: Language): string {
  const w = WORDS[lang];
  switch (outcome.kind) {
    case "agreement":
      return w.agreement(outcome.round);
    case "walk-away":
      return outcome.by === trainee ? w.youWalked(outcome.round) : w.theyWalked(partyName(scenario, outcome.by, lang), outcome.round);
    case "deadline":
      return w.deadline(outcome.round);
    case "abandoned":
      return w.abandoned(outcome.round);
  }
}

/** The deal's joint gain against the most possible; null without a deal or without any package beating every BATNA. */
export function jointGainSentence(facts: DebriefFacts, lang: Language): string | null {
  if (!facts.deal || facts.maxJointGain === null || facts.shareOfMaxJointGain === null) return null;
  return WORDS[lang].jointGain(
    formatPoints(facts.jointGain, lang),
    formatPoints(facts.maxJointGain, lang),
    formatPercent(facts.shareOfMaxJointGain, lang),
  );
}
