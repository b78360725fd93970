import type { ComponentChildren } from 'preact';
import type { PageRouteKeyOf } from '#lib/api/page-routes';
import type { applicationsRoutes } from '#lib/api/console-routes/applications';
import { chinaDateOf } from '#lib/domain/china-time';
import { RuleViolationError, VersionConflictError, WrongStateError } from '#lib/domain/errors';
import { act, loadForStaff } from '#lib/use-cases/applications/casework';
import { consoleCase } from '#lib/use-cases/applications/console-case';
import {
  decideWithForm,
  previewDecision,
  storeDecisionFiles,
} from '#lib/use-cases/applications/form-decision';
import { registerWithForm, registrationToken } from '#lib/use-cases/applications/form-registration';
import { agencyHandlers } from '#lib/use-cases/applications/handlers';
import { applicationQueue } from '#lib/use-cases/applications/queue';
import type { FormErrors, FormValues } from '../../components';
import { keptFormKey, newFormKey } from '../../form-key';
import { catalogue, type MessageKey, type Translate } from '../../messages/catalogue';
import {
  PageError,
  type FormFields,
  type PageAnswer,
  type PageHandler,
  type PageRequest,
} from '../../page-function';
import { fileMessage, isFilesRefusal, MAX_FORM_BODY_BYTES, readFiles } from '../../posted-files';
import type { ConsoleDeps } from '../console-deps';
import { CSV_CONTENT_TYPE, toCsv } from '../csv';
import { heldValues, HeldNotice } from '../held';
import { ACTIONS, fieldOfPath, mayTake, readAction, type ActionName } from './actions';
import { actionPath, CasePage, casePath, type CasePageProps, type FailedForm } from './case';
import { DecisionPreview, decisionErrors, keptFiles, readDecision, type KeptFile } from './decision';
import { csvRows, ListPage, ListQuery, PAGE_SIZE, queueQueryOf } from './list';
import { readRegistration, REGISTER_PATH, RegisterForm } from './register';

type Key = Extract<
  PageRouteKeyOf<'console'>,
  `${(typeof applicationsRoutes)[number]['method']} ${(typeof applicationsRoutes)[number]['path']}`
>;
type CaseKey = Extract<Key, `POST /console/applications/{trackingNumber}/${string}`>;

/** The most rows a CSV export holds (pages of the filtered list read one after the other). */
const CSV_MAX_ROWS = 5000;

type ConsolePage = Extract<PageAnswer, { kind: 'page' }>;

const page = (title: string, body: ComponentChildren, status = 200): ConsolePage => ({
  kind: 'page',
  status,
  title,
  body,
  cache: { kind: 'no-store' },
  robots: 'noindex',
});

