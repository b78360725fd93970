import { VersionQuery } from '#lib/domain/submission/publication';
import { catalogue, type ReadingRoomDeps } from '#lib/use-cases/proactive';
import { publicationFileUrl, publicPublication, type PublicationFileRef } from '#lib/use-cases/reading-room';
import type { UploadStore } from '#lib/use-cases/uploads';
import { DateText, Notice, SummaryList } from '../../components';
import { usePage } from '../../context';
import { PageError, type PageHandler } from '../../page-function';
import { AgencyNav, agencyCrumbs, CACHE, categoryName, Filled, Paragraphs, paths } from './shared';

type Shown = Awaited<ReturnType<typeof publicPublication>>;
type Published = Extract<Shown, { status: 'published' }>;
type Withdrawn = Extract<Shown, { status: 'withdrawn' }>;

/** An address's `?version=`: absent, or a version number (anything else is no page of ours). */
function versionAsked(query: Readonly<Record<string, string | undefined>>): number | undefined {
  const parsed = VersionQuery.safeParse({ version: query.version === '' ? undefined : query.version });
  if (!parsed.success) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
  return parsed.data.version;
}

/**
 * A publication's page: its details, text and files (each a link that works for as long as the page is
 * cached: it leads through the portal to a fresh short-lived link), its versions (`?version=n` reads an
 * earlier one), and — once withdrawn — only its record and why (410).
 */
export function publicationPage(deps: {
  readingRoom: ReadingRoomDeps;
}): PageHandler<'GET /publications/{publicationId}'> {
  return async ({ params, query, t }) => {
    const shown = await publicPublication(deps.readingRoom, params.publicationId, versionAsked(query));
    const agency = await catalogue(deps.readingRoom, shown.agencyId);
    const crumbs = agencyCrumbs(
      { agencyId: agency.agencyId, name: agency.name },
      { label: t('reading.room.crumb'), href: paths.publications(agency.agencyId) },
      { label: shown.title },
    );
    const category = categoryName(agency.entries, shown.category);
    if (shown.status === 'withdrawn')
      return {
        kind: 'page',
        status: 410,
        title: shown.title,
        crumbs,
        cache: CACHE.publication,
        body: <WithdrawnPublication shown={shown} category={category} />,
      };
    return {
      kind: 'page',
      title:
        shown.version === shown.latestVersion
          ? shown.title
          : t('reading.pub.titleVersion', { title: shown.title, version: shown.version }),
      crumbs,
      cache: CACHE.publication,
      body: <PublicationView shown={shown} category={category} />,
    };
  };
}

/** A file of a publication: a redirect to a short-lived link to the copy kept when it was published. */
export function publicationFilePage(deps: {
  readingRoom: ReadingRoomDeps;
  uploads: Pick<UploadStore, 'downloadUrl'>;
}): PageHandler<'GET /publications/{publicationId}/files/{file}'> {
  return async ({ params, query }) => {
    const file: PublicationFileRef =
      params.file === 'interpretation'
        ? { kind: 'interpretation' }
        : { kind: 'attachment', number: Number(params.file) };
    const url = await publicationFileUrl(
      { ...deps.readingRoom, uploads: deps.uploads },
      params.publicationId,
      versionAsked(query),
      file,
    );
    return { kind: 'redirect', location: url };
  };
}

