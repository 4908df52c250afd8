/** Bidding strategies: which package (or packages) to offer at a target utility. */
import { BidLadder } from "../../engine/ladder.js";
import { slabCopy } from "../../engine/shared-buffers.js";
import type { Move, PackageArray } from "../protocol.js";
import type { BiddingStrategy, OpponentModel, PartnerContext } from "./types.js";

/**
 * A learning model changes at almost every turn, but less and less as it learns: the ladder
 * is rebuilt when the model has changed, at growing gaps of bids (1, 3, 9, …; MESO's 1, 2, 4, …).
 */
const GAP_GROWTH = 3;
/** MESO variants emphasise the model's top issues: they follow the model more closely. */
const MESO_GAP_GROWTH = 2;

/** Estimates this close (a share of their range) are too close to call: the bid then favours the bidder. */
const ESTIMATE_SLACK = 0.05;

/** Ladders of estimates that do not change (the opposed prior) are shared by every negotiation on the scenario. */
const sharedLadders = new WeakMap<Float64Array, BidLadder>();

function ladderFor(context: PartnerContext, estimate: Float64Array, previous: BidLadder | null, shared: boolean): BidLadder {
  if (!shared) {
    // A learning model's estimate is its own and new at every version, so only the ladder it
    // had before can be of the same estimate (when a term was put on the table since). Such
    // estimates stay out of the shared map: a key per rebuild would only give the collector work.
    const known = previous && previous.estimate === estimate && previous.self === context.self ? previous : null;
    if (known && known.model === context.session.model) return known;
    return known?.revealed(context.session.model) ?? new BidLadder(context.session.model, context.self, estimate);
  }
  let ladder = sharedLadders.get(estimate);
  if (!ladder || ladder.model !== context.session.model || ladder.self !== context.self) {
    // A term put on the table (tip 4) folds into the ladder of the same estimate; anything else rebuilds it.
    const known = ladder && ladder.self === context.self ? ladder : previous && previous.estimate === estimate && previous.self === context.self ? previous : null;
    ladder = known?.revealed(context.session.model) ?? new BidLadder(context.session.model, context.self, estimate);
    sharedLadders.set(estimate, ladder);
  }
  return ladder;
}

/** Keeps a bid ladder for the current opponent estimate, rebuilt when the estimate has moved on. */
class LadderCache {
  constructor(private readonly growth = GAP_GROWTH) {}

  private ladder: BidLadder | null = null;
  private builtForVersion = -1;
  private bidsSinceBuild = 0;
  private gap = 1;

  /** `estimate` gives the estimate to build from (the model's own when absent), asked only for a rebuild. */
  get(context: PartnerContext, model: OpponentModel, estimate?: () => Float64Array): BidLadder {
    this.bidsSinceBuild++;
    const stale =
      !this.ladder ||
      this.ladder.model !== context.session.model ||
      (model.version !== this.builtForVersion && this.bidsSinceBuild >= this.gap);
    if (stale) {
      if (this.ladder) this.gap = Math.ceil(this.gap * this.growth);
      this.ladder = ladderFor(context, estimate ? estimate() : model.estimate(context), this.ladder, model.shared === true);
      this.builtForVersion = model.version;
      this.bidsSinceBuild = 0;
    }
    return this.ladder!;
  }
}

/** Settled terms (accepted partial offers) stay as they are in every later offer. */
function withSettled(context: PartnerContext, pkg: ArrayLike<number>): PackageArray {
  const settled = context.session.settled;
  // Sized at once: pushing onto [] would make room for 16 options.
  const result: PackageArray = new Array(pkg.length);
  for (let issue = 0; issue < pkg.length; issue++) result[issue] = settled[issue] >= 0 ? settled[issue] : pkg[issue];
  return result;
}

/**
 * At its target, the package best for the others' modelled interests: with a learning
 * model this trades on integrative issues and keeps compatible ones (logrolling); with
 * the opposed prior it concedes on its own least important issues first.
 */
export class LadderBidding implements BiddingStrategy {
  private readonly cache = new LadderCache();

  bid(context: PartnerContext, target: number, model: OpponentModel): Move {
    const ladder = this.cache.get(context, model);
    return { type: "offer", package: withSettled(context, ladder.package(ladder.robustPointAt(target, ESTIMATE_SLACK))) };
  }
}

/** How much stronger an issue weighs in a MESO variant's estimate. */
const EMPHASIS = 3;
/** Packages a MESO offer is drawn from: the plain estimate's, then the top issues' emphasised in turn. */
const VARIANTS = 3;