/** The console's applications pages: thin — the form read, one use case, the page rendered. */
export function applicationsPages(deps: ConsoleDeps): { [K in Key]: PageHandler<K> } {
  const applications = deps.applications;

  /** The case page, possibly with a form answered again (its errors and input), a conflict or a preview's return. */
  async function casePage(
    request: PageRequest<CaseKey | 'GET /console/applications/{trackingNumber}'>,
    options: {
      status?: number;
      failed?: FailedForm;
      conflict?: boolean;
      decision?: CasePageProps['decision'];
      accessToken?: string | null;
    } = {},
  ): Promise<PageAnswer> {
    const { session, params, t, now } = request;
    const data = await consoleCase(applications, session.principal.agencyId, params.trackingNumber, now);
    const failed = options.failed;
    const title = t('cApps.case.title', { trackingNumber: data.view.trackingNumber });
    return {
      ...page(
        failed && failed.errors.length > 0 ? `${t('common.error.prefix')} ${title}` : title,
        <CasePage
          data={data}
          roles={session.principal.roles}
          done={request.query.done}
          failed={failed}
          conflict={options.conflict ?? false}
          decision={options.decision ?? { formKey: newFormKey(), kept: [], filesDropped: false }}
          accessToken={options.accessToken ?? null}
          held={request.held ? { action: request.held.action, values: request.held.values } : undefined}
          heldNotice={<HeldNotice held={request.held} query={request.query} />}
        />,
        options.status ?? 200,
      ),
      crumbs: [
        { label: t('cApps.list.title'), href: '/console/applications' },
        { label: data.view.trackingNumber },
      ],
    };
  }

  /** The person may not take this step: the case must be theirs (else 404), then the refusal (403). */
  async function refuse(request: PageRequest<CaseKey>): Promise<never> {
    await loadForStaff(applications, request.session.principal.agencyId, request.params.trackingNumber);
    throw new PageError(403, 'cApps.refused.title', 'cApps.refused.body');
  }

  /** A refusal the person can act on, on the form's fields; a conflict, the case as it is now. */
  async function refused(
    request: PageRequest<CaseKey>,
    path: string,
    error: unknown,
    toErrors: (error: RuleViolationError) => FormErrors,
    decision?: CasePageProps['decision'],
  ): Promise<PageAnswer> {
    if (error instanceof RuleViolationError)
      return casePage(request, {
        status: 422,
        failed: { path, errors: toErrors(error), values: request.form.values },
        ...(decision ? { decision } : {}),
      });
    if (error instanceof WrongStateError || error instanceof VersionConflictError)
      return casePage(request, { status: 409, conflict: true });
    throw error;
  }

  /** A step's form posted: read, checked against the roles, taken, and back to the case. */
  function step(action: Exclude<ActionName, 'decision'>): PageHandler<CaseKey> {
    return async (request) => {
      const { session, params, form, t, now } = request;
      const consultationId = 'cid' in params && typeof params.cid === 'string' ? params.cid : undefined;
      if (!mayTake(action, session.principal.roles)) return refuse(request);
      const path = actionPath(params.trackingNumber, action, consultationId);
      const read = readAction(action, form, consultationId);
      if (read.action === undefined)
        return casePage(request, {
          status: 422,
          failed: { path, errors: fieldErrors(t, read.problems), values: form.values },
        });
      try {
        await act(
          applications,
          session.principal,
          session.principal.agencyId,
          params.trackingNumber,
          read.action,
          now,
          versionOf(form),
        );
      } catch (error) {
        return refused(request, path, error, (violation) =>
          fieldErrors(
            t,
            (violation.errors.length > 0 ? violation.errors : [{ path: '' }]).map((problem) => ({
              field: fieldOfPath(action, problem.path.split('.')) || ACTIONS[action].firstField,
              code: violation.code,
            })),
          ),
        );
      }
      return { kind: 'redirect', location: `${casePath(params.trackingNumber)}?done=${action}` };
    };
  }

  return {
    'GET /console/applications': async ({ session, query, t, now }) => {
      const filters = ListQuery.parse(query);
      const agencyId = session.principal.agencyId;
      const [queue, handlers] = await Promise.all([
        applicationQueue(applications, agencyId, queueQueryOf(filters, PAGE_SIZE), now),
        agencyHandlers(applications.staff, agencyId),
      ]);
      return page(
        t('cApps.list.title'),
        <ListPage
          query={filters}
          queue={queue}
          handlers={handlers}
          mayRegister={session.principal.roles.has('clerk')}
        />,
      );
    },

    'GET /console/applications/export.csv': async ({ session, query, t, now }) => {
      const filters = { ...ListQuery.parse(query), next: undefined };
      const items = [];
      let next: string | undefined;
      do {
        const queue = await applicationQueue(
          applications,
          session.principal.agencyId,
          { ...queueQueryOf(filters, 100), nextToken: next },
          now,
        );
        items.push(...queue.items);
        next = queue.nextToken ?? undefined;
      } while (next !== undefined && items.length < CSV_MAX_ROWS);
      return {
        kind: 'download',
        filename: t('cApps.csv.filename', { date: chinaDateOf(now) }),
        contentType: CSV_CONTENT_TYPE,
        body: toCsv(csvRows(t, items.slice(0, CSV_MAX_ROWS))),
      };
    },

    'GET /console/applications/new': async ({ session, held, query, t, now }) => {
      if (!mayRegister(session.principal.roles))
        throw new PageError(403, 'cApps.refused.title', 'cApps.refused.body');
      return registerPage(t, 200, {
        values: heldValues(held, REGISTER_PATH) ?? {},
        errors: [],
        formKey: newFormKey(),
        filesDropped: false,
        today: chinaDateOf(now),
        notice: <HeldNotice held={held} query={query} />,
      });
    },

    'POST /console/applications/new': async ({ session, form, headers, t, now }) => {
      if (!mayRegister(session.principal.roles))
        throw new PageError(403, 'cApps.refused.title', 'cApps.refused.body');
      if (Number(headers['content-length'] ?? 0) > MAX_FORM_BODY_BYTES)
        throw new PageError(413, 'cApps.tooLarge.title', 'cApps.tooLarge.body');
      const chosen = form.files('attachments');
      const formKey = keptFormKey(form.get('formKey'));
      const answer = (errors: FormErrors, key = formKey) =>
        registerPage(t, 422, {
          values: form.values,
          errors,
          formKey: key,
          filesDropped: chosen.length > 0,
          today: chinaDateOf(now),
          notice: null,
        });
      const fields = readRegistration(t, form);
      const files = await readFiles(chosen);
      if (fields.input === undefined || files.files === undefined)
        return answer([
          ...fields.errors,
          ...files.problems.map((problem) => ({ field: 'attachments', message: fileMessage(t, problem) })),
        ]);
      let registered: { trackingNumber: string };
      try {
        registered = await registerWithForm(
          applications,
          session.principal,
          session.principal.agencyId,
          { input: fields.input, files: files.files, formKey },
          now,
        );
      } catch (error) {
        if (!(error instanceof RuleViolationError)) throw error;
        if (error.code === 'idempotency-key-reused')
          return answer([{ field: 'formKey', message: t('cApps.error.formKey') }], newFormKey());
        if (isFilesRefusal(error.code))
          return answer([{ field: 'attachments', message: t('common.files.notStored') }]);
        if (error.code === 'received-in-future' || error.code === 'outside-calendar')
          return answer([{ field: 'receivedOn', message: t('cApps.rule.received-in-future') }]);
        throw error;
      }
      const location = `${casePath(registered.trackingNumber)}?done=registered&registered=${encodeURIComponent(formKey)}`;
      return { kind: 'redirect', location };
    },

    'GET /console/applications/{trackingNumber}': async (request) => {
      const { session, params, query } = request;
      const formKey = query.registered;
      // The access token of an application just registered with this person's form: shown once, here.
      const accessToken =
        formKey === undefined || !/^[0-9a-f-]{36}$/.test(formKey)
          ? null
          : await registrationToken(applications, session.principal.agencyId, params.trackingNumber, formKey);
      return casePage(request, { accessToken });
    },

    'POST /console/applications/{trackingNumber}/confirmation': step('confirmation'),
    'POST /console/applications/{trackingNumber}/assignment': step('assignment'),
    'POST /console/applications/{trackingNumber}/clarification-request': step('clarification-request'),
    'POST /console/applications/{trackingNumber}/consultations': step('consultations'),
    'POST /console/applications/{trackingNumber}/consultations/{cid}/reply': step('consultation-reply'),
    'POST /console/applications/{trackingNumber}/consultations/{cid}/disclosure-notice':
      step('disclosure-notice'),
    'POST /console/applications/{trackingNumber}/extension': step('extension'),
    'POST /console/applications/{trackingNumber}/suspension': step('suspension'),
    'POST /console/applications/{trackingNumber}/resumption': step('resumption'),
    'POST /console/applications/{trackingNumber}/fee-notice': step('fee-notice'),
    'POST /console/applications/{trackingNumber}/fee-payment': step('fee-payment'),
    'POST /console/applications/{trackingNumber}/reasons-request': step('reasons-request'),
    'POST /console/applications/{trackingNumber}/reasons': step('reasons'),
    'POST /console/applications/{trackingNumber}/later-reply-date': step('later-reply-date'),
    'POST /console/applications/{trackingNumber}/delivery': step('delivery'),
    'POST /console/applications/{trackingNumber}/abandonment-review': step('abandonment-review'),

    'POST /console/applications/{trackingNumber}/decision': async (request) => {
      const { session, params, form, headers, t, now } = request;
      if (!mayTake('decision', session.principal.roles)) return refuse(request);
      if (Number(headers['content-length'] ?? 0) > MAX_FORM_BODY_BYTES)
        throw new PageError(413, 'cApps.tooLarge.title', 'cApps.tooLarge.body');
      const { principal } = session;
      const path = actionPath(params.trackingNumber, 'decision');
      const formKey = keptFormKey(form.get('formKey'));
      const intent = form.get('intent') ?? 'preview';
      const chosen = form.files('releasedFiles');
      const read = await readFiles(chosen);
      const kept: KeptFile[] = keptFiles(form);
      const answerForm = (status: number, errors: FormErrors, files: readonly KeptFile[]) =>
        casePage(request, {
          status,
          failed: { path, errors, values: form.values },
          decision: { formKey, kept: files, filesDropped: chosen.length > 0 && files.length === kept.length },
        });
      if (read.files === undefined)
        return answerForm(
          422,
          read.problems.map((problem) => ({ field: 'releasedFiles', message: fileMessage(t, problem) })),
          kept,
        );
      // Files chosen now are stored (by the form's key) and named from here on by their upload keys.
      const stored = await storeDecisionFiles(
        applications,
        formKey,
        read.files.map((file, index) => ({ name: chosen[index]?.name ?? `file-${String(index + 1)}`, file })),
      );
      const files = [
        ...kept,
        ...stored.filter((file) => !kept.some((old) => old.uploadKey === file.uploadKey)),
      ];
      if (intent === 'change') return answerForm(200, [], files);
      const decision = readDecision(form, files);
      if (decision.input === undefined) return answerForm(422, decisionErrors(t, decision.problems), files);
      const onRefusal = (error: unknown) =>
        refused(
          request,
          path,
          error,
          (violation) =>
            isFilesRefusal(violation.code)
              ? [{ field: 'releasedFiles', message: t('common.files.notStored') }]
              : decisionErrors(
                  t,
                  (violation.errors.length > 0 ? violation.errors : [{ path: '' }]).map((problem) => ({
                    path: problem.path.split('.'),
                    code: violation.code,
                  })),
                ),
          { formKey, kept: files, filesDropped: false },
        );
      if (intent === 'send') {
        try {
          await decideWithForm(
            applications,
            principal,
            principal.agencyId,
            params.trackingNumber,
            decision.input,
            now,
            versionOf(form),
          );
        } catch (error) {
          return onRefusal(error);
        }
        return { kind: 'redirect', location: `${casePath(params.trackingNumber)}?done=decision` };
      }
      let letterBody: string;
      try {
        letterBody = await previewDecision(
          applications,
          principal,
          principal.agencyId,
          params.trackingNumber,
          decision.input,
          now,
        );
      } catch (error) {
        return onRefusal(error);
      }
      const values: FormValues = form.values;
      return {
        ...page(
          t('cApps.preview.title', { trackingNumber: params.trackingNumber }),
          <DecisionPreview
            trackingNumber={params.trackingNumber}
            action={path}
            letterBody={letterBody}
            values={values}
            formKey={formKey}
            version={form.get('version')}
            kept={files}
          />,
        ),
        crumbs: [
          { label: t('cApps.list.title'), href: '/console/applications' },
          { label: params.trackingNumber, href: casePath(params.trackingNumber) },
          { label: t('cApps.preview.crumb') },
        ],
      };
    },
  };
}

