import { cookieHeader, expiredCookie } from '../../cookies';

/**
 * How a browser holds a complainant's access to their complaint, as `applicant-session.ts` does for an
 * application: the access code in an HttpOnly, Secure, SameSite=Strict cookie scoped to the complaint's
 * own path, for the browser session; and, right after filing, a one-time cookie that lets the receipt show
 * the code once.
 */
export const COMPLAINT_COOKIE = '__Secure-gk-complaint';
export const COMPLAINT_CODE_ONCE_COOKIE = '__Secure-gk-complaint-code';

export const complaintPath = (agencyId: string, complaintId: string): string =>
  `/agencies/${agencyId}/complaints/${complaintId}`;

export const complaintSignInCookie = (agencyId: string, complaintId: string, accessCode: string): string =>
  cookieHeader(COMPLAINT_COOKIE, accessCode, {
    path: complaintPath(agencyId, complaintId),
    sameSite: 'Strict',
  });

/** Lets the receipt show the access code once (ten minutes at most). */
export const complaintCodeOnceCookie = (agencyId: string, complaintId: string): string =>
  cookieHeader(COMPLAINT_CODE_ONCE_COOKIE, '1', {
    path: complaintPath(agencyId, complaintId),
    sameSite: 'Strict',
    maxAge: 600,
  });
export const complaintCodeShownCookie = (agencyId: string, complaintId: string): string =>
  expiredCookie(COMPLAINT_CODE_ONCE_COOKIE, complaintPath(agencyId, complaintId));
export const complaintSignOutCookie = (agencyId: string, complaintId: string): string =>
  expiredCookie(COMPLAINT_COOKIE, complaintPath(agencyId, complaintId));
