import type { Command } from "commander";
import { readTextFile, writeFileAtomic } from "../../files.js";

export function registerImport(program: Command): void {
  const importCommand = program
    .command("import")
    .description("Import scenarios from other negotiation tools.")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains import genius domain.xml profile1.xml profile2.xml -o scenario.json`,
    );
  importCommand
    .command("genius")
    .description(
      "Convert a GENIUS/ANAC domain and its linear-additive preference profiles (one per party) into a scenario. " +
        "Utilities equal GENIUS's normalised utility × 100; ids are the XML's names.",
    )
    .argument("<domain>", "the domain XML file")
    .argument("<profiles...>", "two to eight preference profile XML files")
    .option("-o, --output <file>", "write the scenario to this file instead of standard output")
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains import genius laptop_domain.xml laptop_buyer_utility.xml laptop_seller_utility.xml -o laptop.json
  $ mutual-gains import genius party_domain.xml party1_utility.xml party2_utility.xml party3_utility.xml`,
    )
    .action(async (domainPath: string, profilePaths: string[], options: { output?: string }) => {
      // The XML parser is loaded only by this command, not at every start of the CLI.
      const { importGenius, readGeniusFile } = await import("../../scenario/genius.js");
      const { scenario, warnings } = importGenius(readGeniusFile(domainPath), profilePaths.map(readGeniusFile));
      for (const warning of warnings) process.stderr.write(`warning: ${warning}\n`);
      const json = `${JSON.stringify(scenario, null, 2)}\n`;
      if (options.output) writeFileAtomic(options.output, json);
      else process.stdout.write(json);
    });
}
