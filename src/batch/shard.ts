/** Shards: a job runs the tasks whose index ≡ i (mod n). A leaf, so that the CLI's --shard parser needs no plan. */
import { UserError } from "../errors.js";

export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const WHOLE_PLAN: Shard = { index: 0, count: 1 };

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(count >= 1 && index < count)) {
    throw new UserError(`--shard expects i/n with 0 ≤ i < n (the first shard is 0), e.g. --shard 0/4; got "${text}".`);
  }
  return { index, count };
}

/** Number of the plan's tasks in a shard. */
export function shardLength(planLength: number, shard: Shard): number {
  return planLength > shard.index ? Math.ceil((planLength - shard.index) / shard.count) : 0;
}

/** Plan index of a shard's k-th task. */
export function shardTask(shard: Shard, position: number): number {
  return shard.index + position * shard.count;
}
