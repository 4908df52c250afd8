import { Box, Text } from "ink";
import { formatPoints } from "../../i18n/language.js";
import { QUESTION_KINDS, questionText } from "../../negotiation/wording.js";
import type { Question } from "../../negotiation/protocol.js";
import { localise } from "../../scenario/schema.js";
import { Hints, Menu, TrustMeter } from "./components.js";
import { conversationLines } from "./conversation.js";
import { type PlayState, builderUtility } from "./state.js";
import { PLAY_TEXT, type PlayText, noticeText } from "./text.js";

export function NegotiationScreen({ state, columns, rows }: { state: PlayState; columns: number; rows: number }) {
  const game = state.game!;
  const lang = state.options.lang;
  const t = PLAY_TEXT[lang];
  const session = game.driver.session;
  const { scenario, trainee } = game;
  const model = session.model;
  const partner = (trainee + 1) % session.partyCount;
  const wide = columns >= 110;
  if (state.mode.kind === "help") {
    return (
      <Box flexDirection="column" paddingX={1}>
        {t.help.map((line, k) => (
          <Text key={k} bold={k === 0} wrap="wrap">
            {line}
          </Text>
        ))}
      </Box>
    );
  }

  const header = (
    <Box justifyContent="space-between">
      <Text bold wrap="truncate-end">
        {localise(scenario.title, lang)} · {t.round(Math.min(session.round, session.config.deadlineRounds), session.config.deadlineRounds)}
      </Text>
      <TrustMeter level={session.trustIn(partner, trainee)} label={t.trust} />
    </Box>
  );

  const builder = (
    <Box flexDirection="column" width={wide ? Math.floor(columns / 2) : undefined}>
      {scenario.issues.map((issue, i) => {
        const option = issue.options[state.selection[i]];
        const contribution = model.contributions[(model.issueOffsets[i] + state.selection[i]) * model.partyCount + trainee];
        const cost = scenario.parties[trainee].autonomyCosts?.[issue.id]?.[option.id];
        const settled = session.settled[i] >= 0;
        return (
          <Text key={issue.id} inverse={i === state.issueCursor} wrap="truncate-end">
            {i === state.issueCursor ? "› " : "  "}
            {localise(issue.label, lang)}: {formatPoints(contribution, lang)}
            {cost ? ` (−${formatPoints(cost, lang, 0)})` : ""}
            {settled ? ` [${t.settled}]` : ""} ◂ {localise(option.label, lang)} ▸
          </Text>
        );
      })}
      <Text bold>{t.package(formatPoints(builderUtility(state), lang), formatPoints(model.batnas[trainee], lang))}</Text>
      {state.mesoTray.length > 0 && <Text>{t.mesoTray(state.mesoTray.length)}</Text>}
      <StandingOffer state={state} t={t} />
    </Box>
  );

  // Everything but the conversation: header, builder (narrow layout), prompt, notice and hints.
  const builderHeight = scenario.issues.length + 1 + (state.mesoTray.length > 0 ? 1 : 0) + (session.standing ? 1 : 0);
  const hintsHeight = 1 + Math.ceil((columns >= 100 ? t.hints : t.shortHints).length / Math.max(20, columns - 2));
  const reserved = 1 + (wide ? 0 : builderHeight + 1) + promptHeight(state, t, columns) + (state.notice ? 1 : 0) + hintsHeight;
  const lines = conversationLines(session, trainee, lang);
  const visible = lines.slice(-Math.max(1, rows - reserved));
  const conversation = (
    <Box flexDirection="column" flexGrow={1} marginLeft={wide ? 2 : 0} marginTop={wide ? 0 : 1}>
      {visible.map((line, k) => (
        <Text key={k} color={line.speaker === "you" ? "cyan" : line.speaker === "news" ? "magenta" : undefined} wrap={wide ? "wrap" : "truncate-end"}>
          [{line.round}] {line.speaker === "you" ? `${t.you}: ` : line.speaker === "news" ? `${t.scripted} — ` : ""}
          {line.text}
        </Text>
      ))}
    </Box>
  );

  return (
    <Box flexDirection="column" paddingX={1}>
      {header}
      <Box flexDirection={wide ? "row" : "column"}>
        {builder}
        {conversation}
      </Box>
      <ModePrompt state={state} t={t} />
      {state.notice && <Text color="yellow">{noticeText(t, state.notice)}</Text>}
      <Hints text={columns >= 100 ? t.hints : t.shortHints} />
    </Box>
  );
}

