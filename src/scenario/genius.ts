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
 * does, and must agree on the name, type and values; an issue, weight or value a profile
 * gives twice is refused rather than one of them silently winning. Numbers are decimals
 * as GENIUS writes them (no hex, no NaN or Infinity); a reservation value is a utility, 0 to 1.
 * Reading the XML itself, and what is refused there, is genius-xml.ts's.
 */
import { UserError } from "../errors.js";
import { readTextFile } from "../files.js";
import { type Element, MAX_GENIUS_FILE_BYTES, children, parseGeniusXml } from "./genius-xml.js";
import { SCENARIO_LIMITS } from "./limits.js";
import { OptionSchema, ScenarioSchema, type Issue, type Party, type Scenario } from "./schema.js";

export interface GeniusFile {
  path: string;
  xml: string;
}

/** Weights summing to a little more than 1 (rounding in hand-edited profiles) import with a warning; more is refused. */
const MAX_WEIGHT_EXCESS = 0.01;
/** Values of one issue (every integer of an integer issue becomes an option), as a scenario may have. */
const MAX_ISSUE_VALUES = SCENARIO_LIMITS.optionsPerIssue;
const MAX_ISSUES = SCENARIO_LIMITS.issues;
/** As the scenario schema allows. */
const MAX_PARTIES = 8;

/** Reads a GENIUS file: UTF-8, at most MAX_GENIUS_FILE_BYTES (refused unread). */
export function readGeniusFile(path: string): GeniusFile {
  return { path, xml: readTextFile(path, "GENIUS file", MAX_GENIUS_FILE_BYTES) };
}

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
  const space = children(parseGeniusXml(file.path, file.xml).root, "utility_space")[0];
  if (!space) {
    throw new UserError(`${file.path}: not a GENIUS domain: the root element has no <utility_space> (is this a preference profile?)`);
  }
  const objective = onlyObjective(file, space);
  const elements = children(objective, "issue");
  if (elements.length > MAX_ISSUES) throw new UserError(`${file.path}: the domain has ${elements.length} issues; at most ${MAX_ISSUES} can be imported`);
  const issueIds = new Set<string>();
  const indices = new Set<string>();
  const issues = elements.map((element): DomainIssue => {
    const name = idText(file, required(file, element, "name", "an <issue>"), "an <issue>'s name");
    const where = `${file.path}: issue "${name}"`;
    const index = required(file, element, "index", `issue "${name}"`);
    if (indices.has(index)) throw new UserError(`${where}: index="${index}" is used by another issue too`);
    indices.add(index);
    const type = issueType(where, element);
    const id = uniqueId(name, issueIds, "issue");
    if (id !== name) warnings.push(renamed(`issue "${name}"`, id));

    const items = children(element, "item");
    let values: string[];
    let lowerbound = NaN;
    let upperbound = NaN;
    if (type === "discrete") {
      if (items.length > MAX_ISSUE_VALUES) throw tooManyValues(where, `${items.length} <item> values`);
      values = items.map((item) => idText(file, required(file, item, "value", `an <item> of issue "${name}"`), `a value of issue "${name}"`));
      const seen = new Set<string>();
      for (const value of values) {
        if (seen.has(value)) throw new UserError(`${where}: <item value="${value}"> is listed twice`);
        seen.add(value);
      }
    } else {
      lowerbound = integer(where, element, "lowerbound");
      upperbound = integer(where, element, "upperbound");
      if (upperbound < lowerbound) throw new UserError(`${where}: lowerbound="${lowerbound}" is above upperbound="${upperbound}"`);
      const count = upperbound - lowerbound + 1;
      if (count > MAX_ISSUE_VALUES) throw tooManyValues(where, `${count} integer values (${lowerbound}–${upperbound})`);
      values = Array.from({ length: count }, (_, i) => String(lowerbound + i));
    }
    if (values.length < 2) throw new UserError(`${where}: has ${values.length} value(s); an issue needs at least two options`);

    const optionIds = new Set<string>();
    const options = values.map((value, i) => {
      const optionId = uniqueId(value, optionIds, `option-${i + 1}`);
      if (optionId !== value) warnings.push(renamed(`issue "${name}", value "${value}"`, optionId));
      let description = items[i]?.$?.description?.trim();
      if (description && description.length > SCENARIO_LIMITS.textLength) {
        warnings.push(`${where}: the description of "${value}" is cut to its first ${SCENARIO_LIMITS.textLength} characters`);
        description = description.slice(0, SCENARIO_LIMITS.textLength);
      }
      return { id: optionId, label: value, ...(description && description !== value ? { description } : {}) };
    });
    return { issue: { id, label: name, options }, index, name, type, values, lowerbound, upperbound };
  });
  if (issues.length === 0) throw new UserError(`${file.path}: the domain has no issues`);
  return issues;
}

/** A name or value, which becomes an id and a label: at most as long as an id may be. */
function idText(file: GeniusFile, text: string, what: string): string {
  if (text.length > SCENARIO_LIMITS.idLength) {
    throw new UserError(`${file.path}: ${what} "${text.slice(0, 40)}…" has ${text.length} characters; at most ${SCENARIO_LIMITS.idLength} can be imported`);
  }
  return text;
}

