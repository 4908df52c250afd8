/**
 * Reading a GENIUS XML file into a tree of elements, refusing whatever GENIUS files never hold
 * and a hostile file might: a document type declaration (DOCTYPE, the only way to define
 * entities, internal or external), references to entities other than XML's five, character
 * references to characters XML forbids, and XML that is not well-formed. Each is a user error
 * located at file:line:column. Nothing is ever read but the file itself: no DTD, no entity, no
 * network. (The file's size and encoding are checked as it is read: MAX_GENIUS_FILE_BYTES, UTF-8.)
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { UserError } from "../errors.js";

/** The largest GENIUS file read: ANAC's are a few kB, and a file of this size parses in under a second. */
export const MAX_GENIUS_FILE_BYTES = 4 * 2 ** 20;

/** An XML element: attributes under `$`, child elements as lists per tag. */
export interface Element {
  $?: Record<string, string>;
  [tag: string]: unknown;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "",
  attributesGroupName: "$",
  // Names and values become ids: keep them exactly as written.
  trimValues: false,
  // Without it, character references (&#233; &#xE9;) stay undecoded. Only XML's five named
  // entities reach the parser (refuseHazards), so no HTML name is taken for one.
  htmlEntities: true,
  isArray: (_tag, _path, _leaf, isAttribute) => !isAttribute,
});

/** The document's single root element and its tag. */
export function parseGeniusXml(path: string, xml: string): { tag: string; root: Element } {
  if (xml.trim() === "") throw new UserError(`${path}: the file is empty`);
  refuseHazards(path, xml);
  // The built-in validator is deprecated in favour of a separate package, but the parser alone accepts broken XML silently.
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    throw new UserError(`${path}:${valid.err.line}:${valid.err.col ?? 1}: not well-formed XML: ${valid.err.msg.replace(/\s+/g, " ")}`);
  }
  let document: Element;
  try {
    document = parser.parse(xml) as Element;
  } catch (error) {
    // The validator passed it, so what the parser refuses is a name or a depth it will not take.
    throw new UserError(`${path}: cannot read the XML: ${(error as Error).message.replace(/\s+/g, " ")}`, { cause: error });
  }
  const roots = Object.keys(document).filter((key) => !key.startsWith("?") && !key.startsWith("#"));
  if (roots.length !== 1) throw new UserError(`${path}: expected one root element, found ${roots.length}`);
  return { tag: roots[0], root: children(document, roots[0])[0] };
}

/** An element's children with one tag, in document order. */
export function children(element: Element, tag: string): Element[] {
  const list = Object.hasOwn(element, tag) ? element[tag] : undefined;
  // An element without attributes or children parses as "".
  return Array.isArray(list) ? list.map((child: unknown) => (typeof child === "object" && child !== null ? (child as Element) : {})) : [];
}

const PREDEFINED_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);

/**
 * Refuses a DOCTYPE, an unknown entity and a character reference to a character XML forbids,
 * outside comments, CDATA sections and processing instructions (where `&` and `<!` are text).
 */
function refuseHazards(path: string, xml: string): void {
  const at = (offset: number, message: string) => new UserError(`${path}:${place(xml, offset)}: ${message}`);
  for (let k = xml.indexOf("<"), amp = xml.indexOf("&"); k >= 0 || amp >= 0; ) {
    if (amp >= 0 && (k < 0 || amp < k)) {
      checkReference(xml, amp, at);
      amp = xml.indexOf("&", amp + 1);
      continue;
    }
    const skip = (close: string) => {
      const end = xml.indexOf(close, k);
      return end < 0 ? xml.length : end + close.length;
    };
    let next = k + 1;
    if (xml.startsWith("<!--", k)) next = skip("-->");
    else if (xml.startsWith("<![CDATA[", k)) next = skip("]]>");
    else if (xml.startsWith("<?", k)) next = skip("?>");
    else if (xml.startsWith("<!", k)) {
      const declaration = /^<!([A-Za-z]*)/.exec(xml.slice(k, k + 20))![1];
      throw at(k, `a declaration <!${declaration} …> is not accepted: GENIUS files have no DOCTYPE or entities, and the importer reads none; remove it`);
    }
    if (amp >= 0 && amp < next) amp = xml.indexOf("&", next);
    k = xml.indexOf("<", next);
  }
}

function checkReference(xml: string, offset: number, at: (offset: number, message: string) => UserError): void {
  const reference = /^&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z_][\w.-]*);/.exec(xml.slice(offset, offset + 40));
  if (!reference) throw at(offset, "a bare & (write &amp; for the character &)");
  const name = reference[1];
  if (!name.startsWith("#")) {
    if (!PREDEFINED_ENTITIES.has(name)) throw at(offset, `the entity &${name}; is not defined; only &amp; &lt; &gt; &quot; &apos; and character references are`);
    return;
  }
  const code = name.startsWith("#x") ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
  const allowed = code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || (code >= 0x10000 && code <= 0x10ffff);
  if (!allowed) throw at(offset, `the character reference &${name}; names a character XML does not allow`);
}

/** "line:column" (from 1) of an offset in `text`, or of its end. */
function place(text: string, offset: number): string {
  const before = text.slice(0, Math.min(offset, text.length));
  const lineStart = before.lastIndexOf("\n") + 1;
  let line = 1;
  for (let k = before.indexOf("\n"); k >= 0; k = before.indexOf("\n", k + 1)) line++;
  return `${line}:${before.length - lineStart + 1}`;
}
