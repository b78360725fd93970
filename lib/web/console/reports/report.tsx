import { COLUMNS, type AnnualReport, type Figures } from '#lib/domain/annual-report';
import type { IsoDate } from '#lib/domain/calendar/civil-date';
import type { FieldError } from '#lib/domain/errors';
import {
  Button,
  DateText,
  ErrorSummary,
  Notice,
  PostForm,
  SummaryList,
  TextArea,
  TextField,
  TimeText,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { MessageKey } from '../../messages/catalogue';
import { HeldNotice } from '../held';
import type { HeldForm } from '../session';
import { DraftTables } from './draft';
import { FIGURE_FIELDS, figureValues, IN_FORCE_FIELDS, inForceField, pendingField } from './forms';
import {
  COLUMN_WORDS,
  NARRATIVE_HEADINGS,
  NARRATIVE_SECTIONS,
  placeCheck,
  reportDue,
  reportHref,
  type PlacedCheck,
} from './words';
import { DueTag, StateText } from './years';

/** The report as the draft page reads it: its content, status, editions and the checks that fail. */
export type DraftView = AnnualReport & { readonly checks: readonly FieldError[] };

/** What the person may do on the page (the route table's roles for each action). */
export type ReportPowers = {
  readonly figures: boolean;
  readonly draft: boolean;
  readonly narrative: boolean;
  readonly publish: boolean;
};

/** A form answered again: its input and problems, or the record changed under it. */
export type FormState = {
  readonly values?: FormValues | undefined;
  readonly errors?: FormErrors | undefined;
  readonly conflict?: boolean | undefined;
};

const DONE: Readonly<Record<string, MessageKey>> = {
  figures: 'cRep.done.figures',
  drafted: 'cRep.done.drafted',
  narrative: 'cRep.done.narrative',
  published: 'cRep.done.published',
};

export const figuresAction = (year: number) => `${reportHref(year)}/figures`;
export const draftAction = (year: number) => `${reportHref(year)}/draft`;
export const narrativeAction = (year: number) => `${reportHref(year)}/narrative`;
export const publicationHref = (year: number) => `${reportHref(year)}/publication`;
export const previewHref = (year: number) => `${reportHref(year)}/preview`;

/**
 * A year's annual report at work: where it stands against its cutoff; the figures the counters cannot
 * know (entered by hand); the draft's tables from the counters with every failing check written at its
 * cell and linked from the summary at the top; the narrative sections; the preview in the national
 * format; publication for an approver; and every edition published.
 */
export function ReportPage(props: {
  agencyId: string;
  year: number;
  today: IsoDate;
  cutoff: IsoDate;
  yearEnded: boolean;
  figures: Figures;
  draft: DraftView | null;
  powers: ReportPowers;
  forms: { figures?: FormState; narrative?: FormState };
  held: HeldForm | undefined;
  query: Readonly<Record<string, string | undefined>>;
}) {
  const { t } = usePage();
  const { year, draft, powers } = props;
  const checks: PlacedCheck[] =
    draft === null || draft.status === 'published' ? [] : draft.checks.map((check) => placeCheck(check, t));
  const formErrors = [...(props.forms.figures?.errors ?? []), ...(props.forms.narrative?.errors ?? [])];
  const summary = [
    ...formErrors,
    ...checks.map((check) => ({ field: check.field, message: `${check.where}：${check.text}` })),
  ];
  const done = props.query.done === undefined ? undefined : DONE[props.query.done];
  const due = reportDue({ cutoff: props.cutoff, yearEnded: props.yearEnded, report: draft }, props.today);
  return (
    <>
      <ErrorSummary errors={summary} />
      <HeldNotice held={props.held} query={props.query} />
      {done === undefined ? null : (
        <Notice kind="success">
          <p>{t(done)}</p>
        </Notice>
      )}
      {props.forms.figures?.conflict || props.forms.narrative?.conflict ? (
        <Notice kind="warning">
          <p>{t('cRep.conflict')}</p>
        </Notice>
      ) : null}
      <h1>{t('cRep.report.title', { year })}</h1>
      <SummaryList
        rows={[
          [
            t('cRep.list.state'),
            <StateText entry={{ figuresVersion: props.figures.version, report: draft }} />,
          ],
          [
            t('cRep.list.cutoff'),
            <>
              <DateText date={props.cutoff} /> <DueTag due={due} />
            </>,
          ],
          [t('cRep.report.draftedAt'), draft === null ? t('cRep.none') : <TimeText at={draft.draftedAt} />],
          [
            t('cRep.list.checks'),
            draft === null || draft.status === 'published'
              ? t('cRep.none')
              : checks.length === 0
                ? t('cRep.checks.pass')
                : t('cRep.checks.fail', { count: checks.length }),
          ],
        ]}
      />
      {draft === null ? null : (
        <p class="actions">
          <a href={previewHref(year)}>{t('cRep.preview.link')}</a>
          {powers.publish && draft.status === 'draft' ? (
            <a href={publicationHref(year)} class="button">
              {t('cRep.publish.link', { edition: draft.seals.length + 1 })}
            </a>
          ) : null}
        </p>
      )}

      <h2 id="figures">{t('cRep.figures.title')}</h2>
      <FiguresSection year={year} figures={props.figures} powers={powers} form={props.forms.figures} />

      <h2 id="draft">{t('cRep.draft.title')}</h2>
      <DraftSection year={year} draft={draft} powers={powers} checks={checks} />

      {draft === null ? null : (
        <>
          <h2 id="narrative">{t('cRep.narrative.title')}</h2>
          <NarrativeSection
            year={year}
            draft={draft}
            powers={powers}
            form={props.forms.narrative}
            checks={checks}
          />
          <h2 id="editions">{t('cRep.editions.title')}</h2>
          <Editions agencyId={props.agencyId} year={year} draft={draft} />
        </>
      )}
    </>
  );
}

function FiguresSection(props: {
  year: number;
  figures: Figures;
  powers: ReportPowers;
  form: FormState | undefined;
}) {
  const { t } = usePage();
  const values = props.form?.values ?? figureValues(props.figures);
  const errors = props.form?.errors ?? [];
  const words: Readonly<Record<(typeof FIGURE_FIELDS)[number], MessageKey>> = {
    licensing: 'cRep.figures.licensing',
    penalties: 'cRep.figures.penalties',
    enforcement: 'cRep.figures.enforcement',
    feeIncomeTenThousandYuan: 'cRep.figures.feeIncome',
  };
  if (!props.powers.figures)
    return (
      <SummaryList
        rows={FIGURE_FIELDS.map((name) => [t(words[name]), String(props.figures[name])] as const)}
      />
    );
  return (
    <PostForm action={figuresAction(props.year)} label={t('cRep.figures.title')}>
      <p class="hint">{t('cRep.figures.lead')}</p>
      <input type="hidden" name="version" value={values.version ?? '0'} />
      <fieldset>
        <legend>{t('cRep.figures.proactive')}</legend>
        <div class="columns">
          {FIGURE_FIELDS.map((name) => (
            <TextField
              key={name}
              name={name}
              label={t(words[name])}
              value={values[name]}
              errors={errors}
              short
              inputMode={name === 'feeIncomeTenThousandYuan' ? 'text' : 'numeric'}
              {...(name === 'feeIncomeTenThousandYuan' ? { hint: t('cRep.figures.feeIncome.hint') } : {})}
            />
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('cRep.figures.opening')}</legend>
        <p class="hint">{t('cRep.figures.opening.hint')}</p>
        <div class="columns">
          {IN_FORCE_FIELDS.map((kind) => (
            <TextField
              key={kind}
              name={inForceField(kind)}
              label={t(kind === 'rules' ? 'cRep.figures.inForce.rules' : 'cRep.figures.inForce.normative')}
              value={values[inForceField(kind)]}
              errors={errors}
              short
              optional
              inputMode="numeric"
            />
          ))}
          {COLUMNS.map((column) => (
            <TextField
              key={column}
              name={pendingField(column)}
              label={t('cRep.figures.pending', { column: t(COLUMN_WORDS[column] ?? 'cRep.column.other') })}
              value={values[pendingField(column)]}
              errors={errors}
              short
              optional
              inputMode="numeric"
            />
          ))}
        </div>
      </fieldset>
      <Button>{t('cRep.figures.submit')}</Button>
    </PostForm>
  );
}

function DraftSection(props: {
  year: number;
  draft: DraftView | null;
  powers: ReportPowers;
  checks: readonly PlacedCheck[];
}) {
  const { t } = usePage();
  const { draft } = props;
  const published = draft !== null && draft.status === 'published';
  return (
    <>
      <p class="hint">{t(draft === null ? 'cRep.draft.none' : 'cRep.draft.lead')}</p>
      {props.powers.draft ? (
        <PostForm action={draftAction(props.year)} label={t('cRep.draft.title')}>
          {published ? <p class="hint">{t('cRep.draft.correction')}</p> : null}
          <Button variant={draft === null ? undefined : 'secondary'}>
            {t(draft === null ? 'cRep.draft.create' : published ? 'cRep.draft.correct' : 'cRep.draft.redo')}
          </Button>
        </PostForm>
      ) : null}
      {draft === null ? null : (
        <>
          {props.checks.length > 0 ? (
            <p>
              <strong>{t('cRep.checks.fail', { count: props.checks.length })}</strong>{' '}
              {t('cRep.checks.where')}
            </p>
          ) : null}
          <DraftTables content={draft.content} checks={props.checks} />
        </>
      )}
    </>
  );
}

function NarrativeSection(props: {
  year: number;
  draft: DraftView;
  powers: ReportPowers;
  form: FormState | undefined;
  checks: readonly PlacedCheck[];
}) {
  const { t } = usePage();
  const current = props.draft.content.narrative;
  const values: FormValues = props.form?.values ?? {
    version: String(props.draft.version),
    ...current,
  };
  // The checks of an empty section are shown at its text area, after any problem with what was typed.
  const errors = [
    ...(props.form?.errors ?? []),
    ...props.checks
      .filter((check) => (NARRATIVE_SECTIONS as readonly string[]).includes(check.field))
      .map((check) => ({ field: check.field, message: check.text })),
  ];
  if (!props.powers.narrative)
    return (
      <SummaryList
        rows={NARRATIVE_SECTIONS.map(
          (name) =>
            [
              t(NARRATIVE_HEADINGS[name]),
              <span class="pre">{current[name] || t('cRep.none')}</span>,
            ] as const,
        )}
      />
    );
  return (
    <PostForm action={narrativeAction(props.year)} label={t('cRep.narrative.title')}>
      <p class="hint">
        {t(props.draft.status === 'published' ? 'cRep.narrative.correction' : 'cRep.narrative.lead')}
      </p>
      <input type="hidden" name="version" value={values.version ?? String(props.draft.version)} />
      {NARRATIVE_SECTIONS.map((name) => (
        <TextArea
          key={name}
          name={name}
          label={t(NARRATIVE_HEADINGS[name])}
          hint={t(`cRep.narrative.${name}.hint`)}
          value={values[name]}
          errors={errors}
          maxLength={20000}
          rows={8}
        />
      ))}
      <Button>{t('cRep.narrative.submit')}</Button>
    </PostForm>
  );
}

function Editions(props: { agencyId: string; year: number; draft: DraftView }) {
  const { t } = usePage();
  const seals = props.draft.seals;
  if (seals.length === 0) return <p>{t('cRep.editions.none')}</p>;
  const inForce = seals.at(-1)?.edition;
  return (
    <>
      <p class="hint">{t('cRep.editions.lead')}</p>
      <ol reversed class="list">
        {[...seals].reverse().map((seal) => (
          <li key={seal.edition}>
            <p>
              <a href={`/agencies/${props.agencyId}/annual-reports/${props.year}?edition=${seal.edition}`}>
                {t('cRep.editions.edition', { edition: seal.edition })}
              </a>{' '}
              {seal.edition === inForce ? (
                <span class="tag green">
                  {t(
                    props.draft.status === 'published'
                      ? 'cRep.editions.inForce'
                      : 'cRep.editions.inForceCorrecting',
                  )}
                </span>
              ) : (
                <span class="tag">{t('cRep.editions.replaced')}</span>
              )}
            </p>
            <p class="meta">
              {t('cRep.editions.publishedAt')} <TimeText at={seal.publishedAt} />
            </p>
            <p class="meta hash">SHA-256 {seal.sha256}</p>
          </li>
        ))}
      </ol>
    </>
  );
}
