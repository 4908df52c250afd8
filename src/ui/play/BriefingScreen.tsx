import { Box } from "ink";
import { formatPercent, formatPoints } from "../../i18n/language.js";
import { findStyle } from "../../negotiation/partners/registry.js";
import { styleDescription } from "../../negotiation/wording.js";
import { localise } from "../../scenario/schema.js";
import { Hints, type ScrollLine, ScrollView, wrapText } from "./components.js";
import type { PlayState } from "./state.js";
import { PLAY_TEXT } from "./text.js";

/** The briefing as lines: the story, the trainee's own briefing and confidential table, the partner and the deadline. */
export function briefingLines(state: PlayState, width: number): ScrollLine[] {
  const game = state.game!;
  const lang = state.options.lang;
  const t = PLAY_TEXT[lang];
  const { scenario, model, trainee } = game;
  const party = scenario.parties[trainee];
  const text = (value: string): ScrollLine[] => wrapText(value, width).map((line) => ({ text: line, heading: false }));
  const heading = (value: string): ScrollLine => ({ text: value, heading: true });
  const blank: ScrollLine = { text: " ", heading: false };
  const partners = scenario.parties.filter((_, p) => p !== trainee).map((other) => localise(other.name, lang)).join(", ");
  const lines: ScrollLine[] = [
    heading(`${localise(scenario.title, lang)} — ${t.briefing}: ${localise(party.name, lang)}`),
    ...text(localise(scenario.story, lang)),
    blank,
    ...text(localise(party.briefing, lang)),
  ];
  if (scenario.sharedAmbition) lines.push(blank, heading(t.sharedAmbition), ...text(localise(scenario.sharedAmbition, lang)));
  lines.push(blank, heading(t.confidential));
  scenario.issues.forEach((issue, i) => {
    lines.push({ text: `${localise(issue.label, lang)} — ${t.weight} ${formatPercent(model.weights[trainee * model.issueCount + i], lang)}`, heading: true });
    for (const option of issue.options) {
      const value = formatPoints(party.values[issue.id][option.id], lang, 0);
      const cost = party.autonomyCosts?.[issue.id]?.[option.id];
      const costText = cost ? `, −${formatPoints(cost, lang, 0)} ${t.autonomy}` : "";
      lines.push({ text: `  ${localise(option.label, lang)}: ${value} ${t.points}${costText}`, heading: false });
    }
  });
  lines.push(heading(t.yourBatna(formatPoints(party.batna, lang))));
  if (party.entryCost) lines.push(...text(t.entryCost(formatPoints(party.entryCost, lang))));
  const style = findStyle(game.partnerStyle)!;
  lines.push(blank, ...text(game.surprise ? t.partnerUnknown(partners) : t.partnerKnown(partners, styleDescription(style.id, lang))));
  lines.push(...text(t.deadline(game.driver.session.config.deadlineRounds)));
  return lines;
}

export function BriefingScreen({ state, columns, rows }: { state: PlayState; columns: number; rows: number }) {
  const t = PLAY_TEXT[state.options.lang];
  return (
    <Box flexDirection="column" paddingX={1}>
      <ScrollView lines={briefingLines(state, columns - 2)} rows={Math.max(5, rows - 3)} offset={state.briefingScroll} />
      <Hints text={t.startHint} />
    </Box>
  );
}
