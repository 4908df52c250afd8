/**
 * Imports a GENIUS/ANAC negotiation domain with linear-additive preference profiles
 * as a scenario whose utilities equal GENIUS's utilities × 100.
 *
 * GENIUS (genius.core, 10.x) evaluates a bid as Σ weight × evaluation, where
 *  - weights are the profile's raw <weight> values (not rescaled to sum to 1);
 *  - a discrete evaluation is the item's evaluation divided by the highest
 *    evaluation of its issue (all 0 when that is below 0.00001);
 *  - an integer evaluation is clamp(offset + slope × (value − lowerbound), 0, 1).
 * The engine divides weights by their sum S, so values are multiplied by S when
 * S ≤ 1 and utilities match exactly. With S > 1 (hand-rounded profiles such as
 * ANAC's Laptop, S = 1.00005) values would have to exceed 100: such profiles import
 * with a warning, their utilities GENIUS's divided by S; beyond S = 1.01 they are
 * refused. Profiles are matched to domain issues by the issue's `index`, as GENIUS
 * does, and must agree on the name, type and values.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { UserError } from "../errors.js";
import { OptionSchema, ScenarioSchema, type Issue, type Party, type Scenario } from "./schema.js";

export interface GeniusFile {
  path: string;
  xml: string;
}

/** Weights summing to a little more than 1 (rounding in hand-edited profiles) import with a warning; more is refused. */
const MAX_WEIGHT_EXCESS = 0.01;
/** Every integer becomes an option; a wider range is no longer a negotiable issue. */
const MAX_INTEGER_OPTIONS = 1000;
/** As the scenario schema allows. */
const MAX_PARTIES = 8;

/** An XML element: attributes under `$`, child elements as lists per tag. */
interface Element {
  $?: Record<string, string>;
  [tag: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  attributesGroupName: "$",
  // Names and values become ids: keep them exactly as written.
  trimValues: false,
  isArray: (_tag, _path, _leaf, isAttribute) => !isAttribute,
});

export function importGenius(domain: GeniusFile, profiles: GeniusFile[]): { scenario: Scenario; warnings: string[] } {
  if (profiles.length < 2 || profiles.length > MAX_PARTIES) {
    throw new UserError(`a scenario needs 2 to ${MAX_PARTIES} GENIUS preference profiles, got ${profiles.length}`);
  }
  const warnings: string[] = [];
  const issues = readDomain(domain, warnings);
  const partyIds = new Set<string>();
  const parties = profiles.map((profile) => {
    const name = fileName(profile.path);
    const id = uniqueId(name.replace(/\.xml$/i, ""), partyIds, "party");
    return readProfile(profile, id, issues, warnings);
  });
  const title = fileName(domain.path).replace(/\.xml$/i, "") || "GENIUS domain";
  const scenario: Scenario = {
    id: uniqueId(title, new Set(), "genius"),
    title,
    story: `Imported from the GENIUS domain ${fileName(domain.path)} with ${profiles.length} preference profiles.`,
    issues: issues.map((issue) => issue.issue),
    parties,
    metadata: { genius: { domain: fileName(domain.path) } },
  };
  // A failure here is a bug in this importer, not in the user's files.
  return { scenario: ScenarioSchema.parse(scenario), warnings };
}

/** A domain issue with what is needed to check and evaluate profiles against it. */
interface DomainIssue {
  issue: Issue;
  index: string;
  name: string;
  type: "discrete" | "integer";
  /** The XML values (discrete) or integers, in option order. */
  values: string[];
  lowerbound: number;
  upperbound: number;
}

