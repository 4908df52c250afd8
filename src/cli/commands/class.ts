/** `class`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { readRowFile } from "../../batch/rowfile.js";
import type { BatchRow } from "../../batch/row.js";
import { UserError } from "../../errors.js";
import { writeFileAtomic } from "../../files.js";
import { detectLanguage } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { TRANSCRIPT_FORMAT, parseTranscript } from "../../negotiation/transcript.js";
import { type ClassInput, type ClassReport, classReport } from "../../report/class.js";
import { classToJson } from "../../report/class-json.js";
import { classSections } from "../../report/class-text.js";
import { type Diagnostic, readScenarioText } from "../../scenario/load.js";
import { printJson } from "../output.js";
import { TRANSCRIPT_MAX_BYTES } from "../transcript-input.js";

export interface ClassFlags {
  html?: string;
  json?: boolean;
  lang?: string;
  baseline?: string;
}

export async function classAction(paths: string[], flags: ClassFlags): Promise<void> {
  const lang = detectLanguage(flags.lang, process.env);
  const baseline: BatchRow[] = flags.baseline === undefined ? [] : readRowFile(flags.baseline);
  const report = readClass(paths, baseline);
  if (report.groups.length === 0) {
    for (const entry of report.unreadable) process.stderr.write(`${entry.file}: ${entry.reason}\n`);
    throw new UserError(`no transcripts in ${paths.join(", ")}: a class debrief reads the transcripts that play saves (transcripts/<scenario>-<time>.json)`);
  }
  if (flags.html !== undefined) {
    // Vega and its renderer load only for a page.
    const { classHtml } = await import("../../report/class-html.js");
    writeFileAtomic(flags.html, await classHtml(report, lang));
  }
  if (flags.json) printJson(classToJson(report, lang));
  else {
    const width = process.stdout.isTTY ? (process.stdout.columns ?? 80) : 100;
    const sections = classSections(report, lang, width);
    process.stdout.write(`${sections.map((section) => [section.title, ...section.lines].join("\n")).join("\n\n")}\n`);
  }
  if (flags.html !== undefined) process.stderr.write(`${translator(lang)("report.written", { path: flags.html })}\n`);
}

/** Every transcript the paths name or hold, read and replayed; what cannot be read is listed. */
function readClass(paths: readonly string[], baseline: readonly BatchRow[]): ClassReport {
  const inputs: ClassInput[] = [];
  const unreadable: { file: string; reason: string }[] = [];
  for (const path of paths) {
    const found = isFolder(path);
    for (const file of found ? transcriptFiles(path) : [path]) {
      const read = readOne(file, !found);
      if (read === null) continue;
      if ("reason" in read) unreadable.push(read);
      else inputs.push(read);
    }
  }
  return classReport(inputs, unreadable, baseline);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    throw new UserError(`cannot read ${path}: no such file or folder`);
  }
}

/** The JSON files of a folder and its subfolders, in path order. */
function transcriptFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/**
 * One file: a transcript, a damaged one (with its first problem), or, in a folder, null for
 * a file that is no transcript at all (a scenario, a moves file).
 */
function readOne(file: string, named: boolean): ClassInput | { file: string; reason: string } | null {
  const { text, diagnostic } = readScenarioText(file, "transcript", TRANSCRIPT_MAX_BYTES);
  if (text === undefined) return { file, reason: place(diagnostic!) };
  if (!named && !text.includes(`"${TRANSCRIPT_FORMAT}"`)) return null;
  const { read, diagnostics } = parseTranscript(text, file);
  if (!read) return { file, reason: place(diagnostics[0]) };
  // A class row is one negotiation; a partnership has one per stage, and its own debrief.
  if (read.transcript.partnership) return { file, reason: `a partnership over stages (${read.transcript.scenario.id}): the class report compares single negotiations; debrief it with mutual-gains debrief ${file}` };
  return { file, transcript: read.transcript, session: read.session };
}

/** Where in its file a problem is, and what it is. */
const place = (d: Diagnostic) => `${d.line}:${d.column}: ${d.path ? `${d.path}: ` : ""}${d.message}`;
