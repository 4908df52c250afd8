/**
 * The protocol's vocabulary (protocol.ts) as one zod schema: what a transcript's events and
 * configuration may hold, checked field by field before a transcript is replayed, so that
 * a hand-edited or damaged file is a located error, never a crash. Each schema is typed by
 * the protocol type it checks, so the two cannot drift apart.
 */
import * as z from "zod";
import { HONESTIES, IMPORTANCES, QUESTION_KINDS } from "./protocol.js";
import type { AnswerContent, Line, Move, ParticipantConfig, Question, ScriptedChange, SessionConfig, SessionEvent } from "./protocol.js";

const Index = z.number().int().min(0);
const Round = z.number().int().min(1);
const Package = z.array(Index);

export { HONESTIES, IMPORTANCES, QUESTION_KINDS } from "./protocol.js";

const Importance = z.enum(IMPORTANCES);
const Honesty = z.enum(HONESTIES);

export const QuestionSchema: z.ZodType<Question> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("most-important") }),
  z.strictObject({ kind: z.literal("issue-importance"), issue: Index }),
  z.strictObject({ kind: z.literal("preferred-option"), issue: Index }),
  z.strictObject({ kind: z.literal("alternative") }),
  z.strictObject({ kind: z.literal("what-would-work") }),
  z.strictObject({ kind: z.literal("expectation"), quantity: Index }),
  z.strictObject({ kind: z.literal("what-else") }),
]);

const AnswerContentSchema: z.ZodType<AnswerContent> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("most-important"), issue: Index }),
  z.strictObject({ kind: z.literal("issue-importance"), issue: Index, importance: Importance }),
  z.strictObject({ kind: z.literal("preferred-option"), issue: Index, option: Index, ranking: z.array(Index) }),
  z.strictObject({ kind: z.literal("alternative"), points: z.number() }),
  z.strictObject({ kind: z.literal("what-would-work"), package: Package }),
  z.strictObject({ kind: z.literal("expectation"), quantity: Index, mean: z.number(), low: z.number(), high: z.number() }),
  z.strictObject({ kind: z.literal("what-else"), terms: z.array(Index) }),
  z.strictObject({ kind: z.literal("vague") }),
]);

export const MoveSchema: z.ZodType<Move> = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("offer"), package: Package }),
  z.strictObject({ type: z.literal("meso"), packages: z.array(Package).min(2).max(3) }),
  z.strictObject({ type: z.literal("partial-offer"), issue: Index, option: Index }),
  z.strictObject({ type: z.literal("accept"), choice: Index.optional() }),
  z.strictObject({ type: z.literal("reject"), blockingIssue: Index.optional() }),
  z.strictObject({ type: z.literal("ask"), to: Index, question: QuestionSchema }),
  z.strictObject({ type: z.literal("answer"), to: Index, question: QuestionSchema, answer: AnswerContentSchema, honesty: Honesty }),
  z.strictObject({ type: z.literal("disclose"), issue: Index, importance: Importance, honesty: Honesty }),
  z.strictObject({ type: z.literal("walk-away") }),
  z.strictObject({ type: z.literal("reveal"), term: Index }),
  z.strictObject({ type: z.literal("keep") }),
]);

const LineSchema: z.ZodType<Line> = z.union([z.string(), z.strictObject({ en: z.string(), nl: z.string().optional() })]);

const ScriptedChangeSchema: z.ZodType<ScriptedChange> = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("batna"), party: Index, batna: z.number() }),
  z.strictObject({ kind: z.literal("priority"), party: Index, issue: Index, weight: z.number().min(0) }),
  z.strictObject({ kind: z.literal("trust"), party: Index, towards: Index, delta: z.number() }),
  z.strictObject({ kind: z.literal("note"), party: Index }),
]);

export const SessionEventSchema: z.ZodType<SessionEvent> = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("move"), round: Round, actor: Index, move: MoveSchema, remark: z.string().optional() }),
  z.strictObject({ type: z.literal("scripted"), round: Round, change: ScriptedChangeSchema, message: LineSchema.optional() }),
  z.strictObject({ type: z.literal("abandon"), round: Round, actor: Index }),
]);

const ParticipantSchema: z.ZodType<ParticipantConfig> = z.strictObject({
  style: z.string().min(1),
  params: z.record(z.string(), z.number()).optional(),
});

export const SessionConfigSchema: z.ZodType<SessionConfig> = z.strictObject({
  scenarioId: z.string(),
  deadlineRounds: z.number().int().min(1).max(1000),
  seed: z.string(),
  participants: z.array(ParticipantSchema).min(2).max(8),
  initialTrust: z.array(z.number().min(0).max(100)).min(2).max(8),
  scripted: z.array(z.strictObject({ round: Round, change: ScriptedChangeSchema, message: LineSchema.optional() })).optional(),
  trust: z.array(z.number().min(0).max(100)).max(64).optional(),
  postSettlementRounds: z.number().int().min(1).max(20).optional(),
});