function readDomain(file: GeniusFile, warnings: string[]): DomainIssue[] {
  const space = children(parseXml(file).root, "utility_space")[0];
  if (!space) {
    throw new UserError(`${file.path}: not a GENIUS domain: the root element has no <utility_space> (is this a preference profile?)`);
  }
  const objective = onlyObjective(file, space);
  const issueIds = new Set<string>();
  const indices = new Set<string>();
  const issues = children(objective, "issue").map((element): DomainIssue => {
    const name = required(file, element, "name", "an <issue>");
    const where = `${file.path}: issue "${name}"`;
    const index = required(file, element, "index", `issue "${name}"`);
    if (indices.has(index)) throw new UserError(`${where}: index ${index} is used by another issue too`);
    indices.add(index);
    const type = issueType(where, element);
    const id = uniqueId(name, issueIds, "issue");
    if (id !== name) warnings.push(renamed(`issue "${name}"`, id));

    let values: string[];
    let lowerbound = NaN;
    let upperbound = NaN;
    if (type === "discrete") {
      values = children(element, "item").map((item) => required(file, item, "value", `an <item> of issue "${name}"`));
      const duplicate = values.find((value, i) => values.indexOf(value) !== i);
      if (duplicate !== undefined) throw new UserError(`${where}: value "${duplicate}" is listed twice`);
    } else {
      lowerbound = integer(where, element, "lowerbound");
      upperbound = integer(where, element, "upperbound");
      const count = upperbound - lowerbound + 1;
      if (count > MAX_INTEGER_OPTIONS) {
        throw new UserError(`${where}: ${count} integer values (${lowerbound}–${upperbound}) are too many options; at most ${MAX_INTEGER_OPTIONS} are supported`);
      }
      values = Array.from({ length: Math.max(count, 0) }, (_, i) => String(lowerbound + i));
    }
    if (values.length < 2) throw new UserError(`${where}: has ${values.length} value(s); an issue needs at least two options`);

    const optionIds = new Set<string>();
    const descriptions = children(element, "item").map((item) => item.$?.description);
    const options = values.map((value, i) => {
      const optionId = uniqueId(value, optionIds, `option-${i + 1}`);
      if (optionId !== value) warnings.push(renamed(`issue "${name}", value "${value}"`, optionId));
      const description = descriptions[i]?.trim();
      return { id: optionId, label: value, ...(description && description !== value ? { description } : {}) };
    });
    return { issue: { id, label: name, options }, index, name, type, values, lowerbound, upperbound };
  });
  if (issues.length === 0) throw new UserError(`${file.path}: the domain has no issues`);
  return issues;
}

