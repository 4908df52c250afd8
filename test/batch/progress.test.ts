/** The live progress bar fits the terminal it is drawn in; plain progress lines elsewhere. */
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, test, vi } from "vitest";
import { BAR_FORMAT, barSize, startProgress } from "../../src/batch/progress.js";

/** The longest line the bar can draw: every field at its widest. */
function widestLine(total: number, size: number): string {
  const count = (n: number) => n.toLocaleString("en");
  return BAR_FORMAT.replace("{bar}", "█".repeat(size))
    .replace("{percentage}", "100")
    .replace("{value}", count(total))
    .replace("{total}", count(total))
    .replace("{rate}", count(9_999_999))
    .replace("{eta_formatted}", "59m59s");
}

describe("barSize", () => {
  test.each([
    [80, 1_000],
    [80, 1_000_000],
    [100, 80_000],
    [72, 40_000],
  ])("in %i columns with %i negotiations the widest line fits", (columns, total) => {
    const size = barSize(BAR_FORMAT, total, columns);
    expect(size).toBeGreaterThanOrEqual(10);
    expect(widestLine(total, size).length).toBeLessThan(columns);
  });

  test("is at most 40 wide on a wide terminal, and keeps 10 on a very narrow one", () => {
    expect(barSize(BAR_FORMAT, 1_000, 200)).toBe(40);
    expect(barSize(BAR_FORMAT, 1_000, 30)).toBe(10);
  });

  test("without a known width it assumes 80 columns", () => {
    expect(barSize(BAR_FORMAT, 5_000)).toBe(barSize(BAR_FORMAT, 5_000, 80));
  });
});

/** A stream and everything written to it so far. */
function captured(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = "";
  stream.on("data", (chunk: Buffer) => (text += chunk.toString()));
  return { stream, text: () => text };
}

describe("plain progress lines (no terminal)", () => {
  afterEach(() => vi.useRealTimers());

  test("a line per 10 % at most once a second, and a closing line with the rate", () => {
    vi.useFakeTimers({ now: 0 });
    const { stream, text } = captured();
    const progress = startProgress(stream, 1_000, 0, false);
    for (let k = 0; k < 10; k++) {
      vi.advanceTimersByTime(1_500);
      progress.advance(100);
    }
    progress.finish();
    const lines = text().trimEnd().split("\n");
    // Nine steps of 10 % (the last step is the closing line), 1.5 s apart.
    expect(lines).toHaveLength(10);
    expect(lines[0]).toBe("batch: 100 of 1,000 negotiations (10%), 67/s, about 14 s left");
    expect(lines.at(-1)).toBe("batch: 1,000 negotiations in 15.0 s (67/s); 1,000 of 1,000 done");
  });

  test("a resumed run says how much was already done", () => {
    vi.useFakeTimers({ now: 0 });
    const { stream, text } = captured();
    const progress = startProgress(stream, 1_000, 400, false);
    vi.advanceTimersByTime(2_000);
    progress.advance(600);
    progress.finish();
    expect(text()).toBe(
      "batch: 400 of 1,000 negotiations are already in the output file; continuing\n" +
        "batch: 600 negotiations in 2.0 s (300/s); 1,000 of 1,000 done\n",
    );
  });
});
