import { randomUUID } from 'node:crypto';
import { SupplementInput } from '#lib/domain/application/clarification';
import { TrackingNumber } from '#lib/domain/application/secrets';
import { ReasonsInput } from '#lib/domain/application/volume-review';
import { WithdrawalInput } from '#lib/domain/application/withdrawal';
import { NotFoundError, RuleViolationError, WrongStateError } from '#lib/domain/errors';
import {
  applicationStatus,
  reasonsByApplicant,
  withdrawByApplicant,
} from '#lib/use-cases/applications/applicant';
import { supplementWithForm } from '#lib/use-cases/applications/form-supplement';
import { accessTokenOf, applicationPath, signInCookie, signOutCookie } from '../applicant-session';
import type { FieldError, FormErrors, FormValues } from '../components';
import type { Translate } from '../messages/catalogue';
import type { Crumb } from '../layout';
import type { PageAnswer, PageHandler, PageRequest } from '../page-function';
import type { PortalDeps } from '../portal-deps';
import {
  fileMessage,
  isFilesRefusal,
  MAX_FORM_BODY_BYTES,
  readFiles,
  sizeText,
  FORM_FILES,
  type FileProblem,
} from '../posted-files';
import { keptFormKey } from '../form-key';
import { FollowPage } from './follow/follow-form';
import { fieldErrors, optional } from './follow/form-errors';
import { SENT, StatusPage, type Sent } from './follow/status';
import { privatePage } from './follow/private-page';
import { WithdrawalPage } from './follow/withdrawal';
import type { StatusView } from './follow/wording';

/**
 * Follow (查询): the tracking number and access code, posted, open the application in this browser (a
 * cookie scoped to its path); its status page shows where it stands and takes the applicant's supplement,
 * reasons and withdrawal. A wrong number and a wrong code get the same answer, from the same use case as
 * the API's status route (and the same throttle on the form's route), so nobody learns which numbers exist.
 */
type ApplicationKey =
  | 'GET /applications/{trackingNumber}'
  | 'POST /applications/{trackingNumber}/supplement'
  | 'POST /applications/{trackingNumber}/reasons'
  | 'GET /applications/{trackingNumber}/withdrawal'
  | 'POST /applications/{trackingNumber}/withdrawal'
  | 'POST /applications/{trackingNumber}/sign-out';

