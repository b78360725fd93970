import { catalogueOf, reviewChainOf, type Agency } from '#lib/domain/agency';
import { chinaDateOf } from '#lib/domain/china-time';
import {
  ForbiddenError,
  RuleViolationError,
  VersionConflictError,
  WrongStateError,
} from '#lib/domain/errors';
import { SECRECY_RISKS, type ReviewStep } from '#lib/domain/submission/review-chain';
import {
  ReviewInput,
  reviewRefusal,
  waitingStep,
  type ReviewRefusal,
} from '#lib/domain/submission/submission';
import type { Principal } from '#lib/domain/staff';
import { getSubmission, reviewQueue, reviewSubmission, type ProactiveDeps } from '#lib/use-cases/proactive';
import {
  Button,
  ErrorSummary,
  fieldId,
  Notice,
  Pagination,
  PostForm,
  Radios,
  TextArea,
  type FormErrors,
  type FormValues,
} from '../../components';
import { usePage } from '../../context';
import { FormFiles } from '../../form-files';
import type { MessageKey, Translate } from '../../messages/catalogue';
import type { FormFields, PageAnswer, PageHandler, PageRequest } from '../../page-function';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { heldValues, HeldNotice } from '../held';
import { exportAll, pageAfter } from './listing';
import { readPostedFiles, storeNamedFiles } from './posted';
import {
  agencyOf,
  AreaNav,
  categoryName,
  consolePageAnswer,
  DocumentDetails,
  DoneNotice,
  DueDate,
  notFound,
  paths,
  RedactedVersionView,
  refusalPage,
  Signatures,
  StatusTag,
} from './shared';

type SubmissionView = Awaited<ReturnType<typeof getSubmission>>;

/**
 * Review (审核): the queue of items waiting at a step the signed-in person's roles sign, and the page of
 * each step — the document, its files, the redacted version and the earlier opinions, and the form to
 * approve or return with reasons; at the secrecy review (保密审查) the checklist of risks, each answered,
 * the outcome and, to redact, the version to publish instead. The last approval (终审) publishes. Whoever
 * submitted, edited or sent the item, or signed another step of it, is told why and offered no form; a
 * form posted anyway is refused with a page (403).
 */
