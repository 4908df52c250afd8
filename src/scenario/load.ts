/**
 * The scenario loader for hand-written JSON: every mistake becomes a diagnostic
 * with file, line, column, JSON path and a code frame, never a stack trace.
 */
import { EncodingError, readTextFile } from "../files.js";
import type { z } from "zod";
import { type Diagnostic, type Finding, LocatedError, SourceText } from "./diagnostics.js";
import { type PlacedFinding, parseJson, place } from "./json.js";
import { SCENARIO_LIMITS } from "./limits.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { schemaFindings } from "./schemaIssues.js";
import { semanticFindings } from "./semantics.js";

export { LocatedError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";

export interface ParsedScenario {
  /** Present only when there are no errors. */
  readonly scenario?: Scenario;
  /** In file order, at most SCENARIO_LIMITS.diagnostics of them. */
  readonly diagnostics: Diagnostic[];
  /** How many more problems there were than are listed. */
  readonly omitted: number;
}

/** The scenario and its diagnostics, in file order. */
export function parseScenario(text: string, file: string): ParsedScenario {
  const { value, diagnostics, omitted } = parseJsonFile(text, file, ScenarioSchema, semanticFindings);
  return value === undefined ? { diagnostics, omitted } : { scenario: value, diagnostics, omitted };
}

/**
 * A JSON file checked by `gate` (is it the kind of file expected at all?), then against a
 * schema, then by `check` (findings the schema cannot express), every finding located at its
 * place in the text. The value is present only without errors.
 */
export function parseJsonFile<T>(
  text: string,
  file: string,
  schema: z.ZodType<T>,
  check: (value: T) => Finding[],
  options: { what?: string; gate?: (input: unknown) => Finding[] } = {},
): { value?: T; diagnostics: Diagnostic[]; omitted: number } {
  // Editors hide a byte order mark, so columns are counted without it.
  const source = new SourceText(text.replace(/^\uFEFF/, ""), file);
  const { parsed: json, findings: syntax } = parseJson(source, options.what);
  if (!json) return located(source, syntax);
  const input: unknown = json.value;
  // A file that is not the kind expected at all gets one finding, not one per field.
  const refused = options.gate?.(input) ?? [];
  if (refused.length > 0) return located(source, [...syntax, ...refused.map((finding) => place(json.tree(), finding, source.text))]);
  const parsed = schema.safeParse(input);
  const findings = parsed.success ? check(parsed.data) : schemaFindings(schema, input, parsed.error.issues);
  const result = located(source, [...syntax, ...findings.map((finding) => place(json.tree(), finding, source.text))]);
  const ok = parsed.success && result.omitted === 0 && result.diagnostics.every((d) => d.severity !== "error");
  return ok ? { ...result, value: parsed.data } : result;
}

/** The first findings in file order as diagnostics (with their code frames); the others only counted. */
function located(source: SourceText, findings: PlacedFinding[]): { diagnostics: Diagnostic[]; omitted: number } {
  const sorted = findings.sort((a, b) => a.offset - b.offset);
  const shown = sorted.slice(0, SCENARIO_LIMITS.diagnostics);
  return {
    diagnostics: shown.map((f) => source.diagnostic(f.severity, f.offset, f.length, f.path, f.message)),
    omitted: sorted.length - shown.length,
  };
}

/** A file's text for the loader: not UTF-8, or too large, is one diagnostic. */
export function readScenarioText(path: string, what = "scenario file", maxBytes: number = SCENARIO_LIMITS.fileBytes): { text?: string; diagnostic?: Diagnostic } {
  try {
    return { text: readTextFile(path, what, maxBytes) };
  } catch (error) {
    if (!(error instanceof EncodingError)) throw error;
    return { diagnostic: { severity: "error", file: path, line: error.line, column: error.column, path: "", message: error.reason } };
  }
}

/** Reads and checks a scenario file; throws a LocatedError listing its diagnostics when any is an error. */
export function loadScenarioFile(path: string): { scenario: Scenario; warnings: Diagnostic[] } {
  const { text, diagnostic } = readScenarioText(path);
  if (text === undefined) throw new LocatedError([diagnostic!]);
  const { scenario, diagnostics, omitted } = parseScenario(text, path);
  if (!scenario) throw new LocatedError(diagnostics, omitted);
  return { scenario, warnings: diagnostics };
}