function readProfile(file: GeniusFile, partyId: string, domain: DomainIssue[], warnings: string[]): Party {
  const { tag, root: profile } = parseXml(file);
  if (tag !== "utility_space") {
    throw new UserError(`${file.path}: not a GENIUS preference profile: the root element is <${tag}>, not <utility_space>`);
  }
  const kind = profile.$?.type;
  const objective = onlyObjective(file, profile);
  const nonlinear =
    "utility" in objective ? "hyper-rectangles in <utility>" : kind !== undefined && !/^(linear|uncertain)$/i.test(kind) ? `type="${kind}"` : undefined;
  if (nonlinear) {
    throw new UserError(`${file.path}: a non-linear utility space (${nonlinear}) is not supported; only linear-additive profiles can be imported`);
  }
  if (kind !== undefined && /^uncertain$/i.test(kind)) {
    warnings.push(`${file.path}: the GENIUS uncertainty settings (comparisons, errors) are ignored; the party gets the underlying additive utility`);
  }

  const weights = new Map<string, number>();
  for (const element of children(objective, "weight")) {
    const index = required(file, element, "index", "a <weight>");
    const weight = number(`${file.path}: weight of issue index ${index}`, element, "value");
    if (weight < 0) throw new UserError(`${file.path}: the weight of issue index ${index} is negative (${weight})`);
    weights.set(index, weight);
  }
  for (const index of weights.keys()) {
    if (!domain.some((issue) => issue.index === index)) {
      warnings.push(`${file.path}: ignored the weight for issue index ${index}, which the domain does not have`);
    }
  }
  const evaluators = new Map<string, Element>();
  for (const element of children(objective, "issue")) {
    const index = required(file, element, "index", "an <issue>");
    const name = element.$?.name ?? "";
    const match = domain.find((issue) => issue.index === index);
    if (!match || name !== match.name) {
      throw new UserError(
        `${file.path}: issue "${name}" (index ${index}) does not match the domain, which has ${match ? `"${match.name}" at index ${index}` : `no issue with index ${index}`}`,
      );
    }
    evaluators.set(index, element);
  }

  const rows = domain.map((issue) => {
    const where = `${file.path}: issue "${issue.name}"`;
    const evaluator = evaluators.get(issue.index);
    const weight = weights.get(issue.index);
    if (!evaluator) throw new UserError(`${where}: the profile does not evaluate this issue`);
    if (weight === undefined) throw new UserError(`${where}: the profile has no <weight index="${issue.index}">`);
    return { issue: issue.issue, weight, evaluations: evaluations(where, issue, evaluator) };
  });
  const sum = rows.reduce((total, row) => total + row.weight, 0);
  if (!(sum > 0)) throw new UserError(`${file.path}: all issue weights are 0`);
  if (sum > 1 + MAX_WEIGHT_EXCESS) {
    throw new UserError(
      `${file.path}: the issue weights sum to ${sum}, more than 1; GENIUS caps such utilities at 1, which a scenario with values of at most 100 cannot represent`,
    );
  }
  if (sum > 1) {
    warnings.push(
      `${file.path}: the issue weights sum to ${sum}, a little more than 1; utilities are GENIUS's divided by that sum, ` +
        `at most ${(100 * (1 - 1 / sum)).toPrecision(2)} points lower`,
    );
  }
  // Points = evaluation × 100 × S, so that the engine's weight / S gives back GENIUS's raw weight.
  const scale = 100 * Math.min(sum, 1);

  const reservation = children(profile, "reservation")[0];
  const reservationValue = reservation ? number(`${file.path}: <reservation>`, reservation, "value") : 0;
  const discount = children(profile, "discount_factor")[0];
  let discountFactor = discount ? number(`${file.path}: <discount_factor>`, discount, "value") : 1;
  if (discountFactor <= 0 || discountFactor > 1) {
    warnings.push(`${file.path}: discount factor ${discountFactor} is outside (0, 1]; GENIUS uses 1 (no discount) instead`);
    discountFactor = 1;
  }
  const batna = reservationValue * 100;
  return {
    id: partyId,
    name: partyId,
    briefing:
      `You negotiate for ${partyId}. Your interests come from the GENIUS preference profile ${fileName(file.path)}: ` +
      `the weights show which issues matter most to you, and without an agreement you get ${round(batna)} points.`,
    weights: Object.fromEntries(rows.map(({ issue, weight }) => [issue.id, weight])),
    values: Object.fromEntries(
      rows.map(({ issue, evaluations }) => [issue.id, Object.fromEntries(evaluations.map((e, o) => [issue.options[o].id, e * scale]))]),
    ),
    batna,
    metadata: { genius: { profile: fileName(file.path), reservationValue, discountFactor } },
  };
}

/** GENIUS's evaluation (0–1) of each option of `issue`, in option order. */
function evaluations(where: string, issue: DomainIssue, evaluator: Element): number[] {
  const type = issueType(where, evaluator);
  if (type !== issue.type) throw new UserError(`${where}: the profile treats it as ${type}, the domain as ${issue.type}`);
  if (issue.type === "integer") {
    for (const bound of ["lowerbound", "upperbound"] as const) {
      if (integer(where, evaluator, bound) !== issue[bound]) {
        throw new UserError(`${where}: the profile's ${bound} ${evaluator.$?.[bound]} differs from the domain's ${issue[bound]}`);
      }
    }
    const linear = children(evaluator, "evaluator")[0];
    if (!linear) throw new UserError(`${where}: the integer issue has no <evaluator slope=".." offset="..">`);
    const slope = number(where, linear, "slope");
    const offset = number(where, linear, "offset");
    return issue.values.map((value) => Math.min(1, Math.max(0, offset + slope * (Number(value) - issue.lowerbound))));
  }
  const given = new Map<string, number>();
  for (const item of children(evaluator, "item")) {
    const value = item.$?.value ?? "";
    if (!issue.values.includes(value)) throw new UserError(`${where}: the profile evaluates "${value}", which the domain does not list`);
    const evaluation = number(`${where}, value "${value}"`, item, "evaluation");
    if (evaluation < 0) throw new UserError(`${where}, value "${value}": the evaluation is negative (${evaluation})`);
    given.set(value, evaluation);
  }
  const missing = issue.values.find((value) => !given.has(value));
  if (missing !== undefined) throw new UserError(`${where}: the profile has no evaluation for "${missing}"`);
  const max = Math.max(...given.values());
  // As GENIUS's EvaluatorDiscrete.normalize: a (near-)zero maximum makes every evaluation 0.
  return issue.values.map((value) => (max < 0.00001 ? 0 : given.get(value)! / max));
}

