/**
 * Hostile GENIUS files, generated here, one per kind of trouble: entities and DOCTYPEs (which
 * must read nothing, from disk or network), broken and huge XML, huge issues, and domains and
 * profiles that are wrong in every way a number, a name or a list can be. Each is imported as
 * the command does (read, then parsed): it imports, or it is refused with a user error that
 * names the file and the element, at line:column where the XML is at fault, in bounded time.
 * One of each kind also goes through the command line: exit 0 or 1, never 2, no stack trace.
 */
import { type Server, createServer } from "node:http";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { UserError } from "../../src/errors.js";
import { importGenius, readGeniusFile } from "../../src/scenario/genius.js";
import { CLI_TEST_TIMEOUT_MS, STACK_LINE, run } from "../cli/run.js";
import { type GeniusIssue, type GeniusProfile, domainXml, profileXml } from "../support/genius-files.js";

const folder = mkdtempSync(join(tmpdir(), "mutual-gains-genius-hostile-"));

const ISSUES: GeniusIssue[] = [
  { name: "Price", type: "discrete", values: ["Low", "Mid", "High"] },
  { name: "Colour", type: "discrete", values: ["Red", "Blue"] },
  { name: "Days", type: "integer", low: 1, high: 5 },
];
const BUYER: GeniusProfile = { weights: [0.5, 0.3, 0.2], evaluations: [[10, 6, 2], [3, 4], { slope: 0.3, offset: 0.2 }], reservation: 0.35 };
const SELLER: GeniusProfile = { weights: [0.2, 0.1, 0.3], evaluations: [[1, 5, 9], [2, 1], { slope: -0.25, offset: 1 }] };
const DOMAIN = domainXml(ISSUES);
const PROFILE = profileXml(ISSUES, BUYER);
const OTHER = profileXml(ISSUES, SELLER);

