/** `debrief`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { writeFileAtomic } from "../../files.js";
import type { Language } from "../../i18n/language.js";
import { translator } from "../../i18n/translate.js";
import { computeDebrief, debriefSections, debriefToJson } from "../../report/debrief.js";
import { printJson } from "../output.js";
import { loadTranscript } from "../transcript-input.js";
import { UserError } from "../../errors.js";
import type { Transcript } from "../../negotiation/transcript.js";
import { partnershipFromTranscript } from "../../play/partnership.js";
import { partnershipGameDebrief } from "../../play/partnership-debrief.js";
import { partnershipDebriefJson } from "../../report/partnership-debrief-json.js";
import { partnershipDebriefText } from "../../report/partnership-debrief-text.js";

export interface DebriefFlags {
  json?: boolean;
  html?: string;
  lang?: Language;
}

export async function debriefAction(path: string, options: DebriefFlags): Promise<void> {
  const { transcript, session } = loadTranscript(path);
  const language = options.lang ?? transcript.lang;
  if (transcript.partnership) return partnershipDebrief(transcript, language, options);
  const debrief = computeDebrief(transcript, session);
  if (options.html !== undefined) {
    // Vega and its renderer load only for a page.
    const { debriefHtml } = await import("../../report/debrief-html.js");
    writeFileAtomic(options.html, await debriefHtml(debrief, transcript.scenario, language, transcript.name));
    process.stderr.write(`${translator(language)("report.written", { path: options.html })}\n`);
  }
  if (options.json) {
    printJson(debriefToJson(debrief, transcript.scenario, language));
    return;
  }
  const sections = debriefSections(debrief, transcript.scenario, language, process.stdout.columns ?? 80);
  process.stdout.write(`${sections.map((section) => [section.title, ...section.lines].join("\n")).join("\n\n")}\n`);
}

/** Tips 3, 4 and 7: a partnership's debrief, stage by stage, replayed from the trainee's actions. */
function partnershipDebrief(transcript: Transcript, language: Language, options: { json?: boolean; html?: string }): void {
  if (options.html !== undefined) throw new UserError("--html is for the debrief of a single negotiation; a partnership's debrief is text or --json");
  const content = partnershipGameDebrief(partnershipFromTranscript(transcript), language);
  if (options.json) {
    printJson(partnershipDebriefJson(content));
    return;
  }
  process.stdout.write(`${partnershipDebriefText(content, language, process.stdout.columns ?? 80).join("\n")}\n`);
}
