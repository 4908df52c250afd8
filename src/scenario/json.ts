/**
 * Strict JSON parsing with positions: a syntax error becomes one finding in plain words,
 * and findings about the parsed value are located at their JSON node. Nothing here recurses
 * deeper than the file nests, and the nesting is checked first, without recursion: a file
 * of ten thousand "[" is an error at its 65th, not a stack overflow.
 */
import { type SyntaxKind, createScanner, findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, visit, type Node, type ParseOptions } from "jsonc-parser";
import type { Finding, JsonPath, Severity, SourceText } from "./diagnostics.js";
import { SCENARIO_LIMITS } from "./limits.js";

/** Scenario files are plain JSON: editors and other tools must read them too. */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** A finding at a place in the text, before it becomes a diagnostic with line, column and code frame. */
export interface PlacedFinding {
  readonly severity: Severity;
  readonly offset: number;
  readonly length: number;
  readonly path: JsonPath;
  readonly message: string;
}

type Open = { offset: number; closer: "}" | "]" };

/** A JSON text's value, and its syntax tree (made on first use, then kept) to place findings at. */
export interface ParsedJson {
  /** As jsonc-parser's getNodeValue gives it: objects without a prototype. */
  readonly value: unknown;
  readonly tree: () => Node;
}

/** The value and syntax tree, and what is wrong with the text itself; neither when it is not JSON at all. */
export function parseJson(source: SourceText, what = "a scenario object { … }"): { parsed?: ParsedJson; findings: PlacedFinding[] } {
  const at = (offset: number, length: number, message: string, path: JsonPath = []): PlacedFinding => ({ severity: "error", offset, length, path, message });
  if (source.text.trim() === "") return { findings: [at(0, 0, `the file is empty; expected ${what}`)] };
  // The usual case, a file that is JSON and has nothing treeFindings would report: JSON.parse
  // (native) reads it, and the syntax tree is made only if a finding needs placing. See plainJson.
  const plain = plainJson(source.text, SCENARIO_LIMITS.depth);
  return plain ? { parsed: plain, findings: [] } : parseJsonTheLongWay(source);
}

/** parseJson by jsonc-parser alone, for any text but an empty one (exported for the tests that compare both ways). */
export function parseJsonTheLongWay(source: SourceText): { parsed?: ParsedJson; findings: PlacedFinding[] } {
  const at = (offset: number, length: number, message: string, path: JsonPath = []): PlacedFinding => ({ severity: "error", offset, length, path, message });
  const deep = tooDeep(source.text, SCENARIO_LIMITS.depth);
  if (deep !== undefined) {
    return { findings: [at(deep, 1, `nested more than ${SCENARIO_LIMITS.depth} levels deep; a scenario needs about six`)] };
  }
  const open: Open[] = [];
  let first: PlacedFinding | undefined;
  visit(
    source.text,
    {
      onObjectBegin: (offset) => void open.push({ offset, closer: "}" }),
      onArrayBegin: (offset) => void open.push({ offset, closer: "]" }),
      onObjectEnd: () => void open.pop(),
      onArrayEnd: () => void open.pop(),
      onError: (code, offset, length) => {
        first ??= syntaxError(source, printParseErrorCode(code), offset, length, open.at(-1));
      },
    },
    STRICT,
  );
  // Later syntax errors in a broken file are mostly echoes of the first.
  if (first) return { findings: [first] };
  const tree = parseTree(source.text, [], STRICT)!;
  return { parsed: { value: getNodeValue(tree), tree: () => tree }, findings: treeFindings(tree) };
}

