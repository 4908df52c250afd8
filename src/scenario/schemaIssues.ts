/**
 * Zod issues rewritten in plain words: what was expected at a JSON path and what
 * the file has there, never zod's own JSON.
 */
import * as z from "zod";
import { type Translator, translator } from "../i18n/translate.js";
import { didYouMean, type Finding, type JsonPath } from "./diagnostics.js";

type Schema = z.core.$ZodType;

const MISSING = Symbol("missing");

export function schemaFindings(schema: Schema, input: unknown, issues: readonly z.core.$ZodIssue[], base: JsonPath = []): Finding[] {
  // JSON keys are strings and indices, never symbols.
  return issues.flatMap((issue) => issueFindings(schema, input, issue, [...base, ...(issue.path as JsonPath)]));
}

function issueFindings(schema: Schema, input: unknown, issue: z.core.$ZodIssue, path: JsonPath): Finding[] {
  const error = (message: string): Finding[] => [{ severity: "error", path, message }];
  const value = valueAt(input, path);
  const want = () => `expected ${expected(schemaAt(schema, path, input))}`;
  const mismatch = () =>
    value === MISSING ? `missing required key "${path.at(-1)}": ${want()}` : `${want()}, got ${describeValue(value)}`;
  switch (issue.code) {
    case "unrecognized_keys": {
      const known = knownKeys(schemaAt(schema, path, input));
      return issue.keys.map((key) => ({
        severity: "error",
        path: [...path, key],
        atKey: true,
        message: `unknown key "${key}"${didYouMean(key, known)}`,
      }));
    }
    case "invalid_union": {
      // Report the alternative the value was evidently meant for ({ "en": … } for an object), not every alternative.
      const meant = issue.errors.filter((errors) => !errors.some((e) => e.code === "invalid_type" && e.path.length === 0));
      return meant.length === 1 ? schemaFindings(schema, input, meant[0], path) : error(mismatch());
    }
    case "invalid_type":
    case "invalid_value":
      return error(mismatch());
    case "too_small":
    case "too_big": {
      const small = issue.code === "too_small" ? "yes" : "no";
      const limit = Number(issue.code === "too_small" ? issue.minimum : issue.maximum);
      if (issue.origin === "array") {
        // The list's key names what it holds: "options", "parties".
        const plural = typeof path.at(-1) === "string" ? String(path.at(-1)) : "items";
        const singular = plural.replace(/ies$/, "y").replace(/s$/, "");
        return error(MESSAGES("scenario.schema.listLength", { small, limit, singular, plural, got: (value as unknown[]).length }));
      }
      if (issue.origin === "string") return error(MESSAGES("scenario.schema.textLength", { small, limit }));
      // A number out of range, where a number (or, say, a formula) may stand: the number's range.
      const options = unwrap(schemaAt(schema, path, input));
      const number = options instanceof z.ZodUnion ? options.options.find((option) => option instanceof z.ZodNumber) : options;
      // An exclusive bound (sd > 0) is not "0 or more": the range would name the value refused.
      if (issue.origin === "number" && issue.inclusive === false) {
        const kind = number instanceof z.ZodNumber && number.isInt ? "a whole number" : "a number";
        return error(`expected ${kind} ${small === "yes" ? "above" : "below"} ${limit}, got ${describeValue(value)}`);
      }
      return error(`expected ${expected(number ?? options)}, got ${describeValue(value)}`);
    }
    case "invalid_format":
      // The schema's patterns carry their description in plain words as their message.
      return error(`expected ${issue.format === "regex" ? issue.message : `a text in ${issue.format} format`}, got ${describeValue(value)}`);
    default:
      return error(issue.message);
  }
}

/**
 * Scenario diagnostics are in English, the language of the JSON keys they name. The translator
 * is made on the first message, not when this module loads: a valid scenario needs none, and
 * making one starts Intl's number formats (about 10 ms).
 */
const MESSAGES = (...args: Parameters<Translator>) => translator("en")(...args);

function valueAt(input: unknown, path: JsonPath): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object" || !Object.hasOwn(value, key)) return MISSING;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

function describeValue(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value !== null && typeof value === "object") return "an object";
  if (typeof value !== "string") return String(value);
  return value.length > 40 ? `${JSON.stringify(value.slice(0, 38)).slice(0, -1)}…"` : JSON.stringify(value);
}