function tooManyValues(where: string, what: string): UserError {
  return new UserError(`${where}: ${what} are too many options; an issue can have at most ${MAX_ISSUE_VALUES}`);
}

function readProfile(file: GeniusFile, partyId: string, domain: DomainIssue[], warnings: string[]): Party {
  const { tag, root: profile } = parseGeniusXml(file.path, file.xml);
  if (tag !== "utility_space") {
    throw new UserError(`${file.path}: not a GENIUS preference profile: the root element is <${tag}>, not <utility_space>`);
  }
  const kind = profile.$?.type;
  const objective = onlyObjective(file, profile);
  const nonlinear =
    Object.hasOwn(objective, "utility") ? "hyper-rectangles in <utility>" : kind !== undefined && !/^(linear|uncertain)$/i.test(kind) ? `type="${kind}"` : undefined;
  if (nonlinear) {
    throw new UserError(`${file.path}: a non-linear utility space (${nonlinear}) is not supported; only linear-additive profiles can be imported`);
  }
  if (kind !== undefined && /^uncertain$/i.test(kind)) {
    warnings.push(`${file.path}: the GENIUS uncertainty settings (comparisons, errors) are ignored; the party gets the underlying additive utility`);
  }

  const byIndex = new Map(domain.map((issue) => [issue.index, issue]));
  const weights = new Map<string, number>();
  for (const element of children(objective, "weight")) {
    const index = required(file, element, "index", "a <weight>");
    const where = `${file.path}: <weight index="${index}">`;
    if (weights.has(index)) throw new UserError(`${where} is given twice`);
    const weight = number(where, element, "value");
    if (weight < 0) throw new UserError(`${where}: the weight is negative (${weight})`);
    weights.set(index, weight);
    if (!byIndex.has(index)) warnings.push(`${file.path}: ignored the weight for issue index ${index}, which the domain does not have`);
  }
  const evaluators = new Map<string, Element>();
  for (const element of children(objective, "issue")) {
    const index = required(file, element, "index", "an <issue>");
    const name = element.$?.name ?? "";
    const match = byIndex.get(index);
    if (!match || name !== match.name) {
      throw new UserError(
        `${file.path}: issue "${name}" (index ${index}) does not match the domain, which has ${match ? `"${match.name}" at index ${index}` : `no issue with index ${index}`}`,
      );
    }
    if (evaluators.has(index)) throw new UserError(`${file.path}: issue "${name}" (index ${index}) is evaluated twice`);
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
  if (reservationValue < 0 || reservationValue > 1) {
    throw new UserError(`${file.path}: <reservation value="${reservationValue}">: a reservation value is a utility from 0 to 1`);
  }
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
  const listed = new Set(issue.values);
  const given = new Map<string, number>();
  for (const item of children(evaluator, "item")) {
    const value = item.$?.value ?? "";
    if (!listed.has(value)) throw new UserError(`${where}: the profile evaluates "${value}", which the domain does not list`);
    if (given.has(value)) throw new UserError(`${where}: the profile evaluates "${value}" twice`);
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

/** The single root objective; GENIUS allows objectives nested in it, which have no scenario counterpart. */
function onlyObjective(file: GeniusFile, space: Element): Element {
  const objective = children(space, "objective")[0];
  if (!objective) throw new UserError(`${file.path}: <utility_space> has no <objective>`);
  if (children(objective, "objective").length > 0) {
    throw new UserError(`${file.path}: nested objectives are not supported; all issues must sit directly in the root <objective>`);
  }
  return objective;
}

function required(file: GeniusFile, element: Element, attribute: string, what: string): string {
  const value = element.$?.[attribute];
  if (!value) throw new UserError(`${file.path}: ${what} has no ${attribute}="…" attribute, or an empty one`);
  return value;
}

/** A decimal number as GENIUS writes them ("0.25", "-1", "1E-4"); Number() alone would take "0x10", "" or "Infinity". */
const DECIMAL = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

function number(where: string, element: Element, attribute: string): number {
  const text = element.$?.[attribute];
  const value = Number(text);
  if (text === undefined || !DECIMAL.test(text) || !Number.isFinite(value)) {
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
  const valid = (id: string) => OptionSchema.shape.id.safeParse(id).success;
  const fit = (id: string, room: number) => id.slice(0, room).trim();
  const cleaned = valid(text) ? text : fit(text.replace(/\p{Cc}/gu, ""), SCENARIO_LIMITS.idLength);
  // What no cleaning makes an id ("__proto__", nothing at all) gets the fallback.
  const base = valid(cleaned) ? cleaned : fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${fit(base, SCENARIO_LIMITS.idLength - `-${n}`.length)}-${n}`;
  taken.add(id);
  return id;
}

function renamed(what: string, id: string): string {
  return `${what} gets id "${id}": ids cannot be empty, start or end with spaces, hold control characters, be longer than ${SCENARIO_LIMITS.idLength} characters or be "__proto__"`;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

function round(points: number): number {
  return Math.round(points * 100) / 100;
}
