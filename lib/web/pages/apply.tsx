import type { PortalDeps } from '../portal-deps';
import { PageError, type PageHandler } from '../page-function';

/** Apply (在线申请) and the receipt (回执). TODO(issue 13): being built. */
export function applyPages(_deps: PortalDeps): {
  'GET /agencies/{agencyId}/apply': PageHandler<'GET /agencies/{agencyId}/apply'>;
  'POST /agencies/{agencyId}/apply': PageHandler<'POST /agencies/{agencyId}/apply'>;
  'GET /applications/{trackingNumber}/receipt': PageHandler<'GET /applications/{trackingNumber}/receipt'>;
} {
  const notYet = async (): Promise<never> => {
    throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
  };
  return {
    'GET /agencies/{agencyId}/apply': notYet,
    'POST /agencies/{agencyId}/apply': notYet,
    'GET /applications/{trackingNumber}/receipt': notYet,
  };
}
