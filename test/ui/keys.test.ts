/**
 * One key table drives the reducer, the footer, the help screen and the README: the footer
 * lists exactly the bindings that apply now, the help every binding, and the README's key
 * table every binding with its English help.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { translator } from "../../src/i18n/translate.js";
import { KEY_TABLES, type KeyBinding, activeBindings, bindingOf } from "../../src/ui/play/keys.js";
import { footerLines, keyLabel } from "../../src/ui/play/layout/footer.js";
import { lineText } from "../../src/ui/play/layout/lines.js";
import type { PlayState } from "../../src/ui/play/state.js";
import { partnershipBriefing } from "./partnership-support.js";
import { ENTER, LANGUAGES, briefing, negotiating, press, pressOn, screenText, start } from "./support.js";

const WIDE = { columns: 200, rows: 60 };

/** A state on every screen and in every kind of mode. */
function states(lang: "en" | "nl"): PlayState[] {
  const table = negotiating("rd-consortium", 0, "logroller", { lang }, WIDE);
  return [
    start({ lang }, WIDE),
    press(start({ lang }, WIDE), ENTER),
    press(start({ lang }, WIDE), ENTER, ENTER, ENTER, "Team 3"),
    briefing("hospital-it-platform", 0, "logroller", { lang }, WIDE),
    table,
    pressOn(table, "o"),
    pressOn(table, "m", "k"),
    pressOn(table, "w"),
    pressOn(table, "?"),
    press(negotiating("hospital-it-platform", 0, "logroller", { lang }, WIDE), "w", "y"),
    // A partnership: between phases, an agreement to improve on, a review.
    press(partnershipBriefing(lang, WIDE), ENTER, "o", "l", "o"),
    press(partnershipBriefing(lang, WIDE), ENTER, "o", "l", "o", ENTER, "o", "l", "o"),
    press(partnershipBriefing(lang, WIDE), ENTER, "o", "l", "o", ENTER, "o", "l", "o", "h"),
  ];
}

const item = (binding: KeyBinding<never>, lang: "en" | "nl") => `${keyLabel(binding, translator(lang))} ${translator(lang)(binding.hint)}`;

describe.each(LANGUAGES)("in %s", (lang) => {
  test("the footer lists exactly the bindings that apply now, and each of them acts", () => {
    for (const state of states(lang)) {
      const footer = footerLines(state, WIDE.columns - 2, translator(lang)).map(lineText).join(" · ").split(" · ");
      const active = activeBindings(state);
      expect(footer).toEqual(active.map((binding) => item(binding, lang)));
      for (const binding of active) expect(bindingOf(state, keyPress(binding.keys[0]))?.id).toBe(binding.id);
    }
  });

  test("a narrow footer keeps help and quit, in at most two lines", () => {
    const state = pressOn(negotiating("rd-consortium", 0, "logroller", { lang }), "o", "m");
    const footer = footerLines(state, 78, translator(lang));
    expect(footer.length).toBeLessThanOrEqual(2);
    const text = footer.map(lineText).join(" · ");
    expect(text).toContain(item(KEY_TABLES.find((table) => table.screen === "negotiate")!.bindings.find((binding) => binding.id === "negotiate.help")!, lang));
    expect(text).toContain(item(KEY_TABLES.find((table) => table.screen === "negotiate")!.bindings.find((binding) => binding.id === "negotiate.quit")!, lang));
  });

  test("the help lists every binding of every table with what it does", () => {
    let help = pressOn(negotiating("hospital-it-platform", 0, "logroller", { lang }, WIDE), "?");
    const lines: string[] = [];
    for (let k = 0; k < 20; k++) {
      lines.push(...screenText(help));
      help = pressOn(help, { input: "", pageDown: true });
    }
    const text = lines.join("\n").replace(/\s+/g, " ");
    const t = translator(lang);
    for (const table of KEY_TABLES) {
      expect(text).toContain(t("play.help.section", { screen: table.screen }));
      for (const binding of table.bindings) expect(text).toContain(`${keyLabel(binding, t)} ${t(binding.help)}`.replace(/\s+/g, " "));
    }
  });
});

test("the README's key table is the program's key table", () => {
  const readme = readFileSync(join(import.meta.dirname, "..", "..", "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("<!-- keys:start"), readme.indexOf("<!-- keys:end -->"));
  const rows = section
    .split("\n")
    .filter((line) => line.startsWith("| ") && !line.startsWith("| where") && !line.startsWith("| ---"))
    .map((line) => line.split(" | ").map((cell) => cell.replace(/^\| |\s*\|$/g, "").trim()));
  const t = translator("en");
  const expected = KEY_TABLES.flatMap((table) =>
    table.bindings.map((binding) => [t("play.help.section", { screen: table.screen }), `\`${keyLabel(binding, t)}\``, t(binding.help)]),
  );
  expect(rows).toEqual(expected);
});

/** The key press Ink reports for a key name of the table. */
function keyPress(name: string) {
  const named: Record<string, object> = {
    up: { upArrow: true },
    down: { downArrow: true },
    left: { leftArrow: true },
    right: { rightArrow: true },
    pageUp: { pageUp: true },
    pageDown: { pageDown: true },
    home: { home: true },
    end: { end: true },
    enter: { return: true },
    escape: { escape: true },
    backspace: { backspace: true },
    printable: { input: "q" },
  };
  if (name.startsWith("ctrl+")) return { input: name.slice(5), ctrl: true };
  return named[name] ? { input: "", ...named[name] } : { input: name };
}
