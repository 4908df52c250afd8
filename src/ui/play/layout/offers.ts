/**
 * The offers table: one row per issue; the trainee's package builder, then a column for
 * each other party's latest offer (every package of a MESO offer), each cell with the
 * trainee's points and a "≠" where it differs from the builder. Columns that do not fit
 * scroll sideways; rows that do not fit scroll with the cursor.
 */
import seedrandom from "seedrandom";
import { type CompiledScenario, contribution } from "../../../engine/model.js";
import { type Risk, packageRisk } from "../../../engine/risk.js";
import { type Translator, translator } from "../../../i18n/translate.js";
import { latestOffers } from "../../../play/table.js";
import { localise } from "../../../scenario/localise.js";
import { onlyTraineeKnows, visibleIssues } from "../partnership.js";
import type { NegotiateState } from "../state.js";
import { type Line, type Segment, contentWidth, displayWidth, pad, truncate } from "./lines.js";

export interface OfferColumn {
  readonly party: number;
  readonly round: number;
  readonly kind: "package" | "meso" | "partial";
  /** For MESO: which package (0-based) of how many. */
  readonly index: number;
  readonly count: number;
  /** The package, or null for a single term. */
  readonly package: readonly number[] | null;
  readonly term: { readonly issue: number; readonly option: number } | null;
  readonly standing: boolean;
}

/** Every other party's latest offer as columns, in seat order. */
export function offerColumns(state: NegotiateState): OfferColumn[] {
  const trainee = state.game.setup.trainee;
  return latestOffers(state.game.session)
    .filter((offer) => offer.party !== trainee)
    .flatMap((offer): OfferColumn[] => {
      const { party, round, kind, standing, term } = offer;
      if (term) return [{ party, round, kind, index: 0, count: 1, package: null, term, standing }];
      return offer.packages.map((pkg, index) => ({ party, round, kind, index, count: offer.packages.length, package: pkg, term: null, standing }));
    });
}

/** The option a column holds for an issue, or null (a single term on another issue). */
export function columnOption(column: OfferColumn, issue: number): number | null {
  if (column.package) return column.package[issue];
  return column.term && column.term.issue === issue ? column.term.option : null;
}

const GAP = "  ";
/** Marks an issue only the trainee knows of (tip 4); the detail under the table says so in words. */
export const ONLY_YOU = "◆";
const CURSOR = "› ";
const MIN_OFFER_WIDTH = 8;
const MAX_OFFER_WIDTH = 24;

interface Geometry {
  readonly issueWidth: number;
  readonly builderWidth: number;
  readonly offerWidth: number;
  /** How many offer columns are shown, from `first`. */
  readonly shown: number;
  readonly first: number;
  readonly total: number;
}

function geometry(state: NegotiateState, width: number, t: Translator): Geometry {
  const { scenario } = state.game.setup;
  const lang = t.lang;
  const columns = offerColumns(state);
  const labelWidth = scenario.issues.reduce((widest, issue) => Math.max(widest, displayWidth(localise(issue.label, lang)) + 2), displayWidth(t("play.table.issue")));
  const optionWidth = scenario.issues.reduce((widest, issue) => issue.options.reduce((most, option) => Math.max(most, displayWidth(localise(option.label, lang))), widest), 0);
  const issueWidth = Math.max(10, Math.min(labelWidth, Math.floor(width * 0.25)));
  // "◂ label ▸ 100.0"
  const builderWidth = Math.max(16, Math.min(optionWidth + 10, Math.floor(width * (columns.length > 0 ? 0.32 : 0.6))));
  const room = width - CURSOR.length - issueWidth - GAP.length - builderWidth;
  const fitting = Math.max(1, Math.floor((room + GAP.length) / (MIN_OFFER_WIDTH + GAP.length)));
  const shown = Math.min(columns.length, fitting);
  const first = Math.max(0, Math.min(state.columnOffset, columns.length - shown));
  const offerWidth = shown === 0 ? 0 : Math.max(MIN_OFFER_WIDTH, Math.min(MAX_OFFER_WIDTH, Math.floor(room / shown) - GAP.length));
  return { issueWidth, builderWidth, offerWidth, shown, first, total: columns.length };
}

/** Whether some offer columns are out of sight at this width (then `[` and `]` scroll them). */
export function offerColumnsOverflow(state: NegotiateState): boolean {
  const g = geometry(state, contentWidth(state.size), translator(state.options.lang));
  return g.shown < g.total;
}

/** A cell: the option's label cut to fit, and the trainee's points right-aligned. */
function cell(label: string, points: string, width: number, lead = ""): string {
  const pointsPart = ` ${points}`;
  const room = width - displayWidth(lead) - displayWidth(pointsPart);
  const text = room >= 3 ? truncate(label, room) : "";
  return pad(lead + text, width - displayWidth(pointsPart)) + pointsPart;
}

export interface OffersTable {
  readonly lines: Line[];
  /** The first and last issue rows shown (the rows scroll with the cursor). */
  readonly rows: { readonly first: number; readonly count: number };
}

/**
 * The table's lines: two header lines, the issue rows (at most `maxRows`, around the
 * cursor), and the totals.
 */