/** A string (skipped whole, and whether a ':' follows it: then it is a key) or a bracket, in text that is JSON. */
const STRING_OR_BRACKET = /"[^"\\]*(?:\\.[^"\\]*)*"([ \t\n\r]*:)?|[[\]{}]/g;

/**
 * The text's value when it is JSON (JSON.parse takes it), nested at most `limit` levels deep,
 * with no key twice, no key "__proto__" and no half character (lone surrogate) in a key or a
 * text: then the long way would find the same, no syntax error and no treeFindings, since
 * jsonc-parser, strict, takes exactly JSON (the same whitespace, escapes, numbers and keywords),
 * and so would its depth (tooDeep). Otherwise undefined, and the long way finds and places the
 * problem. A key twice is seen by counting: the keys in the text (strings followed by ':')
 * against the keys of the parsed objects, where JSON.parse keeps one of each.
 */
function plainJson(text: string, limit: number): ParsedJson | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    let depth = 0;
    let keysInText = 0;
    for (const [token, colon] of text.matchAll(STRING_OR_BRACKET)) {
      if (colon !== undefined) keysInText++;
      else if (token === "{" || token === "[") {
        if (++depth > limit) return undefined;
      } else if (token === "}" || token === "]") depth--;
    }
    const counted = { keys: 0 };
    const value = withoutPrototypes(parsed, counted);
    if (value === REFUSED || counted.keys !== keysInText) return undefined;
    let tree: Node | undefined;
    return { value, tree: () => (tree ??= parseTree(text, [], STRICT)!) };
  } catch {
    // Not JSON, or past what JSON.parse or the expression can take.
    return undefined;
  }
}

const REFUSED = Symbol("refused");

/**
 * A parsed JSON value as getNodeValue builds it (objects without a prototype, keys in the same
 * order), counting the objects' keys; REFUSED at a key "__proto__" or a key or text that is not
 * well-formed UTF-16. Recursive: the caller has checked the depth.
 */
function withoutPrototypes(value: unknown, counted: { keys: number }): unknown {
  if (typeof value === "string") return value.isWellFormed() ? value : REFUSED;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const copy: unknown[] = new Array(value.length);
    for (let k = 0; k < value.length; k++) {
      const item = withoutPrototypes(value[k], counted);
      if (item === REFUSED) return REFUSED;
      copy[k] = item;
    }
    return copy;
  }
  const copy: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(value)) {
    if (key === "__proto__" || !key.isWellFormed()) return REFUSED;
    counted.keys++;
    const item = withoutPrototypes((value as Record<string, unknown>)[key], counted);
    if (item === REFUSED) return REFUSED;
    copy[key] = item;
  }
  return copy;
}

// jsonc-parser declares its token kinds as a const enum, which isolated modules cannot read: their values.
const OPEN_BRACE = 1 as SyntaxKind;
const CLOSE_BRACE = 2 as SyntaxKind;
const OPEN_BRACKET = 3 as SyntaxKind;
const CLOSE_BRACKET = 4 as SyntaxKind;
const EOF = 17 as SyntaxKind;

/** The offset of the first bracket that opens more than `limit` levels, found by scanning tokens (no recursion). */
function tooDeep(text: string, limit: number): number | undefined {
  const scanner = createScanner(text, true);
  let depth = 0;
  for (let token = scanner.scan(); token !== EOF; token = scanner.scan()) {
    if (token === OPEN_BRACE || token === OPEN_BRACKET) {
      if (++depth > limit) return scanner.getTokenOffset();
    } else if (token === CLOSE_BRACE || token === CLOSE_BRACKET) depth--;
  }
  return undefined;
}

/**
 * What JSON allows but a scenario must not have: a key twice (parsers keep only the last, so
 * a trainer's second "weights" would hide the first), the key "__proto__" (which JavaScript
 * objects do not keep as a key), and texts with half a UTF-16 character (a lone \uD800 escape).
 */
function treeFindings(root: Node): PlacedFinding[] {
  const found: PlacedFinding[] = [];
  const at = (node: Node, path: JsonPath, message: string) => found.push({ severity: "error", offset: node.offset, length: node.length, path, message });
  // Depth-first with an explicit stack: the order of the file, bounded by its nesting.
  const stack: { node: Node; path: JsonPath }[] = [{ node: root, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    const children: { node: Node; path: JsonPath }[] = [];
    if (node.type === "object") {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        if (!key || !value) continue;
        const name = String(key.value);
        const here = [...path, name];
        if (seen.has(name)) at(key, here, `duplicate key "${name}": JSON keeps only the last one, so merge them into one`);
        else if (name === "__proto__") at(key, here, 'the key "__proto__" cannot be used: JavaScript gives that name a meaning of its own');
        else if (!name.isWellFormed()) at(key, here, brokenText("this key"));
        seen.add(name);
        children.push({ node: value, path: here });
      }
    } else if (node.type === "array") {
      (node.children ?? []).forEach((child, index) => children.push({ node: child, path: [...path, index] }));
    } else if (node.type === "string" && !String(node.value).isWellFormed()) {
      at(node, path, brokenText("this text"));
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]);
  }
  return found;
}

