/**
 * Strict JSON parsing with positions: a syntax error becomes one diagnostic in
 * plain words, and findings about the parsed value are located at their JSON node.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, visit, type Node, type ParseOptions } from "jsonc-parser";
import type { Diagnostic, Finding, SourceText } from "./diagnostics.js";

/** Scenario files are plain JSON: editors and other tools must read them too. */
const STRICT: ParseOptions = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

type Open = { offset: number; closer: "}" | "]" };

/** The syntax tree, or the first syntax error: later errors in a broken file are mostly echoes of the first. */
export function parseJson(source: SourceText): { tree?: Node; diagnostics: Diagnostic[] } {
  if (source.text.trim() === "") {
    return { diagnostics: [source.diagnostic("error", 0, 0, [], "the file is empty; expected a scenario object { … }")] };
  }
  const open: Open[] = [];
  let first: Diagnostic | undefined;
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
  if (first) return { diagnostics: [first] };
  const tree = parseTree(source.text, [], STRICT)!;
  return { tree, diagnostics: duplicateKeys(source, tree, []) };
}

/** JSON parsers silently keep the last of two equal keys, so a trainer's second "weights" would hide the first. */
function duplicateKeys(source: SourceText, node: Node, path: (string | number)[]): Diagnostic[] {
  const found: Diagnostic[] = [];
  if (node.type === "object") {
    const seen = new Set<string>();
    for (const property of node.children ?? []) {
      const [key, value] = property.children ?? [];
      if (!key || !value) continue;
      const name = String(key.value);
      if (seen.has(name)) {
        const message = `duplicate key "${name}": JSON keeps only the last one, so merge them into one`;
        found.push(source.diagnostic("error", key.offset, key.length, [...path, name], message));
      }
      seen.add(name);
      found.push(...duplicateKeys(source, value, [...path, name]));
    }
  } else if (node.type === "array") {
    (node.children ?? []).forEach((child, index) => found.push(...duplicateKeys(source, child, [...path, index])));
  }
  return found;
}

function syntaxError(source: SourceText, code: string, offset: number, length: number, inside: Open | undefined): Diagnostic {
  const error = (message: string, at = offset, span = length) => source.diagnostic("error", at, span, [], message);
  const closer = inside?.closer ?? "}";
  const comma = trailingComma(source.text, offset);
  if (comma !== undefined && (code === "PropertyNameExpected" || code === "ValueExpected")) {
    return error(`trailing comma before '${closer}': remove this ','`, comma, 1);
  }
  const token = source.text.slice(offset, offset + Math.max(length, 1));
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

/** A finding located at its JSON node; a node that is missing is pointed at through its nearest ancestor. */
export function locate(source: SourceText, tree: Node, finding: Finding): Diagnostic {
  let depth = finding.path.length;
  let node = findNodeAtLocation(tree, finding.path.slice(0, depth));
  while (!node && depth > 0) node = findNodeAtLocation(tree, finding.path.slice(0, --depth));
  const found = node ?? tree;
  const property = found.parent?.type === "property" ? found.parent : undefined;
  const target = (finding.atKey && depth === finding.path.length && property?.children?.[0]) || found;
  return source.diagnostic(finding.severity, target.offset, target.length, finding.path, finding.message);
}
