import type { Command } from "commander";
import { detectLanguage } from "../../i18n/language.js";
import { DEFAULT_SCENARIO_ID } from "../../scenario/builtin.js";
import { localise } from "../../scenario/schema.js";
import { languageOption } from "../options.js";
import { loadScenarioArgument } from "../scenario-input.js";

export function registerPlay(program: Command): void {
  program
    .command("play")
    .description("Play a scenario in the terminal.")
    .argument("[scenario]", "a scenario file or the id of a built-in scenario", DEFAULT_SCENARIO_ID)
    .addOption(languageOption())
    .addHelpText(
      "after",
      `
Examples:
  $ mutual-gains play
  $ mutual-gains play rd-consortium --lang nl`,
    )
    .action(async (argument: string, options: { lang?: string }) => {
      const scenario = loadScenarioArgument(argument);
      const lang = detectLanguage(options.lang, process.env);
      if (!process.stdin.isTTY || !process.stdout.isTTY) {
        process.stdout.write(
          `${localise(scenario.title, lang)}\n${localise(scenario.story, lang)}\n\n` +
            "play needs an interactive terminal: run it directly in a terminal window, not through a pipe.\n",
        );
        return;
      }
      // Ink and React take a third of a second to load: only the commands that draw pay for it.
      const { showScenarioPreview } = await import("../../ui/ScenarioPreview.js");
      await showScenarioPreview(scenario, lang);
    });
}
