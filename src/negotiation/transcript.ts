/**
 * A played negotiation as a file: the scenario itself (so the transcript stands on its
 * own, even when the scenario file changes later), the session configuration and every
 * event. Replaying the events reproduces the session; the debrief is computed from it.
 *
 * Reading one checks everything before it is replayed: the envelope, the configuration and
 * every event against the protocol's schema, the scenario as the scenario loader does, and
 * that they fit each other; then every event is replayed. Each problem is located in the
 * file (line, column, JSON path).
 */
import * as z from "zod";
import { TRAINEE_NAME_MAX_LENGTH, TRAINEE_NAME_PATTERN } from "../vocabulary.js";
import type { Finding, JsonPath } from "../scenario/diagnostics.js";
import { type Diagnostic, parseJsonFile } from "../scenario/load.js";
import { type Scenario, ScenarioSchema } from "../scenario/schema.js";
import { semanticFindings } from "../scenario/semantics.js";
import { findStyle } from "./partners/registry.js";
import type { SessionConfig, SessionEvent } from "./protocol.js";
import { SessionConfigSchema, SessionEventSchema } from "./protocol-schema.js";
import { ProtocolError, type Session, type SessionView, replay } from "./session.js";
import { type PartnershipTranscript, PartnershipTranscriptSchema } from "./partnership/record.js";

export const TRANSCRIPT_FORMAT = "mutual-gains-transcript";
export const TRANSCRIPT_VERSION = 1;

export interface Transcript {
  readonly format: typeof TRANSCRIPT_FORMAT;
  readonly version: typeof TRANSCRIPT_VERSION;
  readonly savedAt: string;
  /** false when the trainee quit or pressed Ctrl-C before the end. */
  readonly complete: boolean;
  /** The party the trainee played. */
  readonly trainee: number;
  /** Whether the partner's style was a surprise, revealed only in the debrief. */
  readonly surprise: boolean;
  /** The trainee's name or group, for a class report's rows; absent when none was given (and in older transcripts). */
  readonly name?: string;
  readonly lang: "en" | "nl";
  readonly scenario: Scenario;
  readonly config: SessionConfig;
  readonly events: readonly SessionEvent[];
  /**
   * Tips 3, 4 and 7: a partnership's phases and the trainee's actions. `config` then seats the
   * whole scenario's parties and `events` is empty: each phase has its own.
   */
  readonly partnership?: PartnershipTranscript;
}

export { TRAINEE_NAME_MAX_LENGTH } from "../vocabulary.js";

/** A name as typed: no control characters, no leading or trailing spaces. */
export const TraineeName = z
  .string()
  .max(TRAINEE_NAME_MAX_LENGTH)
  .regex(TRAINEE_NAME_PATTERN, "a name without control characters or leading and trailing spaces");

const TranscriptSchema = z.strictObject({
  format: z.literal(TRANSCRIPT_FORMAT),
  version: z.literal(TRANSCRIPT_VERSION),
  savedAt: z.string(),
  complete: z.boolean(),
  trainee: z.number().int().min(0),
  surprise: z.boolean(),
  name: TraineeName.optional(),
  lang: z.enum(["en", "nl"]),
  scenario: ScenarioSchema,
  config: SessionConfigSchema,
  events: z.array(SessionEventSchema),
  partnership: PartnershipTranscriptSchema.optional(),
});

export function makeTranscript(
  session: SessionView,
  details: { trainee: number; surprise: boolean; name?: string; lang: "en" | "nl"; complete: boolean; savedAt: Date },
): Transcript {
  return {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    savedAt: details.savedAt.toISOString(),
    complete: details.complete,
    trainee: details.trainee,
    surprise: details.surprise,
    ...(details.name === undefined ? {} : { name: details.name }),
    lang: details.lang,
    scenario: session.initialScenario,
    config: session.config,
    events: session.events,
  };
}

export interface ReadTranscript {
  readonly transcript: Transcript;
  readonly session: Session;
}

