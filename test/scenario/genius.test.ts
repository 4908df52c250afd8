import { describe, expect, it } from "vitest";
import { compileScenario, packageFromRecord, packageUtility } from "../../src/engine/model.js";
import { UserError } from "../../src/errors.js";
import { importGenius, type GeniusFile } from "../../src/scenario/genius.js";
import { ScenarioSchema } from "../../src/scenario/schema.js";

// A small domain in the GENIUS format: two discrete issues and one integer issue.
const DOMAIN: GeniusFile = {
  path: "fixtures/deal_domain.xml",
  xml: `<?xml version="1.0" encoding="UTF-8"?>
<negotiation_template>
<utility_space number_of_issues="3">
<objective index="0" etype="objective" type="objective" description="" name="Deal">
  <issue index="1" etype="discrete" type="discrete" vtype="discrete" name="Price">
    <item index="1" value="Low" cost="0" description="A low price"></item>
    <item index="2" value="Mid" cost="0" description="Mid"></item>
    <item index="3" value="High" cost="0" description="High"></item>
  </issue>
  <issue index="2" name="Colour" etype="discrete" type="discrete" vtype="discrete">
    <item index="1" value="Red"/>
    <item index="2" value="Blue"/>
  </issue>
  <issue etype="integer" index="3" name="Days" type="integer" vtype="integer" lowerbound="1" upperbound="5"/>
</objective>
</utility_space>
</negotiation_template>`,
};

interface ProfileSpec {
  weights: [number, number, number];
  price: [number, number, number];
  colour: [number, number];
  offset: number;
  slope: number;
  tail?: string;
}

/** A linear-additive profile for DOMAIN, laid out as GENIUS writes them. */
function profileXml(spec: ProfileSpec): string {
  const [low, mid, high] = spec.price;
  const [red, blue] = spec.colour;
  return `<utility_space>
<objective index="0" etype="objective" type="objective" description="" name="Deal">
  <issue index="1" etype="discrete" type="discrete" vtype="discrete" name="Price">
    <item index="1" value="Low" evaluation="${low}"></item>
    <item index="2" value="Mid" evaluation="${mid}"></item>
    <item index="3" value="High" evaluation="${high}"></item>
  </issue>
  <issue index="2" etype="discrete" type="discrete" vtype="discrete" name="Colour">
    <item index="2" value="Blue" evaluation="${blue}"></item>
    <item index="1" value="Red" evaluation="${red}"></item>
  </issue>
  <issue index="3" etype="integer" type="integer" vtype="integer" name="Days" lowerbound="1" upperbound="5">
    <evaluator ftype="linear" offset="${spec.offset}" slope="${spec.slope}"></evaluator>
  </issue>
${spec.weights.map((w, i) => `  <weight index="${i + 1}" value="${w}"></weight>`).join("\n")}
</objective>
${spec.tail ?? ""}
</utility_space>`;
}

// Buyer: weights sum to exactly 1, evaluation maxima 10 and 4, days clamped at 1 from day 4 on.
const BUYER: ProfileSpec = {
  weights: [0.5, 0.3, 0.2],
  price: [10, 6, 2],
  colour: [3, 4],
  offset: 0.2,
  slope: 0.3,
  tail: `<reservation value="0.35"/>\n<discount_factor value="0.9"></discount_factor>`,
};
// Seller: weights sum to 0.6, evaluation maxima 9 and 2, days falling to 0.
const SELLER: ProfileSpec = { weights: [0.2, 0.1, 0.3], price: [1, 5, 9], colour: [2, 0.5], offset: 1, slope: -0.25 };

const clamp = (x: number) => Math.min(1, Math.max(0, x));

/** GENIUS's utility by hand: Σ raw weight × evaluation / max evaluation, integers by offset + slope × (day − 1). */
function geniusUtility(spec: ProfileSpec, price: string, colour: string, day: number): number {
  const priceEval = spec.price[["Low", "Mid", "High"].indexOf(price)] / Math.max(...spec.price);
  const colourEval = spec.colour[["Red", "Blue"].indexOf(colour)] / Math.max(...spec.colour);
  const dayEval = clamp(spec.offset + spec.slope * (day - 1));
  return spec.weights[0] * priceEval + spec.weights[1] * colourEval + spec.weights[2] * dayEval;
}

const PACKAGES = ["Low", "Mid", "High"].flatMap((price) =>
  ["Red", "Blue"].flatMap((colour) => [1, 2, 3, 4, 5].map((day) => [price, colour, day] as const)),
);

function importProfiles(...specs: [string, ProfileSpec][]) {
  return importGenius(
    DOMAIN,
    specs.map(([path, spec]) => ({ path, xml: profileXml(spec) })),
  );
}

function expectUserError(run: () => unknown, ...parts: string[]): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(UserError);
  for (const part of parts) expect((caught as Error).message).toContain(part);
}

