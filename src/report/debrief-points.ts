/**
 * Points as the debrief counts them: every party's points issue by issue (its weighted value
 * less the option's autonomy cost), what a deal costs each party in autonomy, and each
 * party's offers as it valued them (the concession path and its first offer as an anchor).
 */
import { type CompiledScenario, contribution, contributionRange, packageUtilities, packageUtility } from "../engine/model.js";
import type { PackageArray } from "../negotiation/protocol.js";
import type { Scenario } from "../scenario/schema.js";
import type { ConcessionPath, IssuePoints, OfferRecord } from "./debrief.js";

/** The entry cost and the autonomy costs of the package's options for one party (expected, where uncertain). */
export function autonomyCost(model: CompiledScenario, party: number, pkg: PackageArray): number {
  let cost = -model.baseUtilities[party];
  for (let i = 0; i < model.issueCount; i++) cost += model.autonomyCosts[(model.issueOffsets[i] + pkg[i]) * model.partyCount + party];
  return cost;
}

/** Per party and issue: the deal's points, the issue's best and the missed package's. */
export function issuePoints(model: CompiledScenario, scenario: Scenario, deal: PackageArray | null, missed: PackageArray | null): IssuePoints[] {
  return model.partyIds.map((_, party): IssuePoints => {
    const rows = scenario.issues.map((_, issue) => ({
      issue,
      deal: deal ? contribution(model, party, issue, deal[issue]) : null,
      best: contributionRange(model, party, issue).high,
      missed: missed ? contribution(model, party, issue, missed[issue]) : null,
    }));
    const base = model.baseUtilities[party];
    return {
      party,
      rows,
      entryCost: -base,
      total: {
        deal: deal ? packageUtility(model, party, deal) : null,
        best: rows.reduce((sum, row) => sum + row.best, base),
        missed: missed ? packageUtility(model, party, missed) : null,
      },
    };
  });
}

/** Each party's offers as it valued them, in `parties`' order; a party that made no full offer has no anchor. */
export function concessionPaths(model: CompiledScenario, offers: readonly OfferRecord[], parties: readonly number[]): ConcessionPath[] {
  return parties.map((party): ConcessionPath => {
    const own = offers.filter((offer) => offer.party === party && offer.packages.length > 0);
    const points = own.map((offer) => ({ round: offer.round, utility: Math.max(...offer.packages.map((pkg) => packageUtility(model, party, pkg))) }));
    const first = own[0];
    return {
      party,
      points,
      anchor: first ? { round: first.round, utilities: Array.from(packageUtilities(model, bestFor(model, party, first.packages))) } : null,
      conceded: points.length > 0 ? points[0].utility - points[points.length - 1].utility : 0,
    };
  });
}

function bestFor(model: CompiledScenario, party: number, packages: readonly PackageArray[]): PackageArray {
  return packages.reduce((best, pkg) => (packageUtility(model, party, pkg) > packageUtility(model, party, best) ? pkg : best));
}
