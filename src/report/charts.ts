/**
 * Charts for the HTML pages as inline SVG: Vega-Lite specifications compiled and rendered
 * by Vega in Node, without a browser, a canvas or a network (data are inline values). The
 * numbers on the axes follow the reader's language (a decimal comma in Dutch). Vega and
 * Vega-Lite are loaded on the first chart only: they cost start-up time that the terminal
 * commands do not pay.
 */
import type { TopLevelSpec } from "vega-lite";
import type { Language } from "../i18n/language.js";
import type { Bin } from "./class.js";
import type { PlotPoint } from "./debrief.js";

/** d3-format locales: what `Intl` does for the terminal, for Vega's axes. */
const NUMBER_LOCALES: Readonly<Record<Language, { decimal: string; thousands: string; grouping: number[]; currency: [string, string] }>> = {
  en: { decimal: ".", thousands: ",", grouping: [3], currency: ["£", ""] },
  nl: { decimal: ",", thousands: ".", grouping: [3], currency: ["€ ", ""] },
};

/** Large enough to read on a projector, small enough for half an A4 page in landscape. */
const CONFIG = {
  font: "system-ui, sans-serif",
  axis: { labelFontSize: 14, titleFontSize: 15, grid: true, gridColor: "#ddd" },
  legend: { labelFontSize: 14, titleFontSize: 14, orient: "bottom" },
  view: { stroke: null },
} as const;

export async function renderSvg(spec: TopLevelSpec, lang: Language): Promise<string> {
  const [{ compile }, vega] = await Promise.all([import("vega-lite"), import("vega")]);
  // vega re-exports vega-format's locale(), which its typings leave out.
  const locale = (vega as unknown as { locale: (number: object) => NonNullable<ConstructorParameters<typeof vega.View>[1]>["locale"] }).locale(NUMBER_LOCALES[lang]);
  const view = new vega.View(vega.parse(compile({ ...spec, config: CONFIG } as TopLevelSpec).spec), { renderer: "none", locale });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

export interface FrontierChart {
  readonly xTitle: string;
  readonly yTitle: string;
  readonly frontier: readonly PlotPoint[];
  /** Join the frontier's points as a staircase: with two parties the projection is the frontier itself, with more it is not. */
  readonly connect: boolean;
  readonly batna: PlotPoint;
  /** Labelled reference points: the Nash point, the naive compromise, a better package. */
  readonly references: readonly (PlotPoint & { readonly label: string })[];
  /** Marks of one kind each: one per game (a deal or not), or a game's offers. */
  readonly marks: readonly (PlotPoint & { readonly kind: string; readonly label: string })[];
  /** The order and the names of the kinds of marks, for the legend. */
  readonly kinds: readonly string[];
}

/** The Pareto frontier as a line through its points, the BATNAs as rules, reference points labelled, and the marks (named "marks" in the SVG). */
export function frontierSpec(chart: FrontierChart): TopLevelSpec {
  const x = { field: "x", type: "quantitative", title: chart.xTitle, scale: { zero: false } } as const;
  const y = { field: "y", type: "quantitative", title: chart.yTitle, scale: { zero: false } } as const;
  const frontier = [...chart.frontier].sort((a, b) => a.x - b.x || b.y - a.y);
  return {
    width: 620,
    height: 400,
    layer: [
      {
        data: { values: frontier },
        mark: chart.connect ? { type: "line", point: true, color: "#4c78a8", interpolate: "step-after" } : { type: "point", filled: true, size: 20, color: "#4c78a8" },
        encoding: { x, y },
      },
      { data: { values: [chart.batna] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { x: { field: "x", type: "quantitative" } } },
      { data: { values: [chart.batna] }, mark: { type: "rule", strokeDash: [4, 4], color: "#888" }, encoding: { y: { field: "y", type: "quantitative" } } },
      {
        data: { values: chart.references },
        layer: [
          { mark: { type: "point", shape: "diamond", size: 120, filled: true, color: "#333" }, encoding: { x, y } },
          { mark: { type: "text", dx: 8, dy: -8, align: "left", fontSize: 14 }, encoding: { x, y, text: { field: "label" } } },
        ],
      },
      {
        name: "marks",
        data: { values: chart.marks },
        mark: { type: "point", filled: true, size: 90, opacity: 0.8 },
        encoding: {
          x,
          y,
          shape: { field: "kind", type: "nominal", title: null, scale: { domain: [...chart.kinds] } },
          color: { field: "kind", type: "nominal", title: null, scale: { domain: [...chart.kinds], range: ["#e45756", "#72b7b2", "#f58518", "#54a24b"] } },
          tooltip: { field: "label" },
        },
      },
    ],
  } as TopLevelSpec;
}

/** A histogram of pre-computed bins (the same bins the terminal shows). */
export function histogramSpec(bins: readonly Bin[], xTitle: string, yTitle: string, format: string): TopLevelSpec {
  return {
    width: 560,
    height: 240,
    data: { values: bins.map((bin) => ({ ...bin })) },
    mark: { type: "bar", color: "#4c78a8", binSpacing: 1 },
    encoding: {
      x: { field: "from", type: "quantitative", bin: { binned: true, step: bins.length > 0 ? bins[0].to - bins[0].from : 1 }, title: xTitle, axis: { format } },
      x2: { field: "to" },
      y: { field: "count", type: "quantitative", title: yTitle, axis: { tickMinStep: 1, format: "d" } },
    },
  } as TopLevelSpec;
}
