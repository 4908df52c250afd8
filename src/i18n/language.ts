import { SUPPORTED_LANGUAGES, type Language } from "../scenario/schema.js";

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

/** Formats a number of points the way the language writes decimals. */
export function formatPoints(value: number, lang: Language, digits = 1): string {
  return value.toLocaleString(lang === "nl" ? "nl-NL" : "en-GB", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatPercent(share: number, lang: Language): string {
  return `${formatPoints(share * 100, lang, 0)} %`;
}

/** "a, b and c" / "a, b en c". */
export function joinList(items: readonly string[], lang: Language): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "nl" ? " en " : " and ";
  return `${items.slice(0, -1).join(", ")}${and}${items[items.length - 1]}`;
}