/** Lines the prompt under the conversation takes at this width, so the screen never grows past the terminal. */
function promptHeight(state: PlayState, t: PlayText, columns: number): number {
  const game = state.game!;
  const lang = state.options.lang;
  const session = game.driver.session;
  const pending = session.pendingQuestions.find((question) => question.to === game.trainee);
  const wrapped = (text: string) => Math.ceil(text.length / Math.max(20, columns - 2));
  switch (state.mode.kind) {
    case "ask":
      return 1 + QUESTION_KINDS.length;
    case "ask-issue":
      return 1 + game.model.issueCount;
    case "disclose":
      return wrapped(t.discloseMenu(localise(game.scenario.issues[state.issueCursor].label, lang)));
    case "answer":
      return pending ? wrapped(t.answerMenu(questionText(game.scenario, pending.question, lang))) : 0;
    case "accept-meso":
      return wrapped(t.acceptMeso);
    case "confirm-walk":
      return wrapped(t.confirmWalk);
    case "confirm-quit":
      return wrapped(t.confirmQuit);
    default:
      return pending ? wrapped(`${questionText(game.scenario, pending.question, lang)} (n)`) : 0;
  }
}

function StandingOffer({ state, t }: { state: PlayState; t: PlayText }) {
  const game = state.game!;
  const session = game.driver.session;
  const standing = session.standing;
  const lang = state.options.lang;
  if (!standing || standing.proposer === game.trainee) return null;
  const value = (pkg: ArrayLike<number>) => formatPoints(session.utility(game.trainee, pkg), lang);
  if (standing.kind === "partial") {
    const issue = game.scenario.issues[standing.issue!];
    return <Text color="yellow">{t.standingTerm(`${localise(issue.label, lang)}: ${localise(issue.options[standing.option!].label, lang)}`)}</Text>;
  }
  if (standing.kind === "meso") return <Text color="yellow">{t.standingMeso(standing.packages.map(value).join(" / "))}</Text>;
  return <Text color="yellow">{t.standing(value(standing.packages[0]))}</Text>;
}

function ModePrompt({ state, t }: { state: PlayState; t: PlayText }) {
  const game = state.game!;
  const lang = state.options.lang;
  const scenario = game.scenario;
  const session = game.driver.session;
  const mode = state.mode;
  switch (mode.kind) {
    case "ask":
      return (
        <Box flexDirection="column">
          <Text bold>{t.askMenu}</Text>
          {QUESTION_KINDS.map((kind, k) => (
            <Text key={kind} wrap="truncate-end">
              {k + 1}. {questionText(scenario, { kind, issue: state.issueCursor } as Question, lang)}
            </Text>
          ))}
        </Box>
      );
    case "ask-issue":
      return (
        <Box flexDirection="column">
          <Text bold>{t.chooseIssue}</Text>
          <Menu items={scenario.issues.map((issue) => localise(issue.label, lang))} cursor={mode.cursor} />
        </Box>
      );
    case "disclose":
      return <Text bold>{t.discloseMenu(localise(scenario.issues[state.issueCursor].label, lang))}</Text>;
    case "answer": {
      const pending = session.pendingQuestions.find((question) => question.to === game.trainee);
      return pending ? <Text bold>{t.answerMenu(questionText(scenario, pending.question, lang))}</Text> : null;
    }
    case "accept-meso":
      return <Text bold>{t.acceptMeso}</Text>;
    case "confirm-walk":
      return <Text bold>{t.confirmWalk}</Text>;
    case "confirm-quit":
      return <Text bold>{t.confirmQuit}</Text>;
    default: {
      const pending = session.pendingQuestions.find((question) => question.to === game.trainee);
      return pending ? <Text color="yellow">{questionText(scenario, pending.question, lang)} (n)</Text> : null;
    }
  }
}
