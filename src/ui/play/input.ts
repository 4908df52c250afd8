/**
 * Keys typed faster than the terminal is read arrive in one chunk. Ink splits escape
 * sequences (arrows, page keys) out of a chunk but hands a run of plain characters over as
 * one input ("o\r\r"), flagged as no key in particular: each character is a key press of its
 * own here, control characters included, so that an Enter typed fast is still an Enter.
 */
import type { KeyPress } from "./state.js";

const CONTROL: Readonly<Record<string, Omit<KeyPress, "input">>> = {
  "\r": { return: true },
  "\n": { return: true },
  "\t": { tab: true },
  "\u001B": { escape: true },
  "\u007F": { backspace: true },
  "\b": { backspace: true },
};

/** The key presses in a run of characters, in order. */
export function keysOf(run: string): KeyPress[] {
  return [...run].map((character) => {
    const control = CONTROL[character];
    if (control) return { input: "", ...control };
    const code = character.codePointAt(0)!;
    // Ctrl-A … Ctrl-Z arrive as the codes 1 … 26.
    if (code >= 1 && code <= 26) return { input: String.fromCharCode(code + 96), ctrl: true };
    return { input: character };
  });
}
