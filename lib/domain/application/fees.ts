import { z } from 'zod';

/**
 * Processing fees (Reg. 42; 《政府信息公开信息处理费管理办法》, 2020). Free by default; only where one
 * applicant's volume clearly exceeds a reasonable range, by piece or by volume — one method per
 * application, never both.
 *
 * By piece, per applicant per natural month: the first 10 free; the 11th to 30th at 100 yuan each; from
 * the 31st, each further band of 10 costs 100 yuan more per piece (31–40: 200; 41–50: 300; …).
 * By volume, for this application: up to 30 pages free; pages 31–100 at 10 yuan; 101–200 at 20; from
 * 201 at 40.
 */
export const FeeBasis = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('by_piece') }),
  z.strictObject({ method: z.literal('by_volume'), pages: z.int().min(1).max(1_000_000) }),
]);
export type FeeBasis = z.infer<typeof FeeBasis>;

/** The fee for the `ordinal`-th application of one applicant in one natural month (1-based), in yuan. */
export function feeByPiece(ordinal: number): number {
  if (ordinal <= 10) return 0;
  if (ordinal <= 30) return 100;
  return 100 * (1 + Math.ceil((ordinal - 30) / 10));
}

/** The fee for an application of `pages` pages, in yuan. */
export function feeByVolume(pages: number): number {
  const band = (from: number, to: number, rate: number) => Math.max(0, Math.min(pages, to) - from + 1) * rate;
  return band(31, 100, 10) + band(101, 200, 20) + band(201, Number.MAX_SAFE_INTEGER, 40);
}

export function feeFor(basis: FeeBasis, ordinalThisMonth: number): { amountYuan: number; units: number } {
  return basis.method === 'by_piece'
    ? { amountYuan: feeByPiece(ordinalThisMonth), units: ordinalThisMonth }
    : { amountYuan: feeByVolume(basis.pages), units: basis.pages };
}