/** The document's single root element and its tag. */
function parseXml(file: GeniusFile): { tag: string; root: Element } {
  // The built-in validator is deprecated in favour of a separate package, but the parser alone accepts broken XML silently.
  const valid = XMLValidator.validate(file.xml);
  if (valid !== true) throw new UserError(`${file.path}:${valid.err.line}: not well-formed XML: ${valid.err.msg}`);
  const document = parser.parse(file.xml) as Element;
  const roots = Object.keys(document).filter((key) => !key.startsWith("?") && !key.startsWith("#"));
  if (roots.length !== 1) throw new UserError(`${file.path}: expected one root element, found ${roots.length}`);
  return { tag: roots[0], root: children(document, roots[0])[0] };
}

/** The single root objective; GENIUS allows objectives nested in it, which have no scenario counterpart. */
function onlyObjective(file: GeniusFile, space: Element): Element {
  const objective = children(space, "objective")[0];
  if (!objective) throw new UserError(`${file.path}: <utility_space> has no <objective>`);
  if (children(objective, "objective").length > 0) {
    throw new UserError(`${file.path}: nested objectives are not supported; all issues must sit directly in the root <objective>`);
  }
  return objective;
}

function children(element: Element, tag: string): Element[] {
  const list = element[tag];
  // An element without attributes or children parses as "".
  return Array.isArray(list) ? list.map((child: unknown) => (typeof child === "object" && child !== null ? (child as Element) : {})) : [];
}

function required(file: GeniusFile, element: Element, attribute: string, what: string): string {
  const value = element.$?.[attribute];
  if (!value) throw new UserError(`${file.path}: ${what} has no ${attribute}="…" attribute, or an empty one`);
  return value;
}

function number(where: string, element: Element, attribute: string): number {
  const text = element.$?.[attribute];
  const value = Number(text);
  if (text === undefined || text.trim() === "" || !Number.isFinite(value)) {
    throw new UserError(`${where}: ${attribute}="${text ?? ""}" is not a number`);
  }
  return value;
}

function integer(where: string, element: Element, attribute: string): number {
  const value = number(where, element, attribute);
  if (!Number.isSafeInteger(value)) throw new UserError(`${where}: ${attribute}="${element.$?.[attribute]}" is not an integer`);
  return value;
}

function issueType(where: string, element: Element): "discrete" | "integer" {
  // GENIUS reads `type` and treats a missing one as discrete.
  const type = (element.$?.type ?? "discrete").toLowerCase();
  if (type === "discrete" || type === "integer") return type;
  if (type === "real") throw new UserError(`${where}: real-valued issues are not supported; only discrete and integer issues`);
  throw new UserError(`${where}: unknown issue type "${element.$?.type}"`);
}

/** `text` itself when it is a valid id not yet taken; otherwise the closest valid, unused id. */
function uniqueId(text: string, taken: Set<string>, fallback: string): string {
  const valid = OptionSchema.shape.id.safeParse(text).success;
  const base = valid ? text : text.replace(/\p{Cc}/gu, "").trim() || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

function renamed(what: string, id: string): string {
  return `${what} gets id "${id}": ids cannot be empty, start or end with spaces, or hold control characters`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}
