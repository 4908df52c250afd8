import { describe, expect, test } from "vitest";
import { compileScenario } from "../../src/engine/model.js";
import { NegotiationDriver, sessionConfig } from "../../src/negotiation/driver.js";
import { PARTNER_STYLES } from "../../src/negotiation/partners/registry.js";
import type { AnswerContent, Question } from "../../src/negotiation/protocol.js";
import {
  QUESTION_KINDS,
  answerText,
  questionNeedsIssue,
  questionText,
  remarkText,
  styleDescription,
  styleFamilyText,
} from "../../src/negotiation/wording.js";
import { resolveScenarioPath } from "../../src/scenario/builtin.js";
import { loadScenarioFile } from "../../src/scenario/load.js";
import type { Scenario } from "../../src/scenario/schema.js";

const { scenario } = loadScenarioFile(resolveScenarioPath("hospital-it-platform"));
const issueLabel = (lang: "en" | "nl") => (scenario.issues[1].label as { en: string; nl: string })[lang];

describe("question catalogue", () => {
  test.each(QUESTION_KINDS)("%s reads differently in English and Dutch and names its issue", (kind) => {
    const question = (questionNeedsIssue(kind) ? { kind, issue: 1 } : { kind }) as Question;
    const en = questionText(scenario, question, "en");
    const nl = questionText(scenario, question, "nl");
    expect(en).toMatch(/\?$/);
    expect(nl).toMatch(/\?$/);
    expect(en).not.toBe(nl);
    if (questionNeedsIssue(kind)) {
      expect(en).toContain(issueLabel("en"));
      expect(nl).toContain(issueLabel("nl"));
    }
  });
});

describe("answers", () => {
  const answers: AnswerContent[] = [
    { kind: "most-important", issue: 1 },
    { kind: "issue-importance", issue: 1, importance: "high" },
    { kind: "preferred-option", issue: 1, option: 2, ranking: [2, 0, 1] },
    { kind: "alternative", points: 41.6 },
    { kind: "what-would-work", package: [0, 1, 2, 0, 1] },
    { kind: "vague" },
  ];
  test.each(answers)("$kind in both languages", (answer) => {
    const en = answerText(scenario, answer, "en");
    const nl = answerText(scenario, answer, "nl");
    expect(en.length).toBeGreaterThan(5);
    expect(en).not.toBe(nl);
    if ("issue" in answer) expect(nl).toContain(issueLabel("nl"));
  });

  test("a ranking is read out best first", () => {
    const options = scenario.issues[1].options.map((option) => (option.label as { en: string }).en);
    const text = answerText(scenario, { kind: "preferred-option", issue: 1, option: 2, ranking: [2, 0, 1] }, "en");
    expect(text.indexOf(options[2])).toBeLessThan(text.indexOf(options[0]));
    expect(text.indexOf(options[0])).toBeLessThan(text.indexOf(options[1]));
  });

  test("an alternative is rounded to whole points", () => {
    expect(answerText(scenario, { kind: "alternative", points: 41.6 }, "en")).toContain("42 points");
    expect(answerText(scenario, { kind: "alternative", points: 41.6 }, "nl")).toBe("Zonder akkoord is ons alternatief zo'n 42 punten waard.");
  });

  test("labels come after a colon, so that neither their number nor their capital matters", () => {
    const swimming: Scenario = {
      ...scenario,
      issues: scenario.issues.map((issue, i) => (i === 1 ? { ...issue, label: { en: "School swimming slots", nl: "Schoolzwemuren" } } : issue)),
    };
    expect(answerText(swimming, { kind: "most-important", issue: 1 }, "en")).toBe("Most important to us: School swimming slots.");
    expect(answerText(swimming, { kind: "issue-importance", issue: 1, importance: "low" }, "en")).toBe(
      "Not very important to us: School swimming slots.",
    );
    expect(answerText(swimming, { kind: "issue-importance", issue: 1, importance: "high" }, "nl")).toBe("Heel belangrijk voor ons: Schoolzwemuren.");
    const [first, second, third] = [2, 0, 1].map((o) => (scenario.issues[1].options[o].label as { nl: string }).nl);
    expect(answerText(scenario, { kind: "preferred-option", issue: 1, option: 2, ranking: [2, 0, 1] }, "nl")).toBe(
      `Onze volgorde van voorkeur voor ${issueLabel("nl")}: 1) ${first}, 2) ${second} en 3) ${third}.`,
    );
  });
});

