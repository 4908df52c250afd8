/**
 * Diagnostics for hand-written scenario files: what is wrong, where (file, line,
 * column, JSON path) and a code frame, in words a trainer understands.
 */
import { createRequire } from "node:module";
import { closest, distance } from "fastest-levenshtein";
import { UserError } from "../errors.js";
import { translator } from "../i18n/translate.js";

type CodeFrame = typeof import("@babel/code-frame");

let codeFrame: CodeFrame | undefined;

/**
 * @babel/code-frame, loaded the first time a frame is drawn (its CommonJS build, synchronously):
 * with its tokenizer and identifier tables it takes about 8 ms to load, which a valid file never needs.
 */
function codeFrameColumns(...args: Parameters<CodeFrame["codeFrameColumns"]>): string {
  codeFrame ??= createRequire(import.meta.url)("@babel/code-frame") as CodeFrame;
  return codeFrame.codeFrameColumns(...args);
}

export type Severity = "error" | "warning";

export type Diagnostic = {
  severity: Severity;
  file: string;
  /** 1-based. */
  line: number;
  /** 1-based. */
  column: number;
  /** Readable JSON path such as `parties[1].values.budget.low`; empty for the root. */
  path: string;
  message: string;
  frame?: string;
};

export type JsonPath = readonly (string | number)[];

/** A problem found in the parsed scenario, before it is located in the file's text. */
export type Finding = {
  severity: Severity;
  path: JsonPath;
  message: string;
  /** Point at the property's key rather than its value (for keys that should not be there). */
  atKey?: boolean;
  /** In a text value: the index of the character the finding is about (a formula's unknown name). */
  within?: number;
};

/** The problems of a file (a scenario, a transcript, a moves file), each located: a user error. */
export class LocatedError extends UserError {
  override readonly name: string = "LocatedError";

  constructor(
    readonly diagnostics: readonly Diagnostic[],
    readonly omitted = 0,
  ) {
    super([...diagnostics.map(formatDiagnostic), ...(omitted > 0 ? [omittedLine(diagnostics[0]?.file ?? "", omitted)] : [])].join("\n\n"));
  }
}

/** The line after the diagnostics a file's report was cut at. */
export function omittedLine(file: string, omitted: number): string {
  return translator("en")("scenario.omitted", { file, count: omitted });
}

/** `file:line:column: error: path: message`, then the code frame. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.path ? `${d.path}: ` : "";
  const header = `${d.file}:${d.line}:${d.column}: ${d.severity}: ${where}${d.message}`;
  return d.frame ? `${header}\n${d.frame}` : header;
}

/** `parties[1].values.budget.low`; keys that are not plain identifiers are quoted, as ids may hold spaces and dots. */
export function formatPath(path: JsonPath): string {
  return path
    .map((key, i) => {
      if (typeof key === "number") return `[${key}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(key)) return i === 0 ? key : `.${key}`;
      return `[${JSON.stringify(key)}]`;
    })
    .join("");
}

/** ` — did you mean "x"?` when a candidate is a plausible typo of `word`, otherwise nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return "";
  const guess = closest(word, candidates);
  const d = distance(word, guess);
  // A couple of slips (more in long words) is a typo; changing most of a short word is a different word.
  return d <= Math.max(2, Math.floor(word.length / 4)) && d < word.length ? ` — did you mean "${guess}"?` : "";
}

/** Turns character offsets in one file's text into diagnostics with line, column and code frame. */
export class SourceText {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly text: string,
    readonly file: string,
  ) {
    for (let i = 0; i < text.length; i++) if (text[i] === "\n") this.lineStarts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    // The last line that starts at or before the offset.
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  /** A diagnostic at `offset`; a span on one line is underlined, a longer one only marked at its start. */
  diagnostic(severity: Severity, offset: number, length: number, path: JsonPath, message: string): Diagnostic {
    const start = this.position(offset);
    const end = this.position(offset + Math.max(length, 1));
    const location = end.line === start.line ? { start, end } : { start };
    const frame = this.showsLine(start.line) ? codeFrameColumns(this.text, location, { highlightCode: false }) : undefined;
    return { severity, file: this.file, ...start, path: formatPath(path), message, ...(frame ? { frame } : {}) };
  }

  /** A code frame shows a few lines around the place: only where they are short enough to read. */
  private showsLine(line: number): boolean {
    if (!this.text.trim()) return false;
    for (let k = Math.max(0, line - 3); k < Math.min(this.lineStarts.length, line + 2); k++) {
      const end = k + 1 < this.lineStarts.length ? this.lineStarts[k + 1] : this.text.length;
      if (end - this.lineStarts[k] > MAX_FRAME_LINE) return false;
    }
    return true;
  }
}

/** Characters of the longest line a code frame shows (a minified file has one line of megabytes). */
const MAX_FRAME_LINE = 400;
