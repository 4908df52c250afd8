/**
 * Byte-level damage for fuzzing readers of files: bytes cut, inserted, repeated or swapped, raw
 * bytes that are not UTF-8, and names renamed, each at a place given as a share of the file's length.
 */
import fc from "fast-check";

export type Damage =
  | { kind: "cut"; at: number; length: number }
  | { kind: "insert"; at: number; text: string }
  | { kind: "bytes"; at: number; bytes: number[] }
  | { kind: "repeat"; at: number; length: number; times: number }
  | { kind: "swap"; a: number; b: number; length: number }
  | { kind: "rename"; from: string; to: string };

const RAW_BYTES = [0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80, 0xf4, 0x90];

/** Damage of every kind: `pieces` are the format's own tokens to insert, `renames` what to rename into what. */
export function damage(pieces: readonly string[], renames: { readonly from: readonly string[]; readonly to: readonly string[] }): fc.Arbitrary<Damage> {
  const share = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
  return fc.oneof(
    fc.record({ kind: fc.constant("cut" as const), at: share, length: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant("insert" as const), at: share, text: fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 6 })) }),
    fc.record({ kind: fc.constant("bytes" as const), at: share, bytes: fc.subarray(RAW_BYTES, { minLength: 1, maxLength: 3 }) }),
    fc.record({ kind: fc.constant("repeat" as const), at: share, length: fc.integer({ min: 1, max: 60 }), times: fc.integer({ min: 2, max: 50 }) }),
    fc.record({ kind: fc.constant("swap" as const), a: share, b: share, length: fc.integer({ min: 1, max: 30 }) }),
    fc.record({ kind: fc.constant("rename" as const), from: fc.constantFrom(...renames.from), to: fc.constantFrom(...renames.to) }),
  );
}

export function damaged(text: string, damages: readonly Damage[]): Uint8Array {
  let bytes = Buffer.from(text, "utf8");
  const place = (share: number) => Math.floor(share * bytes.length);
  for (const d of damages) {
    switch (d.kind) {
      case "cut":
        bytes = Buffer.concat([bytes.subarray(0, place(d.at)), bytes.subarray(place(d.at) + d.length)]);
        break;
      case "insert":
        bytes = Buffer.concat([bytes.subarray(0, place(d.at)), Buffer.from(d.text, "utf8"), bytes.subarray(place(d.at))]);
        break;
      case "bytes":
        bytes = Buffer.concat([bytes.subarray(0, place(d.at)), Buffer.from(d.bytes), bytes.subarray(place(d.at))]);
        break;
      case "repeat": {
        const start = place(d.at);
        const piece = bytes.subarray(start, start + d.length);
        bytes = Buffer.concat([bytes.subarray(0, start), ...Array(d.times).fill(piece), bytes.subarray(start)]);
        break;
      }
      case "swap": {
        const [a, b] = [place(d.a), place(d.b)].sort((x, y) => x - y);
        if (a + d.length > b) break;
        const first = Buffer.from(bytes.subarray(a, a + d.length));
        const second = Buffer.from(bytes.subarray(b, b + d.length));
        bytes = Buffer.concat([bytes.subarray(0, a), second, bytes.subarray(a + d.length, b), first, bytes.subarray(b + second.length)]);
        break;
      }
      case "rename":
        bytes = Buffer.from(bytes.toString("latin1").replace(d.from, d.to), "latin1");
        break;
    }
  }
  return bytes;
}

/** Classifies `numRuns` generated cases: how often each outcome came, and how long the slowest case took (ms). */
export function fuzz<T, Outcome extends string>(
  cases: fc.Arbitrary<T>,
  classify: (value: T) => Outcome,
  parameters: { numRuns: number; seed: number },
): { outcomes: Partial<Record<Outcome, number>>; slowest: number } {
  let slowest = 0;
  const outcomes: Partial<Record<Outcome, number>> = {};
  fc.assert(
    fc.property(cases, (value) => {
      const started = performance.now();
      const outcome = classify(value);
      outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
      slowest = Math.max(slowest, performance.now() - started);
    }),
    parameters,
  );
  return { outcomes, slowest };
}