export function offersTable(state: NegotiateState, width: number, maxRows: number, t: Translator): OffersTable {
  const { game, selection, issueCursor } = state;
  const { scenario, trainee } = game.setup;
  const session = game.session;
  const model = session.model;
  const lang = t.lang;
  const g = geometry(state, width, t);
  const columns = offerColumns(state).slice(g.first, g.first + g.shown);
  const points = (value: number) => t.number(value);
  const name = (party: number) => localise(scenario.parties[party].name, lang);

  const head1: Segment[] = [{ text: pad("", CURSOR.length) + pad(truncate(t("play.table.issue"), g.issueWidth), g.issueWidth) + GAP, style: "heading" }];
  const head2: Segment[] = [{ text: pad("", CURSOR.length + g.issueWidth + GAP.length) }];
  head1.push({ text: pad(truncate(t("play.table.builder"), g.builderWidth), g.builderWidth), style: "heading" });
  head2.push({ text: pad(truncate(state.mesoTray.length > 0 ? t("play.table.tray", { count: state.mesoTray.length }) : "", g.builderWidth), g.builderWidth), style: "dim" });
  for (const column of columns) {
    head1.push({ text: GAP + pad(truncate(name(column.party), g.offerWidth), g.offerWidth), style: column.standing ? "standing" : "heading" });
    const kind = t("play.table.kind", { kind: column.kind, round: column.round, index: column.index + 1, count: column.count });
    head2.push({ text: GAP + pad(truncate(`${column.standing ? "● " : ""}${kind}`, g.offerWidth), g.offerWidth), style: column.standing ? "standing" : "dim" });
  }
  if (g.shown < g.total) {
    const more = t("play.table.more", { hidden: g.total - g.shown });
    head2.push({ text: GAP + more, style: "dim" });
  }

  // Another party's hidden issues have no row; the trainee's own are marked.
  const issues = visibleIssues(game);
  const rowCount = Math.min(issues.length, Math.max(1, maxRows));
  const at = Math.max(0, issues.indexOf(issueCursor));
  const firstRow = Math.max(0, Math.min(at - Math.floor(rowCount / 2), issues.length - rowCount));
  // The second header line says which offer each column is; without offers or a tray there is nothing to say.
  const lines: Line[] = columns.length > 0 || state.mesoTray.length > 0 ? [head1, head2] : [head1];
  for (const issue of issues.slice(firstRow, firstRow + rowCount)) {
    const selected = issue === issueCursor;
    const settled = session.settled[issue] >= 0;
    const label = localise(scenario.issues[issue].label, lang) + (settled ? " ✓" : "") + (onlyTraineeKnows(game, issue) ? ` ${ONLY_YOU}` : "");
    const option = selection[issue];
    const row: Segment[] = [
      { text: (selected ? CURSOR : "  ") + pad(truncate(label, g.issueWidth), g.issueWidth), style: selected ? "selected" : undefined },
      { text: GAP },
      {
        text: cell(`◂ ${localise(scenario.issues[issue].options[option].label, lang)} ▸`, points(contribution(model, trainee, issue, option)), g.builderWidth),
        style: selected ? "selected" : undefined,
      },
    ];
    for (const column of columns) {
      const offered = columnOption(column, issue);
      if (offered === null) {
        row.push({ text: GAP + pad("·", g.offerWidth, "start"), style: "dim" });
        continue;
      }
      const differs = offered !== option;
      const text = cell(localise(scenario.issues[issue].options[offered].label, lang), points(contribution(model, trainee, issue, offered)), g.offerWidth, differs ? "≠ " : "  ");
      row.push({ text: GAP + text, style: differs ? "differs" : undefined });
    }
    lines.push(row);
  }

  // The totals' label may run on under the builder, up to its points.
  const builderTotal = points(session.utility(trainee, selection));
  const labelWidth = g.issueWidth + GAP.length + g.builderWidth - displayWidth(builderTotal) - 1;
  const total: Segment[] = [
    { text: pad("", CURSOR.length) + pad(truncate(t("play.table.total", { batna: model.batnas[trainee] }), labelWidth), labelWidth) + " ", style: "heading" },
    { text: builderTotal, style: "heading" },
  ];
  for (const column of columns) {
    total.push({ text: GAP + pad(column.package ? points(session.utility(trainee, column.package)) : "–", g.offerWidth, "start"), style: "heading" });
  }
  lines.push(total);
  // Tip 6: where points are expectations, how far each package can turn out either way.
  if (model.uncertain) {
    const band = (pkg: readonly number[]) => {
      const risk = riskOf(model, trainee, pkg);
      return `${t.number(risk.p05, 0)}–${t.number(risk.p95, 0)}`;
    };
    const bandLabel = t("play.table.range");
    const row: Segment[] = [
      { text: pad("", CURSOR.length) + pad(truncate(bandLabel, labelWidth), labelWidth) + " ", style: "dim" },
      { text: pad(band(selection), displayWidth(builderTotal), "start"), style: "dim" },
    ];
    for (const column of columns) row.push({ text: GAP + pad(column.package ? band(column.package) : "–", g.offerWidth, "start"), style: "dim" });
    lines.push(row);
  }
  return { lines, rows: { first: firstRow, count: rowCount } };
}

/** Draws per band: enough for a percentile to a point or so, few enough to redraw at once. */
const BAND_DRAWS = 2000;
const bands = new WeakMap<CompiledScenario, Map<string, Risk>>();

/** A package's risk for the trainee, the same every time it is drawn (its draws are seeded by the package). */
function riskOf(model: CompiledScenario, party: number, pkg: readonly number[]): Risk {
  let known = bands.get(model);
  if (!known) bands.set(model, (known = new Map()));
  const key = `${party}:${pkg.join(",")}`;
  let risk = known.get(key);
  if (!risk) known.set(key, (risk = packageRisk(model, party, pkg, seedrandom(key), BAND_DRAWS)));
  return risk;
}
