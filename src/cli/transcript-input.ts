/** Reads a transcript file that a command names: checked and replayed, or a located error. */
import { type ReadTranscript, parseTranscript } from "../negotiation/transcript.js";
import { partnershipTranscriptFindings } from "../play/partnership.js";
import { LocatedError, readScenarioText } from "../scenario/load.js";

/** A transcript of the longest game (1000 rounds of eight parties) is a few megabytes. */
export const TRANSCRIPT_MAX_BYTES = 32 * 1024 * 1024;

export function loadTranscript(path: string): ReadTranscript {
  const { text, diagnostic } = readScenarioText(path, "transcript", TRANSCRIPT_MAX_BYTES);
  if (text === undefined) throw new LocatedError([diagnostic!]);
  const { read, diagnostics, omitted } = parseTranscript(text, path, partnershipTranscriptFindings);
  if (!read) throw new LocatedError(diagnostics, omitted);
  return read;
}
