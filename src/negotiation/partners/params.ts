/** A partner's parameters: derived from the scenario, then the style's defaults, then the trainer's overrides. */
import { utilityBounds } from "../../engine/model.js";
import type { SessionView } from "../session.js";
import type { PartnerParams, PartnerStyle } from "./types.js";

/** A partner's default reservation lies this share of its range above its BATNA. */
export const DEFAULT_RESERVATION_SHARE = 0.02;

/**
 * Without other settings a partner aims at its best package, never goes below its BATNA
 * plus 2 % of its range, concedes linearly, discloses from trust 55 and walks away below 15.
 */
export function resolveParams(
  session: SessionView,
  self: number,
  style: PartnerStyle,
  overrides: Readonly<Record<string, number>> = {},
): PartnerParams {
  const bounds = utilityBounds(session.model);
  const batna = session.model.batnas[self];
  const best = bounds[2 * self + 1];
  const derived: PartnerParams = {
    aspiration: best,
    reservation: batna + DEFAULT_RESERVATION_SHARE * Math.max(0, best - batna),
    concession: 1,
    discloseThreshold: 55,
    walkAwayThreshold: 15,
    honesty: 1,
    initialTrust: 50,
  };
  return { ...derived, ...style.defaults({ batna, best }), ...overrides };
}
