import { policyOn } from '#lib/domain/application/policy';
import { chinaDateOf } from '#lib/domain/china-time';
import { NotFoundError, RuleViolationError } from '#lib/domain/errors';
import { applicationReceipt, applyWithForm } from '#lib/use-cases/applications/form-receipt';
import {
  accessTokenOf,
  RECEIPT_COOKIE,
  receiptCookie,
  receiptPath,
  receiptShownCookie,
  signInCookie,
} from '../applicant-session';
import { catalogue, type MessageKey, type Translate } from '../messages/catalogue';
import { keptFormKey, newFormKey } from '../form-key';
import { PageError, type PageAnswer, type PageHandler } from '../page-function';
import type { PortalDeps } from '../portal-deps';
import { fileMessage, isFileProblem } from '../posted-files';
import { ApplyForm, type ApplyFormState } from './apply/form';
import {
  FORM_FILES,
  MAX_FORM_BODY_BYTES,
  orderedProblems,
  problemsOfRefusal,
  readFields,
  readFiles,
  sizeText,
  type ApplyField,
  type ApplyProblem,
} from './apply/read-form';
import { NoAccess, Receipt } from './apply/receipt';

/**
 * Apply (在线申请, Reg. 29) and the receipt (回执). The form posts everything, files included, to the
 * portal (it works without JavaScript); a wrong form is answered again (422) with the input kept and each
 * problem in the reader's language; a right one is applied for and answered by a redirect to the receipt,
 * which shows the access code once.
 */
export function applyPages(deps: PortalDeps): {
  'GET /agencies/{agencyId}/apply': PageHandler<'GET /agencies/{agencyId}/apply'>;
  'POST /agencies/{agencyId}/apply': PageHandler<'POST /agencies/{agencyId}/apply'>;
  'GET /applications/{trackingNumber}/receipt': PageHandler<'GET /applications/{trackingNumber}/receipt'>;
} {
  const agencyOf = async (agencyId: string) => {
    const agency = await deps.agencies.get(agencyId);
    if (agency === undefined) throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
    return agency;
  };

  return {
    'GET /agencies/{agencyId}/apply': async ({ params, t, now }) => {
      const agency = await agencyOf(params.agencyId);
      return formPage(t, 200, {
        agencyId: agency.agencyId,
        agencyName: agency.name,
        replyWorkingDays: policyOn(agency.policies, chinaDateOf(now)).replyWorkingDays,
        values: {},
        errors: [],
        formKey: newFormKey(),
        filesDropped: false,
      });
    },

    'POST /agencies/{agencyId}/apply': async ({ params, form, headers, t, now }) => {
      const agency = await agencyOf(params.agencyId);
      // Larger than a Lambda is given in the cloud (which answers before we could): refused the same here.
      if (Number(headers['content-length'] ?? 0) > MAX_FORM_BODY_BYTES)
        return tooLargePage(t, agency.agencyId);
      const chosen = form.files('attachments');
      const state = (problems: readonly ApplyProblem[], formKey: string): ApplyFormState => ({
        agencyId: agency.agencyId,
        agencyName: agency.name,
        replyWorkingDays: policyOn(agency.policies, chinaDateOf(now)).replyWorkingDays,
        values: form.values,
        errors: problems.map((problem) => ({ field: problem.field, message: messageOf(t, problem) })),
        formKey,
        filesDropped: chosen.length > 0,
      });
      const formKey = keptFormKey(form.get('formKey'));
      const fields = readFields(form);
      const files = await readFiles(chosen);
      if (fields.input === undefined || files.files === undefined)
        return formPage(t, 422, state(orderedProblems([...fields.problems, ...files.problems]), formKey));
      let applied: { trackingNumber: string; accessToken: string | null };
      try {
        applied = await applyWithForm(
          deps.applications,
          agency.agencyId,
          { input: fields.input, files: files.files, formKey },
          now,
        );
      } catch (error) {
        const problems =
          error instanceof RuleViolationError ? problemsOfRefusal(error.code, error.errors) : [];
        if (problems.length === 0) throw error;
        // A key used for another application: a new one, so that sending again is a new application.
        const reused = problems.some((problem) => problem.field === 'formKey');
        return formPage(t, 422, state(problems, reused ? newFormKey() : formKey));
      }
      const { trackingNumber, accessToken } = applied;
      const location = receiptPath(trackingNumber);
      // A replay after the receipt showed the code: the same receipt, and nothing that shows or grants it.
      if (accessToken === null) return { kind: 'redirect', location };
      return {
        kind: 'redirect',
        location,
        cookies: [signInCookie(trackingNumber, accessToken), receiptCookie(trackingNumber)],
      };
    },

    'GET /applications/{trackingNumber}/receipt': async ({ params, path, cookies, t, now }) => {
      const { trackingNumber } = params;
      const canonical = receiptPath(trackingNumber);
      // Cookie paths are case-sensitive: `2026-k7qx-3m9p` is read at the upper-case path its cookies name.
      if (path.split('?')[0] !== canonical) return { kind: 'redirect', location: canonical };
      const fromTheForm = cookies[RECEIPT_COOKIE] !== undefined;
      // The one-time cookie goes whatever follows: the code is shown once, at most, to this browser.
      const spent = fromTheForm ? [receiptShownCookie(trackingNumber)] : [];
      const token = accessTokenOf(cookies);
      const receipt =
        token === undefined
          ? undefined
          : await applicationReceipt(deps.applications, trackingNumber, token, fromTheForm, now).catch(
              (error: unknown) => {
                if (error instanceof NotFoundError) return undefined;
                throw error;
              },
            );
      const frame = {
        kind: 'page',
        cache: { kind: 'no-store' },
        referrer: 'no-referrer',
        robots: 'noindex',
        cookies: spent,
      } as const;
      if (receipt === undefined) return { ...frame, title: t('apply.noAccess.title'), body: <NoAccess /> };
      return {
        ...frame,
        title: t('apply.receipt.title'),
        crumbs: [
          { label: receipt.agencyName, href: `/agencies/${receipt.agencyId}` },
          { label: t('apply.receipt.details') },
        ],
        body: <Receipt receipt={receipt} accessToken={receipt.tokenShown ? token : undefined} />,
      };
    },
  };
}