/** A transcript file's text, checked and replayed; without one, the located problems. */
export function parseTranscript(
  text: string,
  file: string,
  /** Tips 3, 4 and 7: checks that a partnership's actions replay to its phases (the play layer knows how). */
  partnershipFindings: (transcript: Transcript) => Finding[] = () => [],
): { read?: ReadTranscript; diagnostics: Diagnostic[]; omitted: number } {
  let read: ReadTranscript | undefined;
  const check = (transcript: z.infer<typeof TranscriptSchema>): Finding[] => {
    const findings = transcriptFindings(transcript as Transcript);
    if (findings.length > 0) return findings;
    const replayed = replayFindings(transcript as Transcript);
    if (replayed.findings.length > 0 || !transcript.partnership) {
      read = replayed.read;
      return replayed.findings;
    }
    const partnership = partnershipFindings(transcript as Transcript);
    if (partnership.length === 0) read = replayed.read;
    return partnership;
  };
  const { value, diagnostics, omitted } = parseJsonFile(text, file, TranscriptSchema, check, { what: "a transcript saved by mutual-gains play", gate: envelopeFindings });
  return value && read ? { read, diagnostics, omitted } : { diagnostics, omitted };
}

const error = (path: JsonPath, message: string): Finding => ({ severity: "error", path, message });

/** Is it a transcript at all, and one of the version this program reads? */
function envelopeFindings(input: unknown): Finding[] {
  const record = input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : undefined;
  if (!record || record.format !== TRANSCRIPT_FORMAT) {
    return [error(record && Object.hasOwn(record, "format") ? ["format"] : [], `not a mutual-gains transcript: expected "format": "${TRANSCRIPT_FORMAT}" (transcripts are saved by mutual-gains play)`)];
  }
  if (Object.hasOwn(record, "version") && record.version !== TRANSCRIPT_VERSION) {
    return [error(["version"], `a transcript of format version ${JSON.stringify(record.version)}; this version of mutual-gains reads version ${TRANSCRIPT_VERSION}`)];
  }
  return [];
}

/** Whether the parts of a transcript fit together: its scenario, its configuration and the trainee. */
function transcriptFindings(transcript: Transcript): Finding[] {
  const scenarioFindings = semanticFindings(transcript.scenario)
    .filter((finding) => finding.severity === "error")
    .map((finding) => ({ ...finding, path: ["scenario", ...finding.path] }));
  if (scenarioFindings.length > 0) return scenarioFindings;
  const parties = transcript.scenario.parties.length;
  const { config } = transcript;
  const findings: Finding[] = [];
  if (transcript.trainee >= parties) findings.push(error(["trainee"], `the trainee is party ${transcript.trainee}, but the scenario has ${parties} parties (0 to ${parties - 1})`));
  if (config.participants.length !== parties) findings.push(error(["config", "participants"], `${config.participants.length} participants for a scenario of ${parties} parties`));
  if (config.initialTrust.length !== parties) findings.push(error(["config", "initialTrust"], `${config.initialTrust.length} trust levels for a scenario of ${parties} parties`));
  if (transcript.partnership && transcript.events.length > 0) findings.push(error(["events"], "a partnership's events are kept per phase, in partnership.phases"));
  config.participants.forEach((participant, k) => {
    if (participant.style !== "human" && !findStyle(participant.style)) findings.push(error(["config", "participants", k, "style"], `unknown partner style "${participant.style}"`));
  });
  return findings;
}

/** Every event replayed in order; the first that the protocol refuses is located. */
function replayFindings(transcript: Transcript): { read?: ReadTranscript; findings: Finding[] } {
  try {
    return { read: { transcript, session: replay(transcript.scenario, transcript.config, transcript.events) }, findings: [] };
  } catch (caught) {
    if (!(caught instanceof ProtocolError)) throw caught;
    const at = firstRefused(transcript);
    return { findings: [error(["events", at.index], `this event cannot be replayed: ${at.reason}`)] };
  }
}

/** The first event the protocol refuses, replaying one event at a time on one session. */
function firstRefused(transcript: Transcript): { index: number; reason: string } {
  const session = replay(transcript.scenario, transcript.config, []);
  for (const [index, event] of transcript.events.entries()) {
    try {
      session.apply(event);
    } catch (caught) {
      if (caught instanceof ProtocolError) return { index, reason: caught.message };
      throw caught;
    }
  }
  return { index: transcript.events.length - 1, reason: "" };
}

export class TranscriptError extends Error {
  override readonly name = "TranscriptError";
}

/** A transcript already parsed from JSON (a test's, a class tool's), checked and replayed; throws TranscriptError with a plain message. */
export function readTranscript(value: unknown): ReadTranscript {
  const { read, diagnostics } = parseTranscript(JSON.stringify(value), "transcript");
  if (!read) throw new TranscriptError(diagnostics.map((d) => `${d.path ? `${d.path}: ` : ""}${d.message}`).join("; "));
  return read;
}
