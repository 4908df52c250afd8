/** Machine output shared by the commands (their text output is plain: the CLI writes no colour). */
export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
