/**
 * A scenario's text in one language. Kept apart from the schema (and zod) because every report
 * and screen that prints a scenario's texts needs it, and most of them never validate a file.
 */
import type { Language } from "../vocabulary.js";

/** One string, or one per language with English always present (the schema's LocalisedText). */
export type LocalisedTextValue = string | { readonly en: string; readonly nl?: string };

/** The text in the requested language, falling back to English. */
export function localise(text: LocalisedTextValue, lang: Language = "en"): string {
  if (typeof text === "string") return text;
  return text[lang] ?? text.en;
}
