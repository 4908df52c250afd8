/** Terminal etiquette shared by the commands: colour only on a terminal and never with NO_COLOR. */
import { styleText } from "node:util";

export function colourEnabled(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && env.NO_COLOR === undefined && env.TERM !== "dumb";
}

type Style = Parameters<typeof styleText>[0];

export function styler(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env) {
  const enabled = colourEnabled(stream, env);
  return (style: Style, text: string) => (enabled ? styleText(style, text) : text);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
