import { bufferedWriter, writeJson } from "../report/json-stream.js";

/** Machine output shared by the commands (their text output is plain: the CLI writes no colour). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** printJson's output, written as it is produced: for values with a LazyArray (the analysis's frontier). */
export function streamJson(value: unknown): void {
  const out = bufferedWriter((chunk) => process.stdout.write(chunk));
  writeJson(value, out.write);
  out.write("\n");
  out.flush();
}
