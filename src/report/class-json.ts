/**
 * The class debrief as JSON (`class --json`): per scenario and seat the figures, the frontier
 * panels with one mark per game, the mistakes per tip (advice by catalogue key, with its short
 * name in `lang`), the best and the weakest deal, the baseline of scripted partners, the
 * packages that were possible, and a row per game with what its own debrief says.
 */
import { compileScenario, packageToRecord } from "../engine/model.js";
import type { Language } from "../i18n/language.js";
import { translator } from "../i18n/translate.js";
import { localise } from "../scenario/localise.js";
import type { ClassGame, ClassGroup, ClassReport } from "./class.js";
import { adviceLabel } from "./class-wording.js";

export function classToJson(report: ClassReport, lang: Language) {
  const t = translator(lang);
  return {
    groups: report.groups.map((group) => groupJson(group)),
    unreadable: report.unreadable,
  };

  function groupJson(group: ClassGroup) {
    const { scenario, seat } = group;
    const partyId = (p: number) => scenario.parties[p].id;
    const byParty = (values: ArrayLike<number>) => Object.fromEntries(Array.from(values, (value, p) => [partyId(p), value]));
    const model = compileScenario(scenario);
    const record = (pkg: ArrayLike<number>) => packageToRecord(model, pkg);
    const game = (entry: ClassGame | null) => (entry === null ? null : { number: entry.number, name: entry.name, file: entry.file });
    return {
      scenario: scenario.id,
      title: localise(scenario.title, lang),
      seat: partyId(seat),
      games: group.games.length,
      incomplete: group.incomplete,
      figures: group.figures,
      maxJointGain: group.maxJointGain,
      naiveJointGain: group.naiveJointGain,
      frontier: group.panels.map((panel, k) => ({
        x: partyId(panel.xParty),
        y: partyId(panel.yParty),
        frontier: panel.frontier,
        batna: panel.batna,
        nash: panel.nash,
        naiveCompromise: panel.naiveCompromise,
        marks: group.marks[k],
      })),
      mistakes: group.mistakes.map((tip) => ({
        tip: tip.tip,
        title: t(`debrief.tip.${tip.tip}`),
        games: tip.games,
        advice: tip.advice.map((entry) => ({ key: entry.advice, name: adviceLabel(entry.advice, t), games: entry.games })),
      })),
      best: game(group.best),
      weakest: game(group.weakest),
      baseline: group.baseline,
      packages: group.packages.map((entry) => ({ outcome: record(entry.package), utilities: byParty(entry.utilities), nashProduct: entry.nashProduct, jointGain: entry.jointGain })),
      rows: group.games.map((entry) => {
        const { debrief } = entry;
        return {
          number: entry.number,
          name: entry.name,
          file: entry.file,
          outcome: debrief.outcome.kind,
          round: debrief.outcome.round,
          deal: debrief.deal ? record(debrief.deal) : null,
          points: debrief.utilities[seat],
          utilities: byParty(debrief.utilities),
          jointGain: debrief.jointGain,
          shareOfMaxJointGain: debrief.shareOfMaxJointGain,
          valueLeftOnTable: debrief.valueLeftOnTable,
          efficient: debrief.position.efficient,
          mistakes: entry.mistakes.map((mistake) => ({ tip: mistake.tip, key: mistake.advice, name: adviceLabel(mistake.advice, t) })),
        };
      }),
    };
  }
}
