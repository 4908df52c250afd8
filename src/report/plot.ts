/**
 * A Pareto plot drawn with characters: one party's utility across, another's up, the
 * frontier as dots, BATNA lines, and labelled markers (Nash point, naive compromise,
 * a deal, offer trajectories). Pure: returns lines of text, colourless, so it renders
 * the same in a terminal, a test and an Ink <Text>.
 */

export interface PlotMarker {
  readonly x: number;
  readonly y: number;
  /** One character drawn at the point; later markers are drawn over earlier ones. */
  readonly symbol: string;
}

export interface PlotSeries {
  readonly points: readonly { x: number; y: number }[];
  readonly symbol: string;
}

export interface ParetoPlotInput {
  readonly width: number;
  readonly height: number;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly frontier: readonly { x: number; y: number }[];
  readonly batna?: { x: number; y: number };
  readonly series?: readonly PlotSeries[];
  readonly markers?: readonly PlotMarker[];
  /** Writes a tick's value with `digits` decimals, as the reader's language does (default: toFixed). */
  readonly formatTick?: (value: number, digits: number) => string;
  /** Writes the x axis's ticks, when they differ from the y axis's (rounds, say). */
  readonly formatXTick?: (value: number) => string;
}

const FRONTIER = "•";
const BATNA_X = "┆";
const BATNA_Y = "┄";

export function paretoPlot(input: ParetoPlotInput): string[] {
  const { width, height } = input;
  const format = input.formatTick ?? ((value: number, digits: number) => value.toFixed(digits));
  const tickText = (value: number) => format(value, tickDigits(value));
  const all = [
    ...input.frontier,
    ...(input.markers ?? []),
    ...(input.series ?? []).flatMap((s) => s.points),
    ...(input.batna ? [input.batna] : []),
  ];
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);
  const [xMin, xMax] = paddedRange(xs);
  const [yMin, yMax] = paddedRange(ys);
  const grid: string[][] = Array.from({ length: height }, () => Array.from({ length: width }, () => " "));
  const column = (x: number) => Math.round(((x - xMin) / (xMax - xMin)) * (width - 1));
  const row = (y: number) => height - 1 - Math.round(((y - yMin) / (yMax - yMin)) * (height - 1));
  const put = (x: number, y: number, symbol: string) => {
    const c = column(x);
    const r = row(y);
    if (r >= 0 && r < height && c >= 0 && c < width) grid[r][c] = symbol;
  };

  if (input.batna) {
    const c = column(input.batna.x);
    const r = row(input.batna.y);
    for (let k = 0; k < height; k++) if (c >= 0 && c < width) grid[k][c] = BATNA_X;
    for (let k = 0; k < width; k++) if (r >= 0 && r < height) grid[r][k] = grid[r][k] === BATNA_X ? "┼" : BATNA_Y;
  }
  for (const point of input.frontier) put(point.x, point.y, FRONTIER);
  for (const series of input.series ?? []) for (const point of series.points) put(point.x, point.y, series.symbol);
  for (const marker of input.markers ?? []) put(marker.x, marker.y, marker.symbol);

  const yTop = tickText(yMax);
  const yBottom = tickText(yMin);
  const gutter = Math.max(yTop.length, yBottom.length);
  const lines = grid.map((cells, r) => {
    const tick = r === 0 ? yTop : r === height - 1 ? yBottom : "";
    return `${tick.padStart(gutter)} │${cells.join("")}`;
  });
  lines.unshift(`${" ".repeat(gutter)}  ${input.yLabel} ↑`);
  lines.push(`${" ".repeat(gutter)} └${"─".repeat(width)}`);
  const xTickText = input.formatXTick ?? tickText;
  const xLeft = xTickText(xMin);
  const xRight = xTickText(xMax);
  const axis = `${xLeft}${" ".repeat(Math.max(1, width - xLeft.length - xRight.length))}${xRight}`;
  lines.push(`${" ".repeat(gutter + 2)}${axis}`);
  lines.push(`${" ".repeat(gutter + 2)}${input.xLabel} →`);
  return lines;
}

/** The values' range, widened where it is empty: a loop, as a frontier can hold millions of points (too many to spread into Math.min). */
function paddedRange(values: readonly number[]): [number, number] {
  let low = Infinity;
  let high = -Infinity;
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  if (!Number.isFinite(low) || !Number.isFinite(high)) return [0, 1];
  if (high - low < 1e-9) {
    low -= 1;
    high += 1;
  }
  return [low, high];
}

/** Decimals of a tick: none from 100 up, one below. */
function tickDigits(value: number): number {
  return Math.abs(value) >= 100 ? 0 : 1;
}
