/** `import genius`: what it does when it runs, loaded only then (its arguments, options and help: ../definitions.ts). */
import { writeFileAtomic } from "../../files.js";
import { importGenius, readGeniusFile } from "../../scenario/genius.js";

export interface ImportGeniusFlags {
  output?: string;
}

export function importGeniusAction(domainPath: string, profilePaths: string[], options: ImportGeniusFlags): void {
  const { scenario, warnings } = importGenius(readGeniusFile(domainPath), profilePaths.map(readGeniusFile));
  for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
  const json = `${JSON.stringify(scenario, null, 2)}\n`;
  if (options.output) writeFileAtomic(options.output, json);
  else process.stdout.write(json);
}
