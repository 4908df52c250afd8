/**
 * `play --moves file.json`: the trainee's moves written down, for automation and tests.
 * Moves name issues, options and parties by id, as trainers write scenarios:
 *
 *   [ { "type": "ask", "question": "most-important" },
 *     { "type": "offer", "package": { "budget": "high", "location": "north" } },
 *     { "type": "answer", "honesty": "truthful" },
 *     { "type": "accept" } ]
 *
 * The file is checked as a whole before the game starts, every id against the scenario,
 * each problem located (line, column, JSON path); what remains to go wrong is only what the
 * protocol refuses when a move's turn comes.
 */
import * as z from "zod";
import { AMBITION_ISSUE } from "../negotiation/partnership/conditions.js";
import type { Scenario } from "../scenario/schema.js";
import type { CompiledScenario } from "../engine/model.js";
import { answerMove, disclosureMove } from "../negotiation/answers.js";
import type { Move, PackageArray } from "../negotiation/protocol.js";
import { HONESTIES, IMPORTANCES, QUESTION_KINDS } from "../negotiation/protocol-schema.js";
import type { SessionView } from "../negotiation/session.js";
import { questionOf, questionSubject } from "../negotiation/wording.js";
import { questionRecipient } from "../play/table.js";
import { own } from "../records.js";
import { type Finding, type JsonPath, didYouMean } from "../scenario/diagnostics.js";
import { LocatedError, parseJsonFile, readScenarioText } from "../scenario/load.js";

const Id = z.string().min(1);
const PackageById = z.record(z.string(), Id);

const ScriptedMoveSchema = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("offer"), package: PackageById }),
  z.strictObject({ type: z.literal("meso"), packages: z.array(PackageById).min(2).max(3) }),
  z.strictObject({ type: z.literal("partial-offer"), issue: Id, option: Id }),
  z.strictObject({ type: z.literal("accept"), choice: z.number().int().min(1).max(3).optional() }),
  z.strictObject({ type: z.literal("reject"), issue: Id.optional() }),
  z.strictObject({ type: z.literal("ask"), question: z.enum(QUESTION_KINDS), issue: Id.optional(), quantity: Id.optional(), to: Id.optional() }),
  z.strictObject({ type: z.literal("answer"), honesty: z.enum(HONESTIES) }),
  z.strictObject({ type: z.literal("disclose"), issue: Id, importance: z.enum(IMPORTANCES) }),
  z.strictObject({ type: z.literal("walk-away") }),
  z.strictObject({ type: z.literal("reveal"), issue: Id, option: Id.optional() }),
  z.strictObject({ type: z.literal("keep") }),
  z.strictObject({ type: z.literal("review"), decision: z.enum(["keep", "adjust", "leave"]) }),
]);

const MovesFileSchema = z.array(ScriptedMoveSchema);

export type ScriptedMove = z.infer<typeof ScriptedMoveSchema>;

/** A moves file is small: a game's moves are a few kilobytes. */
const MOVES_MAX_BYTES = 1024 * 1024;

/**
 * The ids moves may name. A partnership's phases differ in their issues (the ambition, a
 * newcomer's table), so its moves may name any issue of the scenario or the ambition, and
 * whether a package names every issue of its phase is checked when the move is played.
 */
export interface MoveVocabulary {
  readonly issueIds: readonly string[];
  readonly optionIds: readonly (readonly string[])[];
  readonly partyIds: readonly string[];
  readonly quantityIds: readonly string[];
  readonly completePackages: boolean;
}

export function moveVocabulary(scenario: Scenario, model: CompiledScenario): MoveVocabulary {
  const quantityIds = model.uncertain?.quantityIds ?? [];
  const ambition = scenario.partnership?.ambition;
  if (!scenario.partnership) return { issueIds: model.issueIds, optionIds: model.optionIds, partyIds: model.partyIds, quantityIds, completePackages: true };
  return {
    issueIds: [...model.issueIds, ...(ambition ? [AMBITION_ISSUE] : [])],
    optionIds: [...model.optionIds, ...(ambition ? [ambition.options.map((candidate) => candidate.id)] : [])],
    partyIds: model.partyIds,
    quantityIds,
    completePackages: false,
  };
}

