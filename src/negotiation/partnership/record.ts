/**
 * A partnership as a transcript keeps it: the trainee's actions, which replay it from its
 * setup, and each phase's configuration and events, which the replay must give exactly.
 */
import * as z from "zod";
import type { ReviewDecision } from "../partners/review.js";
import type { Move, SessionConfig, SessionEvent } from "../protocol.js";
import { MoveSchema, SessionConfigSchema, SessionEventSchema } from "../protocol-schema.js";
import type { PartnershipEnd, PhaseRecord } from "./run.js";

/** What the trainee did: a move in a phase's negotiation, or the review of the agreement at a new stage. */
export type TraineeAction = { readonly type: "move"; readonly move: Move } | { readonly type: "review"; readonly decision: ReviewDecision };

export interface PhaseTranscript {
  readonly kind: PhaseRecord["kind"];
  readonly stage: number;
  readonly reviews: Readonly<Record<string, ReviewDecision>>;
  /** The phase's negotiation; null when every party kept the agreement. */
  readonly config: SessionConfig | null;
  readonly events: readonly SessionEvent[];
}

export interface PartnershipTranscript {
  /** The deadline the trainee set for every negotiation (--rounds), if any. */
  readonly rounds?: number;
  readonly actions: readonly TraineeAction[];
  readonly phases: readonly PhaseTranscript[];
  /** How it ended; null while it was still going (an unfinished transcript). */
  readonly end: PartnershipEnd | null;
}

const Decision = z.enum(["keep", "adjust", "leave"]);

export const PartnershipTranscriptSchema: z.ZodType<PartnershipTranscript> = z.strictObject({
  rounds: z.number().int().min(1).max(1000).optional(),
  actions: z.array(z.discriminatedUnion("type", [z.strictObject({ type: z.literal("move"), move: MoveSchema }), z.strictObject({ type: z.literal("review"), decision: Decision })])),
  phases: z.array(
    z.strictObject({
      kind: z.enum(["ambition", "stage"]),
      stage: z.number().int().min(0),
      reviews: z.record(z.string(), Decision),
      config: SessionConfigSchema.nullable(),
      events: z.array(SessionEventSchema),
    }),
  ),
  end: z.enum(["completed", "no-agreement", "trainee-left", "dissolved", "abandoned"]).nullable(),
});

export function phaseTranscripts(phases: readonly PhaseRecord[]): PhaseTranscript[] {
  return phases.map((phase) => ({ kind: phase.kind, stage: phase.stage, reviews: phase.reviews, config: phase.session?.config ?? null, events: phase.session?.events ?? [] }));
}
