/**
 * The catalogues agree: the same keys in English and Dutch, the same placeholders with the
 * same types (and the same cases of every select), and every message formats.
 */
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { type MessageFormatElement, TYPE, parse } from "@formatjs/icu-messageformat-parser";
import { describe, expect, test } from "vitest";
import { CATALOGUES, type MessageKey, translator } from "../../src/i18n/translate.js";
import { SUPPORTED_LANGUAGES } from "../../src/scenario/schema.js";

const KEYS = Object.keys(CATALOGUES.en) as MessageKey[];

/** "name:type" for every argument of a message, nested ones included, with a select's cases. */
function placeholders(elements: readonly MessageFormatElement[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    switch (element.type) {
      case TYPE.argument:
        found.add(`${element.value}:text`);
        break;
      case TYPE.number:
        found.add(`${element.value}:number:${typeof element.style === "string" ? element.style : "skeleton"}`);
        break;
      case TYPE.date:
      case TYPE.time:
        found.add(`${element.value}:${element.type}`);
        break;
      case TYPE.plural:
        found.add(`${element.value}:plural`);
        for (const option of Object.values(element.options)) placeholders(option.value, found);
        break;
      case TYPE.select:
        found.add(`${element.value}:select:${Object.keys(element.options).sort().join("|")}`);
        for (const option of Object.values(element.options)) placeholders(option.value, found);
        break;
      case TYPE.tag:
        placeholders(element.children, found);
        break;
      default:
        break;
    }
  }
  return found;
}

/** A value for every placeholder, so that each message can be formatted. */
function sampleParams(elements: readonly MessageFormatElement[], params: Record<string, string | number> = {}): Record<string, string | number> {
  for (const element of elements) {
    if (element.type === TYPE.argument) params[element.value] ??= "x";
    if (element.type === TYPE.number || element.type === TYPE.plural) params[element.value] = 2;
    if (element.type === TYPE.select) {
      params[element.value] ??= Object.keys(element.options).find((key) => key !== "other") ?? "other";
      for (const option of Object.values(element.options)) sampleParams(option.value, params);
    }
    if (element.type === TYPE.plural) for (const option of Object.values(element.options)) sampleParams(option.value, params);
  }
  return params;
}

describe("message catalogues", () => {
  test("every language has exactly the English keys", () => {
    for (const lang of SUPPORTED_LANGUAGES) expect(Object.keys(CATALOGUES[lang]).sort()).toEqual([...KEYS].sort());
  });

  test.each(KEYS)("%s: the same placeholders in every language, and it formats", (key) => {
    const english = parse(CATALOGUES.en[key]);
    const expected = [...placeholders(english)].sort();
    for (const lang of SUPPORTED_LANGUAGES) {
      const elements = parse(CATALOGUES[lang][key]);
      expect([...placeholders(elements)].sort(), `${lang} ${key}`).toEqual(expected);
      const text = translator(lang)(key, sampleParams(elements));
      expect(text.trim().length, `${lang} ${key}`).toBeGreaterThan(0);
      expect(text, `${lang} ${key}: a placeholder left unformatted`).not.toMatch(/[{}]/);
    }
  });

  test("numbers, percentages and lists follow the language", () => {
    const en = translator("en");
    const nl = translator("nl");
    expect([en.number(94), nl.number(94), nl.number(1234.56, 2)]).toEqual(["94.0", "94,0", "1.234,56"]);
    expect([en.signed(24), en.signed(-7), en.signed(0)]).toEqual(["+24.0", "-7.0", "0.0"]);
    expect([en.percent(0.94), nl.percent(0.465)]).toEqual(["94%", "47%"]);
    expect([en.list(["a", "b", "c"]), nl.list(["a", "b", "c"]), nl.list(["a"])]).toEqual(["a, b and c", "a, b en c", "a"]);
  });
});

describe("no wording outside the catalogues", () => {
  const SOURCE = join(import.meta.dirname, "..", "..", "src");
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
    });

  test("no code chooses words by language or by count", () => {
    const offences: string[] = [];
    for (const file of files(SOURCE)) {
      if (relative(SOURCE, file).startsWith("i18n")) continue;
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, k) => {
          // Choosing text by language (`lang === "en" ? … : …`) or by count (`n === 1 ? "offer" : "offers"`).
          if (/\blang(uage)?\s*===?\s*["'](en|nl)["']|===?\s*1\s*\?\s*["'`]/.test(line)) offences.push(`${relative(SOURCE, file)}:${k + 1}: ${line.trim()}`);
        });
    }
    expect(offences).toEqual([]);
  });
});
