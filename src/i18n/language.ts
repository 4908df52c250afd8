import { SUPPORTED_LANGUAGES, type Language } from "../vocabulary.js";
import { translator } from "./translate.js";

export type { Language };

/** An explicit choice wins; otherwise LC_ALL, LC_MESSAGES or LANG starting with "nl" picks Dutch. */
export function detectLanguage(explicit: string | undefined, env: NodeJS.ProcessEnv): Language {
  if (explicit !== undefined) {
    if ((SUPPORTED_LANGUAGES as readonly string[]).includes(explicit)) return explicit as Language;
    throw new RangeError(`unsupported language "${explicit}"`);
  }
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("nl") ? "nl" : "en";
}

/** A number of points as the language writes it; kept for src/ui, elsewhere use the translator. */
export function formatPoints(value: number, lang: Language, digits = 1): string {
  return translator(lang).number(value, digits);
}

/** A share (0.94) as a percentage ("94%"); kept for src/ui, elsewhere use the translator. */
export function formatPercent(share: number, lang: Language): string {
  return translator(lang).percent(share);
}

/** "a, b and c" / "a, b en c"; kept for src/ui, elsewhere use the translator. */
export function joinList(items: readonly string[], lang: Language): string {
  return translator(lang).list(items);
}