/**
 * Multiple equivalent simultaneous offers: three packages about equal for itself, each
 * best for a different guess of what the others care about most (their modelled top
 * issues emphasised in turn). The others' pick teaches its opponent model.
 */
export class MesoBidding implements BiddingStrategy {
  private caches = Array.from({ length: VARIANTS }, () => new LadderCache(MESO_GAP_GROWTH));
  // The bid being made. Estimates are needed only by ladders that are rebuilt, which most bids do
  // not: each variant's is made on demand, from the plain estimate and its top issues, once per bid.
  private context: PartnerContext | undefined;
  private model: OpponentModel | undefined;
  private base: Float64Array | undefined;
  private issues: number[] | undefined;
  private readonly variants = Array.from({ length: VARIANTS }, (_, k) => () => this.variant(k));

  private variant(k: number): Float64Array {
    const context = this.context!;
    this.base ??= this.model!.estimate(context);
    if (k === 0) return this.base;
    this.issues ??= topIssues(context, this.base, VARIANTS - 1);
    return emphasise(context, this.base, this.issues[k - 1]);
  }

  bid(context: PartnerContext, target: number, model: OpponentModel): Move {
    const session = context.session;
    this.context = context;
    this.model = model;
    this.base = this.issues = undefined;
    const packages: PackageArray[] = [];
    for (let k = 0; k < Math.min(VARIANTS, 1 + session.model.issueCount); k++) {
      const ladder = this.caches[k].get(context, model, this.variants[k]);
      const pkg = withSettled(context, ladder.package(ladder.robustPointAt(target, ESTIMATE_SLACK)));
      if (!includesPackage(packages, pkg)) packages.push(pkg);
    }
    this.base = this.issues = undefined;
    if (packages.length < 2) return { type: "offer", package: packages[0] };
    // Equivalent for itself: drop variants that cost it clearly more than the first.
    const reference = session.utility(context.self, packages[0]);
    const equivalent: PackageArray[] = [];
    for (const pkg of packages) if (Math.abs(session.utility(context.self, pkg) - reference) <= 0.05 * Math.abs(reference) + 1) equivalent.push(pkg);
    return equivalent.length >= 2 ? { type: "meso", packages: equivalent } : { type: "offer", package: packages[0] };
  }
}

/** Whether `packages` holds one equal to `pkg`. (Loops, not closures: this runs at every MESO bid.) */
function includesPackage(packages: readonly PackageArray[], pkg: PackageArray): boolean {
  for (const other of packages) if (samePackage(other, pkg)) return true;
  return false;
}

function samePackage(a: PackageArray, b: PackageArray): boolean {
  for (let issue = 0; issue < a.length; issue++) if (a[issue] !== b[issue]) return false;
  return true;
}

/** The issues on which the estimate varies most, most first (ties: the lower index). */
function topIssues({ session }: PartnerContext, estimate: Float64Array, count: number): number[] {
  const model = session.model;
  const top: number[] = [];
  const spreads: number[] = [];
  for (let i = 0; i < model.issueCount; i++) {
    let low = Infinity;
    let high = -Infinity;
    for (let o = 0; o < model.optionCounts[i]; o++) {
      const value = estimate[model.issueOffsets[i] + o];
      if (value < low) low = value;
      if (value > high) high = value;
    }
    // Insertion into the short list of the best so far.
    let place = top.length;
    while (place > 0 && spreads[place - 1] < high - low) place--;
    if (place < count) {
      top.splice(place, 0, i);
      spreads.splice(place, 0, high - low);
      top.length = spreads.length = Math.min(top.length, count);
    }
  }
  return top;
}

function emphasise({ session }: PartnerContext, estimate: Float64Array, issue: number): Float64Array {
  const model = session.model;
  const emphasised = slabCopy(estimate);
  for (let o = 0; o < model.optionCounts[issue]; o++) emphasised[model.issueOffsets[issue] + o] *= EMPHASIS;
  return emphasised;
}

/** Baseline: a random package among those at or above its target. */
export class RandomBidding implements BiddingStrategy {
  private readonly cache = new LadderCache();

  bid(context: PartnerContext, target: number, model: OpponentModel): Move {
    const ladder = this.cache.get(context, model);
    const last = ladder.pointAt(target);
    const point = Math.floor(context.random() * (last + 1));
    return { type: "offer", package: withSettled(context, ladder.package(point)) };
  }
}
