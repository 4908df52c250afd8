/**
 * The first screen of `play` until the negotiation rounds exist: the scenario's story,
 * the organisations and the issues on the table. `q` or Escape quits.
 */
import { Box, Text, render, useApp, useInput } from "ink";
import { type Language, type Scenario, localise } from "../scenario/schema.js";

const TEXT = {
  en: {
    organisations: "Organisations",
    issues: "Issues on the table",
    ambition: "Shared ambition",
    coming: "Negotiating rounds against scripted partners are on their way; for now, explore the scenario with `mutual-gains analyze`.",
    quit: "q quit",
  },
  nl: {
    organisations: "Organisaties",
    issues: "Onderwerpen op tafel",
    ambition: "Gedeelde ambitie",
    coming: "Onderhandelen in rondes tegen gescripte partners komt eraan; verken het scenario intussen met `mutual-gains analyze`.",
    quit: "q stoppen",
  },
};

export interface ScenarioPreviewProps {
  scenario: Scenario;
  lang: Language;
  /** Called on q or Escape; by default the app exits. */
  onQuit?: () => void;
}

export function ScenarioPreview({ scenario, lang, onQuit }: ScenarioPreviewProps) {
  const { exit } = useApp();
  const t = TEXT[lang];
  useInput((input, key) => {
    if (input === "q" || key.escape) (onQuit ?? exit)();
  });
  return (
    <Box flexDirection="column" paddingX={1}>
      <Text bold>{localise(scenario.title, lang)}</Text>
      <Text>{localise(scenario.story, lang)}</Text>
      {scenario.sharedAmbition && (
        <Text>
          <Text bold>{t.ambition}: </Text>
          {localise(scenario.sharedAmbition, lang)}
        </Text>
      )}
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t.organisations}</Text>
        {scenario.parties.map((party) => (
          <Text key={party.id}>• {localise(party.name, lang)}</Text>
        ))}
      </Box>
      <Box marginTop={1} flexDirection="column">
        <Text bold>{t.issues}</Text>
        {scenario.issues.map((issue) => (
          <Text key={issue.id}>
            • {localise(issue.label, lang)}: {issue.options.map((option) => localise(option.label, lang)).join(" / ")}
          </Text>
        ))}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{t.coming}</Text>
      </Box>
      <Text inverse> {t.quit} </Text>
    </Box>
  );
}

export async function showScenarioPreview(scenario: Scenario, lang: Language): Promise<void> {
  await render(<ScenarioPreview scenario={scenario} lang={lang} />).waitUntilExit();
}
