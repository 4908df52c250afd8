/// <reference lib="dom" />
/**
 * The HTML reports in a real headless browser (Debian's chromium through puppeteer-core;
 * `.ci/run` installs it): no console error, no request leaves the page, the frontier chart
 * has one mark per game, and a screenshot at 1280×800 is not blank; in English and Dutch.
 * Where no browser can be had, the tests are skipped and say why.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { Browser } from "puppeteer-core";
import { classSpecs, playClassGame, writeClass } from "../../bench/class-games.js";
import { SCENARIOS } from "../ui/support.js";
import { CLI_TEST_TIMEOUT_MS, run } from "../cli/run.js";

const CHROMIUM = "/usr/bin/chromium";
const available = existsSync(CHROMIUM);
if (!available) console.warn(`browser tests skipped: no ${CHROMIUM} (bash .ci/run installs Debian's chromium)`);

const GAMES = 24;
let folder: string;
let browser: Browser;

beforeAll(async () => {
  if (!available) return;
  folder = mkdtempSync(join(tmpdir(), "mutual-gains-browser-"));
  const hospital = SCENARIOS.filter((choice) => choice.id === "hospital-it-platform");
  writeClass(join(folder, "class"), classSpecs(hospital, GAMES).map(playClassGame));
  const { launch } = await import("puppeteer-core");
  browser = await launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", `--user-data-dir=${join(folder, "profile")}`],
  });
}, CLI_TEST_TIMEOUT_MS);

afterAll(async () => {
  await browser?.close();
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** Opens a page file; returns what the browser saw: console errors, requests other than the file, and the page. */
async function open(file: string) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 800 });
  const errors: string[] = [];
  const requests: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(String(error)));
  page.on("request", (request) => {
    if (request.url() !== `file://${file}`) requests.push(request.url());
  });
  await page.goto(`file://${file}`, { waitUntil: "load" });
  return { page, errors, requests };
}

/** Whether a PNG screenshot has more than one colour: decoded by the browser itself, counted on a canvas. */
async function distinctColours(page: Awaited<ReturnType<typeof open>>["page"], png: Uint8Array): Promise<number> {
  const data = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  return page.evaluate(async (source) => {
    const image = new Image();
    image.src = source;
    await image.decode();
    const canvas = document.createElement("canvas");
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext("2d")!;
    context.drawImage(image, 0, 0);
    const pixels = context.getImageData(0, 0, image.width, image.height).data;
    const seen = new Set<number>();
    for (let k = 0; k < pixels.length && seen.size < 50; k += 4 * 97) seen.add((pixels[k] << 16) | (pixels[k + 1] << 8) | pixels[k + 2]);
    return seen.size;
  }, data);
}

describe.skipIf(!available).each(["en", "nl"] as const)("the class report in %s", (lang) => {
  test("opens without errors or requests, one mark per game, not blank", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const file = join(folder, `class-${lang}.html`);
    const result = await run(["class", join(folder, "class"), "--html", file, "--lang", lang, "--json"]);
    expect(result.status, result.output).toBe(0);
    const games = JSON.parse(result.stdout).groups.map((group: { games: number }) => group.games);
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    for (const [k, count] of games.entries()) {
      const marks = await page.$$eval(`#frontier-${k + 1}-1 g.marks_marks path`, (paths) => paths.length);
      expect(marks).toBe(count);
    }
    const screenshot = await page.screenshot({ type: "png" });
    writeFileSync(join(folder, `class-${lang}.png`), screenshot);
    expect(await distinctColours(page, screenshot)).toBeGreaterThan(3);
    await page.close();
  });
});

describe.skipIf(!available)("a trainee's debrief page", () => {
  test("opens without errors or requests and shows the deal on its chart", { timeout: CLI_TEST_TIMEOUT_MS }, async () => {
    const transcript = join(folder, "class", "hospital-it-platform-0000.json");
    const file = join(folder, "debrief.html");
    const result = await run(["debrief", transcript, "--html", file, "--lang", "nl"]);
    expect(result.status, result.output).toBe(0);
    const { page, errors, requests } = await open(file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.$$eval("#pareto-1 g.marks_marks path", (paths) => paths.length)).toBeGreaterThan(0);
    expect(await distinctColours(page, await page.screenshot({ type: "png" }))).toBeGreaterThan(3);
    await page.close();
  });
});
