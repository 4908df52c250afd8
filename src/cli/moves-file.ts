/**
 * `play --moves file.json`: the trainee's moves written down, for automation and tests.
 * Moves name issues and options by id, as trainers write scenarios:
 *
 *   [ { "type": "ask", "question": "most-important" },
 *     { "type": "offer", "package": { "budget": "high", "location": "north" } },
 *     { "type": "answer", "honesty": "truthful" },
 *     { "type": "accept" } ]
 */
import { z } from "zod";
import { UserError } from "../errors.js";
import type { CompiledScenario } from "../engine/model.js";
import { answerMove, disclosureMove } from "../negotiation/answers.js";
import type { Move, PackageArray, Question } from "../negotiation/protocol.js";
import type { SessionView } from "../negotiation/session.js";
import { questionRecipient } from "../play/table.js";

const MoveSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("offer"), package: z.record(z.string(), z.string()) }),
  z.strictObject({ type: z.literal("meso"), packages: z.array(z.record(z.string(), z.string())).min(2).max(3) }),
  z.strictObject({ type: z.literal("partial-offer"), issue: z.string(), option: z.string() }),
  z.strictObject({ type: z.literal("accept"), choice: z.number().int().min(1).max(3).optional() }),
  z.strictObject({ type: z.literal("reject"), issue: z.string().optional() }),
  z.strictObject({
    type: z.literal("ask"),
    question: z.enum(["most-important", "issue-importance", "preferred-option", "alternative", "what-would-work"]),
    issue: z.string().optional(),
    to: z.string().optional(),
  }),
  z.strictObject({ type: z.literal("answer"), honesty: z.enum(["truthful", "vague", "misleading"]) }),
  z.strictObject({ type: z.literal("disclose"), issue: z.string(), importance: z.enum(["low", "medium", "high"]) }),
  z.strictObject({ type: z.literal("walk-away") }),
]);

export type ScriptedMove = z.infer<typeof MoveSchema>;

export function parseMovesFile(text: string, file: string): ScriptedMove[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not JSON: ${(error as Error).message}`);
  }
  const parsed = z.array(MoveSchema).safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("");
    throw new UserError(`${file}: moves${where}: ${issue.message}`);
  }
  return parsed.data;
}

function partyOf(model: CompiledScenario, id: string, trainee: number, file: string): number {
  const index = model.partyIds.indexOf(id);
  if (index < 0 || index === trainee) {
    const others = model.partyIds.filter((_, party) => party !== trainee);
    throw new UserError(`${file}: a question goes to another organisation, not "${id}"; organisations: ${others.join(", ")}`);
  }
  return index;
}

function issueIndex(model: CompiledScenario, id: string, file: string): number {
  const index = model.issueIds.indexOf(id);
  if (index < 0) throw new UserError(`${file}: no issue "${id}"; issues: ${model.issueIds.join(", ")}`);
  return index;
}

function optionIndex(model: CompiledScenario, issue: number, id: string, file: string): number {
  const index = model.optionIds[issue].indexOf(id);
  if (index < 0) {
    throw new UserError(`${file}: issue "${model.issueIds[issue]}" has no option "${id}"; options: ${model.optionIds[issue].join(", ")}`);
  }
  return index;
}

function packageOf(model: CompiledScenario, record: Record<string, string>, file: string): PackageArray {
  return model.issueIds.map((id, issue) => {
    if (!Object.hasOwn(record, id)) throw new UserError(`${file}: a package needs an option for every issue; "${id}" is missing`);
    return optionIndex(model, issue, record[id], file);
  });
}

/** The protocol move for a written move, in the session's current state (answers go to the pending question). */
export function toProtocolMove(move: ScriptedMove, session: SessionView, trainee: number, file: string): Move {
  const model = session.model;
  switch (move.type) {
    case "offer":
      return { type: "offer", package: packageOf(model, move.package, file) };
    case "meso":
      return { type: "meso", packages: move.packages.map((pkg) => packageOf(model, pkg, file)) };
    case "partial-offer": {
      const issue = issueIndex(model, move.issue, file);
      return { type: "partial-offer", issue, option: optionIndex(model, issue, move.option, file) };
    }
    case "accept":
      return move.choice === undefined ? { type: "accept" } : { type: "accept", choice: move.choice - 1 };
    case "reject":
      return move.issue === undefined ? { type: "reject" } : { type: "reject", blockingIssue: issueIndex(model, move.issue, file) };
    case "ask": {
      const to = questionRecipient(session, trainee, move.to === undefined ? undefined : partyOf(model, move.to, trainee, file));
      if (move.question === "issue-importance" || move.question === "preferred-option") {
        if (move.issue === undefined) throw new UserError(`${file}: the question "${move.question}" needs an "issue"`);
        return { type: "ask", to, question: { kind: move.question, issue: issueIndex(model, move.issue, file) } };
      }
      return { type: "ask", to, question: { kind: move.question } as Question };
    }
    case "answer": {
      const answer = answerMove(session, trainee, move.honesty, () => [...(session.lastOffers[trainee] ?? [])]);
      if (!answer) throw new UserError(`${file}: an "answer" move, but nobody has asked the trainee a question`);
      return answer;
    }
    case "disclose":
      return disclosureMove(model, trainee, issueIndex(model, move.issue, file), move.importance);
    case "walk-away":
      return { type: "walk-away" };
  }
}