/** The version of the case the form was made from (every step's form carries it). */
const versionOf = (form: Pick<FormFields, 'get'>): number | undefined => {
  const posted = form.get('version');
  return posted !== undefined && /^\d{1,9}$/.test(posted) ? Number(posted) : undefined;
};

const mayRegister = (roles: ReadonlySet<string>): boolean => roles.has('clerk');

function registerPage(
  t: Translate,
  status: number,
  state: Parameters<typeof RegisterForm>[0] & { notice: ComponentChildren },
): PageAnswer {
  const title = t('cApps.register.title');
  const { notice, ...form } = state;
  return {
    kind: 'page',
    status,
    title: state.errors.length > 0 ? `${t('common.error.prefix')} ${title}` : title,
    crumbs: [{ label: t('cApps.list.title'), href: '/console/applications' }, { label: title }],
    cache: { kind: 'no-store' },
    robots: 'noindex',
    body: (
      <>
        {notice}
        <RegisterForm {...form} />
      </>
    ),
  };
}

/** A step's problems, in the reader's words: a refusal's own where the catalogue has it, else the field's. */
function fieldErrors(t: Translate, problems: readonly { field: string; code: string }[]): FormErrors {
  const seen = new Map<string, string>();
  for (const problem of problems) {
    if (seen.has(problem.field)) continue;
    const rule = `cApps.rule.${problem.code}`;
    const field = `cApps.fieldError.${problem.field}`;
    seen.set(
      problem.field,
      isMessageKey(rule) ? t(rule) : isMessageKey(field) ? t(field) : t('cApps.error.field'),
    );
  }
  return [...seen].map(([field, message]) => ({ field, message }));
}

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogue['zh-CN'], key);
