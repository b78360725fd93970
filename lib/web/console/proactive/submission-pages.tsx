import { catalogueOf, type Agency } from '#lib/domain/agency';
import { chinaDateOf } from '#lib/domain/china-time';
import { RuleViolationError, VersionConflictError, WrongStateError } from '#lib/domain/errors';
import {
  canBeSentForReview,
  isEditable,
  returnReasons,
  reviewRefusal,
  SubmissionInput,
  type Submission,
} from '#lib/domain/submission/submission';
import type { Principal } from '#lib/domain/staff';
import {
  createSubmission,
  editSubmission,
  getSubmission,
  sendForReview,
  type ProactiveDeps,
} from '#lib/use-cases/proactive';
import { submissionFileUrl, type SubmissionFileRef } from '#lib/use-cases/proactive-reads';
import { Button, ErrorSummary, Notice, PostForm, type FormValues } from '../../components';
import { usePage } from '../../context';
import type { Translate } from '../../messages/catalogue';
import type { FormFields, PageAnswer, PageHandler, PageRequest } from '../../page-function';
import { heldValues, HeldNotice } from '../held';
import { EditorForm, editorMessage, valuesOf, type EditorState } from './editor';
import { readPostedFiles, storeNamedFiles } from './posted';
import { keptFiles, problemsOfRefusal, readEditor, type EditorProblem } from './read-editor';
import {
  agencyOf,
  areaCrumbs,
  consolePageAnswer,
  DocumentDetails,
  DoneNotice,
  FileList,
  mayTake,
  paths,
  RedactedVersionView,
  refusalPage,
  ReturnReasons,
  Signatures,
  StatusTag,
} from './shared';

type Session = PageRequest<'GET /console/submissions/{submissionId}'>['session'];
type SubmissionView = Awaited<ReturnType<typeof getSubmission>>;

/**
 * A draft or submission: the editor while it may be edited (and the person may edit), the request to send
 * it into the review chain, and otherwise the document as kept; with its files, the redacted version and
 * every signature. Saving is version-checked: an edit made meanwhile by someone else answers 409 with what
 * is saved now beside the person's own input.
 */
