import type { ComponentChildren } from 'preact';
import type { CatalogueEntry } from '#lib/domain/submission/catalogue';
import type { ReadingRoomEntry } from '#lib/domain/submission/publication';
import type { PublicAgency } from '#lib/use-cases/reading-room';
import { DateText, SummaryList } from '../../components';
import { usePage } from '../../context';
import type { Crumb } from '../../layout';
import type { PageCache } from '../../page-function';

/**
 * What the pages of finding and reading share: their addresses, the agency's navigation, a list of
 * reading-room entries, and how long shared caches keep them (a withdrawal or an update shows within that).
 */
export const CACHE = {
  /** Agency home, reading room: new publications show within minutes. */
  lists: { kind: 'public', sMaxAge: 300 },
  /** A publication: a withdrawal shows within five minutes. */
  publication: { kind: 'public', sMaxAge: 300 },
  /** The guide and the annual reports change rarely. */
  settled: { kind: 'public', sMaxAge: 3600 },
} as const satisfies Record<string, PageCache>;

export const paths = {
  agency: (agencyId: string) => `/agencies/${agencyId}`,
  guide: (agencyId: string) => `/agencies/${agencyId}/guide`,
  publications: (agencyId: string, query: Readonly<Record<string, string | number | undefined>> = {}) =>
    withQuery(`/agencies/${agencyId}/publications`, query),
  publication: (publicationId: string, version?: number) =>
    withQuery(`/publications/${publicationId}`, { version }),
  publicationFile: (publicationId: string, file: number | 'interpretation', version?: number) =>
    withQuery(`/publications/${publicationId}/files/${file}`, { version }),
  reports: (agencyId: string) => `/agencies/${agencyId}/annual-reports`,
  report: (agencyId: string, year: number, edition?: number) =>
    withQuery(`/agencies/${agencyId}/annual-reports/${year}`, { edition }),
  rollUp: (agencyId: string, year: number, edition?: number) =>
    withQuery(`/agencies/${agencyId}/roll-ups/${year}`, { edition }),
  apply: (agencyId: string) => `/agencies/${agencyId}/apply`,
  complain: (agencyId: string) => `/agencies/${agencyId}/complaints/new`,
};

function withQuery(path: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') search.set(name, String(value));
  const text = search.toString();
  return text === '' ? path : `${path}?${text}`;
}

/** Where an entry of the reading room opens: a publication's page, or an annual report's. */
export function entryHref(agencyId: string, entry: Pick<ReadingRoomEntry, 'publicationId'>): string {
  const report = /^annual-report-(\d{4})$/.exec(entry.publicationId);
  return report?.[1] === undefined
    ? paths.publication(entry.publicationId)
    : paths.report(agencyId, Number(report[1]));
}

/** A category's name in the agency's catalogue (its code if the catalogue no longer has it). */
export const categoryName = (catalogue: readonly CatalogueEntry[], code: string): string =>
  catalogue.find((entry) => entry.code === code)?.name ?? code;

/** The crumbs of a page under an agency: the agency, then the page's own. */
export const agencyCrumbs = (
  agency: { agencyId: string; name: string },
  ...rest: readonly Crumb[]
): readonly Crumb[] => [{ label: agency.name, href: paths.agency(agency.agencyId) }, ...rest];

