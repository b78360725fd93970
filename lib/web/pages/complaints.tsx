import { TrackingNumber } from '#lib/domain/application/secrets';
import { ComplaintInput } from '#lib/domain/complaint';
import { NotFoundError, RuleViolationError } from '#lib/domain/errors';
import { complaintStatus, fileComplaintWithForm, markComplaintCodeShown } from '#lib/use-cases/complaints';
import type { FieldError } from '../components';
import { keptFormKey, newFormKey } from '../form-key';
import type { Translate } from '../messages/catalogue';
import { PageError, type PageAnswer, type PageHandler } from '../page-function';
import type { PortalDeps } from '../portal-deps';
import { ComplaintForm } from './complaints/form';
import { ComplaintCodePage, ComplaintReceiptPage } from './complaints/receipt';
import {
  COMPLAINT_CODE_ONCE_COOKIE,
  COMPLAINT_COOKIE,
  complaintCodeOnceCookie,
  complaintCodeShownCookie,
  complaintPath,
  complaintSignInCookie,
  complaintSignOutCookie,
} from './complaints/session';
import { privatePage } from './follow/private-page';
import { fieldErrors, optional, type FieldWords } from './follow/form-errors';

/**
 * Complain (投诉举报, Reg. 51): the form, then the complaint's receipt with its own number and the date the
 * answer is due (30 days). The receipt holds the complainant's personal data, so it opens only with the
 * complaint's access code: shown once on the receipt, then held in a cookie scoped to the complaint's path
 * (or typed again, posted, on another browser).
 */
