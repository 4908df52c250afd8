/**
 * Merging the row files of a sharded run (`batch merge`) back into task order: the result is
 * byte for byte the file an unsharded run writes. Each shard file is already in task order, so
 * the merge streams them side by side and takes task 0, 1, 2 … from whichever file holds it;
 * memory does not grow with the number of rows.
 *
 * The files must be of one format and one batch (one-batch.ts) and hold every task from 0 up
 * exactly once: a missing task (a shard not given or not finished), a duplicate, an interrupted
 * last line or a row of another batch is a user error. The rows are written in the format asked
 * for, which may differ from the shards': a row converts exactly (the numbers are already rounded).
 */
import { UserError } from "../errors.js";
import { LineReader, type TextSink } from "./lines.js";
import { OneBatch } from "./one-batch.js";
import type { BatchRow } from "./row.js";
import { type RowFormat, fileHeader, formatRow, parseRow, sniffRowFile } from "./rowfile.js";

/** A file's current line: the row of the smallest task of that file not yet written. */
interface Head {
  readonly file: string;
  readonly reader: LineReader;
  line: string;
  row: BatchRow | undefined;
  lineNumber: number;
}

export interface MergeOptions {
  /** The format to write; by default the shards'. */
  readonly format?: RowFormat;
  readonly onRow?: (row: BatchRow) => void;
}

/** Writes the merged rows to `sink` (without ending it) and hands each to `onRow`; nothing when every file is empty. */
export async function mergeRowFiles(files: readonly string[], sink: TextSink, options: MergeOptions = {}): Promise<void> {
  const sniffed = files.map(sniff);
  const formats = sniffed.map((own) => own?.format);
  const format = formats.find((own) => own !== undefined);
  formats.forEach((own, k) => {
    if (own !== undefined && own !== format) throw new UserError(`${files[k]} is ${own} but ${files[formats.indexOf(format)]} is ${format}: merge files of one format.`);
  });
  if (format === undefined) return;
  const first = sniffed.find((own) => own !== undefined)!;
  sniffed.forEach((own, k) => {
    if (own !== undefined && own.stages !== first.stages) {
      throw new UserError(`${files[k]} has ${own.stages} stage columns but ${files[sniffed.indexOf(first)]} has ${first.stages}: these are not the shards of one batch.`);
    }
  });
  const stages = first.stages;
  const output = options.format ?? format;
  // JSON Lines into CSV: the stage columns are those of the longest partnership in the rows.
  const outputStages = output === "csv" && format === "jsonl" ? mostStages(files) : stages;
  const heads = new Map<number, Head>();
  const oneBatch = new OneBatch();
  let expected = 0;

  const advance = (head: Head) => {
    const line = head.reader.read();
    if (line === null) {
      if (head.reader.partialBytes > 0) throw interrupted(head.file);
      return;
    }
    head.lineNumber++;
    let row: BatchRow;
    try {
      row = parseRow(format, line, stages);
    } catch (error) {
      throw new UserError(`${head.file}, line ${head.lineNumber}: not a ${format} row (${(error as Error).message}).`);
    }
    if (row.task < expected || heads.has(row.task)) {
      throw new UserError(`task ${row.task} appears twice: in ${head.file} (line ${head.lineNumber}) and in ${heads.get(row.task)?.file ?? "a file before it"}.`);
    }
    if (head.row && row.task <= head.row.task) {
      throw new UserError(`${head.file}, line ${head.lineNumber}: task ${row.task} after task ${head.row.task}, but a batch output is in task order.`);
    }
    head.line = line;
    head.row = row;
    heads.set(row.task, head);
  };

  const readers: LineReader[] = [];
  try {
    for (const [k, file] of files.entries()) {
      if (formats[k] === undefined) continue; // an empty shard: there were more shards than tasks
      const head: Head = { file, reader: new LineReader(file, 1 << 14), line: "", row: undefined, lineNumber: 0 };
      readers.push(head.reader);
      if (fileHeader(format) !== "") {
        head.reader.read();
        head.lineNumber++;
      }
      advance(head);
    }
    await sink.write(fileHeader(output, outputStages));
    while (heads.size > 0) {
      const head = heads.get(expected);
      if (!head) {
        throw new UserError(`task ${expected} is in none of the files: a shard is missing or unfinished (run it again with the same flags to finish it).`);
      }
      heads.delete(expected);
      const row = head.row!;
      oneBatch.check(row, { file: head.file, line: head.lineNumber });
      await sink.write(output === format ? `${head.line}\n` : formatRow(output, row, outputStages));
      options.onRow?.(row);
      expected++;
      advance(head);
    }
  } finally {
    for (const reader of readers) reader.close();
  }
}

/** A file's format and stage columns from its first line; undefined for an empty file. */
function sniff(file: string): { readonly format: RowFormat; readonly stages: number } | undefined {
  const reader = new LineReader(file, 1 << 12);
  try {
    const first = reader.read();
    if (first === null) {
      if (reader.partialBytes > 0) throw interrupted(file);
      return undefined;
    }
    const sniffed = sniffRowFile(first);
    if (sniffed === undefined) throw new UserError(`${file} is not the output of mutual-gains batch (CSV with its header, or JSON Lines).`);
    return sniffed;
  } finally {
    reader.close();
  }
}

/** The most stages a row of these JSON Lines files has (a first pass over them); what is wrong with a line is left to the merge. */
function mostStages(files: readonly string[]): number {
  let most = 0;
  for (const file of files) {
    const reader = new LineReader(file, 1 << 14);
    try {
      for (let line = reader.read(); line !== null; line = reader.read()) {
        try {
          most = Math.max(most, parseRow("jsonl", line).stages?.length ?? 0);
        } catch {
          // reported with its place when the merge reads it
        }
      }
    } finally {
      reader.close();
    }
  }
  return most;
}

/** Whether an existing file may be replaced by a merge: it is empty, or it starts as a batch's row file does. */
export function isRowFile(file: string): boolean {
  const reader = new LineReader(file, 1 << 12);
  try {
    const first = reader.read();
    if (first === null) return reader.partialBytes === 0;
    if (sniffRowFile(first)?.format === "csv") return true;
    parseRow("jsonl", first);
    return true;
  } catch {
    return false;
  } finally {
    reader.close();
  }
}

function interrupted(file: string): UserError {
  return new UserError(`${file} ends in the middle of a line: the run writing it was interrupted; run it again with the same flags to finish it.`);
}
