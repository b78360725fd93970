import * as z from 'zod';
import type { Seal } from '#lib/domain/annual-report';
import { Button, DateText, Notice, PostForm, SummaryList } from '../../components';
import { usePage } from '../../context';
import { ASSESSMENT_HREF, YearForm } from './assessment.tsx';
import { COMPLIANCE_HREF } from './compliance.tsx';

export const ROLL_UP_HREF = '/console/supervision/roll-up';
export const rollUpHref = (year: number, done?: number) =>
  `${ROLL_UP_HREF}?year=${year}${done === undefined ? '' : `&done=${done}`}`;

export const RollUpPageQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  done: z.coerce.number().int().min(1).optional().catch(undefined),
});

/** The roll-up of a year as it stands, who has not published, its editions, and the form to publish it. */
export function RollUpPage(props: {
  agencyId: string;
  year: number;
  years: readonly number[];
  agencies: readonly { agencyId: string; agencyName: string }[];
  unpublished: readonly string[];
  editions: readonly Seal[];
  version: number;
  /** The preview in the national format (our own escaped HTML, lib/domain/annual-report-html.ts). */
  body: string;
  may: { publish: boolean; yearEnded: boolean };
  done?: number | undefined;
  conflict?: boolean;
}) {
  const { t } = usePage();
  const names = new Map(props.agencies.map((agency) => [agency.agencyId, agency.agencyName]));
  const next = props.editions.length + 1;
  return (
    <>
      {props.done === undefined ? null : (
        <Notice kind="success">
          <p>{t('cSup.ru.done', { edition: props.done })}</p>
        </Notice>
      )}
      {props.conflict === true ? (
        <Notice kind="warning">
          <p>{t('cSup.ru.conflict')}</p>
        </Notice>
      ) : null}
      <h1>{t('cSup.ru.title', { year: props.year })}</h1>
      <p class="lead">{t('cSup.ru.lead', { year: props.year })}</p>
      <p>
        <a href={COMPLIANCE_HREF}>{t('cSup.toCompliance')}</a> ·{' '}
        <a href={ASSESSMENT_HREF}>{t('cSup.toAssessment')}</a>
      </p>
      <YearForm
        action={ROLL_UP_HREF}
        formLabel={t('cSup.ru.form')}
        label={t('cSup.ru.year')}
        year={props.year}
        years={props.years}
      />
      <SummaryList
        rows={[
          [t('cSup.ru.agencies'), t('cSup.ru.agencyCount', { count: props.agencies.length })],
          [
            t('cSup.ru.unpublished'),
            props.unpublished.length === 0 ? (
              t('cSup.ru.allPublished')
            ) : (
              <ul>
                {props.unpublished.map((agencyId) => (
                  <li key={agencyId}>{names.get(agencyId) ?? agencyId}</li>
                ))}
              </ul>
            ),
          ],
          [
            t('cSup.ru.editions'),
            props.editions.length === 0 ? (
              t('cSup.ru.none')
            ) : (
              <>
                <ol>
                  {props.editions.map((seal) => (
                    <li key={seal.edition}>
                      {t('cSup.ru.edition', { edition: seal.edition })}{' '}
                      <DateText date={seal.publishedAt.slice(0, 10)} />
                    </li>
                  ))}
                </ol>
                <a href={`/agencies/${encodeURIComponent(props.agencyId)}/roll-ups/${props.year}`}>
                  {t('cSup.ru.read')}
                </a>
              </>
            ),
          ],
        ]}
      />
      {!props.may.yearEnded ? (
        <p>{t('cSup.ru.yearRunning', { year: props.year, next: props.year + 1 })}</p>
      ) : !props.may.publish ? (
        <p>{t('cSup.ru.notYours')}</p>
      ) : (
        <PostForm action={ROLL_UP_HREF} label={t('cSup.ru.publish', { edition: next })}>
          <input type="hidden" name="year" value={String(props.year)} />
          <input type="hidden" name="version" value={String(props.version)} />
          <p class="hint">{t('cSup.ru.publishHint')}</p>
          <div class="actions">
            <Button>{t('cSup.ru.publish', { edition: next })}</Button>
          </div>
        </PostForm>
      )}
      <p>{t('cSup.ru.preview')}</p>
      <div class="report-frame" dangerouslySetInnerHTML={{ __html: props.body }} />
    </>
  );
}
