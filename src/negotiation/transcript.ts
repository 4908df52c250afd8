/**
 * A played negotiation as a file: the scenario itself (so the transcript stands on its
 * own, even when the scenario file changes later), the session configuration and every
 * event. Replaying the events reproduces the session; the debrief is computed from it.
 */
import { z } from "zod";
import { type Scenario, ScenarioSchema } from "../scenario/schema.js";
import type { SessionConfig, SessionEvent } from "./protocol.js";
import { type Session, type SessionView, replay } from "./session.js";

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
  readonly lang: "en" | "nl";
  readonly scenario: Scenario;
  readonly config: SessionConfig;
  readonly events: readonly SessionEvent[];
}

/** Events and configurations are checked by replaying them; the envelope is checked here. */
const TranscriptSchema = z.object({
  format: z.literal(TRANSCRIPT_FORMAT),
  version: z.literal(TRANSCRIPT_VERSION),
  savedAt: z.string(),
  complete: z.boolean(),
  trainee: z.number().int().min(0),
  surprise: z.boolean(),
  lang: z.enum(["en", "nl"]),
  scenario: ScenarioSchema,
  config: z.record(z.string(), z.unknown()),
  events: z.array(z.record(z.string(), z.unknown())),
});

export function makeTranscript(
  session: SessionView,
  details: { trainee: number; surprise: boolean; lang: "en" | "nl"; complete: boolean; savedAt: Date },
): Transcript {
  return {
    format: TRANSCRIPT_FORMAT,
    version: TRANSCRIPT_VERSION,
    savedAt: details.savedAt.toISOString(),
    complete: details.complete,
    trainee: details.trainee,
    surprise: details.surprise,
    lang: details.lang,
    scenario: session.initialScenario,
    config: session.config,
    events: session.events,
  };
}

export class TranscriptError extends Error {
  override readonly name = "TranscriptError";
}

/** Parses and replays a transcript; throws TranscriptError with a plain message when it is not one. */
export function readTranscript(value: unknown): { transcript: Transcript; session: Session } {
  const parsed = TranscriptSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TranscriptError(`not a mutual-gains transcript: ${issue.path.join(".") || "the file"}: ${issue.message}`);
  }
  const transcript = parsed.data as unknown as Transcript;
  try {
    return { transcript, session: replay(transcript.scenario, transcript.config, transcript.events) };
  } catch (error) {
    throw new TranscriptError(`the transcript's events do not replay: ${(error as Error).message}`);
  }
}
