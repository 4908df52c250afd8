/**
 * The scenario loader for hand-written JSON: every mistake becomes a diagnostic
 * with file, line, column, JSON path and a code frame, never a stack trace.
 */
import { getNodeValue } from "jsonc-parser";
import { readTextFile } from "../files.js";
import { ScenarioError, SourceText, type Diagnostic } from "./diagnostics.js";
import { locate, parseJson } from "./json.js";
import { ScenarioSchema, type Scenario } from "./schema.js";
import { schemaFindings } from "./schemaIssues.js";
import { semanticFindings } from "./semantics.js";

export { ScenarioError, formatDiagnostic, type Diagnostic } from "./diagnostics.js";

/** The scenario, present only when there are no errors, and every diagnostic in file order. */
export function parseScenario(text: string, file: string): { scenario?: Scenario; diagnostics: Diagnostic[] } {
  // Editors hide a byte order mark, so columns are counted without it.
  const source = new SourceText(text.replace(/^\uFEFF/, ""), file);
  const { tree, diagnostics: syntax } = parseJson(source);
  if (!tree) return { diagnostics: syntax };
  const input: unknown = getNodeValue(tree);
  const parsed = ScenarioSchema.safeParse(input);
  const findings = parsed.success ? semanticFindings(parsed.data) : schemaFindings(ScenarioSchema, input, parsed.error.issues);
  const located = [...syntax, ...findings.map((finding) => locate(source, tree, finding))].sort((a, b) => a.line - b.line || a.column - b.column);
  const ok = parsed.success && located.every((d) => d.severity !== "error");
  return ok ? { scenario: parsed.data, diagnostics: located } : { diagnostics: located };
}

/** Reads and checks a scenario file; throws a ScenarioError listing every diagnostic when any is an error. */
export function loadScenarioFile(path: string): { scenario: Scenario; warnings: Diagnostic[] } {
  const { scenario, diagnostics } = parseScenario(readTextFile(path, "scenario file"), path);
  if (!scenario) throw new ScenarioError(diagnostics);
  return { scenario, warnings: diagnostics };
}
