import * as z from 'zod';
import { freeText } from '../free-text';
import type { InformationRequest } from './applicant';

/**
 * Processing fees (Reg. 42; 《政府信息公开信息处理费管理办法》, 2020). Free by default; only where one
 * applicant's volume clearly exceeds a reasonable range, by piece or by volume — one method per
 * application, never both (Art. 3).
 *
 * By piece (Art. 4), per applicant per natural month: the first 10 free; the 11th to 30th at 100 yuan each;
 * from the 31st, each further band of 10 costs 100 yuan more per piece (31–40: 200; 41–50: 300; …). One
 * application asking for several matters may be counted as several pieces, by the smallest reasonable
 * unit (一事一申请), with the reason.
 * By volume (Art. 5), for this application, only where the applicant asks for paper, e-mail or copied
 * electronic data: up to 30 pages free; pages 31–100 at 10 yuan; 101–200 at 20; from 201 at 40.
 */
export const Pieces = z.strictObject({
  count: z.int().min(2, 'must be at least 2: one piece needs no reason').max(100),
  reason: freeText(2000),
});
export type Pieces = z.infer<typeof Pieces>;

export const FeeBasis = z.discriminatedUnion('method', [
  z.strictObject({ method: z.literal('by_piece'), pieces: Pieces.optional() }),
  z.strictObject({ method: z.literal('by_volume'), pages: z.int().min(1).max(1_000_000) }),
]);
export type FeeBasis = z.infer<typeof FeeBasis>;

/** The fee for the `ordinal`-th piece of one applicant in one natural month (1-based), in yuan. */
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

/**
 * The fee of an application whose first piece is the applicant's `ordinalThisMonth`-th of the month; by
 * piece, `units` is the place of its last piece in the month.
 */
export function feeFor(basis: FeeBasis, ordinalThisMonth: number): { amountYuan: number; units: number } {
  if (basis.method === 'by_volume') return { amountYuan: feeByVolume(basis.pages), units: basis.pages };
  const count = basis.pieces?.count ?? 1;
  let amountYuan = 0;
  for (let ordinal = ordinalThisMonth; ordinal < ordinalThisMonth + count; ordinal += 1)
    amountYuan += feeByPiece(ordinal);
  return { amountYuan, units: ordinalThisMonth + count - 1 };
}

/**
 * Art. 5: by volume only where the applicant asked for the information on paper, by e-mail or as copied
 * electronic data (collected in person or posted on a medium) — not where it is given online.
 */
export const chargeableByVolume = (request: Pick<InformationRequest, 'form' | 'delivery'>): boolean =>
  request.form === 'paper' || request.delivery !== 'online';

/**
 * The fee counters, for section 六 of the annual report (the 2021 format asks for the fee notices sent,
 * their total and the total actually collected): notices and their amount in the year sent, payments in
 * the year paid.
 */
export const FEE_CELLS = {
  noticed: 'fees.noticed',
  noticedYuan: 'fees.noticedYuan',
  collected: 'fees.collected',
  collectedYuan: 'fees.collectedYuan',
} as const;