export function complaintPages(deps: PortalDeps): {
  'GET /agencies/{agencyId}/complaints/new': PageHandler<'GET /agencies/{agencyId}/complaints/new'>;
  'POST /agencies/{agencyId}/complaints': PageHandler<'POST /agencies/{agencyId}/complaints'>;
  'GET /agencies/{agencyId}/complaints/{complaintId}': PageHandler<'GET /agencies/{agencyId}/complaints/{complaintId}'>;
  'POST /agencies/{agencyId}/complaints/{complaintId}': PageHandler<'POST /agencies/{agencyId}/complaints/{complaintId}'>;
} {
  const agencyNamed = async (agencyId: string): Promise<string> => {
    const agency = await deps.agencies.get(agencyId);
    if (agency === undefined) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
    return agency.name;
  };

  const formAnswer = (
    t: Translate,
    agencyId: string,
    agencyName: string,
    form: { formKey: string; values?: Readonly<Record<string, string | undefined>>; errors?: FieldError[] },
  ): PageAnswer =>
    privatePage(t('complaints.new.title'), {
      crumbs: [{ label: agencyName, href: `/agencies/${agencyId}` }, { label: t('complaints.new.title') }],
      status: form.errors && form.errors.length > 0 ? 422 : 200,
      body: <ComplaintForm agencyId={agencyId} agencyName={agencyName} {...form} />,
    });

  const codeAnswer = (
    t: Translate,
    agencyId: string,
    complaintId: string,
    agencyName: string,
    form: { errors?: FieldError[]; cookies?: readonly string[] } = {},
  ): PageAnswer =>
    privatePage(t('complaints.open.title'), {
      crumbs: [{ label: agencyName, href: `/agencies/${agencyId}` }, { label: t('complaints.open.title') }],
      status: form.errors && form.errors.length > 0 ? 422 : 200,
      body: <ComplaintCodePage agencyId={agencyId} complaintId={complaintId} errors={form.errors ?? []} />,
      ...(form.cookies ? { cookies: form.cookies } : {}),
    });

  return {
    'GET /agencies/{agencyId}/complaints/new': async ({ params, query, t }) => {
      const agencyName = await agencyNamed(params.agencyId);
      // From an application's status page: the complaint names it.
      const about = TrackingNumber.safeParse(query.trackingNumber ?? '');
      return formAnswer(t, params.agencyId, agencyName, {
        formKey: newFormKey(),
        values: about.success ? { trackingNumber: about.data } : {},
      });
    },

    'POST /agencies/{agencyId}/complaints': async ({ params, form, t, now }) => {
      const agencyName = await agencyNamed(params.agencyId);
      const email = optional(form.get('email'));
      const trackingNumber = optional(form.get('trackingNumber'));
      const parsed = ComplaintInput.safeParse({
        complainant: {
          name: form.get('name') ?? '',
          contact: form.get('contact') ?? '',
          ...(email === undefined ? {} : { email: email.trim() }),
        },
        subject: form.get('subject') ?? '',
        details: form.get('details') ?? '',
        ...(trackingNumber === undefined ? {} : { trackingNumber }),
      });
      const formKey = keptFormKey(form.get('formKey'));
      if (!parsed.success)
        return formAnswer(t, params.agencyId, agencyName, {
          formKey,
          values: form.values,
          errors: fieldErrors(parsed.error, COMPLAINT_FIELDS, t),
        });
      let receipt;
      try {
        receipt = await fileComplaintWithForm(deps.complaints, params.agencyId, parsed.data, formKey, now);
      } catch (error) {
        if (!(error instanceof RuleViolationError && error.code === 'idempotency-key-reused')) throw error;
        // The form sent another complaint before: a new key, so that sending again is a new complaint.
        return formAnswer(t, params.agencyId, agencyName, {
          formKey: newFormKey(),
          values: form.values,
          errors: [{ field: 'formKey', message: t('complaints.formKey.reused') }],
        });
      }
      const location = complaintPath(params.agencyId, receipt.complaintId);
      // A replay after the receipt showed the code: the same receipt, and nothing that shows or grants it.
      if (receipt.accessCode === null) return { kind: 'redirect', location };
      return {
        kind: 'redirect',
        location,
        cookies: [
          complaintSignInCookie(params.agencyId, receipt.complaintId, receipt.accessCode),
          complaintCodeOnceCookie(params.agencyId, receipt.complaintId),
        ],
      };
    },

    'GET /agencies/{agencyId}/complaints/{complaintId}': async ({ params, cookies, t, now }) => {
      const { agencyId, complaintId } = params;
      const agencyName = await agencyNamed(agencyId);
      const code = cookies[COMPLAINT_COOKIE];
      let view;
      try {
        view = await complaintStatus(deps.complaints, agencyId, complaintId, code);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return codeAnswer(t, agencyId, complaintId, agencyName, {
          cookies: code === undefined ? [] : [complaintSignOutCookie(agencyId, complaintId)],
        });
      }
      // Right after filing, the code is shown once: to this browser, and only the first time it is asked.
      const fromTheForm = cookies[COMPLAINT_CODE_ONCE_COOKIE] !== undefined;
      const showCode = fromTheForm && (await markComplaintCodeShown(deps.complaints, complaintId, now));
      return privatePage(t('complaints.receipt.title'), {
        crumbs: [
          { label: agencyName, href: `/agencies/${agencyId}` },
          { label: t('complaints.receipt.title') },
        ],
        body: (
          <ComplaintReceiptPage
            view={view}
            agencyName={agencyName}
            accessCode={showCode ? code : undefined}
          />
        ),
        cookies: fromTheForm ? [complaintCodeShownCookie(agencyId, complaintId)] : [],
      });
    },

    'POST /agencies/{agencyId}/complaints/{complaintId}': async ({ params, form, t }) => {
      const { agencyId, complaintId } = params;
      const agencyName = await agencyNamed(agencyId);
      const code = (form.get('accessCode') ?? '').trim();
      if (code === '')
        return codeAnswer(t, agencyId, complaintId, agencyName, {
          errors: [{ field: 'accessCode', message: t('complaints.accessCode.empty') }],
        });
      try {
        await complaintStatus(deps.complaints, agencyId, complaintId, code);
      } catch (error) {
        if (!(error instanceof NotFoundError)) throw error;
        return codeAnswer(t, agencyId, complaintId, agencyName, {
          errors: [{ field: 'accessCode', message: t('complaints.accessCode.wrong') }],
        });
      }
      return {
        kind: 'redirect',
        location: complaintPath(agencyId, complaintId),
        cookies: [complaintSignInCookie(agencyId, complaintId, code)],
      };
    },
  };
}

/** The complaint's fields by their place in `ComplaintInput`, in the order the form shows them. */
const COMPLAINT_FIELDS: Readonly<Record<string, FieldWords>> = {
  'complainant.name': {
    field: 'name',
    empty: 'complaints.name.empty',
    tooLong: 'complaints.tooLong',
    invalid: 'complaints.textInvalid',
  },
  'complainant.contact': {
    field: 'contact',
    empty: 'complaints.contact.empty',
    tooLong: 'complaints.tooLong',
    invalid: 'complaints.textInvalid',
  },
  'complainant.email': { field: 'email', tooLong: 'complaints.tooLong', invalid: 'complaints.email.invalid' },
  trackingNumber: {
    field: 'trackingNumber',
    tooLong: 'complaints.tooLong',
    invalid: 'complaints.trackingNumber.invalid',
  },
  subject: {
    field: 'subject',
    empty: 'complaints.subject.empty',
    tooLong: 'complaints.tooLong',
    invalid: 'complaints.textInvalid',
  },
  details: {
    field: 'details',
    empty: 'complaints.details.empty',
    tooLong: 'complaints.tooLong',
    invalid: 'complaints.textInvalid',
  },
};
