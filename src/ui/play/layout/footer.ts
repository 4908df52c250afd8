/** The footer: the keys that apply now, from the key-binding table, in at most two lines. */
import type { Translator } from "../../../i18n/translate.js";
import { pack } from "../../../report/wrap.js";
import { type KeyBinding, activeBindings } from "../keys.js";
import type { PlayState } from "../state.js";
import { type Line, line } from "./lines.js";

/** Kept when the footer must drop keys for room: how to learn the rest, and how to leave. */
const KEPT = new Set(["negotiate.help", "negotiate.quit"]);

/** Lines the footer may take: two, or three in a tall terminal. */
export function footerHeight(rows: number): number {
  return rows >= 36 ? 3 : 2;
}

export function keyLabel(binding: KeyBinding<never>, t: Translator): string {
  return binding.labelKey ? t(binding.labelKey) : binding.label;
}

export function footerLines(state: PlayState, width: number, t: Translator, maxLines = footerHeight(state.size.rows)): Line[] {
  const bindings = activeBindings(state);
  const item = (binding: KeyBinding<never>) => `${keyLabel(binding, t)} ${t(binding.hint)}`;
  let shown = bindings;
  // Drop keys from the end (the kept ones stay) until the footer fits.
  while (pack(shown.map(item), " · ", width, "").length > maxLines) {
    const drop = shown.findLastIndex((binding) => !KEPT.has(binding.id));
    if (drop < 0) break;
    shown = shown.filter((_, k) => k !== drop);
  }
  return pack(shown.map(item), " · ", width, "").slice(0, maxLines).map((text) => line(text, "dim"));
}
