import * as z from 'zod';
import { LegalChallengeInput, LegalChallengeOutcome, type LegalChallenge } from '#lib/domain/annual-report';
import type { FieldError as DomainFieldError } from '#lib/domain/errors';
import {
  Button,
  DateText,
  ErrorSummary,
  Notice,
  Pagination,
  PostForm,
  Radios,
  SummaryList,
  TextField,
  type FieldError,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import type { MessageKey, Translate } from '../../messages/catalogue';
import { optional } from '../../pages/follow/form-errors';
import { HeldNotice } from '../held';
import type { HeldForm } from '../session';

/**
 * Reconsiderations and lawsuits about the agency's disclosure work (政府信息公开行政复议、行政诉讼): what
 * table 四 of the annual report counts — each case in the year it was concluded, by result, and as 尚未审结
 * while pending at the year's end. Recorded when filed, its outcome when known.
 */
export const CHALLENGES_HREF = '/console/annual-reports/legal-challenges';
export const challengeHref = (id: string): string => `${CHALLENGES_HREF}/${id}`;

type Kind = LegalChallenge['kind'];
type Outcome = LegalChallenge['outcome'];
export const KIND_WORDS: Readonly<Record<Kind, MessageKey>> = {
  reconsideration: 'cRep.t4.reconsideration',
  litigation_direct: 'cRep.t4.litigationDirect',
  litigation_after_reconsideration: 'cRep.t4.litigationAfterReconsideration',
};
export const OUTCOME_WORDS: Readonly<Record<Outcome, MessageKey>> = {
  upheld: 'cRep.t4.upheld',
  corrected: 'cRep.t4.corrected',
  other: 'cRep.t4.other',
  pending: 'cRep.t4.pending',
};

export const ChallengeListQuery = z.object({
  nextToken: z.string().min(1).max(2048).optional().catch(undefined),
  format: z.enum(['csv']).optional().catch(undefined),
});

/** The form's words for a problem with a field, from the domain's schema or its date rule. */
function challengeWords(field: string, message: string, blank: boolean): MessageKey {
  if (field === 'kind') return 'cRep.lc.kind.empty';
  if (field === 'outcome') return 'cRep.lc.outcome.empty';
  if (field === 'caseNumber') return 'cRep.lc.caseNumber.invalid';
  if (field === 'trackingNumber') return 'cRep.lc.trackingNumber.invalid';
  if (field === 'version') return 'cRep.figures.version';
  if (message.includes('required with an outcome')) return 'cRep.lc.concludedOn.required';
  if (message.includes('absent while')) return 'cRep.lc.concludedOn.pending';
  if (message.includes('after today')) return 'cRep.lc.date.future';
  if (message.includes('before the filing')) return 'cRep.lc.concludedOn.beforeFiling';
  return blank ? 'cRep.lc.date.empty' : 'cRep.lc.date.invalid';
}

/** Problems in the form's order, one per field. */
export function challengeErrors(
  problems: readonly DomainFieldError[],
  get: (name: string) => string | undefined,
  t: Translate,
): FieldError[] {
  const order = ['kind', 'filedOn', 'caseNumber', 'trackingNumber', 'outcome', 'concludedOn', 'version'];
  const found = new Map<string, string>();
  for (const problem of problems) {
    const field = problem.path.replace(/^body\./, '');
    if (found.has(field)) continue;
    found.set(field, t(challengeWords(field, problem.message, optional(get(field)) === undefined)));
  }
  return order.flatMap((field) => {
    const message = found.get(field);
    return message === undefined ? [] : [{ field, message }];
  });
}

const issuesOf = (error: z.ZodError): DomainFieldError[] =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.') || 'kind', message: issue.message }));

/** The new case as posted, or its problems. */
export function readChallenge(get: (name: string) => string | undefined, t: Translate) {
  const parsed = LegalChallengeInput.safeParse({
    kind: optional(get('kind')),
    filedOn: optional(get('filedOn')),
    caseNumber: optional(get('caseNumber')),
    trackingNumber: optional(get('trackingNumber'))?.trim(),
    outcome: optional(get('outcome')),
    concludedOn: optional(get('concludedOn')),
  });
  return parsed.success
    ? ({ ok: true, input: parsed.data } as const)
    : ({ ok: false, errors: challengeErrors(issuesOf(parsed.error), get, t) } as const);
}

/** A case's outcome as posted, or its problems. */
export function readOutcome(get: (name: string) => string | undefined, t: Translate) {
  const version = Number(get('version'));
  const parsed = LegalChallengeOutcome.safeParse({
    version: Number.isInteger(version) ? version : undefined,
    outcome: optional(get('outcome')),
    concludedOn: optional(get('concludedOn')),
  });
  return parsed.success
    ? ({ ok: true, input: parsed.data } as const)
    : ({ ok: false, errors: challengeErrors(issuesOf(parsed.error), get, t) } as const);
}

export function ChallengesPage(props: {
  items: readonly LegalChallenge[];
  nextToken: string | null;
  firstPage: boolean;
  mayRecord: boolean;
  form: { values?: FormValues | undefined; errors?: FormErrors | undefined };
  held: HeldForm | undefined;
  query: Readonly<Record<string, string | undefined>>;
}) {
  const { t } = usePage();
  const errors = props.form.errors ?? [];
  return (
    <>
      <ErrorSummary errors={errors} />
      <HeldNotice held={props.held} query={props.query} />
      <h1>{t('cRep.lc.title')}</h1>
      <p class="lead">{t('cRep.lc.lead')}</p>
      <p class="actions">
        <a href={`${CHALLENGES_HREF}?format=csv`} download="">
          {t('cRep.lc.csv')}
        </a>
      </p>
      {props.items.length === 0 ? (
        <p>{t('cRep.lc.none')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <caption>{t('cRep.lc.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cRep.lc.kind')}</th>
                <th scope="col">{t('cRep.lc.caseNumber')}</th>
                <th scope="col">{t('cRep.lc.filedOn')}</th>
                <th scope="col">{t('cRep.lc.outcome')}</th>
                <th scope="col">{t('cRep.lc.concludedOn')}</th>
              </tr>
            </thead>
            <tbody>
              {props.items.map((challenge) => (
                <tr key={challenge.id}>
                  <td>
                    <a href={challengeHref(challenge.id)}>{t(KIND_WORDS[challenge.kind])}</a>
                  </td>
                  <td>{challenge.caseNumber ?? t('cRep.none')}</td>
                  <td>
                    <DateText date={challenge.filedOn} />
                  </td>
                  <td>
                    <span class={`tag ${challenge.outcome === 'pending' ? 'amber' : 'green'}`}>
                      {t(OUTCOME_WORDS[challenge.outcome])}
                    </span>
                  </td>
                  <td>
                    {challenge.concludedOn === undefined ? (
                      t('cRep.none')
                    ) : (
                      <DateText date={challenge.concludedOn} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        nextHref={
          props.nextToken === null
            ? undefined
            : `${CHALLENGES_HREF}?nextToken=${encodeURIComponent(props.nextToken)}`
        }
        firstHref={props.firstPage ? undefined : CHALLENGES_HREF}
      />
      {props.mayRecord ? (
        <>
          <h2 id="record">{t('cRep.lc.record')}</h2>
          <PostForm action={CHALLENGES_HREF} label={t('cRep.lc.record')}>
            <Radios
              name="kind"
              label={t('cRep.lc.kind')}
              value={props.form.values?.kind}
              errors={errors}
              choices={(Object.keys(KIND_WORDS) as Kind[]).map((kind) => ({
                value: kind,
                label: t(KIND_WORDS[kind]),
              }))}
            />
            <TextField
              name="filedOn"
              type="date"
              label={t('cRep.lc.filedOn')}
              hint={t('cRep.lc.filedOn.hint')}
              value={props.form.values?.filedOn}
              errors={errors}
              short
            />
            <TextField
              name="caseNumber"
              label={t('cRep.lc.caseNumber')}
              hint={t('cRep.lc.caseNumber.hint')}
              value={props.form.values?.caseNumber}
              errors={errors}
              optional
            />
            <TextField
              name="trackingNumber"
              label={t('cRep.lc.trackingNumber')}
              hint={t('cRep.lc.trackingNumber.hint')}
              value={props.form.values?.trackingNumber}
              errors={errors}
              optional
              short
            />
            <OutcomeFields values={props.form.values} errors={errors} />
            <Button>{t('cRep.lc.record.submit')}</Button>
          </PostForm>
        </>
      ) : (
        <p>{t('cRep.lc.notYours')}</p>
      )}
      <p>
        <a href="/console/annual-reports">{t('cRep.lc.back')}</a>
      </p>
    </>
  );
}

function OutcomeFields(props: { values: FormValues | undefined; errors: FormErrors }) {
  const { t } = usePage();
  return (
    <>
      <Radios
        name="outcome"
        label={t('cRep.lc.outcome')}
        value={props.values?.outcome ?? 'pending'}
        errors={props.errors}
        choices={(Object.keys(OUTCOME_WORDS) as Outcome[]).map((outcome) => ({
          value: outcome,
          label: t(OUTCOME_WORDS[outcome]),
        }))}
      />
      <TextField
        name="concludedOn"
        type="date"
        label={t('cRep.lc.concludedOn')}
        hint={t('cRep.lc.concludedOn.hint')}
        value={props.values?.concludedOn}
        errors={props.errors}
        optional
        short
      />
    </>
  );
}

export function ChallengePage(props: {
  challenge: LegalChallenge;
  mayRecord: boolean;
  form: { values?: FormValues | undefined; errors?: FormErrors | undefined; conflict?: boolean };
  held: HeldForm | undefined;
  query: Readonly<Record<string, string | undefined>>;
}) {
  const { t } = usePage();
  const { challenge } = props;
  const errors = props.form.errors ?? [];
  const values = props.form.values ?? {
    outcome: challenge.outcome,
    concludedOn: challenge.concludedOn,
  };
  return (
    <>
      <ErrorSummary errors={errors} />
      <HeldNotice held={props.held} query={props.query} />
      {props.query.done === 'recorded' || props.query.done === 'outcome' ? (
        <Notice kind="success">
          <p>{t(props.query.done === 'recorded' ? 'cRep.lc.done.recorded' : 'cRep.lc.done.outcome')}</p>
        </Notice>
      ) : null}
      {props.form.conflict ? (
        <Notice kind="warning">
          <p>{t('cRep.conflict')}</p>
        </Notice>
      ) : null}
      <h1>
        {t(KIND_WORDS[challenge.kind])}
        {challenge.caseNumber === undefined ? null : ` ${challenge.caseNumber}`}
      </h1>
      <SummaryList
        rows={[
          [t('cRep.lc.kind'), t(KIND_WORDS[challenge.kind])],
          [t('cRep.lc.caseNumber'), challenge.caseNumber],
          [t('cRep.lc.trackingNumber'), challenge.trackingNumber],
          [t('cRep.lc.filedOn'), <DateText date={challenge.filedOn} />],
          [t('cRep.lc.outcome'), t(OUTCOME_WORDS[challenge.outcome])],
          [
            t('cRep.lc.concludedOn'),
            challenge.concludedOn === undefined ? undefined : <DateText date={challenge.concludedOn} />,
          ],
        ]}
      />
      {props.mayRecord ? (
        <>
          <h2>{t('cRep.lc.outcome.title')}</h2>
          <PostForm action={challengeHref(challenge.id)} label={t('cRep.lc.outcome.title')}>
            <p class="hint">{t('cRep.lc.outcome.lead')}</p>
            <input type="hidden" name="version" value={String(challenge.version)} />
            <OutcomeFields values={values} errors={errors} />
            <Button>{t('cRep.lc.outcome.submit')}</Button>
          </PostForm>
        </>
      ) : null}
      <p>
        <a href={CHALLENGES_HREF}>{t('cRep.lc.backToList')}</a>
      </p>
    </>
  );
}

/** The list as spreadsheet rows. */
export function challengeCsvRows(items: readonly LegalChallenge[], t: Translate): string[][] {
  return [
    [
      t('cRep.lc.kind'),
      t('cRep.lc.caseNumber'),
      t('cRep.lc.trackingNumber'),
      t('cRep.lc.filedOn'),
      t('cRep.lc.outcome'),
      t('cRep.lc.concludedOn'),
    ],
    ...items.map((challenge) => [
      t(KIND_WORDS[challenge.kind]),
      challenge.caseNumber ?? '',
      challenge.trackingNumber ?? '',
      challenge.filedOn,
      t(OUTCOME_WORDS[challenge.outcome]),
      challenge.concludedOn ?? '',
    ]),
  ];
}
