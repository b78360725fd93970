import { COLUMNS } from '#lib/domain/annual-report';
import { dayNumberOf, type IsoDate } from '#lib/domain/calendar/civil-date';
import type { FieldError } from '#lib/domain/errors';
import type { reportYears } from '#lib/use-cases/annual-reports';
import { fieldId } from '../../components';
import type { MessageKey, Translate } from '../../messages/catalogue';

/**
 * The annual report's words for its staff, pure so they are tested on strings: where each failing check
 * of the draft belongs (the cell of the table it concerns, or the narrative section) and what it says
 * there; how a year stands against its cutoff.
 */
export type YearEntry = Awaited<ReturnType<typeof reportYears>>['years'][number];

/** The narrative sections, as the form names them, with the format's headings. */
export const NARRATIVE_SECTIONS = ['general', 'problems', 'other'] as const;
export type NarrativeSection = (typeof NARRATIVE_SECTIONS)[number];
export const NARRATIVE_HEADINGS: Readonly<Record<NarrativeSection, MessageKey>> = {
  general: 'cRep.narrative.general',
  problems: 'cRep.narrative.problems',
  other: 'cRep.narrative.other',
};

/** The columns of table 三 with the total, as the draft's table shows them. */
export const TABLE3_COLUMNS: readonly string[] = [...COLUMNS, 'total'];
export const COLUMN_WORDS: Readonly<Record<string, MessageKey>> = {
  natural_person: 'cRep.column.natural_person',
  commercial_enterprise: 'cRep.column.commercial_enterprise',
  research_institution: 'cRep.column.research_institution',
  social_welfare_organization: 'cRep.column.social_welfare_organization',
  legal_service_agency: 'cRep.column.legal_service_agency',
  other: 'cRep.column.other',
  total: 'cRep.column.total',
};
export const TABLE3_ROW_WORDS = {
  received: 'cRep.t3.received',
  carriedIn: 'cRep.t3.carriedIn',
  resultsTotal: 'cRep.t3.resultsTotal',
  carriedOut: 'cRep.t3.carriedOut',
} as const satisfies Readonly<Record<string, MessageKey>>;
export const DOCUMENT_WORDS = {
  rules: 'cRep.t2.rules',
  normativeDocuments: 'cRep.t2.normativeDocuments',
} as const satisfies Readonly<Record<string, MessageKey>>;
export const CHALLENGE_WORDS = {
  reconsideration: 'cRep.t4.reconsideration',
  litigationDirect: 'cRep.t4.litigationDirect',
  litigationAfterReconsideration: 'cRep.t4.litigationAfterReconsideration',
} as const satisfies Readonly<Record<string, MessageKey>>;

/**
 * The form field (and so the element id, `fieldId`) a check of `path` is shown at: a narrative section's
 * text area, else the cell of the draft's tables that carries the same path (`cell.<path>`).
 */
export function checkField(path: string): string {
  const narrative = /^narrative\.(general|problems|other)$/.exec(path);
  return narrative?.[1] ?? `cell.${path}`;
}

/** The id of the element a check of `path` is shown in. */
export const checkAnchor = (path: string): string => fieldId(checkField(path));

/** A failing check in the reader's words: what is wrong, and where (for the summary). */
export type PlacedCheck = { readonly field: string; readonly text: string; readonly where: string };

export function placeCheck(check: FieldError, t: Translate): PlacedCheck {
  return { field: checkField(check.path), text: checkText(check, t), where: checkWhere(check.path, t) };
}

/** What the domain's check (`checkReport`) says, from the catalogue; one not known here, as it says it. */
function checkText(check: FieldError, t: Translate): string {
  const { path, message } = check;
  if (/^applications\.[^.]+$/.test(path))
    return message === 'is missing' ? t('cRep.check.missing') : t('cRep.check.balance');
  if (/^applications\.[^.]+\.resultsTotal$/.test(path) && message.includes('sum of its rows'))
    return t('cRep.check.rowsSum');
  if (/^applications\.total\.[^.]+$/.test(path) && message.includes('sum of the columns'))
    return t('cRep.check.columnsSum');
  if (/^applications\.[^.]+\.carriedIn$/.test(path)) {
    const last = /\((-?\d+)\)/.exec(message)?.[1];
    if (last !== undefined) return t('cRep.check.carriedIn', { last });
  }
  if (/^proactive\.[^.]+\.valid$/.test(path)) return t('cRep.check.validNegative');
  if (/^challenges\.[^.]+\.total$/.test(path)) return t('cRep.check.challengeTotal');
  if (/^narrative\.[^.]+$/.test(path)) return t('cRep.check.narrativeEmpty');
  return message;
}