function formPage(t: Translate, status: number, state: ApplyFormState): PageAnswer {
  const title = t('apply.title');
  return {
    kind: 'page',
    status,
    // As GOV.UK: the title says first that the page answers with errors (screen readers read it first).
    title: state.errors.length > 0 ? `${t('common.error.prefix')} ${title}` : title,
    crumbs: [{ label: state.agencyName, href: `/agencies/${state.agencyId}` }, { label: t('apply.crumb') }],
    cache: { kind: 'no-store' },
    body: <ApplyForm state={state} />,
  };
}

function tooLargePage(t: Translate, agencyId: string): PageAnswer {
  const size = sizeText(FORM_FILES.maxTotalBytes);
  return {
    kind: 'page',
    status: 413,
    title: t('apply.tooLarge.title'),
    cache: { kind: 'no-store' },
    robots: 'noindex',
    body: (
      <>
        <h1>{t('apply.tooLarge.title')}</h1>
        <p>{t('apply.tooLarge.body', { size })}</p>
        <p>
          <a href={`/agencies/${agencyId}/apply`}>{t('apply.tooLarge.back')}</a>
        </p>
      </>
    ),
  };
}

/** Each field's name as the form shows it (for a problem the catalogue has no words of its own for). */
const LABEL: Readonly<Record<ApplyField, MessageKey>> = {
  applicantType: 'apply.applicantType.label',
  name: 'apply.name.label',
  idType: 'apply.idType.label',
  idNumber: 'apply.idNumber.label',
  organisationType: 'apply.organisationType.label',
  legalRepresentative: 'apply.legalRepresentative.label',
  contactPerson: 'apply.contactPerson.label',
  contact: 'apply.contact.legend',
  address: 'apply.address.label',
  postcode: 'apply.postcode.label',
  phone: 'apply.phone.label',
  email: 'apply.email.label',
  description: 'apply.description.label',
  documentNumber: 'apply.documentNumber.label',
  form: 'apply.form.label',
  delivery: 'apply.delivery.label',
  attachments: 'apply.attachments.label',
  declaration: 'apply.declaration.label',
  formKey: 'apply.submit',
};

const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(catalogue['zh-CN'], key);

/** A problem in the reader's language: the field's own words for the reason, else a general one. */
export function messageOf(t: Translate, problem: ApplyProblem): string {
  if (isFileProblem(problem)) return fileMessage(t, problem);
  const key = `apply.error.${problem.field}.${problem.reason}`;
  if (isMessageKey(key)) return t(key, problem.values);
  return t('apply.error.invalid', { label: t(LABEL[problem.field]) });
}
