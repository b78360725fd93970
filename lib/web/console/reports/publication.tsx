import { Button, fieldId, Notice, PostForm, SummaryList } from '../../components';
import { usePage } from '../../context';
import { previewHref, publicationHref, type DraftView } from './report';
import { placeCheck, reportHref } from './words';

/**
 * Publishing, confirmed: which edition this will be, that it is sealed (SHA-256 of its content), archived
 * and put in the reading room, and that a published edition is never changed — a correction is a new
 * edition, and both stay readable. Offered only when the year has ended and every check passes.
 */
export function PublicationPage(props: {
  year: number;
  draft: DraftView;
  yearEnded: boolean;
  refused?: 'checks' | 'year' | 'conflict' | undefined;
}) {
  const { t } = usePage();
  const { draft, year } = props;
  const checks = draft.checks.map((check) => placeCheck(check, t));
  const edition = draft.seals.length + 1;
  const ready = props.yearEnded && checks.length === 0 && draft.status === 'draft';
  return (
    <>
      {props.refused === 'conflict' ? (
        <Notice kind="warning">
          <p>{t('cRep.conflict')}</p>
        </Notice>
      ) : null}
      <h1>{t('cRep.publish.title', { year, edition })}</h1>
      <SummaryList
        rows={[
          [t('cRep.publish.edition'), t('cRep.editions.edition', { edition })],
          [
            t('cRep.list.checks'),
            checks.length === 0 ? t('cRep.checks.pass') : t('cRep.checks.fail', { count: checks.length }),
          ],
        ]}
      />
      {draft.status === 'published' ? (
        <p>{t('cRep.publish.already')}</p>
      ) : !props.yearEnded ? (
        <p>{t('cRep.publish.yearRunning', { next: year + 1 })}</p>
      ) : checks.length > 0 ? (
        <>
          <p>{t('cRep.publish.fix')}</p>
          <ul>
            {checks.map((check, index) => (
              <li key={index}>
                <a href={`${reportHref(year)}#${fieldId(check.field)}`}>{`${check.where}：${check.text}`}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {ready ? (
        <>
          <Notice kind="warning" title={t('cRep.publish.warning.title')}>
            <p>{t(edition > 1 ? 'cRep.publish.warning.correction' : 'cRep.publish.warning.body')}</p>
          </Notice>
          <p>
            <a href={previewHref(year)}>{t('cRep.preview.link')}</a>
          </p>
          <PostForm action={publicationHref(year)} label={t('cRep.publish.title', { year, edition })}>
            <input type="hidden" name="version" value={String(draft.version)} />
            <div class="actions">
              <Button>{t('cRep.publish.submit', { edition })}</Button>
              <a href={reportHref(year)}>{t('cRep.publish.cancel')}</a>
            </div>
          </PostForm>
        </>
      ) : (
        <p>
          <a href={reportHref(year)}>{t('cRep.back', { year })}</a>
        </p>
      )}
    </>
  );
}

/** The report as it would be published (or as it is, once published), in the national format. */
export function PreviewPage(props: { year: number; body: string; published: boolean }) {
  const { t } = usePage();
  return (
    <>
      <Notice kind={props.published ? 'info' : 'warning'}>
        <p>{t(props.published ? 'cRep.preview.published' : 'cRep.preview.draft')}</p>
      </Notice>
      <p class="actions no-print">
        <a href={reportHref(props.year)}>{t('cRep.back', { year: props.year })}</a>
      </p>
      {/*
        The report's own HTML (lib/domain/annual-report-html.ts), the very body the published page and its
        archived copy carry: built by our code from the content, every value escaped there.
      */}
      <div class="report-frame" dangerouslySetInnerHTML={{ __html: props.body }} />
    </>
  );
}
