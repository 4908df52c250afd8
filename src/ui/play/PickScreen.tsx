import { Box, Text } from "ink";
import { findStyle } from "../../negotiation/partners/registry.js";
import { styleDescription, styleFamilyText } from "../../negotiation/wording.js";
import { localise } from "../../scenario/schema.js";
import { Hints, Menu } from "./components.js";
import { type PlayState, SURPRISE, partnerChoices } from "./state.js";
import { PLAY_TEXT } from "./text.js";

export function PickScreen({ state }: { state: PlayState }) {
  const lang = state.options.lang;
  const t = PLAY_TEXT[lang];
  let title: string;
  let items: string[];
  let detail = "";
  if (state.pickStep === "scenario") {
    title = t.pickScenario;
    items = state.options.scenarios.map((choice) => localise(choice.scenario.title, lang));
  } else if (state.pickStep === "party") {
    title = t.pickParty;
    items = state.scenarioChoice!.scenario.parties.map((party) => localise(party.name, lang));
  } else {
    title = t.pickPartner;
    const choices = partnerChoices();
    items = choices.map((id) => (id === SURPRISE ? t.surprise : `${id} (${styleFamilyText(findStyle(id)!.family, lang)})`));
    const selected = findStyle(choices[state.cursor]);
    detail = selected ? styleDescription(selected.id, lang) : "";
  }
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{title}</Text>
      <Menu items={items} cursor={state.cursor} />
      {detail && (
        <Box marginTop={1}>
          <Text wrap="wrap">{detail}</Text>
        </Box>
      )}
      <Hints text={t.pickHint} />
    </Box>
  );
}
