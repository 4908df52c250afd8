/**
 * GENIUS domain and profile XML, written the way GENIUS writes them, from a small description;
 * and a fast-check arbitrary of valid ones, for tests that damage them.
 */
import fc from "fast-check";

export type GeniusIssue =
  | { readonly name: string; readonly type: "discrete"; readonly values: readonly string[] }
  | { readonly name: string; readonly type: "integer"; readonly low: number; readonly high: number };

export interface GeniusProfile {
  readonly weights: readonly number[];
  /** Per issue: an evaluation per value (discrete), or a linear evaluator (integer). */
  readonly evaluations: readonly (readonly number[] | { readonly slope: number; readonly offset: number })[];
  readonly reservation?: number;
}

export interface GeniusShape {
  readonly issues: readonly GeniusIssue[];
  readonly profiles: readonly GeniusProfile[];
}

const attribute = (text: string) => text.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");

export function domainXml(issues: readonly GeniusIssue[]): string {
  const lines = issues.map((issue, i) =>
    issue.type === "discrete"
      ? `    <issue index="${i + 1}" etype="discrete" type="discrete" vtype="discrete" name="${attribute(issue.name)}">\n` +
        issue.values.map((value, k) => `      <item index="${k + 1}" value="${attribute(value)}" cost="0" description=""></item>`).join("\n") +
        "\n    </issue>"
      : `    <issue etype="integer" index="${i + 1}" name="${attribute(issue.name)}" type="integer" vtype="integer" lowerbound="${issue.low}" upperbound="${issue.high}"/>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<negotiation_template>
  <utility_space number_of_issues="${issues.length}">
  <objective index="0" etype="objective" type="objective" description="" name="Deal">
${lines.join("\n")}
  </objective>
  </utility_space>
</negotiation_template>
`;
}

export function profileXml(issues: readonly GeniusIssue[], profile: GeniusProfile): string {
  const lines = issues.map((issue, i) => {
    const evaluation = profile.evaluations[i];
    const head = `    <issue index="${i + 1}" etype="${issue.type}" type="${issue.type}" vtype="${issue.type}" name="${attribute(issue.name)}"`;
    if (issue.type === "integer" && !Array.isArray(evaluation)) {
      const { slope, offset } = evaluation as { slope: number; offset: number };
      return `${head} lowerbound="${issue.low}" upperbound="${issue.high}">\n      <evaluator ftype="linear" offset="${offset}" slope="${slope}"></evaluator>\n    </issue>`;
    }
    const values = issue.type === "discrete" ? issue.values : [];
    const items = values.map((value, k) => `      <item index="${k + 1}" value="${attribute(value)}" evaluation="${(evaluation as number[])[k]}"></item>`);
    return `${head}>\n${items.join("\n")}\n    </issue>`;
  });
  const weights = profile.weights.map((weight, i) => `    <weight index="${i + 1}" value="${weight}"></weight>`);
  return `<utility_space>
  <objective index="0" etype="objective" type="objective" description="" name="Deal">
${[...lines, ...weights].join("\n")}
  </objective>
  <reservation value="${profile.reservation ?? 0}"/>
  <discount_factor value="1"></discount_factor>
</utility_space>
`;
}

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9 _-]{0,10}$/).map((text) => text.trim() || "x");

const issue: fc.Arbitrary<GeniusIssue> = fc.oneof(
  fc.record({
    name,
    type: fc.constant("discrete" as const),
    values: fc.uniqueArray(name, { minLength: 2, maxLength: 6 }),
  }),
  fc.integer({ min: -5, max: 5 }).chain((low) =>
    fc.record({ name, type: fc.constant("integer" as const), low: fc.constant(low), high: fc.integer({ min: low + 1, max: low + 8 }) }),
  ),
);

/** A valid domain with 2 or 3 linear-additive profiles. */
export const arbitraryGenius: fc.Arbitrary<GeniusShape> = fc
  .uniqueArray(issue, { minLength: 1, maxLength: 4, selector: (one) => one.name })
  .chain((issues) => {
    const evaluation = (one: GeniusIssue) =>
      one.type === "discrete"
        ? fc.array(fc.integer({ min: 0, max: 10 }), { minLength: one.values.length, maxLength: one.values.length })
        : fc.record({ slope: fc.constantFrom(0.25, -0.1, 0.5), offset: fc.constantFrom(0, 0.5, 1) });
    const profile = fc.record({
      weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: issues.length, maxLength: issues.length }).map((raw) => {
        const sum = raw.reduce((a, b) => a + b, 0);
        return raw.map((w) => w / sum);
      }),
      evaluations: fc.tuple(...issues.map(evaluation)),
      reservation: fc.constantFrom(0, 0.2, 0.5),
    });
    return fc.record({ issues: fc.constant(issues), profiles: fc.array(profile, { minLength: 2, maxLength: 3 }) });
  });