/** The agency's own pages: its home, guide, reading room and reports, and applying and complaining. */
export function AgencyNav({
  agencyId,
  current,
}: {
  agencyId: string;
  current: 'home' | 'guide' | 'publications' | 'reports' | 'other';
}) {
  const { t } = usePage();
  const links = [
    ['home', paths.agency(agencyId), t('reading.nav.home')],
    ['guide', paths.guide(agencyId), t('reading.nav.guide')],
    ['publications', paths.publications(agencyId), t('reading.nav.publications')],
    ['reports', paths.reports(agencyId), t('reading.nav.reports')],
    ['apply', paths.apply(agencyId), t('reading.nav.apply')],
    ['complain', paths.complain(agencyId), t('reading.nav.complain')],
  ] as const;
  return (
    <nav class="agency-nav no-print" aria-label={t('reading.nav.label')}>
      <ul>
        {links.map(([key, href, label]) => (
          <li key={key}>
            <a href={href} aria-current={key === current ? 'page' : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Entries of the reading room: title (a link), document number, category, date. */
export function EntryList(props: {
  agencyId: string;
  catalogue: readonly CatalogueEntry[];
  entries: readonly ReadingRoomEntry[];
  /** The heading level of each title (they sit under a page's or a section's heading). */
  level?: 'h2' | 'h3';
}) {
  const { t } = usePage();
  const Title = props.level ?? 'h3';
  return (
    <ul class="list entries">
      {props.entries.map((entry) => (
        <li key={entry.publicationId}>
          <Title class="entry-title">
            <a href={entryHref(props.agencyId, entry)}>{entry.title}</a>
          </Title>
          <p class="meta">
            {entry.documentNumber === null ? null : (
              <span>{t('reading.entry.documentNumber', { number: entry.documentNumber })} </span>
            )}
            <span>
              {t('reading.entry.category', { category: categoryName(props.catalogue, entry.category) })}{' '}
            </span>
            <span>
              <Filled
                template={t('reading.entry.publishedOn')}
                parts={{ date: <DateText date={entry.publishedOn} /> }}
              />
            </span>
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Text as its author wrote it: one paragraph per line. */
export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/\n+/)
        .filter((line) => line.trim() !== '')
        .map((line, index) => (
          <p key={index}>{line}</p>
        ))}
    </>
  );
}

/** The disclosure office's public details (seed 003 §三(一)5), or that the agency has not given them. */
export function OfficeDetails({ office }: { office: PublicAgency['office'] }) {
  const { t } = usePage();
  if (office === null) return <p>{t('reading.office.none')}</p>;
  return (
    <SummaryList
      rows={[
        [t('reading.office.name'), office.officeName],
        [t('reading.office.head'), office.head],
        [t('reading.office.address'), office.address],
        [t('reading.office.postcode'), office.postcode],
        [t('reading.office.hours'), office.openingHours],
        [
          t('reading.office.phone'),
          <a href={`tel:${office.phone.replace(/[^0-9+]/g, '')}`}>{office.phone}</a>,
        ],
        [t('reading.office.fax'), office.fax ?? undefined],
        [t('reading.office.email'), <a href={`mailto:${office.email}`}>{office.email}</a>],
        [
          t('reading.office.website'),
          office.website === null ? undefined : <a href={office.website}>{office.website}</a>,
        ],
      ]}
    />
  );
}

/** A print button: only with JavaScript (without it, the browser's own print does the same). */
export function PrintButton() {
  const { t } = usePage();
  return (
    <button type="button" class="secondary js-only no-print" data-print="">
      {t('common.print')}
    </button>
  );
}

/**
 * A message whose placeholders are elements (a date in its `<time>`, a link): the message's text around
 * them, each in its place. `template` is `t(key)` (placeholders not given to `t` stay in it).
 */
export function Filled({
  template,
  parts,
}: {
  template: string;
  parts: Readonly<Record<string, ComponentChildren>>;
}) {
  return (
    <>
      {template.split(/(\{[a-zA-Z0-9_]+\})/).map((piece) => {
        const name = /^\{([a-zA-Z0-9_]+)\}$/.exec(piece)?.[1];
        return name !== undefined && name in parts ? parts[name] : piece;
      })}
    </>
  );
}

/** The agency's catalogue (目录): each category a link into the reading room, filtered by it. */
export function CatalogueLinks({
  agencyId,
  catalogue,
}: {
  agencyId: string;
  catalogue: readonly CatalogueEntry[];
}) {
  return (
    <ul class="columns catalogue">
      {catalogue.map((entry) => (
        <li key={entry.code}>
          <a href={paths.publications(agencyId, { category: entry.code })}>{entry.name}</a>
        </li>
      ))}
    </ul>
  );
}
