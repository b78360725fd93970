import type { PortalDeps } from '../portal-deps';
import { PageError, type PageHandler } from '../page-function';

/** Complain (投诉举报). TODO(issue 13): being built. */
export function complaintPages(_deps: PortalDeps): {
  'GET /agencies/{agencyId}/complaints/new': PageHandler<'GET /agencies/{agencyId}/complaints/new'>;
  'POST /agencies/{agencyId}/complaints': PageHandler<'POST /agencies/{agencyId}/complaints'>;
  'GET /agencies/{agencyId}/complaints/{complaintId}': PageHandler<'GET /agencies/{agencyId}/complaints/{complaintId}'>;
} {
  const notYet = async (): Promise<never> => {
    throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
  };
  return {
    'GET /agencies/{agencyId}/complaints/new': notYet,
    'POST /agencies/{agencyId}/complaints': notYet,
    'GET /agencies/{agencyId}/complaints/{complaintId}': notYet,
  };
}
