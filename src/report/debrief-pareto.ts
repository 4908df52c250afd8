/** The data of one panel of the debrief's Pareto plot: the trainee's utility across, one partner's up. */
import type { ScenarioAnalysis } from "../engine/analysis.js";
import { packageUtility } from "../engine/model.js";
import type { PackageArray } from "../negotiation/protocol.js";
import type { OfferRecord, ParetoPanel, PlotPoint } from "./debrief.js";

export function paretoPanel(
  analysis: ScenarioAnalysis,
  x: number,
  y: number,
  offers: readonly OfferRecord[],
  deal: PackageArray | null,
  better: PackageArray | null,
): ParetoPanel {
  const { model, frontier } = analysis;
  const at = (pkg: ArrayLike<number>): PlotPoint => ({ x: packageUtility(model, x, pkg), y: packageUtility(model, y, pkg) });
  // With three or more parties, points that differ only for the others fall on the same pair.
  const seen = new Set<string>();
  const projected: PlotPoint[] = [];
  for (let point = 0; point < frontier.size; point++) {
    const pair = { x: frontier.utility(point, x), y: frontier.utility(point, y) };
    const key = `${pair.x}/${pair.y}`;
    if (!seen.has(key)) {
      seen.add(key);
      projected.push(pair);
    }
  }
  const offersOf = (party: number) => offers.filter((offer) => offer.party === party).flatMap((offer) => offer.packages.map(at));
  return {
    xParty: x,
    yParty: y,
    frontier: projected,
    batna: { x: model.batnas[x], y: model.batnas[y] },
    nash: analysis.nash === null ? null : at(frontier.package(analysis.nash)),
    naiveCompromise: at(analysis.naiveCompromise.package),
    deal: deal ? at(deal) : null,
    better: better ? at(better) : null,
    traineeOffers: offersOf(x),
    partnerOffers: offersOf(y),
  };
}