export function submissionPages(deps: ProactiveDeps): {
  'GET /console/submissions/new': PageHandler<'GET /console/submissions/new'>;
  'POST /console/submissions/new': PageHandler<'POST /console/submissions/new'>;
  'GET /console/submissions/{submissionId}': PageHandler<'GET /console/submissions/{submissionId}'>;
  'POST /console/submissions/{submissionId}': PageHandler<'POST /console/submissions/{submissionId}'>;
  'POST /console/submissions/{submissionId}/review-request': PageHandler<'POST /console/submissions/{submissionId}/review-request'>;
  'GET /console/submissions/{submissionId}/files/{file}': PageHandler<'GET /console/submissions/{submissionId}/files/{file}'>;
} {
  const submissionOf = async (session: Session, id: string): Promise<SubmissionView> =>
    getSubmission(deps, session.principal.agencyId, id);

  return {
    'GET /console/submissions/new': async ({ session, held, query, t }) => {
      if (!mayTake(session.principal, 'register')) return refusalPage(t, 'role', back(t));
      const agency = await agencyOf(deps, session.principal);
      const values = heldValues(held, paths.newSubmission) ?? {
        issuingOffice: agency.name,
        attribute: 'proactive',
        audience: 'public',
      };
      return newDraftPage(t, 200, editorState(agency, undefined, paths.newSubmission, values), held, query);
    },

    'POST /console/submissions/new': async ({ session, form, t, now }) => {
      if (!mayTake(session.principal, 'register')) return refusalPage(t, 'role', back(t));
      const agency = await agencyOf(deps, session.principal);
      const state = (problems: readonly EditorProblem[]) =>
        editorState(agency, undefined, paths.newSubmission, valuesOfForm(form), {
          t,
          problems,
          filesDropped: chosenAny(form),
        });
      const read = await readForm(deps, form, undefined);
      if (read.input === undefined) return newDraftPage(t, 422, state(read.problems));
      try {
        const created = await createSubmission(deps, session.principal, agency.agencyId, read.input, now);
        return { kind: 'redirect', location: paths.submission(created.id, { done: 'created' }) };
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        const problems = problemsOfRefusal(error.code, error.errors);
        if (problems.length === 0) throw error;
        return newDraftPage(t, 422, state(problems));
      }
    },

    'GET /console/submissions/{submissionId}': async ({ session, params, held, query, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const submission = await submissionOf(session, params.submissionId);
      const action = paths.submission(submission.id);
      const values = heldValues(held, action) ?? valuesOf(submission);
      return submissionPage({
        t,
        status: 200,
        principal: session.principal,
        agency,
        submission,
        editor: editorState(agency, submission, action, values),
        held,
        query,
        today: chinaDateOf(now),
      });
    },

    'POST /console/submissions/{submissionId}': async ({ session, params, form, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const current = await submissionOf(session, params.submissionId);
      if (!mayTake(session.principal, 'edit')) return refusalPage(t, 'role', back(t));
      const action = paths.submission(current.id);
      const page = (
        status: number,
        submission: SubmissionView,
        problems: readonly EditorProblem[],
        conflict?: boolean,
      ) =>
        submissionPage({
          t,
          status,
          principal: session.principal,
          agency,
          submission,
          // The form goes on from the version kept now: saved again, it is saved knowingly over it.
          editor: editorState(
            agency,
            submission,
            action,
            { ...valuesOfForm(form), version: String(submission.version) },
            { t, problems, filesDropped: chosenAny(form) },
          ),
          query: {},
          today: chinaDateOf(now),
          conflict: conflict === true,
        });
      const version = Number(form.get('version'));
      if (!Number.isInteger(version) || version !== current.version) return page(409, current, [], true);
      const read = await readForm(deps, form, current);
      if (read.input === undefined) return page(422, current, read.problems);
      try {
        await editSubmission(
          deps,
          session.principal,
          agency.agencyId,
          current.id,
          { version, content: read.input, ...(read.changedOn ? { changedOn: read.changedOn } : {}) },
          now,
        );
        return { kind: 'redirect', location: paths.submission(current.id, { done: 'saved' }) };
      } catch (error) {
        if (error instanceof VersionConflictError || error instanceof WrongStateError)
          return page(409, await submissionOf(session, current.id), [], true);
        if (!(error instanceof RuleViolationError)) throw error;
        const problems = problemsOfRefusal(error.code, error.errors);
        if (problems.length === 0) throw error;
        return page(422, current, problems);
      }
    },

    'POST /console/submissions/{submissionId}/review-request': async ({ session, params, t, now }) => {
      const agency = await agencyOf(deps, session.principal);
      const current = await submissionOf(session, params.submissionId);
      if (!mayTake(session.principal, 'send')) return refusalPage(t, 'role', back(t));
      try {
        const sent = await sendForReview(deps, session.principal, agency.agencyId, current.id, now);
        return {
          kind: 'redirect',
          location: paths.submission(current.id, {
            done: sent.status === 'returned' ? 'returnedAtOnce' : 'sent',
          }),
        };
      } catch (error) {
        if (!(error instanceof VersionConflictError || error instanceof WrongStateError)) throw error;
        const submission = await submissionOf(session, current.id);
        return submissionPage({
          t,
          status: 409,
          principal: session.principal,
          agency,
          submission,
          editor: editorState(agency, submission, paths.submission(submission.id), valuesOf(submission)),
          query: {},
          today: chinaDateOf(now),
          conflict: true,
        });
      }
    },

    'GET /console/submissions/{submissionId}/files/{file}': async ({ session, params }) => {
      const url = await submissionFileUrl(
        deps,
        session.principal.agencyId,
        params.submissionId,
        fileRefOf(params.file),
      );
      return { kind: 'redirect', location: url };
    },
  };
}

function fileRefOf(file: string): SubmissionFileRef {
  if (file === 'interpretation' || file === 'evidence') return { kind: file };
  const [kind, number] = file.split('-');
  return { kind: kind === 'redacted' ? 'redacted' : 'attachment', number: Number(number) };
}

/** The form's text values, with each attachment ticked for removal (a repeated field) as its own value. */
function valuesOfForm(form: FormFields): FormValues {
  return {
    ...form.values,
    ...Object.fromEntries(
      form.getAll('removeAttachment').map((number) => [`removeAttachment-${number}`, 'yes']),
    ),
  };
}

const chosenAny = (form: FormFields): boolean =>
  ['attachments', 'interpretation', 'participationEvidence'].some((name) => form.files(name).length > 0);

/** The editor's form read: its text checked first, then its files read and stored, then the whole input. */
async function readForm(deps: ProactiveDeps, form: FormFields, current: Submission | undefined) {
  const kept = keptFiles(form, current);
  const text = readEditor(form, kept, current);
  const posted = await readPostedFiles({
    attachments: form.files('attachments'),
    interpretation: form.files('interpretation').slice(0, 1),
    participationEvidence: form.files('participationEvidence').slice(0, 1),
  });
  if (text.input === undefined || posted.files === undefined)
    return { input: undefined, problems: [...text.problems, ...posted.problems] };
  const stored = {
    attachments: await storeNamedFiles(deps.uploads, posted.files.attachments),
    interpretation: (await storeNamedFiles(deps.uploads, posted.files.interpretation))[0],
    participationEvidence: (await storeNamedFiles(deps.uploads, posted.files.participationEvidence))[0],
  };
  const whole = SubmissionInput.safeParse({
    ...text.input,
    attachments: [...kept.attachments, ...stored.attachments],
    interpretation: stored.interpretation ?? kept.interpretation,
    participationEvidence: stored.participationEvidence ?? kept.participationEvidence,
  });
  if (!whole.success) {
    const tooMany: EditorProblem = { field: 'attachments', reason: 'tooMany', values: { count: 20 } };
    return { input: undefined, problems: [tooMany] };
  }
  return { input: whole.data, changedOn: text.changedOn, problems: [] };
}

/** The editor as a page shows it: the form's values, its errors in the reader's words, and the agency's lists. */
function editorState(
  agency: Agency,
  current: Submission | undefined,
  action: string,
  values: FormValues,
  answered?: { t: Translate; problems: readonly EditorProblem[]; filesDropped: boolean },
): EditorState {
  return {
    action,
    current,
    values,
    errors: (answered?.problems ?? []).map((problem) => ({
      field: problem.field,
      message: answered === undefined ? '' : editorMessage(answered.t, problem),
    })),
    filesDropped: answered?.filesDropped ?? false,
    catalogue: catalogueOf(agency),
    obligations: agency.obligations,
  };
}

function newDraftPage(
  t: Translate,
  status: number,
  state: EditorState,
  held?: PageRequest['held'],
  query: Readonly<Record<string, string | undefined>> = {},
): PageAnswer {
  const title = t('cPro.editor.new');
  return consolePageAnswer({
    title,
    status,
    errors: state.errors.length > 0,
    errorPrefix: t('common.error.prefix'),
    crumbs: areaCrumbs(t('console.nav.proactive'), { label: title }),
    body: (
      <>
        <h1>{title}</h1>
        <HeldNotice held={held} query={query} />
        <p class="lead">{t('cPro.editor.new.lead')}</p>
        <EditorForm state={state} />
      </>
    ),
  });
}

/** The way back from a refusal: the list of submissions. */
const back = (t: Translate) => ({ href: paths.submissions(), label: t('cPro.refused.back') });

const DONE = {
  created: 'cPro.done.created',
  saved: 'cPro.done.saved',
  sent: 'cPro.done.sent',
  returnedAtOnce: 'cPro.done.returnedAtOnce',
} as const;

function submissionPage(props: {
  t: Translate;
  status: number;
  principal: Principal;
  agency: Agency;
  submission: SubmissionView;
  editor: EditorState;
  held?: PageRequest['held'];
  query: Readonly<Record<string, string | undefined>>;
  today: string;
  conflict?: boolean;
}): PageAnswer {
  const { t, submission, principal } = props;
  const catalogue = catalogueOf(props.agency);
  const editing = isEditable(submission) && mayTake(principal, 'edit');
  const sending = canBeSentForReview(submission) && mayTake(principal, 'send');
  const signable = reviewRefusal(submission, principal) === undefined;
  return consolePageAnswer({
    title: submission.content.title,
    status: props.status,
    errors: props.editor.errors.length > 0,
    errorPrefix: t('common.error.prefix'),
    crumbs: areaCrumbs(t('console.nav.proactive'), { label: submission.content.title }),
    body: (
      <>
        <h1>{submission.content.title}</h1>
        <ErrorSummary errors={props.editor.errors} />
        <p>
          <StatusTag submission={submission} />
        </p>
        <HeldNotice held={props.held} query={props.query} />
        <DoneNotice done={props.query.done} messages={DONE} />
        {props.conflict ? <ConflictNotice submission={submission} editable={editing} /> : null}
        <ReturnReasons submission={submission} />
        {signable ? (
          <Notice title={t('cPro.review.yourTurn')}>
            <p>
              <a href={paths.review(submission.id)}>{t('cPro.review.open')}</a>
            </p>
          </Notice>
        ) : null}
        {submission.publicationId ? (
          <p>
            <a href={paths.publication(submission.publicationId)}>{t('cPro.submission.publication')}</a>
          </p>
        ) : null}
        {sending ? <SendForReview submission={submission} today={props.today} /> : null}
        {editing ? (
          <section aria-labelledby="editor-title">
            <h2 id="editor-title">
              {t(submission.status === 'published' ? 'cPro.editor.revise' : 'cPro.editor.edit')}
            </h2>
            {submission.status === 'published' ? <p class="hint">{t('cPro.editor.revise.hint')}</p> : null}
            {props.conflict ? (
              <details>
                <summary>{t('cPro.conflict.saved')}</summary>
                <DocumentDetails submission={submission} catalogue={catalogue} today={props.today} />
              </details>
            ) : null}
            <FileList submission={submission} />
            <EditorForm state={props.editor} summary={false} />
          </section>
        ) : (
          <section aria-labelledby="document-title">
            <h2 id="document-title">{t('cPro.document.title')}</h2>
            <DocumentDetails submission={submission} catalogue={catalogue} today={props.today} />
          </section>
        )}
        <RedactedVersionView submission={submission} />
        <Signatures submission={submission} />
      </>
    ),
  });
}

function ConflictNotice({ submission, editable }: { submission: Submission; editable: boolean }) {
  const { t } = usePage();
  return (
    <Notice kind="warning" title={t('cPro.conflict.title')}>
      <p role="alert">
        {t(editable ? 'cPro.conflict.body' : 'cPro.conflict.moved', { version: submission.version })}
      </p>
    </Notice>
  );
}

/** Sending into the chain: what the chain would return it for at once (退文), said before it is sent. */
function SendForReview({ submission, today }: { submission: Submission; today: string }) {
  const { t } = usePage();
  const missing = returnReasons(submission.content, today);
  return (
    <section aria-labelledby="send-title" class="panel">
      <h2 id="send-title">{t('cPro.send.title')}</h2>
      <p>{t('cPro.send.body', { first: submission.chain[0]?.label ?? '' })}</p>
      {missing.length > 0 ? (
        <Notice kind="warning" title={t('cPro.send.missing')}>
          <ul>
            {missing.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </Notice>
      ) : null}
      <PostForm action={paths.reviewRequest(submission.id)}>
        <Button>{t('cPro.send.submit')}</Button>
      </PostForm>
    </section>
  );
}
