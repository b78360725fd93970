import { catalogueOf, type Agency } from '#lib/domain/agency';
import { RuleViolationError, VersionConflictError, WrongStateError } from '#lib/domain/errors';
import { WithdrawalOfPublication } from '#lib/domain/submission/publication';
import { listPublications, withdraw, type ProactiveDeps } from '#lib/use-cases/proactive';
import { agencyPublication, agencyPublicationFileUrl } from '#lib/use-cases/proactive-reads';
import type { PublicationFileRef } from '#lib/use-cases/reading-room';
import {
  Button,
  Checkbox,
  DateText,
  ErrorSummary,
  Notice,
  Pagination,
  PostForm,
  Select,
  SummaryList,
  TextArea,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { Translate } from '../../messages/catalogue';
import type { PageAnswer, PageHandler, PageRequest } from '../../page-function';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { heldValues, HeldNotice } from '../held';
import { exportAll, pageAfter } from './listing';
import {
  agencyOf,
  AreaNav,
  categoryName,
  consolePageAnswer,
  DoneNotice,
  mayTake,
  notFound,
  Paragraphs,
  paths,
  refusalPage,
} from './shared';

type Shown = Awaited<ReturnType<typeof agencyPublication>>;

/**
 * The agency's publications (public or internal), a page at a time by key and as CSV; a publication as
 * its agency sees it, withdrawn ones with their record; and its withdrawal (撤回): by an approver, with a
 * reason, a legal basis inside the display period, and a confirmation.
 */
export function publicationPages(deps: ProactiveDeps): {
  'GET /console/publications': PageHandler<'GET /console/publications'>;
  'GET /console/publications/{publicationId}': PageHandler<'GET /console/publications/{publicationId}'>;
  'POST /console/publications/{publicationId}/withdrawal': PageHandler<'POST /console/publications/{publicationId}/withdrawal'>;
  'GET /console/publications/{publicationId}/files/{file}': PageHandler<'GET /console/publications/{publicationId}/files/{file}'>;
} {
  return {
    'GET /console/publications/{publicationId}/files/{file}': async ({ session, params }) => {
      const file: PublicationFileRef =
        params.file === 'interpretation'
          ? { kind: 'interpretation' }
          : { kind: 'attachment', number: Number(params.file) };
      const url = await agencyPublicationFileUrl(
        deps,
        session.principal.agencyId,
        params.publicationId,
        file,
      );
      return { kind: 'redirect', location: url };
    },

    'GET /console/publications': async ({ session, query, t }) => {
      const agency = await agencyOf(deps, session.principal);
      const catalogue = catalogueOf(agency);
      const audience = query.audience === undefined || query.audience === '' ? 'public' : query.audience;
      if (audience !== 'public' && audience !== 'internal') throw notFound();
      const category = query.category === undefined || query.category === '' ? undefined : query.category;
      if (category !== undefined && !catalogue.some((entry) => entry.code === category)) throw notFound();
      const read = (page: { limit: number; nextToken?: string | undefined }) =>
        listPublications(deps, agency.agencyId, audience, { ...page, ...(category ? { category } : {}) });
      if (query.format === 'csv') {
        const items = await exportAll(read);
        return {
          kind: 'download',
          filename: `${t('cPro.csv.publications')}-${audience}.csv`,
          contentType: CSV_CONTENT_TYPE,
          body: toCsv([
            [
              t('cPro.field.title'),
              t('cPro.field.documentNumber'),
              t('cPro.field.category'),
              t('cPro.pub.publishedOn'),
              t('cPro.pub.version'),
              t('cPro.pub.id'),
            ],
            ...items.map((item) => [
              item.title,
              item.documentNumber,
              categoryName(catalogue, item.category),
              item.publishedOn,
              item.version,
              item.publicationId,
            ]),
          ]),
        };
      }
      const page = await read(pageAfter(query.after));
      const title = t('cPro.publications.title');
      const filter = { audience, category };
      return consolePageAnswer({
        title,
        crumbs: [{ label: t('console.nav.proactive'), href: paths.submissions() }, { label: title }],
        body: (
          <>
            <h1>{title}</h1>
            <AreaNav current="publications" />
            <form
              method="get"
              action="/console/publications"
              class="filters"
              aria-label={t('cPro.filter.label')}
            >
              <Select
                name="audience"
                label={t('cPro.field.audience')}
                value={audience}
                choices={(['public', 'internal'] as const).map((value) => ({
                  value,
                  label: t(`cPro.audience.${value}`),
                }))}
              />
              <Select
                name="category"
                label={t('cPro.field.category')}
                value={category ?? ''}
                choices={[
                  { value: '', label: t('cPro.filter.allCategories') },
                  ...catalogue.map((entry) => ({ value: entry.code, label: entry.name })),
                ]}
              />
              <div class="actions">
                <Button variant="secondary">{t('cPro.filter.submit')}</Button>
              </div>
            </form>
            {page.items.length === 0 ? (
              <p class="muted">{t('cPro.publications.none')}</p>
            ) : (
              <div class="table-wrap">
                <table>
                  <caption class="visually-hidden">{t('cPro.publications.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('cPro.field.title')}</th>
                      <th scope="col">{t('cPro.field.documentNumber')}</th>
                      <th scope="col">{t('cPro.field.category')}</th>
                      <th scope="col">{t('cPro.pub.publishedOn')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((item) => (
                      <tr key={item.publicationId}>
                        <td>
                          <a href={paths.publication(item.publicationId)}>{item.title}</a>
                        </td>
                        <td>{item.documentNumber ?? '—'}</td>
                        <td>{categoryName(catalogue, item.category)}</td>
                        <td>
                          <DateText date={item.publishedOn} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination
              nextHref={page.nextToken ? paths.publications({ ...filter, after: page.nextToken }) : undefined}
              firstHref={query.after ? paths.publications(filter) : undefined}
            />
            <p>
              <a href={paths.publications({ ...filter, format: 'csv' })} download>
                {t('cPro.csv.export')}
              </a>
            </p>
          </>
        ),
      });
    },

    'GET /console/publications/{publicationId}': async ({ session, params, held, query, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const shown = await agencyPublication(deps, agency.agencyId, params.publicationId);
      const action = paths.withdrawal(shown.publicationId);
      return publicationPage({
        t,
        status: 200,
        agency,
        shown,
        mayWithdraw: mayTake(session.principal, 'withdraw'),
        values: heldValues(held, action) ?? {},
        errors: [],
        held,
        query,
        today: now,
      });
    },

    'POST /console/publications/{publicationId}/withdrawal': async ({ session, params, form, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const shown = await agencyPublication(deps, agency.agencyId, params.publicationId);
      const mayWithdraw = mayTake(session.principal, 'withdraw');
      const again = (status: number, current: Shown, errors: FormErrors) =>
        publicationPage({
          t,
          status,
          agency,
          shown: current,
          mayWithdraw,
          values: form.values,
          errors,
          query: {},
          today: now,
          conflict: status === 409,
        });
      if (!mayWithdraw)
        return refusalPage(t, 'withdraw', {
          href: paths.publication(shown.publicationId),
          label: t('cPro.refused.toPublication'),
        });
      const errors: { field: string; message: string }[] = [];
      const parsed = WithdrawalOfPublication.safeParse({
        reason: form.get('reason') ?? '',
        legalBasis: form.get('legalBasis'),
      });
      if (!parsed.success)
        for (const issue of parsed.error.issues) {
          const field = String(issue.path[0] ?? 'reason');
          const label = t(field === 'legalBasis' ? 'cPro.withdraw.legalBasis' : 'cPro.withdraw.reason');
          const blank = (form.get(field) ?? '').trim() === '';
          errors.push({
            field,
            message: blank
              ? t('cPro.error.missing', { label })
              : issue.code === 'too_big'
                ? t('cPro.error.tooLong', { label, max: Number(issue.maximum) })
                : t('cPro.error.characters', { label }),
          });
        }
      if (form.get('confirm') !== 'yes')
        errors.push({ field: 'confirm', message: t('cPro.withdraw.confirm.missing') });
      if (!parsed.success || errors.length > 0) return again(422, shown, errors);
      try {
        await withdraw(deps, session.principal, agency.agencyId, shown.publicationId, parsed.data, now);
        return { kind: 'redirect', location: paths.publication(shown.publicationId, { done: 'withdrawn' }) };
      } catch (error) {
        if (error instanceof VersionConflictError || error instanceof WrongStateError)
          return again(409, await agencyPublication(deps, agency.agencyId, shown.publicationId), []);
        if (error instanceof RuleViolationError && error.code === 'inside-display-period')
          return again(422, shown, [
            {
              field: 'legalBasis',
              message:
                shown.displayUntil === null
                  ? t('cPro.withdraw.legalBasis.longTerm')
                  : t('cPro.withdraw.legalBasis.inDisplay', { date: shown.displayUntil }),
            },
          ]);
        throw error;
      }
    },
  };
}

function publicationPage(props: {
  t: Translate;
  status: number;
  agency: Agency;
  shown: Shown;
  mayWithdraw: boolean;
  values: FormValues;
  errors: FormErrors;
  held?: PageRequest['held'];
  query: Readonly<Record<string, string | undefined>>;
  today: Date;
  conflict?: boolean;
}): PageAnswer {
  const { t, shown } = props;
  const catalogue = catalogueOf(props.agency);
  return consolePageAnswer({
    title: shown.title,
    status: props.status,
    errors: props.errors.length > 0,
    errorPrefix: t('common.error.prefix'),
    crumbs: [
      { label: t('console.nav.proactive'), href: paths.submissions() },
      { label: t('cPro.publications.title'), href: paths.publications() },
      { label: shown.title },
    ],
    body: (
      <>
        <h1>{shown.title}</h1>
        <ErrorSummary errors={props.errors} />
        <p>
          <span class={shown.status === 'published' ? 'tag green' : 'tag amber'}>
            {t(`cPro.pub.status.${shown.status}`)}
          </span>{' '}
          <span class="tag">{t(`cPro.audience.${shown.audience}`)}</span>
        </p>
        <HeldNotice held={props.held} query={props.query} />
        <DoneNotice
          done={props.query.done}
          messages={{ published: 'cPro.done.published', withdrawn: 'cPro.done.withdrawn' }}
        />
        {props.conflict ? (
          <Notice kind="warning" title={t('cPro.conflict.title')}>
            <p role="alert">{t('cPro.withdraw.conflict')}</p>
          </Notice>
        ) : null}
        {shown.status === 'published' && shown.audience === 'public' ? (
          <p>
            <a href={paths.publicPage(shown.publicationId)}>{t('cPro.pub.public')}</a>
          </p>
        ) : null}
        <SummaryList
          rows={[
            [t('cPro.field.documentNumber'), shown.documentNumber ?? undefined],
            [t('cPro.field.issuingOffice'), shown.issuingOffice],
            [t('cPro.field.category'), categoryName(catalogue, shown.category)],
            [t('cPro.field.formedOn'), <DateText date={shown.formedOn} />],
            [t('cPro.pub.publishedOn'), <DateText date={shown.publishedOn} />],
            [t('cPro.pub.version'), String(shown.version)],
            [
              t('cPro.field.display'),
              shown.displayUntil === null ? (
                t('cPro.display.long_term')
              ) : (
                <DateText date={shown.displayUntil} />
              ),
            ],
            [
              t('cPro.pub.submission'),
              <a href={paths.submission(shown.submissionId)}>{t('cPro.pub.submission.link')}</a>,
            ],
          ]}
        />
        {shown.withdrawal === null ? null : (
          <Notice kind="warning" title={t('cPro.pub.withdrawn.title')}>
            <SummaryList
              rows={[
                [t('cPro.pub.withdrawn.on'), <DateText date={shown.withdrawal.on} />],
                [t('cPro.withdraw.reason'), shown.withdrawal.reason],
                [t('cPro.withdraw.legalBasis'), shown.withdrawal.legalBasis ?? undefined],
              ]}
            />
          </Notice>
        )}
        <h2>{t('cPro.field.body')}</h2>
        <div class="document-body">
          <Paragraphs text={shown.body} />
        </div>
        {shown.attachments.length === 0 && shown.interpretation === null ? null : (
          <>
            <h2>{t('cPro.files.title')}</h2>
            <ul class="files">
              {shown.attachments.map((file, index) => (
                <li key={index}>
                  <a href={paths.publicationFile(shown.publicationId, String(index + 1))}>{file.name}</a>
                </li>
              ))}
              {shown.interpretation === null ? null : (
                <li>
                  {t('cPro.field.interpretation')}:{' '}
                  <a href={paths.publicationFile(shown.publicationId, 'interpretation')}>
                    {shown.interpretation.name}
                  </a>
                </li>
              )}
            </ul>
          </>
        )}
        {shown.status === 'published' && props.mayWithdraw ? (
          <WithdrawalForm shown={shown} values={props.values} errors={props.errors} />
        ) : null}
      </>
    ),
  });
}

function WithdrawalForm({ shown, values, errors }: { shown: Shown; values: FormValues; errors: FormErrors }) {
  const { t } = usePage();
  return (
    <section aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">{t('cPro.withdraw.title')}</h2>
      <p class="hint">
        {shown.displayUntil === null
          ? t('cPro.withdraw.hint.longTerm')
          : t('cPro.withdraw.hint.until', { date: shown.displayUntil })}
      </p>
      <PostForm action={paths.withdrawal(shown.publicationId)}>
        <TextArea
          name="reason"
          label={t('cPro.withdraw.reason')}
          value={values.reason}
          errors={errors}
          maxLength={2000}
          rows={4}
        />
        <TextArea
          name="legalBasis"
          label={t('cPro.withdraw.legalBasis')}
          hint={t('cPro.withdraw.legalBasis.hint')}
          value={values.legalBasis}
          errors={errors}
          optional
          maxLength={1000}
          rows={3}
        />
        <Checkbox
          name="confirm"
          label={t('cPro.withdraw.confirm')}
          checked={values.confirm === 'yes'}
          errors={errors}
        />
        <div class="actions">
          <Button variant="warning">{t('cPro.withdraw.submit')}</Button>
        </div>
      </PostForm>
    </section>
  );
}