/** The moves of a file, every id checked against the scenario; throws a LocatedError listing what is wrong. */
export function readMovesFile(path: string, model: MoveVocabulary, trainee: number): ScriptedMove[] {
  const { text, diagnostic } = readScenarioText(path, "moves file", MOVES_MAX_BYTES);
  if (text === undefined) throw new LocatedError([diagnostic!]);
  const check = (moves: ScriptedMove[]) => moves.flatMap((move, k) => moveFindings(move, [k], model, trainee));
  const { value, diagnostics, omitted } = parseJsonFile(text, path, MovesFileSchema, check, { what: 'a list of moves [ { "type": … } ]' });
  if (!value) throw new LocatedError(diagnostics, omitted);
  return value;
}

const error = (path: JsonPath, message: string, atKey = false): Finding => ({ severity: "error", path, message, atKey });

/** Every id a move names must exist in the scenario, and a package must name an option for every issue. */
function moveFindings(move: ScriptedMove, path: JsonPath, model: MoveVocabulary, trainee: number): Finding[] {
  const issue = (id: string, at: JsonPath): Finding[] =>
    model.issueIds.includes(id) ? [] : [error(at, `no issue "${id}"${didYouMean(id, model.issueIds)}; issues: ${model.issueIds.join(", ")}`)];
  const option = (issueId: string, id: string, at: JsonPath): Finding[] => {
    const options = model.optionIds[model.issueIds.indexOf(issueId)];
    return options.includes(id) ? [] : [error(at, `issue "${issueId}" has no option "${id}"${didYouMean(id, options)}; options: ${options.join(", ")}`)];
  };
  const pkg = (record: Record<string, string>, at: JsonPath): Finding[] => [
    ...Object.keys(record).flatMap((id) => (model.issueIds.includes(id) ? option(id, record[id], [...at, id]) : [error([...at, id], `no issue "${id}"${didYouMean(id, model.issueIds)}`, true)])),
    ...(model.completePackages ? model.issueIds.filter((id) => own(record, id) === undefined).map((id) => error(at, `a package needs an option for every issue; "${id}" is missing`)) : []),
  ];
  switch (move.type) {
    case "offer":
      return pkg(move.package, [...path, "package"]);
    case "meso":
      return move.packages.flatMap((entry, k) => pkg(entry, [...path, "packages", k]));
    case "partial-offer": {
      const found = issue(move.issue, [...path, "issue"]);
      return found.length > 0 ? found : option(move.issue, move.option, [...path, "option"]);
    }
    case "reject":
      return move.issue === undefined ? [] : issue(move.issue, [...path, "issue"]);
    case "disclose":
      return issue(move.issue, [...path, "issue"]);
    case "reveal": {
      const found = issue(move.issue, [...path, "issue"]);
      return found.length > 0 || move.option === undefined ? found : option(move.issue, move.option, [...path, "option"]);
    }
    case "ask": {
      const found: Finding[] = [];
      const about = questionSubject(move.question);
      if (about === "issue") {
        if (move.issue === undefined) found.push(error(path, `the question "${move.question}" needs an "issue"`));
        else found.push(...issue(move.issue, [...path, "issue"]));
      }
      if (about === "quantity") {
        const quantities = model.quantityIds;
        if (move.quantity === undefined) found.push(error(path, `the question "${move.question}" needs a "quantity"`));
        else if (!quantities.includes(move.quantity)) {
          found.push(error([...path, "quantity"], `no uncertain quantity "${move.quantity}"${didYouMean(move.quantity, quantities)}; quantities: ${quantities.join(", ") || "none"}`));
        }
      }
      const others = model.partyIds.filter((_, party) => party !== trainee);
      if (move.to !== undefined && !others.includes(move.to)) {
        found.push(error([...path, "to"], `a question goes to another organisation, not "${move.to}"${didYouMean(move.to, others)}; organisations: ${others.join(", ")}`));
      }
      return found;
    }
    default:
      return [];
  }
}

