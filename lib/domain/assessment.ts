import * as z from 'zod';

/**
 * The yearly assessment (考核) of an agency's disclosure work on a points table, such as Fujian's
 * 100-point table with up to 10 bonus points (seed 003). The table — its items, their points, which the
 * platform measures — is configuration: provinces score differently. An item the platform can measure
 * from its own records names its measure and scores `points × rate` (the rate in [0, 1], with the
 * records behind it); every other item is listed for manual scoring.
 */

/** What the platform measures from its own records, each a rate in [0, 1]. */
export const MEASURES = {
  office_details_published:
    'the disclosure office’s name, head, address, hours, phone, fax and e-mail published',
  publications_on_time: 'proactive items published within their deadline (20 working days of forming)',
  display_periods_kept: 'publications kept on display at least their period (15 days, or long-term)',
  complaints_answered_in_time: 'complaints answered within 30 days',
  replies_on_time: 'applications answered within the statutory period',
  annual_report_on_time: 'last year’s annual report published by its cutoff (March 31)',
  challenges_not_corrected: 'decisions not corrected on reconsideration or in court',
} as const;
export type Measure = keyof typeof MEASURES;
const MeasureName = z.enum(Object.keys(MEASURES) as [Measure, ...Measure[]]);

export const AssessmentItem = z.strictObject({
  number: z.int().min(1),
  section: z.string().min(1),
  text: z.string().min(1),
  points: z.number().positive(),
  /** The measure that scores it, or null: scored by hand. */
  measure: MeasureName.nullable(),
  /** Bonus items (加分项目): outside the base points, their total capped by the table. */
  bonus: z.boolean().default(false),
  /** Bonus items of one group count once, the highest (Fujian: items 39–43 for the same practice). */
  bonusGroup: z.string().nullable().default(null),
});
export type AssessmentItem = z.infer<typeof AssessmentItem>;

export const AssessmentTable = z
  .strictObject({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must be lower-case letters, digits and hyphens'),
    name: z.string().min(1),
    /** Where the table comes from (a document, its date). */
    source: z.string().min(1),
    basePoints: z.number().positive(),
    bonusCap: z.number().min(0),
    items: z.array(AssessmentItem).min(1),
  })
  .superRefine((table, context) => {
    const numbers = new Set<number>();
    for (const [index, item] of table.items.entries()) {
      if (numbers.has(item.number))
        context.addIssue({ code: 'custom', path: ['items', index, 'number'], message: 'is used twice' });
      numbers.add(item.number);
    }
    const base = table.items.filter((item) => !item.bonus).reduce((sum, item) => sum + item.points, 0);
    if (Math.abs(base - table.basePoints) > 1e-9)
      context.addIssue({
        code: 'custom',
        path: ['items'],
        message: `base items add up to ${base}, not the table's ${table.basePoints} points`,
      });
  });
export type AssessmentTable = z.infer<typeof AssessmentTable>;

/** A measure's rate for an agency and a year, and what it is made of. */
export type MeasuredRate = Readonly<{
  /** In [0, 1]. */
  rate: number;
  /** In words, from the records: "41 of 45 replies on time". */
  basis: string;
  /** The records behind it (tracking numbers, publication ids), as far as it names them. */
  records: readonly string[];
  /** What the rate counts: `good` of `total` (6 of 7 office details; 41 of 45 replies). */
  counts?: Readonly<{ good: number; total: number }>;
}>;

export type ScoredItem = Readonly<{
  number: number;
  section: string;
  text: string;
  points: number;
  bonus: boolean;
  measure: Measure | null;
  /** Points earned, or null: to be scored by hand. */
  score: number | null;
  basis: string | null;
  records: readonly string[];
  counts: Readonly<{ good: number; total: number }> | null;
}>;

const twoPlaces = (value: number) => Math.round(value * 100) / 100;

/**
 * Scores the measurable items of `table` from `measured`; items with no measure, or whose measure was
 * not taken, are left for manual scoring. Bonus points are capped (`bonusCap`), a bonus group counting
 * once at its highest.
 */
export function scoreAgainst(table: AssessmentTable, measured: Partial<Record<Measure, MeasuredRate>>) {
  const items: ScoredItem[] = table.items.map((item) => {
    const taken = item.measure === null ? undefined : measured[item.measure];
    if (taken !== undefined && (taken.rate < 0 || taken.rate > 1 || Number.isNaN(taken.rate)))
      throw new RangeError(`The rate of ${item.measure ?? ''} must be within [0, 1], not ${taken.rate}.`);
    return {
      number: item.number,
      section: item.section,
      text: item.text,
      points: item.points,
      bonus: item.bonus,
      measure: item.measure,
      score: taken === undefined ? null : twoPlaces(item.points * taken.rate),
      basis: taken?.basis ?? null,
      records: taken?.records ?? [],
      counts: taken?.counts ?? null,
    };
  });
  const scored = items.filter((item) => item.score !== null);
  const base = scored.filter((item) => !item.bonus);
  const groups = new Map<string, number>();
  for (const [index, item] of table.items.entries()) {
    const score = items[index]?.score;
    if (!item.bonus || score === null || score === undefined) continue;
    const group = item.bonusGroup ?? `item-${item.number}`;
    groups.set(group, Math.max(groups.get(group) ?? 0, score));
  }
  const bonus = Math.min(
    table.bonusCap,
    [...groups.values()].reduce((sum, score) => sum + score, 0),
  );
  return {
    tableId: table.id,
    items,
    /** Earned on the measured base items, of the points those items carry. */
    measured: {
      score: twoPlaces(base.reduce((sum, item) => sum + (item.score ?? 0), 0)),
      of: twoPlaces(base.reduce((sum, item) => sum + item.points, 0)),
    },
    bonus: twoPlaces(bonus),
    /** The items left to score by hand, and the base points they carry. */
    manual: {
      numbers: items.filter((item) => item.score === null).map((item) => item.number),
      of: twoPlaces(
        items
          .filter((item) => item.score === null && !item.bonus)
          .reduce((sum, item) => sum + item.points, 0),
      ),
    },
  };
}
