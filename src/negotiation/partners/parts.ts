/**
 * The two families of part sets the styles are built from: a time-dependent concession
 * curve bidding on the opposed prior (win-lose styles and baselines), and a learning
 * partner bidding on its frequency model (win-win styles). Styles override single parts.
 */
import { TargetAcceptance } from "./acceptance.js";
import { LadderBidding } from "./bidding.js";
import { TimeDependentCurve } from "./curves.js";
import { ClosedDisclosure, OpenDisclosure } from "./disclosure.js";
import { CuriousInquiry, SilentInquiry } from "./inquiry.js";
import { FrequencyModel, OpposedPrior } from "./opponent-models.js";
import type { PartnerParts } from "./types.js";

/** Concedes along u(t), bids on the opposed prior, asks and reveals nothing. */
export function timeDependentParts(overrides: Partial<PartnerParts> = {}): PartnerParts {
  return {
    curve: new TimeDependentCurve(),
    bidding: new LadderBidding(),
    acceptance: new TargetAcceptance(),
    disclosure: new ClosedDisclosure(),
    inquiry: new SilentInquiry(),
    model: new OpposedPrior(),
    ...overrides,
  };
}

/** Concedes along u(t), asks, answers openly and bids what its frequency model says suits the others. */
export function learningParts(overrides: Partial<PartnerParts> = {}): PartnerParts {
  return timeDependentParts({
    disclosure: new OpenDisclosure(),
    inquiry: new CuriousInquiry(),
    model: new FrequencyModel(),
    ...overrides,
  });
}