/** Why a checked move still cannot be played in the phase at hand: a package for another phase's issues, a term not the trainee's. */
export class MoveMismatch extends Error {
  override readonly name = "MoveMismatch";
}

function packageOf(model: CompiledScenario, record: Record<string, string>): PackageArray {
  const missing = model.issueIds.filter((id) => own(record, id) === undefined);
  if (missing.length > 0) throw new MoveMismatch(`its package names no option for ${missing.map((id) => `"${id}"`).join(", ")}, an issue of this phase`);
  const extra = Object.keys(record).filter((id) => !model.issueIds.includes(id));
  if (extra.length > 0) throw new MoveMismatch(`its package names ${extra.map((id) => `"${id}"`).join(", ")}, not an issue of this phase (issues: ${model.issueIds.join(", ")})`);
  return model.issueIds.map((id, issue) => {
    const option = model.optionIds[issue].indexOf(record[id]);
    if (option < 0) throw new MoveMismatch(`issue "${id}" has no option "${record[id]}" in this phase`);
    return option;
  });
}

function issueIn(model: CompiledScenario, id: string): number {
  const issue = model.issueIds.indexOf(id);
  if (issue < 0) throw new MoveMismatch(`"${id}" is not an issue of this phase (issues: ${model.issueIds.join(", ")})`);
  return issue;
}

/**
 * The protocol move for a checked move, in the session's current state: a question goes to
 * whom it names (else to whom the table's rule picks), an answer to the question pending;
 * null for an answer when nobody has asked the trainee anything.
 */
export function toProtocolMove(move: ScriptedMove, session: SessionView, trainee: number): Move | null {
  const model = session.model;
  const issueOf = (id: string) => issueIn(model, id);
  switch (move.type) {
    case "offer":
      return { type: "offer", package: packageOf(model, move.package) };
    case "meso":
      return { type: "meso", packages: move.packages.map((pkg) => packageOf(model, pkg)) };
    case "partial-offer": {
      const issue = issueOf(move.issue);
      return { type: "partial-offer", issue, option: model.optionIds[issue].indexOf(move.option) };
    }
    case "accept":
      return move.choice === undefined ? { type: "accept" } : { type: "accept", choice: move.choice - 1 };
    case "reject":
      return move.issue === undefined ? { type: "reject" } : { type: "reject", blockingIssue: issueOf(move.issue) };
    case "ask": {
      const to = questionRecipient(session, trainee, move.to === undefined ? undefined : model.partyIds.indexOf(move.to));
      const about = questionSubject(move.question);
      const subject = about === "issue" ? issueOf(move.issue!) : about === "quantity" ? model.uncertain!.quantityIds.indexOf(move.quantity!) : 0;
      const question = questionOf(move.question, subject);
      return { type: "ask", to, question };
    }
    case "answer":
      return answerMove(session, trainee, move.honesty, () => [...(session.lastOffers[trainee] ?? [])]);
    case "disclose":
      return disclosureMove(model, trainee, issueOf(move.issue), move.importance);
    case "walk-away":
      return { type: "walk-away" };
    case "keep":
      return { type: "keep" };
    case "reveal": {
      const issue = issueOf(move.issue);
      const option = move.option === undefined ? undefined : model.optionIds[issue].indexOf(move.option);
      const term = session.hidden.findIndex((candidate) => candidate.issue === issue && candidate.option === option && candidate.holder === trainee);
      if (term < 0) throw new MoveMismatch(`you hold no hidden term ${move.option === undefined ? `"${move.issue}"` : `"${move.issue}": "${move.option}"`} in this phase`);
      return { type: "reveal", term };
    }
    case "review":
      throw new MoveMismatch("a review is made between stages, not during a negotiation");
  }
}