describe("importGenius", () => {
  it("gives every package GENIUS's utility × 100, for weights summing to 1 and to less", () => {
    const { scenario, warnings } = importProfiles(["profiles/buyer.xml", BUYER], ["profiles/seller.xml", SELLER]);
    expect(warnings).toEqual([]);
    expect(() => ScenarioSchema.parse(scenario)).not.toThrow();
    const model = compileScenario(scenario);
    for (const [price, colour, day] of PACKAGES) {
      const pkg = packageFromRecord(model, { Price: price, Colour: colour, Days: String(day) });
      expect(packageUtility(model, 0, pkg)).toBeCloseTo(100 * geniusUtility(BUYER, price, colour, day), 9);
      expect(packageUtility(model, 1, pkg)).toBeCloseTo(100 * geniusUtility(SELLER, price, colour, day), 9);
    }
    // Spot checks against numbers worked out on paper.
    const pkg = packageFromRecord(model, { Price: "Mid", Colour: "Red", Days: "2" });
    expect(packageUtility(model, 0, pkg)).toBeCloseTo(100 * (0.5 * 0.6 + 0.3 * 0.75 + 0.2 * 0.5), 9); // 62.5
    expect(packageUtility(model, 1, pkg)).toBeCloseTo(100 * (0.2 * (5 / 9) + 0.1 * 1 + 0.3 * 0.75), 9);
  });

  it("keeps the XML's names, values and integers as ids, and the raw weights", () => {
    const { scenario } = importProfiles(["buyer.xml", BUYER], ["seller.xml", SELLER]);
    expect(scenario.issues.map((issue) => issue.id)).toEqual(["Price", "Colour", "Days"]);
    expect(scenario.issues[0].options).toEqual([
      { id: "Low", label: "Low", description: "A low price" },
      { id: "Mid", label: "Mid" },
      { id: "High", label: "High" },
    ]);
    expect(scenario.issues[2].options.map((option) => option.id)).toEqual(["1", "2", "3", "4", "5"]);
    const [buyer, seller] = scenario.parties;
    expect(buyer.weights).toEqual({ Price: 0.5, Colour: 0.3, Days: 0.2 });
    expect(buyer.values.Price).toEqual({ Low: 100, Mid: 60, High: 20 });
    expect(buyer.values.Days["5"]).toBe(100);
    // S = 0.6: values are scaled by S so that the engine's weight / S restores GENIUS's raw weight.
    expect(seller.values.Price.High).toBeCloseTo(60, 12);
    expect(seller.values.Days["5"]).toBe(0);
  });

  it("treats weights within 1e-6 of summing to 1 as summing to 1", () => {
    const nearlyOne: ProfileSpec = { ...BUYER, weights: [0.5, 0.3, 0.2000004] };
    const { scenario } = importProfiles(["near.xml", nearlyOne], ["seller.xml", SELLER]);
    expect(() => ScenarioSchema.parse(scenario)).not.toThrow();
    expect(scenario.parties[0].values.Price).toEqual({ Low: 100, Mid: 60, High: 20 });
    const model = compileScenario(scenario);
    const sum = 1.0000004;
    for (const [price, colour, day] of PACKAGES) {
      const pkg = packageFromRecord(model, { Price: price, Colour: colour, Days: String(day) });
      // Exactly GENIUS × 100 / S, so within a relative 1e-6 of GENIUS × 100.
      expect(packageUtility(model, 0, pkg)).toBeCloseTo((100 * geniusUtility(nearlyOne, price, colour, day)) / sum, 9);
    }
  });

  it("keeps the reservation value as BATNA and the GENIUS settings in metadata", () => {
    const { scenario } = importProfiles(["profiles/buyer.xml", BUYER], ["profiles/seller.xml", SELLER]);
    expect(scenario.id).toBe("deal_domain");
    expect(scenario.metadata).toEqual({ genius: { domain: "deal_domain.xml" } });
    const [buyer, seller] = scenario.parties;
    expect([buyer.id, buyer.name, seller.id]).toEqual(["buyer", "buyer", "seller"]);
    expect(buyer.batna).toBeCloseTo(35, 12);
    expect(buyer.metadata).toEqual({ genius: { profile: "buyer.xml", reservationValue: 0.35, discountFactor: 0.9 } });
    expect(seller.batna).toBe(0);
    expect(seller.metadata).toEqual({ genius: { profile: "seller.xml", reservationValue: 0, discountFactor: 1 } });
    expect(compileScenario(scenario).batnas[0]).toBeCloseTo(35, 12);
  });

  it("keeps the XML's names as ids, makes party ids unique, and trims names an id cannot hold, with a warning", () => {
    const domain = {
      path: "money.xml",
      xml: `<negotiation_template><utility_space><objective index="0" name="m">
        <issue index="1" name="Amount" type="discrete"><item value="$5"/><item value="5%"/><item value=" 6 "/></issue>
      </objective></utility_space></negotiation_template>`,
    };
    const profile = `<utility_space><objective index="0">
      <issue index="1" name="Amount" type="discrete"><item value="$5" evaluation="1"/><item value="5%" evaluation="2"/><item value=" 6 " evaluation="0"/></issue>
      <weight index="1" value="1"/></objective></utility_space>`;
    const { scenario, warnings } = importGenius(domain, [
      { path: "a/party.xml", xml: profile },
      { path: "b/party.xml", xml: profile },
    ]);
    expect(scenario.issues[0].options).toEqual([
      { id: "$5", label: "$5" },
      { id: "5%", label: "5%" },
      { id: "6", label: " 6 " },
    ]);
    expect(scenario.parties.map((party) => party.id)).toEqual(["party", "party-2"]);
    expect(scenario.parties[0].values.Amount).toEqual({ $5: 50, "5%": 100, "6": 0 });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('value " 6 " gets id "6"');
  });

  it("decodes character references, so that a value written as &#233; and as é is one value", () => {
    const domain = {
      path: "cafe.xml",
      xml: `<negotiation_template><utility_space><objective index="0" name="m">
        <issue index="1" name="Plac&#x65;" type="discrete"><item value="Caf&#233;"/><item value="Bar &amp; grill"/></issue>
      </objective></utility_space></negotiation_template>`,
    };
    const profile = (cafe: string) => `<utility_space><objective index="0">
      <issue index="1" name="Place" type="discrete"><item value="${cafe}" evaluation="1"/><item value="Bar &#38; grill" evaluation="0"/></issue>
      <weight index="1" value="1"/></objective></utility_space>`;
    const { scenario } = importGenius(domain, [
      { path: "a.xml", xml: profile("Café") },
      { path: "b.xml", xml: profile("Caf&#xE9;") },
    ]);
    expect(scenario.issues[0].id).toBe("Place");
    expect(scenario.issues[0].options.map((option) => option.id)).toEqual(["Café", "Bar & grill"]);
    expect(scenario.parties.map((party) => party.values.Place["Café"])).toEqual([100, 100]);
  });

  it("rejects a profile whose issues do not match the domain", () => {
    const renamed = profileXml(BUYER).replaceAll('name="Colour"', 'name="Color"');
    expectUserError(
      () => importGenius(DOMAIN, [{ path: "buyer.xml", xml: renamed }, { path: "seller.xml", xml: profileXml(SELLER) }]),
      "buyer.xml",
      'issue "Color" (index 2) does not match the domain',
    );
    const unknownValue = profileXml(BUYER).replace('value="Red"', 'value="Green"');
    expectUserError(
      () => importGenius(DOMAIN, [{ path: "buyer.xml", xml: unknownValue }, { path: "seller.xml", xml: profileXml(SELLER) }]),
      'buyer.xml: issue "Colour": the profile evaluates "Green", which the domain does not list',
    );
  });

  it("rejects a profile without a weight for an issue", () => {
    const noWeight = profileXml(BUYER).replace(/<weight index="3"[^>]*><\/weight>/, "");
    expectUserError(
      () => importGenius(DOMAIN, [{ path: "buyer.xml", xml: noWeight }, { path: "seller.xml", xml: profileXml(SELLER) }]),
      'buyer.xml: issue "Days": the profile has no <weight index="3">',
    );
  });

  it("rejects weights summing to more than 1", () => {
    expectUserError(
      () => importProfiles(["heavy.xml", { ...BUYER, weights: [0.5, 0.3, 0.3] }], ["seller.xml", SELLER]),
      "heavy.xml: the issue weights sum to 1.1, more than 1",
    );
  });

  it("rejects non-linear utility spaces", () => {
    const hyperRectangles = `<utility_space type="nonlinear">
<objective description="" etype="objective" index="0" name="root" type="objective">
   <issue etype="integer" index="1" name="Days" type="integer" vtype="integer" lowerbound="1" upperbound="5"/>
   <utility maxutility="10">
      <ufun type="PlainUfun" weight="1" aggregation="sum">
         <hyperRectangle utility="10"><INCLUDES index="1" min="2" max="4"/></hyperRectangle>
      </ufun>
   </utility>
</objective>
</utility_space>`;
    expectUserError(
      () => importGenius(DOMAIN, [{ path: "profile-1.xml", xml: hyperRectangles }, { path: "seller.xml", xml: profileXml(SELLER) }]),
      "profile-1.xml: a non-linear utility space",
      "hyper-rectangles",
    );
  });

  it("rejects real-valued issues, broken XML and too few profiles", () => {
    const real = DOMAIN.xml.replace(/<issue etype="integer"[^>]*\/>/, '<issue index="3" name="Days" type="real"><range lowerbound="0" upperbound="1"/></issue>');
    expectUserError(
      () => importGenius({ path: "real.xml", xml: real }, [{ path: "a.xml", xml: "" }, { path: "b.xml", xml: "" }]),
      'real.xml: issue "Days": real-valued issues are not supported',
    );
    expectUserError(
      () => importGenius(DOMAIN, [{ path: "cut.xml", xml: profileXml(BUYER).slice(0, 200) }, { path: "seller.xml", xml: profileXml(SELLER) }]),
      "cut.xml",
      "not well-formed XML",
    );
    expectUserError(() => importProfiles(["buyer.xml", BUYER]), "2 to 8 GENIUS preference profiles, got 1");
  });
});
