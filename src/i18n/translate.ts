/**
 * Every user-facing string comes from one message catalogue per language
 * (`catalogue/en.ts`, `catalogue/nl.ts`), written in ICU MessageFormat: plurals, selects
 * and number formats live in the catalogue, so code never builds a sentence itself.
 * intl-messageformat compiles each message once per language, on first use.
 *
 * Number formats a message may use: `{x, number, points}` (one decimal: 94.0 / 94,0),
 * `{x, number, whole}`, `{x, number, signed}` (+24.0, −7.0), `{x, number, signedWhole}`,
 * `{share, number, percent}` (0.94 → 94%). Lists go through `Intl.ListFormat`.
 */
import { IntlMessageFormat } from "intl-messageformat";
import type { Language } from "../scenario/schema.js";
import { EN, type MessageKey } from "./catalogue/en.js";
import { NL } from "./catalogue/nl.js";

export type { MessageKey };

export const CATALOGUES: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = { en: EN, nl: NL };

/** The locale whose conventions (decimal comma, list words) each language follows. */
export const LOCALES: Readonly<Record<Language, string>> = { en: "en-GB", nl: "nl-NL" };

const POINTS: Intl.NumberFormatOptions = { minimumFractionDigits: 1, maximumFractionDigits: 1 };
const WHOLE: Intl.NumberFormatOptions = { maximumFractionDigits: 0 };

export const NUMBER_FORMATS: Readonly<Record<string, Intl.NumberFormatOptions>> = {
  points: POINTS,
  whole: WHOLE,
  signed: { ...POINTS, signDisplay: "exceptZero" },
  signedWhole: { ...WHOLE, signDisplay: "exceptZero" },
  percent: { style: "percent", maximumFractionDigits: 0 },
};

export type MessageParams = Readonly<Record<string, string | number>>;

export interface Translator {
  /** The catalogue's message for `key`, with `params` filled in. */
  (key: MessageKey, params?: MessageParams): string;
  readonly lang: Language;
  /** A number as the language writes it: `digits` decimals (default one). Counts may be bigints. */
  number(value: number | bigint, digits?: number): string;
  /** A gain or loss with its sign: "+24.0", "−7.0"; zero without one. */
  signed(value: number, digits?: number): string;
  /** A share (0.94) as a percentage: "94%". */
  percent(share: number): string;
  /** "a, b and c" / "a, b en c"; with "or": "a, b or c" / "a, b of c". */
  list(items: readonly string[], type?: "and" | "or"): string;
}

const translators = new Map<Language, Translator>();

/** `make`, remembering what it made for the same arguments. */
function memoised<A extends unknown[], R>(make: (...args: A) => R): (...args: A) => R {
  const made = new Map<string, R>();
  return (...args) => {
    const key = JSON.stringify(args);
    let found = made.get(key);
    if (found === undefined) made.set(key, (found = make(...args)));
    return found;
  };
}

export function translator(lang: Language): Translator {
  let found = translators.get(lang);
  if (!found) translators.set(lang, (found = createTranslator(lang)));
  return found;
}

function createTranslator(lang: Language): Translator {
  const locale = LOCALES[lang];
  const catalogue = CATALOGUES[lang];
  const compiled = new Map<MessageKey, Pick<IntlMessageFormat, "format">>();
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (digits: number, signed: boolean) => {
    const id = `${digits}/${signed}`;
    let format = numberFormats.get(id);
    if (!format) {
      const options: Intl.NumberFormatOptions = { minimumFractionDigits: digits, maximumFractionDigits: digits };
      if (signed) options.signDisplay = "exceptZero";
      numberFormats.set(id, (format = new Intl.NumberFormat(locale, options)));
    }
    return format;
  };
  // Intl's formatters are made on first use: the first one made in a process costs about 10 ms
  // (ICU's data), which a command that prints no number or list (validate, analyze --json) never pays.
  let percentFormat: Intl.NumberFormat | undefined;
  const listFormats: { and?: Intl.ListFormat; or?: Intl.ListFormat } = {};
  const listFormat = (type: "and" | "or") =>
    (listFormats[type] ??= new Intl.ListFormat(locale, { type: type === "and" ? "conjunction" : "disjunction" }));
  // One set of Intl formatters for all of the language's messages, rather than one per message.
  const formatters = {
    getNumberFormat: memoised((...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args)),
    getDateTimeFormat: memoised((...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args)),
    getPluralRules: memoised((...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args)),
  };
  const translate = (key: MessageKey, params?: MessageParams): string => {
    let message = compiled.get(key);
    if (!message) {
      const source = catalogue[key];
      if (source === undefined) throw new Error(`no message "${key}" in the ${lang} catalogue`);
      // A message without placeholders, tags or escapes is its own text: no need to parse it.
      message = /[{}<]|''/.test(source)
        ? // intl-messageformat types its number options more narrowly than lib.es2023; the values are plain options.
          new IntlMessageFormat(source, locale, { number: NUMBER_FORMATS as Record<string, never> }, { formatters })
        : { format: () => source };
      compiled.set(key, message);
    }
    return String(message.format(params));
  };
  return Object.assign(translate, {
    lang,
    number: (value: number | bigint, digits = 1) => numberFormat(digits, false).format(value),
    signed: (value: number, digits = 1) => numberFormat(digits, true).format(value),
    percent: (share: number) => (percentFormat ??= new Intl.NumberFormat(locale, NUMBER_FORMATS.percent)).format(share),
    list: (items: readonly string[], type: "and" | "or" = "and") => listFormat(type).format(items),
  });
}
