/**
 * Opponent models: what a partner believes the other parties value.
 *
 * - `OpposedPrior` (win-lose styles and baselines) learns nothing: it assumes the others
 *   want the opposite of what it wants, on every issue equally. Bidding on it concedes on
 *   the partner's own least important issues first.
 * - `FrequencyModel` (win-win styles) learns from offers as GENIUS's frequency models do:
 *   options a party offers often are valued, and issues on which it does not move matter
 *   to it. Answers and disclosures it believes (when it trusts the source) update it at once.
 */
import { mean, quantile } from "../../engine/distributions.js";
import { contributionRange } from "../../engine/model.js";
import { slabFloat64 } from "../../engine/shared-buffers.js";
import type { AnswerContent, Importance, PackageArray } from "../protocol.js";
import type { OpponentModel, PartnerContext } from "./types.js";

const priorCache = new WeakMap<object, Map<number, Float64Array>>();

export class OpposedPrior implements OpponentModel {
  readonly version = 0;
  readonly shared = true;

  update(): void {}

  estimate({ session, self }: PartnerContext): Float64Array {
    const model = session.model;
    let byParty = priorCache.get(model);
    if (!byParty) priorCache.set(model, (byParty = new Map()));
    let estimate = byParty.get(self);
    if (estimate) return estimate;
    estimate = new Float64Array(model.totalOptions);
    for (let i = 0; i < model.issueCount; i++) {
      const { low, high } = contributionRange(model, self, i);
      for (let o = 0; o < model.optionCounts[i]; o++) {
        const own = model.contributions[(model.issueOffsets[i] + o) * model.partyCount + self];
        estimate[model.issueOffsets[i] + o] = high > low ? (100 * (high - own)) / (high - low) : 0;
      }
    }
    byParty.set(self, estimate);
    return estimate;
  }
}

/** Trust (0–100) from which a partner believes what another party tells it. */
const BELIEF_THRESHOLD = 30;
/** How much an issue's weight grows when a party keeps its option unchanged between offers. */
const STABILITY_BONUS = 0.2;
/** Counts a believed ranking gives its options: this per place above the last. */
const RANKING_COUNT = 3;
const IMPORTANCE_WEIGHT: Record<Importance, number> = { low: 0.3, medium: 1, high: 2 };
/** A forecast differs when its mean is this share of one's own 5–95 % range away from one's own mean. */
const FORECAST_GAP = 0.25;

class PartyBelief {
  readonly counts: Float64Array;
  readonly weights: Float64Array;
  lastOffer: PackageArray | null = null;

  constructor(readonly issueCount: number, totalOptions: number) {
    this.counts = slabFloat64(totalOptions);
    this.weights = new Float64Array(issueCount).fill(1 / issueCount);
  }

  normalise(): void {
    const weights = this.weights;
    let sum = 0;
    for (let i = 0; i < weights.length; i++) sum += weights[i];
    for (let i = 0; i < this.issueCount; i++) weights[i] /= sum;
  }
}

export class FrequencyModel implements OpponentModel {
  version = 0;
  private cursor = 0;
  /** The package chosen from the standing MESO offer: later acceptances of it need not restate the choice. */
  private mesoChoice: number | undefined;
  private beliefs: (PartyBelief | null)[] = [];
  private cached: Float64Array | null = null;
  private cachedVersion = -1;

  update(context: PartnerContext): void {
    const { session, self } = context;
    const model = session.model;
    if (this.beliefs.length === 0) {
      this.beliefs = Array.from({ length: session.partyCount }, (_, p) =>
        p === self ? null : new PartyBelief(model.issueCount, model.totalOptions),
      );
    }
    const events = session.events;
    let changed = false;
    for (; this.cursor < events.length; this.cursor++) {
      const event = events[this.cursor];
      if (event.type !== "move" || event.actor === self) continue;
      const belief = this.beliefs[event.actor]!;
      const move = event.move;
      const believed = session.trustIn(self, event.actor) >= BELIEF_THRESHOLD;
      if (move.type === "offer" || move.type === "meso" || move.type === "partial-offer") this.mesoChoice = undefined;
      switch (move.type) {
        case "offer":
          this.observeOffer(context, belief, move.package, 1);
          break;
        case "meso":
          for (const pkg of move.packages) this.observeOffer(context, belief, pkg, 1 / move.packages.length);
          break;
        case "partial-offer":
          belief.counts[model.issueOffsets[move.issue] + move.option] += 1;
          break;
        case "accept": {
          this.mesoChoice = move.choice ?? this.mesoChoice;
          const accepted = this.acceptedPackage(context, this.mesoChoice ?? 0);
          if (accepted) this.observeOffer(context, belief, accepted, 2);
          break;
        }
        case "reject":
          if (move.blockingIssue !== undefined) belief.weights[move.blockingIssue] += STABILITY_BONUS;
          break;
        case "answer":
          if (move.to === self && believed) this.observeAnswer(context, belief, move.answer);
          break;
        case "disclose":
          if (believed) this.setImportance(belief, move.issue, move.importance);
          break;
        default:
          continue;
      }
      belief.normalise();
      changed = true;
    }
    // One version per update that learnt something: bid ladders rebuild by versions.
    if (changed) this.version++;
  }