export function followPages(deps: PortalDeps): {
  'GET /follow': PageHandler<'GET /follow'>;
  'POST /follow': PageHandler<'POST /follow'>;
} & { [K in ApplicationKey]: PageHandler<K> } {
  const applications = deps.applications;

  /** The application as this browser may see it: with the access code its cookie holds, or not at all. */
  async function viewOf(trackingNumber: string, cookies: PageRequest['cookies']) {
    const token = accessTokenOf(cookies);
    if (token === undefined) return undefined;
    try {
      return await applicationStatus(applications, trackingNumber, token);
    } catch (error) {
      if (error instanceof NotFoundError) return undefined;
      throw error;
    }
  }

  async function statusAnswer(
    t: Translate,
    view: StatusView,
    form: {
      errors?: FormErrors;
      values?: FormValues;
      sent?: Sent | undefined;
      formKey?: string;
      filesDropped?: boolean;
    } = {},
  ): Promise<PageAnswer> {
    const agency = await deps.agencies.get(view.agencyId);
    const title = t('follow.status.title', { trackingNumber: view.trackingNumber });
    return privatePage(title, {
      crumbs: [...followCrumb(t), { label: title }],
      status: form.errors && form.errors.length > 0 ? 422 : 200,
      body: <StatusPage view={view} agency={agency} {...form} formKey={form.formKey ?? randomUUID()} />,
    });
  }

  /**
   * A step's form with errors: the status page again, the text kept (or, without access, the follow form);
   * the supplement's with its form key, and files chosen to be chosen again.
   */
  async function statusAgain(
    request: ApplicationRequest,
    errors: FieldError[],
    field: string,
    files: { formKey?: string; filesDropped?: boolean } = {},
  ) {
    const { trackingNumber } = request.params;
    const view = await viewOf(trackingNumber, request.cookies);
    if (view === undefined) return toStatus(trackingNumber);
    return statusAnswer(request.t, view, { errors, values: { [field]: request.form.get(field) }, ...files });
  }

  return {
    'GET /follow': async ({ t }) => followAnswer(t, {}),

    'POST /follow': async ({ t, form }) => {
      const typed = (form.get('trackingNumber') ?? '').trim();
      const code = (form.get('accessCode') ?? '').trim();
      const number = TrackingNumber.safeParse(typed);
      const errors: FieldError[] = [];
      if (typed === '') errors.push({ field: 'trackingNumber', message: t('follow.trackingNumber.empty') });
      else if (!number.success)
        errors.push({ field: 'trackingNumber', message: t('follow.trackingNumber.invalid') });
      if (code === '') errors.push({ field: 'accessCode', message: t('follow.accessCode.empty') });
      if (errors.length === 0 && number.success) {
        try {
          await applicationStatus(applications, number.data, code);
          return {
            kind: 'redirect',
            location: applicationPath(number.data),
            cookies: [signInCookie(number.data, code)],
          };
        } catch (error) {
          if (!(error instanceof NotFoundError)) throw error;
          // One answer for an unknown number and a wrong code.
          errors.push({ field: 'accessCode', message: t('follow.wrong') });
        }
      }
      return followAnswer(t, { trackingNumber: typed, errors });
    },

    'GET /applications/{trackingNumber}': async ({ params, path, cookies, query, t }) => {
      const { trackingNumber } = params;
      const canonical = canonicalRedirect(path, applicationPath(trackingNumber));
      if (canonical !== undefined) return canonical;
      const view = await viewOf(trackingNumber, cookies);
      if (view === undefined)
        return followAnswer(t, {
          trackingNumber,
          signedOut: query.sent === 'sign-out',
          // A cookie that no longer opens the application (a code typed wrong elsewhere): forgotten.
          cookies: accessTokenOf(cookies) === undefined ? [] : [signOutCookie(trackingNumber)],
        });
      return statusAnswer(t, view, { sent: SENT.find((value) => value === query.sent) });
    },

    'POST /applications/{trackingNumber}/supplement': async (request) => {
      const { form, t } = request;
      const formKey = keptFormKey(form.get('formKey'));
      const chosen = form.files('attachments');
      const again = (errors: FieldError[], problems: readonly FileProblem[]) =>
        statusAgain(
          request,
          [
            ...errors,
            ...problems.map((problem) => ({ field: problem.field, message: fileMessage(t, problem) })),
          ],
          'text',
          { formKey, filesDropped: chosen.length > 0 },
        );
      // Larger than a Lambda is given in the cloud (which answers before we could): refused the same here.
      const length = Number(request.headers['content-length'] ?? 0);
      if (length > MAX_FORM_BODY_BYTES)
        return again(
          [],
          [
            {
              field: 'attachments',
              reason: 'tooLarge',
              values: { total: sizeText(length), size: sizeText(FORM_FILES.maxTotalBytes) },
            },
          ],
        );
      const parsed = SupplementInput.safeParse({ text: form.get('text') ?? '' });
      const files = await readFiles(chosen);
      if (!parsed.success || files.files === undefined)
        return again(
          parsed.success ? [] : fieldErrors(parsed.error, { text: TEXT_WORDS.supplement }, t),
          files.problems,
        );
      const supplement = { text: parsed.data.text, files: files.files, formKey };
      try {
        // The same form posted again (a second click) is the supplement made: answered as received.
        return await applicantStep(request, 'supplement', (token) =>
          supplementWithForm(applications, request.params.trackingNumber, token, supplement, request.now),
        );
      } catch (error) {
        if (error instanceof RuleViolationError && isFilesRefusal(error.code))
          return again([], [{ field: 'attachments', reason: 'notStored' }]);
        throw error;
      }
    },

    'POST /applications/{trackingNumber}/reasons': async (request) => {
      const parsed = ReasonsInput.safeParse({ reasons: request.form.get('reasons') ?? '' });
      if (!parsed.success)
        return statusAgain(
          request,
          fieldErrors(parsed.error, { reasons: TEXT_WORDS.reasons }, request.t),
          'reasons',
        );
      return applicantStep(request, 'reasons', (token) =>
        reasonsByApplicant(applications, request.params.trackingNumber, token, parsed.data, request.now),
      );
    },

    'GET /applications/{trackingNumber}/withdrawal': async ({ params, path, cookies, t }) => {
      const { trackingNumber } = params;
      const canonical = canonicalRedirect(path, `${applicationPath(trackingNumber)}/withdrawal`);
      if (canonical !== undefined) return canonical;
      const view = await viewOf(trackingNumber, cookies);
      return view === undefined ? toStatus(trackingNumber) : withdrawalAnswer(t, view);
    },

    'POST /applications/{trackingNumber}/withdrawal': async (request) => {
      const parsed = WithdrawalInput.safeParse({ reason: optional(request.form.get('reason')) });
      if (!parsed.success) {
        const view = await viewOf(request.params.trackingNumber, request.cookies);
        if (view === undefined) return toStatus(request.params.trackingNumber);
        const errors = fieldErrors(parsed.error, { reason: TEXT_WORDS.withdrawal }, request.t);
        return withdrawalAnswer(request.t, view, errors, { reason: request.form.get('reason') });
      }
      return applicantStep(request, 'withdrawal', (token) =>
        withdrawByApplicant(applications, request.params.trackingNumber, token, parsed.data, request.now),
      );
    },

    'POST /applications/{trackingNumber}/sign-out': async ({ params }) => ({
      kind: 'redirect',
      location: `${applicationPath(params.trackingNumber)}?sent=sign-out`,
      cookies: [signOutCookie(params.trackingNumber)],
    }),
  };
}