/** A local server that counts what asks it for anything: an entity or DTD that is fetched shows up here. */
let server: Server;
let requests = 0;
let url = "";
beforeAll(async () => {
  server = createServer((_, response) => {
    requests++;
    response.end('<!ENTITY leaked "from the network">');
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const address = server.address();
  url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/x.dtd`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

const SECRET = join(folder, "secret.txt");
writeFileSync(SECRET, "the secret on disk");

type Content = string | Buffer | (() => string | Buffer);

interface Case {
  /** What is hostile about it. */
  readonly name: string;
  /** The domain and the profiles, as written to files (a profile given as null is not written: a missing file). */
  readonly domain?: Content;
  readonly profiles?: readonly (Content | null)[];
  /** What the refusal says (with the file it names), or "imports". */
  readonly expected: RegExp | "imports";
}

const withDoctype = (doctype: string, xml = DOMAIN) => xml.replace("<negotiation_template>", `${doctype}\n<negotiation_template>`);
const replaced = (from: string | RegExp, to: string, xml = DOMAIN) => {
  const result = xml.replace(from, to);
  if (result === xml) throw new Error(`the case's edit ${String(from)} changed nothing`);
  return result;
};
const inProfile = (from: string | RegExp, to: string) => replaced(from, to, PROFILE);
const DECLARATION = /d\.xml:2:1: a declaration <!DOCTYPE …> is not accepted/;

const CASES: Case[] = [
  // Entities and document types: refused before anything could be read or fetched.
  { name: "an internal entity", domain: () => withDoctype('<!DOCTYPE n [<!ENTITY e "x">]>'), expected: DECLARATION },
  { name: "an external entity on disk", domain: () => replaced('name="Price"', 'name="&e;"', withDoctype(`<!DOCTYPE n [<!ENTITY e SYSTEM "file://${SECRET}">]>`)), expected: DECLARATION },
  { name: "an external entity on the network", domain: () => replaced('name="Price"', 'name="&e;"', withDoctype(`<!DOCTYPE n [<!ENTITY e SYSTEM "${url}">]>`)), expected: DECLARATION },
  { name: "an external DTD", domain: () => withDoctype(`<!DOCTYPE negotiation_template SYSTEM "${url}">`), expected: DECLARATION },
  { name: "a public DTD", domain: () => withDoctype(`<!DOCTYPE negotiation_template PUBLIC "-//x//EN" "${url}">`), expected: DECLARATION },
  { name: "a parameter entity", domain: () => withDoctype(`<!DOCTYPE n [<!ENTITY % p SYSTEM "${url}"> %p;]>`), expected: DECLARATION },
  {
    name: "a billion laughs",
    domain: () => replaced('name="Price"', 'name="&l9;"', withDoctype(`<!DOCTYPE n [<!ENTITY l0 "ha">${Array.from({ length: 9 }, (_, k) => `<!ENTITY l${k + 1} "${`&l${k};`.repeat(10)}">`).join("")}]>`)),
    expected: DECLARATION,
  },
  { name: "a DOCTYPE in a profile", profiles: [() => withDoctype('<!DOCTYPE u [<!ENTITY e "1">]>', PROFILE).replace("<utility_space>", '<!DOCTYPE u [<!ENTITY e "1">]>\n<utility_space>'), OTHER], expected: /p0\.xml:1:1: a declaration <!DOCTYPE …>/ },
  { name: "an entity declared outside a DOCTYPE", domain: () => replaced("<negotiation_template>", '<!ENTITY e "x"><negotiation_template>'), expected: /d\.xml:2:1: a declaration <!ENTITY …> is not accepted/ },
  { name: "an undefined entity", domain: () => replaced('name="Price"', 'name="&price;"'), expected: /d\.xml:5:\d+: the entity &price; is not defined/ },
  { name: "a bare ampersand", domain: () => replaced('value="Low"', 'value="Low & cheap"'), expected: /d\.xml:6:\d+: a bare &/ },
  { name: "a NUL character reference", domain: () => replaced('value="Low"', 'value="&#0;"'), expected: /d\.xml:6:\d+: the character reference &#0; names a character XML does not allow/ },
  { name: "a character reference past Unicode", domain: () => replaced('value="Low"', 'value="&#x110000;"'), expected: /the character reference &#x110000;/ },
  { name: "a surrogate character reference", domain: () => replaced('value="Low"', 'value="&#xD800;"'), expected: /the character reference &#xD800;/ },
  {
    name: "predefined entities and character references",
    domain: () => replaced('value="Low"', 'value="&lt;Low&gt; &amp; &#233;"'),
    profiles: [() => inProfile('value="Low"', 'value="&lt;Low&gt; &amp; &#xE9;"'), () => replaced('value="Low"', 'value="&lt;Low&gt; &amp; é"', OTHER)],
    expected: "imports",
  },
  { name: "'<!DOCTYPE' inside a comment and CDATA", domain: () => replaced("<negotiation_template>", "<negotiation_template><!-- <!DOCTYPE x> & --><![CDATA[ <!ENTITY & ]]>"), expected: "imports" },
  { name: "a processing instruction naming a URL", domain: () => replaced("<negotiation_template>", `<?xml-stylesheet href="${url}"?><negotiation_template>`), expected: "imports" },

  // XML that is broken.
  { name: "an empty file", domain: "", expected: /d\.xml: the file is empty/ },
  { name: "only white space", domain: " \n\t\n", expected: /d\.xml: the file is empty/ },
  { name: "plain text", domain: "Quarterly budget: do not delete", expected: /d\.xml:1:1: not well-formed XML/ },
  { name: "an unclosed element", domain: () => replaced("</issue>", ""), expected: /d\.xml:\d+:\d+: not well-formed XML/ },
  { name: "mismatched tags", domain: () => replaced("</objective>", "</objectiv>"), expected: /d\.xml:\d+:\d+: not well-formed XML/ },
  { name: "two root elements", domain: () => DOMAIN + DOMAIN.replace('<?xml version="1.0" encoding="UTF-8"?>', ""), expected: /d\.xml:\d+:\d+: not well-formed XML: Multiple possible root nodes/ },
  { name: "a duplicate attribute", domain: () => replaced('name="Price"', 'name="Price" name="Cost"'), expected: /d\.xml:\d+:\d+: not well-formed XML/ },
  { name: "an attribute without quotes", domain: () => replaced('name="Price"', "name=Price"), expected: /d\.xml:\d+:\d+: not well-formed XML/ },
  ...[0.1, 0.3, 0.5, 0.7, 0.9].map((share): Case => ({ name: `the domain cut at ${share * 100}%`, domain: () => DOMAIN.slice(0, Math.floor(DOMAIN.length * share)), expected: /d\.xml(:\d+:\d+)?: / })),
  ...[0.2, 0.6].map((share): Case => ({ name: `a profile cut at ${share * 100}%`, profiles: [() => PROFILE.slice(0, Math.floor(PROFILE.length * share)), OTHER], expected: /p0\.xml(:\d+:\d+)?: / })),
  { name: "binary data", domain: () => Buffer.from(Array.from({ length: 4096 }, (_, k) => (k * 131 + 7) % 256)), expected: /d\.xml:\d+:\d+: not UTF-8 text/ },
  { name: "Latin-1 bytes", domain: () => Buffer.from(replaced('value="Low"', 'value="Café"'), "latin1"), expected: /d\.xml:6:\d+: not UTF-8 text/ },
  { name: "UTF-16 with a byte order mark", domain: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(DOMAIN, "utf16le")]), expected: /d\.xml:1:1: not UTF-8 text/ },
  { name: "a UTF-8 byte order mark", domain: () => `\uFEFF${DOMAIN}`, expected: "imports" },
  { name: "a hundred thousand nested elements", domain: () => replaced("<objective ", `${"<a>".repeat(100_000)}${"</a>".repeat(100_000)}<objective `), expected: /d\.xml: cannot read the XML: Maximum nested tags/ },
  { name: "a hundred thousand attributes", domain: () => replaced('name="Price"', `name="Price" ${Array.from({ length: 100_000 }, (_, k) => `a${k}="1"`).join(" ")}`), expected: "imports" },
  { name: "an element named __proto__", domain: () => replaced("<objective ", "<__proto__/><objective "), expected: /d\.xml: cannot read the XML: .*__proto__/ },
  { name: "an attribute named constructor", domain: () => replaced('name="Price"', 'name="Price" constructor="x"'), expected: /d\.xml: cannot read the XML: .*constructor/ },
  { name: "issue and values named like JavaScript's own properties", domain: () => replaced('name="Price"', 'name="__proto__"').replace('value="Low"', 'value="toString"'), profiles: [() => inProfile('name="Price"', 'name="__proto__"').replace('value="Low"', 'value="toString"'), () => replaced('name="Price"', 'name="__proto__"', OTHER).replace('value="Low"', 'value="toString"')], expected: "imports" },

  // Huge files and issues: refused by a limit that names what fits, before or instead of the work.
  { name: "a file of 5 MiB", domain: () => replaced("</negotiation_template>", `<!-- ${"x".repeat(5 * 2 ** 20)} --></negotiation_template>`), expected: /GENIUS file .*d\.xml is 5\.0 MB; at most 4\.0 MB can be read/ },
  { name: "an issue with 200 000 values", domain: () => replaced(/<issue index="2"[^]*?<\/issue>/, `<issue index="2" name="Colour" type="discrete">${Array.from({ length: 200_000 }, (_, k) => `<item value="${k.toString(36)}"/>`).join("")}</issue>`), expected: /d\.xml: issue "Colour": 200000 <item> values are too many options; an issue can have at most 200/ },
  { name: "an issue with 201 values", domain: () => replaced(/<issue index="2"[^]*?<\/issue>/, `<issue index="2" name="Colour" type="discrete">${Array.from({ length: 201 }, (_, k) => `<item value="${k}"/>`).join("")}</issue>`), expected: /201 <item> values are too many options; an issue can have at most 200/ },
  { name: "an integer issue from 0 to 10^9", domain: () => replaced('lowerbound="1" upperbound="5"', 'lowerbound="0" upperbound="1000000000"'), expected: /d\.xml: issue "Days": 1000000001 integer values \(0–1000000000\) are too many options/ },
  { name: "101 issues", domain: () => domainXml(Array.from({ length: 101 }, (_, k) => ({ name: `i${k}`, type: "discrete", values: ["a", "b"] }))), expected: /d\.xml: the domain has 101 issues; at most 100 can be imported/ },
  { name: "a name of 300 characters", domain: () => replaced('name="Price"', `name="${"P".repeat(300)}"`), expected: /d\.xml: an <issue>'s name "P+…" has 300 characters; at most 200/ },

  // Domains that are wrong.
  { name: "no issues", domain: () => replaced(/<issue[^]*<\/issue>\s*<issue[^>]*\/>/, ""), expected: /d\.xml: the domain has no issues/ },
  { name: "no objective", domain: () => replaced(/<objective[^]*<\/objective>/, ""), expected: /d\.xml: <utility_space> has no <objective>/ },
  { name: "no utility space", domain: "<negotiation_template/>", expected: /d\.xml: not a GENIUS domain/ },
  { name: "a nested objective", domain: () => replaced('<issue index="1"', '<objective index="9" name="inner"/><issue index="1"'), expected: /d\.xml: nested objectives are not supported/ },
  { name: "an issue without a name", domain: () => replaced('name="Price"', ""), expected: /d\.xml: an <issue> has no name="…" attribute/ },
  { name: "an issue without an index", domain: () => replaced('index="1" etype="discrete"', 'etype="discrete"'), expected: /d\.xml: issue "Price" has no index="…" attribute/ },
  { name: "two issues with one index", domain: () => replaced('<issue index="2"', '<issue index="1"'), expected: /d\.xml: issue "Colour": index="1" is used by another issue too/ },
  { name: "a value listed twice", domain: () => replaced('value="Mid"', 'value="Low"'), expected: /d\.xml: issue "Price": <item value="Low"> is listed twice/ },
  { name: "an issue with one value", domain: () => replaced(/<item index="2" value="Blue"[^>]*><\/item>/, ""), expected: /d\.xml: issue "Colour": has 1 value\(s\)/ },
  { name: "a value without a value", domain: () => replaced('value="Mid"', ""), expected: /d\.xml: an <item> of issue "Price" has no value="…" attribute/ },
  { name: "an unknown issue type", domain: () => replaced('type="discrete" vtype', 'type="fuzzy" vtype'), expected: /d\.xml: issue "Price": unknown issue type "fuzzy"/ },
  { name: "a real-valued issue", domain: () => replaced(' type="integer"', ' type="real"'), expected: /d\.xml: issue "Days": real-valued issues are not supported/ },
  { name: "integer bounds the wrong way round", domain: () => replaced('lowerbound="1" upperbound="5"', 'lowerbound="5" upperbound="1"'), expected: /d\.xml: issue "Days": lowerbound="5" is above upperbound="1"/ },
  { name: "a fractional integer bound", domain: () => replaced('upperbound="5"', 'upperbound="5.5"'), expected: /d\.xml: issue "Days": upperbound="5\.5" is not an integer/ },
  { name: "an integer bound of 1e300", domain: () => replaced('upperbound="5"', 'upperbound="1e300"'), expected: /upperbound="1e300" is not an integer/ },
  { name: "a hexadecimal integer bound", domain: () => replaced('upperbound="5"', 'upperbound="0x5"'), expected: /upperbound="0x5" is not a number/ },

  // Profiles that are wrong.
  { name: "all weights zero", profiles: [() => profileXml(ISSUES, { ...BUYER, weights: [0, 0, 0] }), OTHER], expected: /p0\.xml: all issue weights are 0/ },
  { name: "one weight zero", profiles: [() => profileXml(ISSUES, { ...BUYER, weights: [0, 0.5, 0.5] }), OTHER], expected: "imports" },
  { name: "a negative weight", profiles: [() => profileXml(ISSUES, { ...BUYER, weights: [-0.5, 0.5, 0.5] }), OTHER], expected: /p0\.xml: <weight index="1">: the weight is negative \(-0\.5\)/ },
  ...["abc", "", "0x1", "NaN", "Infinity", "1e999", "1,5"].map((value): Case => ({
    name: `a weight of "${value}"`,
    profiles: [() => inProfile('<weight index="1" value="0.5">', `<weight index="1" value="${value}">`), OTHER],
    expected: new RegExp(`p0\\.xml: <weight index="1">: value="${value.replace(".", "\\.")}" is not a number`),
  })),
  { name: "weights summing to 1.5", profiles: [() => profileXml(ISSUES, { ...BUYER, weights: [0.5, 0.5, 0.5] }), OTHER], expected: /p0\.xml: the issue weights sum to 1\.5, more than 1/ },
  { name: "a weight given twice", profiles: [() => inProfile('<weight index="1" value="0.5"></weight>', '<weight index="1" value="0.5"></weight><weight index="1" value="0.1"></weight>'), OTHER], expected: /p0\.xml: <weight index="1"> is given twice/ },
  { name: "a missing weight", profiles: [() => inProfile(/<weight index="3"[^>]*><\/weight>/, ""), OTHER], expected: /p0\.xml: issue "Days": the profile has no <weight index="3">/ },
  { name: "a weight for an issue the domain lacks", profiles: [() => inProfile("</objective>", '<weight index="9" value="0"></weight></objective>'), OTHER], expected: "imports" },
  ...["abc", "-1", "NaN", "", "0x10"].map((value): Case => ({
    name: `an evaluation of "${value}"`,
    profiles: [() => inProfile('evaluation="10"', `evaluation="${value}"`), OTHER],
    expected: value === "-1" ? /p0\.xml: issue "Price", value "Low": the evaluation is negative \(-1\)/ : /p0\.xml: issue "Price", value "Low": evaluation="[^"]*" is not a number/,
  })),
  { name: "an evaluation missing", profiles: [() => inProfile(/<item index="2" value="Mid"[^>]*><\/item>/, ""), OTHER], expected: /p0\.xml: issue "Price": the profile has no evaluation for "Mid"/ },
  { name: "a value evaluated twice", profiles: [() => inProfile('<item index="2" value="Mid"', '<item value="Low" evaluation="1"/><item index="2" value="Mid"'), OTHER], expected: /p0\.xml: issue "Price": the profile evaluates "Low" twice/ },
  { name: "a value the domain does not list", profiles: [() => inProfile('value="Mid"', 'value="Middle"'), OTHER], expected: /p0\.xml: issue "Price": the profile evaluates "Middle", which the domain does not list/ },
  { name: "every evaluation zero", profiles: [() => profileXml(ISSUES, { ...BUYER, evaluations: [[0, 0, 0], [0, 0], { slope: 0, offset: 0 }] }), OTHER], expected: "imports" },
  { name: "an issue of another name", profiles: [() => inProfile('name="Colour"', 'name="Color"'), OTHER], expected: /p0\.xml: issue "Color" \(index 2\) does not match the domain, which has "Colour" at index 2/ },
  { name: "an issue the domain lacks", profiles: [() => inProfile('index="3" etype="integer"', 'index="7" etype="integer"'), OTHER], expected: /p0\.xml: issue "Days" \(index 7\) does not match the domain, which has no issue with index 7/ },
  { name: "an issue evaluated twice", profiles: [() => inProfile("</objective>", '<issue index="2" name="Colour" type="discrete"><item value="Red" evaluation="1"/><item value="Blue" evaluation="1"/></issue></objective>'), OTHER], expected: /p0\.xml: issue "Colour" \(index 2\) is evaluated twice/ },
  { name: "an issue not evaluated", profiles: [() => inProfile(/<issue index="2"[^]*?<\/issue>/, ""), OTHER], expected: /p0\.xml: issue "Colour": the profile does not evaluate this issue/ },
  { name: "an integer issue without an evaluator", profiles: [() => inProfile(/<evaluator[^>]*><\/evaluator>/, ""), OTHER], expected: /p0\.xml: issue "Days": the integer issue has no <evaluator/ },
  { name: "a slope that is not a number", profiles: [() => inProfile('slope="0.3"', 'slope="steep"'), OTHER], expected: /p0\.xml: issue "Days": slope="steep" is not a number/ },
  { name: "integer bounds other than the domain's", profiles: [() => inProfile('upperbound="5"', 'upperbound="6"'), OTHER], expected: /p0\.xml: issue "Days": the profile's upperbound 6 differs from the domain's 5/ },
  { name: "a discrete issue treated as integer", profiles: [() => inProfile('etype="discrete" type="discrete" vtype="discrete" name="Colour"', 'etype="integer" type="integer" vtype="integer" name="Colour"'), OTHER], expected: /p0\.xml: issue "Colour": the profile treats it as integer, the domain as discrete/ },
  ...["2", "-1", "abc"].map((value): Case => ({
    name: `a reservation value of "${value}"`,
    profiles: [() => inProfile('<reservation value="0.35"/>', `<reservation value="${value}"/>`), OTHER],
    expected: value === "abc" ? /p0\.xml: <reservation>: value="abc" is not a number/ : new RegExp(`p0\\.xml: <reservation value="${value}">: a reservation value is a utility from 0 to 1`),
  })),
  { name: "a discount factor of 5", profiles: [() => inProfile('<discount_factor value="1">', '<discount_factor value="5">'), OTHER], expected: "imports" },
  { name: "a non-linear profile", profiles: [() => inProfile("<utility_space>", '<utility_space type="nonlinear">'), OTHER], expected: /p0\.xml: a non-linear utility space \(type="nonlinear"\) is not supported/ },
  { name: "hyper-rectangles", profiles: [() => inProfile("</objective>", '<utility maxutility="1"><ufun/></utility></objective>'), OTHER], expected: /p0\.xml: a non-linear utility space \(hyper-rectangles in <utility>\)/ },
  { name: "a profile given as the domain", domain: () => PROFILE, expected: /d\.xml: not a GENIUS domain/ },
  { name: "the domain given as a profile", profiles: [() => DOMAIN, OTHER], expected: /p0\.xml: not a GENIUS preference profile: the root element is <negotiation_template>/ },
  { name: "one profile", profiles: [PROFILE], expected: /a scenario needs 2 to 8 GENIUS preference profiles, got 1/ },
  { name: "nine profiles", profiles: Array.from({ length: 9 }, () => PROFILE), expected: /a scenario needs 2 to 8 GENIUS preference profiles, got 9/ },
  { name: "a profile that does not exist", profiles: [null, OTHER], expected: /cannot read GENIUS file .*p0\.xml: no such file or folder/ },
];

interface Written {
  readonly domain: string;
  readonly profiles: string[];
}

/** Writes a case's files (the unchanged domain and profiles where it changes none) into a folder of its own. */
function write(hostile: Case, index: number): Written {
  const place = join(folder, `case-${index}`);
  mkdirSync(place);
  const content = (given: Content) => (typeof given === "function" ? given() : given);
  const domain = join(place, "d.xml");
  writeFileSync(domain, content(hostile.domain ?? DOMAIN));
  const profiles = (hostile.profiles ?? [PROFILE, OTHER]).map((given, k) => {
    const path = join(place, `p${k}.xml`);
    if (given !== null) writeFileSync(path, content(given));
    return path;
  });
  return { domain, profiles };
}

function importFiles({ domain, profiles }: Written) {
  return importGenius(readGeniusFile(domain), profiles.map(readGeniusFile));
}

describe("hostile GENIUS files", () => {
  test("the corpus has more than 76 files, of distinct names", () => {
    expect(CASES.length).toBeGreaterThan(76);
    expect(new Set(CASES.map((hostile) => hostile.name)).size).toBe(CASES.length);
  });

  test.each(CASES.map((hostile, index) => [hostile.name, hostile, index] as const))("%s", (_, hostile, index) => {
    const files = write(hostile, index);
    const started = performance.now();
    let failure: unknown;
    try {
      importFiles(files);
    } catch (error) {
      failure = error;
    }
    const ms = performance.now() - started;
    if (hostile.expected === "imports") {
      expect(failure, String(failure)).toBeUndefined();
    } else {
      expect(failure, "refused, with a user error").toBeInstanceOf(UserError);
      const message = (failure as Error).message;
      expect(message).toMatch(hostile.expected);
      expect(message, "one line").not.toContain("\n");
      expect(message).not.toContain("the secret on disk");
      expect(message).not.toContain("from the network");
    }
    expect(ms, "bounded time").toBeLessThan(5000);
    expect(requests, "nothing was fetched").toBe(0);
  });
});

describe.concurrent("hostile GENIUS files through the command line", { timeout: CLI_TEST_TIMEOUT_MS }, () => {
  const SAMPLE = [
    "an external entity on disk",
    "an external entity on the network",
    "a billion laughs",
    "an undefined entity",
    "binary data",
    "a hundred thousand nested elements",
    "an element named __proto__",
    "a file of 5 MiB",
    "an issue with 200 000 values",
    "a weight of \"NaN\"",
    "a value evaluated twice",
    "a profile that does not exist",
    "predefined entities and character references",
  ];

  test.each(SAMPLE)("%s: exit 0 or 1, never 2, no stack trace, nothing fetched", async (name) => {
    const index = CASES.findIndex((hostile) => hostile.name === name);
    const hostile = CASES[index];
    const files = write(hostile, 1000 + index);
    const started = Date.now();
    const result = await run(["import", "genius", files.domain, ...files.profiles]);
    expect(result.status, result.output).toBe(hostile.expected === "imports" ? 0 : 1);
    expect(result.output).not.toMatch(STACK_LINE);
    expect(result.output).not.toMatch(/internal error/i);
    if (hostile.expected !== "imports") expect(result.stderr).toMatch(hostile.expected);
    expect(result.output).not.toContain("the secret on disk");
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(requests).toBe(0);
  });

  test("a folder given as a file: exit 1 with its name", async () => {
    const files = write({ name: "folder", expected: "imports" }, 2000);
    const result = await run(["import", "genius", folder, ...files.profiles]);
    expect(result.status, result.output).toBe(1);
    expect(result.stderr).toContain(folder);
    expect(result.output).not.toMatch(STACK_LINE);
  });
});