  estimate(context: PartnerContext): Float64Array {
    if (this.cached && this.cachedVersion === this.version) return this.cached;
    const model = context.session.model;
    const estimate = slabFloat64(model.totalOptions);
    let others = 0;
    for (const belief of this.beliefs) if (belief !== null) others++;
    for (const belief of this.beliefs) {
      if (belief === null) continue;
      const { counts, weights } = belief;
      for (let i = 0; i < model.issueCount; i++) {
        const base = model.issueOffsets[i];
        let most = 0;
        for (let o = 0; o < model.optionCounts[i]; o++) most = Math.max(most, counts[base + o]);
        for (let o = 0; o < model.optionCounts[i]; o++) {
          estimate[base + o] += (100 * weights[i] * (counts[base + o] + 1)) / (most + 1) / others;
        }
      }
    }
    this.cached = estimate;
    this.cachedVersion = this.version;
    return estimate;
  }

  /** The package an acceptance (at the cursor) accepted: of the latest full offer, the one chosen. */
  private acceptedPackage({ session }: PartnerContext, choice: number): PackageArray | null {
    for (let k = this.cursor - 1; k >= 0; k--) {
      const event = session.events[k];
      if (event.type !== "move") continue;
      if (event.move.type === "offer") return event.move.package;
      if (event.move.type === "meso") return event.move.packages[choice] ?? null;
      if (event.move.type === "partial-offer") return null;
    }
    return null;
  }

  private observeOffer({ session }: PartnerContext, belief: PartyBelief, pkg: PackageArray, weight: number): void {
    const model = session.model;
    for (let i = 0; i < model.issueCount; i++) {
      belief.counts[model.issueOffsets[i] + pkg[i]] += weight;
      if (belief.lastOffer && belief.lastOffer[i] === pkg[i]) belief.weights[i] += (STABILITY_BONUS * weight) / model.issueCount;
    }
    belief.lastOffer = pkg;
  }

  private observeAnswer(context: PartnerContext, belief: PartyBelief, answer: AnswerContent): void {
    const model = context.session.model;
    switch (answer.kind) {
      case "most-important": {
        let top = 0;
        for (const w of belief.weights) top = Math.max(top, w);
        belief.weights[answer.issue] = top * 2;
        break;
      }
      case "issue-importance":
        this.setImportance(belief, answer.issue, answer.importance);
        break;
      case "preferred-option":
        // The ranking replaces what offers suggested about this issue's options.
        answer.ranking.forEach((option, rank) => {
          belief.counts[model.issueOffsets[answer.issue] + option] = RANKING_COUNT * (answer.ranking.length - 1 - rank);
        });
        break;
      case "what-would-work":
        for (let i = 0; i < model.issueCount; i++) belief.counts[model.issueOffsets[i] + answer.package[i]] += 3;
        break;
      case "expectation":
        this.observeForecast(context, belief, answer.quantity, answer.mean);
        break;
      default:
        break;
    }
  }

  /**
   * A forecast far from its own is an opening for a bet: a contingent clause on that quantity
   * gives each side what it expects to win. It believes the other favours such clauses, so
   * that its bids, which look for what serves the other, come to propose them.
   */
  private observeForecast({ session, self }: PartnerContext, belief: PartyBelief, quantity: number, stated: number): void {
    const model = session.model;
    const own = model.uncertain!.beliefs[self][quantity];
    const width = quantile(own, 0.95) - quantile(own, 0.05);
    if (Math.abs(stated - mean(own)) <= FORECAST_GAP * width) return;
    const scenario = session.scenario;
    scenario.issues.forEach((issue, i) => {
      const base = model.issueOffsets[i];
      let most = 0;
      for (let o = 0; o < model.optionCounts[i]; o++) most = Math.max(most, belief.counts[base + o]);
      issue.options.forEach((option, o) => {
        if (option.contingent?.quantity === model.uncertain!.quantityIds[quantity]) belief.counts[base + o] = most + RANKING_COUNT;
      });
    });
  }

  private setImportance(belief: PartyBelief, issue: number, importance: Importance): void {
    belief.weights[issue] = IMPORTANCE_WEIGHT[importance] / belief.issueCount;
  }
}