const brokenText = (what: string) => `${what} holds half a character (a \\uD800–\\uDFFF escape without its other half)`;

function syntaxError(source: SourceText, code: string, offset: number, length: number, inside: Open | undefined): PlacedFinding {
  const error = (message: string, at = offset, span = length): PlacedFinding => ({ severity: "error", offset: at, length: span, path: [], message });
  const closer = inside?.closer ?? "}";
  const comma = trailingComma(source.text, offset);
  if (comma !== undefined && (code === "PropertyNameExpected" || code === "ValueExpected")) {
    return error(`trailing comma before '${closer}': remove this ','`, comma, 1);
  }
  const token = source.text.slice(offset, offset + Math.min(Math.max(length, 1), 40));
  const opened = inside ? source.position(inside.offset).line : 1;
  const messages: Record<string, string> = {
    InvalidSymbol: token.startsWith("'")
      ? "texts and keys need double quotes (\"…\"), not single quotes"
      : `unexpected ${JSON.stringify(token)}; expected a value: a "text", a number, true, false, null, { … } or [ … ]`,
    InvalidNumberFormat: `invalid number ${JSON.stringify(token)}`,
    PropertyNameExpected: 'expected a key in double quotes, such as "id"',
    ValueExpected: 'expected a value: a "text", a number, true, false, null, { … } or [ … ]',
    ColonExpected: "expected a ':' after the key",
    CommaExpected: `expected a comma or '${closer}'`,
    CloseBraceExpected: `expected '}' to close the object opened on line ${opened}`,
    CloseBracketExpected: `expected ']' to close the list opened on line ${opened}`,
    EndOfFileExpected: "unexpected text after the end of the scenario",
    InvalidCommentToken: "comments are not allowed in JSON",
    UnexpectedEndOfComment: "comments are not allowed in JSON",
    UnexpectedEndOfString: "this text has no closing '\"' (a text must end on the line where it starts)",
    UnexpectedEndOfNumber: "incomplete number",
    InvalidUnicode: "invalid \\u escape: expected four hexadecimal digits",
    InvalidEscapeCharacter: "invalid escape after '\\' (write \\\\ for a backslash)",
    InvalidCharacter: "invalid character in text (write \\n for a line break, \\t for a tab)",
  };
  return error(messages[code] ?? "invalid JSON");
}

/** Offset of the ',' just before a '}' or ']' at `offset`, if that is what is there. */
function trailingComma(text: string, offset: number): number | undefined {
  if (text[offset] !== "}" && text[offset] !== "]") return undefined;
  let i = offset - 1;
  while (i >= 0 && /\s/.test(text[i])) i--;
  return text[i] === "," ? i : undefined;
}

/** A finding placed at its JSON node; a node that is missing is pointed at through its nearest ancestor. */
export function place(tree: Node, finding: Finding, text: string): PlacedFinding {
  let depth = finding.path.length;
  let node = findNodeAtLocation(tree, finding.path.slice(0, depth));
  while (!node && depth > 0) node = findNodeAtLocation(tree, finding.path.slice(0, --depth));
  const found = node ?? tree;
  const property = found.parent?.type === "property" ? found.parent : undefined;
  const target = (finding.atKey && depth === finding.path.length && property?.children?.[0]) || found;
  const placed = { severity: finding.severity, offset: target.offset, length: target.length, path: finding.path, message: finding.message };
  if (finding.within === undefined || target.type !== "string" || depth !== finding.path.length) return placed;
  return { ...placed, offset: target.offset + rawIndex(text.slice(target.offset, target.offset + target.length), finding.within), length: 1 };
}

/** Where, in a string literal as written (quotes and escapes included), the character at `index` of its value starts. */
function rawIndex(literal: string, index: number): number {
  let raw = 1;
  for (let k = 0; k < index && raw < literal.length - 1; k++) {
    if (literal[raw] !== "\\") raw++;
    else raw += literal[raw + 1] === "u" ? 6 : 2;
  }
  return raw;
}