function PublicationView({ shown, category }: { shown: Published; category: string }) {
  const { t } = usePage();
  const older = shown.version !== shown.latestVersion;
  const version = older ? shown.version : undefined;
  return (
    <article>
      <h1>{shown.title}</h1>
      <AgencyNav agencyId={shown.agencyId} current="other" />
      {older ? (
        <Notice kind="warning" title={t('reading.pub.older.title')}>
          <p>{t('reading.pub.older.body', { version: shown.version, latest: shown.latestVersion })}</p>
          <p>
            <a href={paths.publication(shown.publicationId)}>{t('reading.pub.older.link')}</a>
          </p>
        </Notice>
      ) : null}
      <h2 class="visually-hidden">{t('reading.pub.details')}</h2>
      <SummaryList
        rows={[
          [t('reading.pub.documentNumber'), shown.documentNumber ?? undefined],
          [t('reading.pub.issuingOffice'), shown.issuingOffice],
          [t('reading.pub.category'), category],
          [t('reading.pub.formedOn'), <DateText date={shown.formedOn} />],
          [
            t('reading.pub.effectiveOn'),
            shown.effectiveOn === null ? undefined : <DateText date={shown.effectiveOn} />,
          ],
          [t('reading.pub.publishedOn'), <DateText date={shown.publishedOn} />],
          [
            t('reading.pub.firstPublishedOn'),
            shown.firstPublishedOn === shown.publishedOn ? undefined : (
              <DateText date={shown.firstPublishedOn} />
            ),
          ],
          [
            t('reading.pub.changedOn'),
            shown.changedOn === null ? undefined : <DateText date={shown.changedOn} />,
          ],
          [
            t('reading.pub.displayUntil'),
            shown.displayUntil === null ? (
              t('reading.pub.longTerm')
            ) : (
              <Filled
                template={t('reading.pub.displayUntil.date')}
                parts={{ date: <DateText date={shown.displayUntil} /> }}
              />
            ),
          ],
        ]}
      />
      <h2>{t('reading.pub.body')}</h2>
      <div class="document-body">
        <Paragraphs text={shown.body} />
      </div>
      {shown.attachments.length === 0 && shown.interpretation === null ? null : (
        <>
          <h2>{t('reading.pub.files')}</h2>
          <ul class="files">
            {shown.attachments.map((file, index) => (
              <li key={index}>
                <a href={paths.publicationFile(shown.publicationId, index + 1, version)} download={file.name}>
                  {file.name}
                  <span class="muted">{t('reading.pub.file.download')}</span>
                </a>
              </li>
            ))}
            {shown.interpretation === null ? null : (
              <li>
                <Filled
                  template={t('reading.pub.interpretation')}
                  parts={{
                    file: (
                      <a
                        href={paths.publicationFile(shown.publicationId, 'interpretation', version)}
                        download={shown.interpretation.name}
                      >
                        {shown.interpretation.name}
                        <span class="muted">{t('reading.pub.file.download')}</span>
                      </a>
                    ),
                  }}
                />
              </li>
            )}
          </ul>
        </>
      )}
      {shown.latestVersion > 1 ? <Versions shown={shown} /> : null}
    </article>
  );
}

function Versions({ shown }: { shown: Published }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="versions">
      <h2 id="versions">{t('reading.pub.versions')}</h2>
      <p class="hint">{t('reading.pub.versions.hint')}</p>
      <ol class="versions" reversed>
        {[...shown.versions].reverse().map(({ version }) => {
          const label = t('reading.pub.version', { version });
          const latest = version === shown.latestVersion;
          return (
            <li key={version}>
              {version === shown.version ? (
                <span aria-current="page">
                  {label}
                  {t('reading.pub.version.shown')}
                </span>
              ) : (
                <a href={paths.publication(shown.publicationId, latest ? undefined : version)}>{label}</a>
              )}
              {latest ? t('reading.pub.version.latest') : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function WithdrawnPublication({ shown, category }: { shown: Withdrawn; category: string }) {
  const { t } = usePage();
  return (
    <article>
      <h1>{shown.title}</h1>
      <AgencyNav agencyId={shown.agencyId} current="other" />
      <Notice kind="warning" title={t('reading.pub.withdrawn.title')}>
        <p>
          <Filled
            template={t('reading.pub.withdrawn.body')}
            parts={{ date: <DateText date={shown.withdrawal.on} /> }}
          />
        </p>
      </Notice>
      <SummaryList
        rows={[
          [t('reading.pub.withdrawn.on'), <DateText date={shown.withdrawal.on} />],
          [t('reading.pub.withdrawn.reason'), shown.withdrawal.reason],
          [t('reading.pub.withdrawn.basis'), shown.withdrawal.legalBasis ?? undefined],
          [t('reading.pub.documentNumber'), shown.documentNumber ?? undefined],
          [t('reading.pub.issuingOffice'), shown.issuingOffice],
          [t('reading.pub.category'), category],
          [t('reading.pub.formedOn'), <DateText date={shown.formedOn} />],
          [t('reading.pub.firstPublishedOn'), <DateText date={shown.firstPublishedOn} />],
        ]}
      />
      <p>
        {t('reading.pub.withdrawn.apply')} <a href={paths.apply(shown.agencyId)}>{t('reading.nav.apply')}</a>
      </p>
    </article>
  );
}