/** Where the check is, for the summary at the top: the table, row and column, or the section. */
function checkWhere(path: string, t: Translate): string {
  const [part, first, second] = path.split('.');
  if (part === 'applications' && first !== undefined) {
    const column = COLUMN_WORDS[first] === undefined ? first : t(COLUMN_WORDS[first]);
    const row = second === undefined ? undefined : (TABLE3_ROW_WORDS as Record<string, MessageKey>)[second];
    return row === undefined
      ? t('cRep.where.table3Column', { column })
      : t('cRep.where.table3', { column, row: t(row) });
  }
  if (part === 'proactive' && first !== undefined) {
    const row = (DOCUMENT_WORDS as Record<string, MessageKey>)[first];
    return t('cRep.where.table2', { row: row === undefined ? first : t(row) });
  }
  if (part === 'challenges' && first !== undefined) {
    const row = (CHALLENGE_WORDS as Record<string, MessageKey>)[first];
    return t('cRep.where.table4', { row: row === undefined ? first : t(row) });
  }
  if (part === 'narrative' && first !== undefined) {
    const heading = (NARRATIVE_HEADINGS as Record<string, MessageKey>)[first];
    if (heading !== undefined) return t(heading);
  }
  return path;
}

/** How a year's report stands against its cutoff, in words and a colour (never the colour alone). */
export type ReportDue = {
  readonly tone: 'red' | 'amber' | 'green' | 'blue';
  readonly words: MessageKey;
  readonly days: number;
};

/** Days before the cutoff from which an unpublished report is flagged (the sweep's first reminder). */
export const CUTOFF_SOON_DAYS = 30;

export function reportDue(
  entry: Pick<YearEntry, 'cutoff' | 'yearEnded'> & {
    report: { seals: readonly { publishedAt: string }[] } | null;
  },
  today: IsoDate,
): ReportDue {
  const first = entry.report?.seals[0];
  if (first !== undefined) {
    const late = dayNumberOf(first.publishedAt.slice(0, 10)) - dayNumberOf(entry.cutoff);
    return late > 0
      ? { tone: 'red', words: 'cRep.due.publishedLate', days: late }
      : { tone: 'green', words: 'cRep.due.publishedOnTime', days: 0 };
  }
  if (!entry.yearEnded) return { tone: 'blue', words: 'cRep.due.yearRunning', days: 0 };
  const left = dayNumberOf(entry.cutoff) - dayNumberOf(today);
  if (left < 0) return { tone: 'red', words: 'cRep.due.late', days: -left };
  if (left === 0) return { tone: 'red', words: 'cRep.due.today', days: 0 };
  return { tone: left <= CUTOFF_SOON_DAYS ? 'amber' : 'green', words: 'cRep.due.left', days: left };
}

/** A year's report as it stands, in words. */
export type StateOf = {
  readonly figuresVersion: number;
  readonly report: { readonly status: 'draft' | 'published'; readonly seals: readonly unknown[] } | null;
};

export function reportState(entry: StateOf): {
  readonly words: MessageKey;
  readonly edition: number;
} {
  const report = entry.report;
  if (report === null)
    return { words: entry.figuresVersion > 0 ? 'cRep.state.figures' : 'cRep.state.none', edition: 0 };
  const edition = report.seals.length;
  if (report.status === 'published') return { words: 'cRep.state.published', edition };
  return { words: edition > 0 ? 'cRep.state.correcting' : 'cRep.state.draft', edition };
}

export const reportHref = (year: number): string => `/console/annual-reports/${year}`;