describe("partner styles", () => {
  test.each(PARTNER_STYLES.map((style) => style.id))("%s: a description in English and Dutch, in words", (id) => {
    const [en, nl] = [styleDescription(id, "en"), styleDescription(id, "nl")];
    expect(en.length).toBeGreaterThan(20);
    expect(nl.length).toBeGreaterThan(20);
    expect(nl).not.toBe(en);
    // No formulas for trainees, and no "hij" for an organisation.
    for (const text of [en, nl]) expect(text).not.toMatch(/u\(t\)|[<>=]/);
    expect(nl).not.toMatch(/\b(hij|hem)\b|\bzijn (eigen|beste|doel|verlanglijst|alternatief|prioriteiten|ondergrens)\b/);
  });

  test("families are worded in each language", () => {
    expect(["win-lose", "win-win", "baseline"].map((family) => styleFamilyText(family as "win-lose", "nl"))).toEqual([
      "win-verlies",
      "win-win",
      "referentie",
    ]);
    expect(styleFamilyText("win-lose", "en")).toBe("win-lose");
    expect(styleDescription("human", "en")).toBe("");
  });
});

describe("partner lines", () => {
  test("every remark a partner makes has an English and a Dutch line", () => {
    const model = compileScenario(scenario);
    const remarks = new Set<string>();
    for (const a of PARTNER_STYLES) {
      for (const b of PARTNER_STYLES) {
        const config = sessionConfig({ scenario, participants: [{ style: a.id }, { style: b.id }], seed: "w" }, model);
        const driver = new NegotiationDriver(scenario, config, model);
        driver.run();
        for (const event of driver.session.events) if (event.type === "move" && event.remark) remarks.add(event.remark);
      }
    }
    expect(remarks.size).toBeGreaterThanOrEqual(8);
    for (const remark of remarks) {
      expect(remarkText(scenario, 0, remark, "en"), remark).not.toBe("");
      expect(remarkText(scenario, 0, remark, "nl"), remark).not.toBe("");
      expect(remarkText(scenario, 0, remark, "nl")).not.toBe(remarkText(scenario, 0, remark, "en"));
    }
  });

  test("a partner accepting a single term says so, not that the deal is done", () => {
    // The trainee proposes the partner's favourite support level: a term a conceder takes at once.
    const model = compileScenario(scenario);
    const participants = [{ style: "human" }, { style: "conceder" }];
    const driver = new NegotiationDriver(scenario, sessionConfig({ scenario, participants, seed: "term" }, model), model);
    const favourite = (issue: number) => {
      const options = scenario.issues[issue].options.map((option) => option.id);
      const values = scenario.parties[1].values[scenario.issues[issue].id];
      return options.reduce((best, id, o) => (values[id] > values[options[best]] ? o : best), 0);
    };
    driver.play(0, { type: "partial-offer", issue: 4, option: favourite(4) });
    const accepted = driver.session.events.find((event) => event.type === "move" && event.actor === 1 && event.move.type === "accept");
    expect(accepted).toMatchObject({ remark: "accept-term" });
    expect(driver.session.settled[4]).toBe(favourite(4));
    expect(remarkText(scenario, 1, "accept-term", "en")).toBe("Agreed on that point.");
    expect(remarkText(scenario, 1, "accept-term", "nl")).toBe("Op dat punt zijn we het eens.");
    // Accepting a whole package still closes the deal.
    expect(remarkText(scenario, 1, "accept", "en")).toBe("Agreed. Let's shake on it.");
    const own: Scenario = {
      ...scenario,
      partners: { [scenario.parties[1].id]: { style: "conceder", messages: { "accept-term": { en: "Fine, that one is settled.", nl: "Goed, dat punt ligt vast." } } } },
    };
    expect(remarkText(own, 1, "accept-term", "nl")).toBe("Goed, dat punt ligt vast.");
  });

  test("a scenario's own line for a party replaces the default, per language", () => {
    const own: Scenario = {
      ...scenario,
      partners: { [scenario.parties[1].id]: { style: "logroller", messages: { opening: { en: "Shall we?", nl: "Zullen we?" } } } },
    };
    expect(remarkText(own, 1, "opening", "nl")).toBe("Zullen we?");
    expect(remarkText(own, 1, "opening", "en")).toBe("Shall we?");
    expect(remarkText(own, 0, "opening", "en")).toBe(remarkText(scenario, 0, "opening", "en"));
    expect(remarkText(own, 1, "accept", "en")).toBe(remarkText(scenario, 1, "accept", "en"));
  });
});