const unwrap = (schema: Schema | undefined) => (schema instanceof z.ZodOptional ? schema.unwrap() : schema);

/** The schema of the value at `path`, following the input through unions to the option it is meant for. */
function schemaAt(schema: Schema, path: JsonPath, input: unknown): Schema | undefined {
  let current: Schema | undefined = schema;
  let value = input;
  for (const key of path) {
    current = child(meantOption(current, value), key);
    value = value !== null && typeof value === "object" && Object.hasOwn(value, key) ? (value as Record<string | number, unknown>)[key] : undefined;
  }
  return meantOption(current, value);
}

/** For a discriminated union, the option its value's discriminator names; any other schema as it is. */
function meantOption(schema: Schema | undefined, value: unknown): Schema | undefined {
  const s = unwrap(schema);
  if (!(s instanceof z.ZodDiscriminatedUnion) || value === null || typeof value !== "object") return schema;
  const tag = (value as Record<string, unknown>)[s.def.discriminator];
  return s.options.find((option) => expectedLiteral(option, s.def.discriminator).includes(JSON.stringify(tag))) ?? schema;
}

function child(parent: Schema | undefined, key: string | number): Schema | undefined {
  const s = unwrap(parent);
  // The discriminator of a union whose value names none of its options: any of their tags.
  if (s instanceof z.ZodDiscriminatedUnion && key === s.def.discriminator) {
    const tags = s.options.flatMap((option) => expectedLiteral(option, key).map((tag) => JSON.parse(tag) as string));
    return z.enum(tags as [string, ...string[]]);
  }
  if (s instanceof z.ZodArray) return s.element;
  if (s instanceof z.ZodRecord) return s.valueType;
  if (s instanceof z.ZodObject) return s.shape[key];
  if (s instanceof z.ZodUnion) return s.options.map((option) => child(option, key)).find(Boolean);
  return undefined;
}

function knownKeys(schema: Schema | undefined): string[] {
  const s = unwrap(schema);
  if (s instanceof z.ZodObject) return Object.keys(s.shape);
  if (s instanceof z.ZodUnion) return s.options.flatMap(knownKeys);
  return [];
}

/** What a schema accepts, in words. */
function expected(schema: Schema | undefined): string {
  const s = unwrap(schema);
  if (s instanceof z.ZodString) return "a text";
  if (s instanceof z.ZodBoolean) return "true or false";
  if (s instanceof z.ZodLiteral) return s.values.size === 1 ? JSON.stringify([...s.values][0]) : [...s.values].map((v) => JSON.stringify(v)).join(" or ");
  if (s instanceof z.ZodEnum) return `one of ${s.options.map((option) => JSON.stringify(option)).join(", ")}`;
  if (s instanceof z.ZodDiscriminatedUnion) {
    const key = s.def.discriminator;
    const kinds = s.options.flatMap((option) => expectedLiteral(option, key));
    return `an object with "${key}": ${kinds.join(", ")}`;
  }
  if (s instanceof z.ZodNumber) return numberRange(s);
  if (s instanceof z.ZodArray) return "a list [ … ]";
  if (s instanceof z.ZodObject || s instanceof z.ZodRecord) return "an object { … }";
  if (s instanceof z.ZodUnion) {
    const shape = (option: Schema) => `{ ${knownKeys(option).map((key) => `"${key}": …`).join(", ")} }`;
    return s.options.map((option) => (option instanceof z.ZodObject ? shape(option) : expected(option))).join(" or ");
  }
  return "a different value";
}

function expectedLiteral(option: Schema, key: string): string[] {
  const field = option instanceof z.ZodObject ? option.shape[key] : undefined;
  return field instanceof z.ZodLiteral ? [...field.values].map((value) => JSON.stringify(value)) : [];
}

function numberRange(schema: z.ZodNumber): string {
  const kind = schema.isInt ? "a whole number" : "a number";
  // Integer schemas report the safe-integer limits as bounds; those are no limit to a trainer.
  const bounded = (limit: number | null): limit is number => Number.isFinite(limit) && Math.abs(limit!) < Number.MAX_SAFE_INTEGER;
  const { minValue: min, maxValue: max } = schema;
  if (bounded(min) && bounded(max)) return `${kind} from ${min} to ${max}`;
  if (bounded(min)) return `${kind} of ${min} or more`;
  if (bounded(max)) return `${kind} of ${max} or less`;
  return kind;
}