export function reviewPages(deps: ProactiveDeps): {
  'GET /console/reviews': PageHandler<'GET /console/reviews'>;
  'GET /console/reviews/{submissionId}': PageHandler<'GET /console/reviews/{submissionId}'>;
  'POST /console/reviews/{submissionId}': PageHandler<'POST /console/reviews/{submissionId}'>;
} {
  return {
    'GET /console/reviews': async ({ session, query, t, now }) => {
      const { principal } = session;
      const agency = await agencyOf(deps, session.principal);
      const mine = reviewChainOf(agency).filter((step) => principal.roles.has(step.role));
      const asked = query.step === undefined || query.step === '' ? undefined : query.step;
      const steps = asked === undefined ? mine : mine.filter((step) => step.id === asked);
      if (asked !== undefined && steps.length === 0) throw notFound();
      const read = (step: ReviewStep) => (page: { limit: number; nextToken?: string | undefined }) =>
        reviewQueue(deps, principal, agency.agencyId, { step: step.id, ...page });
      const catalogue = catalogueOf(agency);
      const [only] = steps;
      if (query.format === 'csv' && only !== undefined && asked !== undefined) {
        const items = await exportAll(read(only));
        return {
          kind: 'download',
          filename: `${t('cPro.csv.reviews')}-${only.id}.csv`,
          contentType: CSV_CONTENT_TYPE,
          body: toCsv([
            [
              t('cPro.field.title'),
              t('cPro.field.documentNumber'),
              t('cPro.field.category'),
              t('cPro.reviews.step'),
              t('cPro.publicationDue'),
              t('cPro.list.submittedBy'),
              t('cPro.reviews.mayI'),
            ],
            ...items.map((item) => [
              item.content.title,
              item.content.documentNumber ?? null,
              categoryName(catalogue, item.content.category),
              only.label,
              item.publicationDueDate,
              item.submittedBy.name ?? item.submittedBy.staffId,
              t(refusalText(reviewRefusal(item, principal))),
            ]),
          ]),
        };
      }
      // One step asked: its pages by key. None: the first page of every step the person signs.
      const queues = await Promise.all(
        steps.map(async (step) => ({
          step,
          page: await read(step)(asked === undefined ? pageAfter(undefined) : pageAfter(query.after)),
        })),
      );
      const title = t('cPro.reviews.title');
      return consolePageAnswer({
        title,
        crumbs: [{ label: t('console.nav.proactive'), href: paths.submissions() }, { label: title }],
        body: (
          <>
            <h1>{title}</h1>
            <AreaNav current="reviews" />
            <DoneNotice done={query.done} messages={REVIEW_DONE} />
            {mine.length === 0 ? <p>{t('cPro.reviews.noSteps')}</p> : null}
            {asked !== undefined && mine.length > 1 ? (
              <p>
                <a href={paths.reviews()}>{t('cPro.reviews.everyStep')}</a>
              </p>
            ) : null}
            {queues.map(({ step, page }) => (
              <section key={step.id} aria-labelledby={`queue-${step.id}`}>
                <h2 id={`queue-${step.id}`}>{t('cPro.reviews.at', { step: step.label })}</h2>
                <QueueTable
                  items={page.items}
                  principal={principal}
                  catalogue={catalogue}
                  today={chinaDateOf(now)}
                />
                {asked === undefined ? (
                  page.nextToken === null ? null : (
                    <p>
                      <a href={paths.reviews({ step: step.id })}>
                        {t('cPro.reviews.more', { step: step.label })}
                      </a>
                    </p>
                  )
                ) : (
                  <Pagination
                    nextHref={
                      page.nextToken ? paths.reviews({ step: step.id, after: page.nextToken }) : undefined
                    }
                    firstHref={query.after ? paths.reviews({ step: step.id }) : undefined}
                  />
                )}
                <p class="actions">
                  <a href={paths.reviews({ step: step.id, format: 'csv' })} download>
                    {t('cPro.csv.exportStep', { step: step.label })}
                  </a>
                  <a href={paths.submissions({ state: `review-${step.id}` })}>
                    {t('cPro.reviews.allAtStep')}
                  </a>
                </p>
              </section>
            ))}
          </>
        ),
      });
    },

    'GET /console/reviews/{submissionId}': async ({ session, params, held, query, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const submission = await getSubmission(deps, agency.agencyId, params.submissionId);
      const action = paths.review(submission.id);
      return reviewPage({
        t,
        status: 200,
        agency,
        principal: session.principal,
        submission,
        values: heldValues(held, action) ?? { redactedBody: submission.content.body },
        errors: [],
        held,
        query,
        today: chinaDateOf(now),
      });
    },

    'POST /console/reviews/{submissionId}': async ({ session, params, form, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const { principal } = session;
      const submission = await getSubmission(deps, agency.agencyId, params.submissionId);
      const step = waitingStep(submission);
      const again = (status: number, shown: SubmissionView, errors: FormErrors, moved = false) =>
        reviewPage({
          t,
          status,
          agency,
          principal,
          submission: shown,
          values: valuesOfForm(form),
          errors,
          query: {},
          moved,
          filesDropped: form.files('redactedFiles').length > 0,
          today: chinaDateOf(now),
        });
      if (step === undefined || form.get('step') !== step.id) return again(409, submission, [], true);
      const refusal = reviewRefusal(submission, principal);
      if (refusal !== undefined && refusal !== 'not_in_review') return refusedReview(t, submission, refusal);
      const read = await readReview(deps, form, step, submission);
      if (read.input === undefined)
        return again(
          422,
          submission,
          read.problems.map((problem) => ({ field: problem.field, message: reviewMessage(t, problem) })),
        );
      try {
        const signed = await reviewSubmission(
          deps,
          principal,
          agency.agencyId,
          submission.id,
          read.input,
          now,
        );
        if (signed.status === 'published' && signed.publicationId !== null)
          return {
            kind: 'redirect',
            location: paths.publication(signed.publicationId, { done: 'published' }),
          };
        return {
          kind: 'redirect',
          location: paths.reviews({
            step: step.id,
            done:
              read.input.verdict === 'approve'
                ? signed.status === 'recorded'
                  ? 'recorded'
                  : 'approved'
                : 'returned',
          }),
        };
      } catch (error) {
        if (error instanceof ForbiddenError) {
          const now = reviewRefusal(submission, principal);
          return refusedReview(t, submission, now === undefined || now === 'not_in_review' ? 'role' : now);
        }
        if (error instanceof VersionConflictError || error instanceof WrongStateError)
          return again(409, await getSubmission(deps, agency.agencyId, submission.id), [], true);
        if (!(error instanceof RuleViolationError)) throw error;
        const problems = problemsOfReviewRefusal(
          error.code,
          error.errors.map((e) => e.path),
        );
        if (problems.length === 0) throw error;
        return again(
          422,
          submission,
          problems.map((problem) => ({ field: problem.field, message: reviewMessage(t, problem) })),
        );
      }
    },
  };
}

const REVIEW_DONE = {
  approved: 'cPro.done.approved',
  returned: 'cPro.done.returned',
  recorded: 'cPro.done.recorded',
} as const;

const refusalText = (refusal: ReviewRefusal | undefined): MessageKey =>
  refusal === undefined ? 'cPro.reviews.mayI.yes' : `cPro.reviews.mayI.${refusal}`;

function QueueTable({
  items,
  principal,
  catalogue,
  today,
}: {
  items: readonly SubmissionView[];
  principal: Principal;
  catalogue: Parameters<typeof categoryName>[0];
  today: string;
}) {
  const { t } = usePage();
  if (items.length === 0) return <p class="muted">{t('cPro.reviews.none')}</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption class="visually-hidden">{t('cPro.reviews.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('cPro.field.title')}</th>
            <th scope="col">{t('cPro.field.category')}</th>
            <th scope="col">{t('cPro.publicationDue')}</th>
            <th scope="col">{t('cPro.list.submittedBy')}</th>
            <th scope="col">{t('cPro.reviews.mayI')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const refusal = reviewRefusal(item, principal);
            return (
              <tr key={item.id}>
                <td>
                  <a href={paths.review(item.id)}>{item.content.title}</a>
                </td>
                <td>{categoryName(catalogue, item.content.category)}</td>
                <td>
                  <DueDate submission={item} today={today} />
                </td>
                <td>{item.submittedBy.name ?? item.submittedBy.staffId}</td>
                <td>
                  <span class={refusal === undefined ? 'tag blue' : 'tag'}>{t(refusalText(refusal))}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

// --- The form ----------------------------------------------------------------------------------------

const RISK_FIELD = (risk: string) => `risk-${risk}`;
type ReviewField =
  | 'verdict'
  | 'opinion'
  | `risk-${(typeof SECRECY_RISKS)[number]}`
  | 'outcome'
  | 'redactedBody'
  | 'redactedFiles';
/** The domain's refusals of a review the form words itself (the secrecy review's rules). */
const REVIEW_RULES = [
  'secrecy-conclusion-missing',
  'secrecy-unsure-refers-upward',
  'refer-upward-holds',
  'secrecy-unresolved',
  'redacted-version-missing',
  'secrecy-conclusion-misplaced',
] as const;
type ReviewRule = (typeof REVIEW_RULES)[number];
type ReviewProblem = {
  readonly field: ReviewField;
  readonly reason:
    'missing' | 'tooLong' | 'invalid' | 'type' | 'tooLarge' | 'tooMany' | 'notStored' | ReviewRule;
  readonly values?: Readonly<Record<string, string | number>>;
};

function valuesOfForm(form: FormFields): FormValues {
  return {
    ...form.values,
    ...Object.fromEntries(form.getAll('keepOriginal').map((number) => [`keepOriginal-${number}`, 'yes'])),
  };
}

const blank = (value: string | undefined) => (value === undefined || value.trim() === '' ? undefined : value);

/** The form read into the domain's `ReviewInput` (with the redacted version's files stored), or the problems. */
async function readReview(
  deps: ProactiveDeps,
  form: FormFields,
  step: ReviewStep,
  submission: SubmissionView,
): Promise<{ input: ReviewInput; problems: [] } | { input: undefined; problems: ReviewProblem[] }> {
  const problems: ReviewProblem[] = [];
  const verdict = blank(form.get('verdict'));
  const secrecyStep = step.kind === 'secrecy_review';
  const outcome = blank(form.get('outcome'));
  const risks = Object.fromEntries(SECRECY_RISKS.map((risk) => [risk, blank(form.get(RISK_FIELD(risk)))]));
  const redacting = secrecyStep && verdict === 'approve' && outcome === 'redact';
  const candidate = {
    step: step.id,
    verdict,
    opinion: form.get('opinion') ?? '',
    ...(secrecyStep ? { secrecy: { risks, outcome } } : {}),
  };
  const parsed = ReviewInput.safeParse(candidate);
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String);
      const field = reviewFieldOf(path);
      if (field === undefined) continue;
      const value = field === 'redactedFiles' ? 'file' : form.get(field);
      problems.push({
        field,
        reason: blank(value) === undefined ? 'missing' : issue.code === 'too_big' ? 'tooLong' : 'invalid',
        values: issue.code === 'too_big' ? { max: Number(issue.maximum) } : {},
      });
    }
  const chosen = redacting ? form.files('redactedFiles') : [];
  const posted = await readPostedFiles({ redactedFiles: chosen });
  if (posted.files === undefined) problems.push(...posted.problems);
  const redactedBody = form.get('redactedBody') ?? '';
  if (redacting && redactedBody.trim() === '') problems.push({ field: 'redactedBody', reason: 'missing' });
  if (!parsed.success || problems.length > 0 || posted.files === undefined)
    return { input: undefined, problems: ordered(problems) };
  if (!redacting) return { input: parsed.data, problems: [] };
  const kept = new Set(form.getAll('keepOriginal'));
  const attachments = [
    ...submission.content.attachments.filter((_, index) => kept.has(String(index + 1))),
    ...(await storeNamedFiles(deps.uploads, posted.files.redactedFiles)),
  ];
  const whole = ReviewInput.safeParse({ ...candidate, redacted: { body: redactedBody, attachments } });
  if (!whole.success) {
    const field = reviewFieldOf(whole.error.issues[0]?.path.map(String) ?? []) ?? 'redactedBody';
    return { input: undefined, problems: [{ field, reason: 'invalid' }] };
  }
  return { input: whole.data, problems: [] };
}

function reviewFieldOf(path: readonly string[]): ReviewField | undefined {
  const [first, second, third] = path[0] === 'body' ? path.slice(1) : path;
  if (first === 'verdict' || first === 'opinion') return first;
  if (first === 'secrecy' && second === 'risks') {
    const risk = SECRECY_RISKS.find((known) => known === third) ?? SECRECY_RISKS[0];
    return `risk-${risk}`;
  }
  if (first === 'secrecy') return 'outcome';
  if (first === 'redacted') return second === 'attachments' ? 'redactedFiles' : 'redactedBody';
  return undefined;
}

const FIELD_ORDER: readonly ReviewField[] = [
  ...SECRECY_RISKS.map((risk) => `risk-${risk}` as const),
  'outcome',
  'redactedBody',
  'redactedFiles',
  'verdict',
  'opinion',
];
function ordered(problems: readonly ReviewProblem[]): ReviewProblem[] {
  return FIELD_ORDER.flatMap((field) => {
    const problem = problems.find((candidate) => candidate.field === field);
    return problem === undefined ? [] : [problem];
  });
}

/** The domain's refusals of a well-formed review (the secrecy review's rules), on the form's fields. */
function problemsOfReviewRefusal(code: string, paths: readonly string[]): ReviewProblem[] {
  const rule = REVIEW_RULES.find((known) => known === code);
  if (rule === undefined) return [];
  return [{ field: reviewFieldOf((paths[0] ?? 'secrecy').split('.')) ?? 'outcome', reason: rule }];
}

const REVIEW_LABEL: Readonly<Record<string, MessageKey>> = {
  verdict: 'cPro.review.verdict',
  opinion: 'cPro.review.opinion',
  outcome: 'cPro.secrecy.outcome',
  redactedBody: 'cPro.redacted.body',
  redactedFiles: 'cPro.redacted.files',
};

function reviewMessage(t: Translate, problem: ReviewProblem): string {
  const risk = SECRECY_RISKS.find((known) => problem.field === `risk-${known}`);
  const label =
    risk === undefined ? t(REVIEW_LABEL[problem.field] ?? 'cPro.review.opinion') : t(`cPro.risk.${risk}`);
  switch (problem.reason) {
    case 'missing':
      return t(
        problem.field === 'opinion' || problem.field === 'redactedBody'
          ? 'cPro.error.missing'
          : 'cPro.error.choose',
        { label },
      );
    case 'tooLong':
      return t('cPro.error.tooLong', { label, max: problem.values?.max ?? '' });
    case 'invalid':
      return t('cPro.error.invalid', { label });
    case 'type':
    case 'tooLarge':
    case 'tooMany':
    case 'notStored':
      return t(`common.files.${problem.reason}`, problem.values);
    case 'secrecy-conclusion-missing':
    case 'secrecy-unsure-refers-upward':
    case 'refer-upward-holds':
    case 'secrecy-unresolved':
    case 'redacted-version-missing':
    case 'secrecy-conclusion-misplaced':
      return t(`cPro.reviewError.${problem.reason}`);
  }
}

// --- The page ----------------------------------------------------------------------------------------

/** The refusal of a step's form: why, and the way to the item. */
const refusedReview = (
  t: Translate,
  submission: SubmissionView,
  refusal: Exclude<ReviewRefusal, 'not_in_review'>,
): PageAnswer =>
  refusalPage(t, refusal, { href: paths.submission(submission.id), label: t('cPro.refused.toSubmission') });

function reviewPage(props: {
  t: Translate;
  status: number;
  agency: Agency;
  principal: Principal;
  submission: SubmissionView;
  values: FormValues;
  errors: FormErrors;
  held?: PageRequest['held'];
  query: Readonly<Record<string, string | undefined>>;
  moved?: boolean;
  filesDropped?: boolean;
  today: string;
}): PageAnswer {
  const { t, submission } = props;
  const step = waitingStep(submission);
  const refusal = reviewRefusal(submission, props.principal);
  const title =
    step === undefined
      ? submission.content.title
      : t('cPro.review.title', { step: step.label, title: submission.content.title });
  return consolePageAnswer({
    title,
    status: props.status,
    errors: props.errors.length > 0,
    errorPrefix: t('common.error.prefix'),
    crumbs: [
      { label: t('console.nav.proactive'), href: paths.submissions() },
      { label: t('cPro.reviews.title'), href: paths.reviews() },
      { label: submission.content.title },
    ],
    body: (
      <>
        <h1>{title}</h1>
        <ErrorSummary errors={props.errors} />
        <p>
          <StatusTag submission={submission} />
        </p>
        <HeldNotice held={props.held} query={props.query} />
        {props.moved ? (
          <Notice kind="warning" title={t('cPro.review.moved.title')}>
            <p role="alert">{t('cPro.review.moved.body')}</p>
          </Notice>
        ) : null}
        {refusal === undefined || step === undefined ? null : (
          <Notice kind="warning" title={t('cPro.review.notYours.title')}>
            <p>{t(refusal === 'not_in_review' ? 'cPro.refused.not_in_review' : `cPro.refused.${refusal}`)}</p>
          </Notice>
        )}
        {step === undefined ? (
          <Notice>
            <p>{t('cPro.refused.not_in_review')}</p>
            <p>
              <a href={paths.submission(submission.id)}>{t('cPro.refused.toSubmission')}</a>
            </p>
          </Notice>
        ) : null}
        <section aria-labelledby="document-title">
          <h2 id="document-title">{t('cPro.document.title')}</h2>
          <DocumentDetails
            submission={submission}
            catalogue={catalogueOf(props.agency)}
            today={props.today}
          />
        </section>
        <RedactedVersionView submission={submission} />
        <Signatures submission={submission} />
        {step !== undefined && refusal === undefined ? (
          <ReviewForm
            submission={submission}
            step={step}
            values={props.values}
            errors={props.errors}
            filesDropped={props.filesDropped === true}
          />
        ) : null}
      </>
    ),
  });
}

function ReviewForm(props: {
  submission: SubmissionView;
  step: ReviewStep;
  values: FormValues;
  errors: FormErrors;
  filesDropped: boolean;
}) {
  const { t } = usePage();
  const { submission, step, values, errors } = props;
  const secrecy = step.kind === 'secrecy_review';
  const finalApproval = step.kind === 'final_approval';
  return (
    <section aria-labelledby="review-form-title">
      <h2 id="review-form-title">{t('cPro.review.form', { step: step.label })}</h2>
      {finalApproval ? (
        <p class="hint">
          {t(
            submission.content.attribute === 'proactive'
              ? 'cPro.review.final.publishes'
              : 'cPro.review.final.records',
          )}
        </p>
      ) : null}
      <PostForm action={paths.review(submission.id)} multipart={secrecy}>
        <input type="hidden" name="step" value={step.id} />
        {secrecy ? (
          <fieldset class="field">
            <legend>{t('cPro.secrecy.checklist')}</legend>
            <p class="hint">{t('cPro.secrecy.checklist.hint')}</p>
            {SECRECY_RISKS.map((risk) => (
              <Radios
                key={risk}
                name={RISK_FIELD(risk)}
                label={t(`cPro.risk.${risk}`)}
                hint={t(`cPro.risk.${risk}.hint`)}
                value={values[RISK_FIELD(risk)]}
                errors={errors}
                choices={(['none', 'present', 'unsure'] as const).map((answer) => ({
                  value: answer,
                  label: t(`cPro.riskAnswer.${answer}`),
                }))}
              />
            ))}
            <Radios
              name="outcome"
              label={t('cPro.secrecy.outcome')}
              value={values.outcome}
              errors={errors}
              choices={(['clear', 'redact', 'refer_upward'] as const).map((outcome) => ({
                value: outcome,
                label: t(`cPro.outcome.${outcome}`),
                hint: t(`cPro.outcome.${outcome}.hint`),
              }))}
            />
          </fieldset>
        ) : null}
        {secrecy ? (
          <fieldset class="field">
            <legend>{t('cPro.redacted.legend')}</legend>
            <p class="hint">{t('cPro.redacted.legend.hint')}</p>
            <TextArea
              name="redactedBody"
              label={t('cPro.redacted.body')}
              hint={t('cPro.redacted.body.hint')}
              value={values.redactedBody}
              errors={errors}
              optional
              maxLength={200000}
              rows={10}
            />
            {submission.content.attachments.length > 0 ? (
              <fieldset class="field">
                <legend>{t('cPro.redacted.keep')}</legend>
                <p class="hint">{t('cPro.redacted.keep.hint')}</p>
                {submission.content.attachments.map((file, index) => (
                  <div class="choice" key={file.uploadKey}>
                    <input
                      type="checkbox"
                      id={`${fieldId('keepOriginal')}-${index + 1}`}
                      name="keepOriginal"
                      value={String(index + 1)}
                      checked={values[`keepOriginal-${index + 1}`] === 'yes'}
                    />
                    <label for={`${fieldId('keepOriginal')}-${index + 1}`}>{file.name}</label>
                  </div>
                ))}
              </fieldset>
            ) : null}
            <RedactedFiles errors={errors} dropped={props.filesDropped} />
          </fieldset>
        ) : null}
        <Radios
          name="verdict"
          label={t('cPro.review.verdict')}
          value={values.verdict}
          errors={errors}
          choices={[
            {
              value: 'approve',
              label: t(finalApproval ? 'cPro.verdict.approve.final' : 'cPro.verdict.approve'),
            },
            { value: 'return', label: t('cPro.verdict.return'), hint: t('cPro.verdict.return.hint') },
          ]}
        />
        <TextArea
          name="opinion"
          label={t('cPro.review.opinion')}
          hint={t('cPro.review.opinion.hint')}
          value={values.opinion}
          errors={errors}
          maxLength={4000}
          rows={4}
        />
        <div class="actions">
          <Button>{t('cPro.review.submit')}</Button>
        </div>
      </PostForm>
    </section>
  );
}

/** The redacted version's files (the form's second file field, so not `FormFiles`, which is `attachments`). */
function RedactedFiles({ errors, dropped }: { errors: FormErrors; dropped: boolean }) {
  return (
    <FormFiles
      name="redactedFiles"
      label="cPro.redacted.files"
      hint="cPro.redacted.files.hint"
      errors={errors}
      dropped={dropped}
    />
  );
}