type ApplicationRequest = PageRequest<ApplicationKey>;

/** Back to the status page (which shows the follow form if this browser cannot open the application). */
const toStatus = (trackingNumber: string, sent?: Sent): PageAnswer => ({
  kind: 'redirect',
  location: `${applicationPath(trackingNumber)}${sent ? `?sent=${sent}` : ''}`,
});

/**
 * A step the applicant takes on the status page, then back to it (post, redirect, get). No access on this
 * browser, or a step already taken (a second click without JavaScript): the status page says where it stands.
 */
async function applicantStep(
  request: ApplicationRequest,
  sent: Sent,
  act: (token: string | undefined) => Promise<unknown>,
): Promise<PageAnswer> {
  const { trackingNumber } = request.params;
  try {
    await act(accessTokenOf(request.cookies));
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof WrongStateError) return toStatus(trackingNumber);
    throw error;
  }
  return toStatus(trackingNumber, sent);
}

const TEXT_WORDS = {
  supplement: {
    field: 'text',
    empty: 'follow.supplement.empty',
    tooLong: 'follow.supplement.tooLong',
    invalid: 'follow.textInvalid',
  },
  reasons: {
    field: 'reasons',
    empty: 'follow.reasons.empty',
    tooLong: 'follow.reasons.tooLong',
    invalid: 'follow.textInvalid',
  },
  withdrawal: {
    field: 'reason',
    tooLong: 'follow.withdrawal.reason.tooLong',
    invalid: 'follow.textInvalid',
  },
} as const;

const followCrumb = (t: Translate): Crumb[] => [{ label: t('follow.title'), href: '/follow' }];

/** The follow form: empty, with the number of the application asked for, or again with its errors. */
function followAnswer(
  t: Translate,
  form: { trackingNumber?: string; errors?: FormErrors; signedOut?: boolean; cookies?: readonly string[] },
): PageAnswer {
  const { cookies, ...props } = form;
  return privatePage(t('follow.title'), {
    crumbs: [{ label: t('follow.title') }],
    status: form.errors && form.errors.length > 0 ? 422 : 200,
    body: <FollowPage {...props} />,
    ...(cookies ? { cookies } : {}),
  });
}

function withdrawalAnswer(t: Translate, view: StatusView, errors: FormErrors = [], values: FormValues = {}) {
  const title = t('follow.withdrawal.title', { trackingNumber: view.trackingNumber });
  return privatePage(title, {
    crumbs: [
      ...followCrumb(t),
      {
        label: t('follow.status.title', { trackingNumber: view.trackingNumber }),
        href: applicationPath(view.trackingNumber),
      },
      { label: title },
    ],
    status: errors.length > 0 ? 422 : 200,
    body: <WithdrawalPage view={view} errors={errors} values={values} />,
  });
}

/**
 * Cookie paths are case-sensitive: an address typed in lower case (`/applications/2026-k7qx-3m9p`) is
 * sent to the canonical one, where the browser sends the cookie.
 */
function canonicalRedirect(requested: string, canonical: string): PageAnswer | undefined {
  const path = requested.split('?')[0] ?? requested;
  return path === canonical ? undefined : { kind: 'redirect', location: canonical };
}
