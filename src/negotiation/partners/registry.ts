/** Every partner style, by id. Adding a style: a file in styles/ and a line here. */
import { anchorAndBluff } from "./styles/anchor-and-bluff.js";
import { boulware } from "./styles/boulware.js";
import { conceder } from "./styles/conceder.js";
import { hardliner } from "./styles/hardliner.js";
import { linear } from "./styles/linear.js";
import { logroller } from "./styles/logroller.js";
import { meso } from "./styles/meso.js";
import { random } from "./styles/random.js";
import { reciprocator } from "./styles/reciprocator.js";
import { takeItOrLeaveIt } from "./styles/take-it-or-leave-it.js";
import type { PartnerStyle, StyleFamily } from "./types.js";

export const PARTNER_STYLES: readonly PartnerStyle[] = [
  hardliner,
  boulware,
  anchorAndBluff,
  takeItOrLeaveIt,
  logroller,
  meso,
  reciprocator,
  conceder,
  linear,
  random,
];

const byId = new Map(PARTNER_STYLES.map((style) => [style.id, style]));

export function findStyle(id: string): PartnerStyle | undefined {
  return byId.get(id);
}

export function stylesOfFamily(family: StyleFamily): PartnerStyle[] {
  return PARTNER_STYLES.filter((style) => style.family === family);
}
