import type { PortalDeps } from '../portal-deps';
import { PageError, type PageHandler } from '../page-function';

/** Agency home, guide (指南), reading room, publications and annual reports. TODO(issue 13): being built. */
export function readingPages(_deps: PortalDeps): {
  'GET /agencies/{agencyId}': PageHandler<'GET /agencies/{agencyId}'>;
  'GET /agencies/{agencyId}/guide': PageHandler<'GET /agencies/{agencyId}/guide'>;
  'GET /agencies/{agencyId}/publications': PageHandler<'GET /agencies/{agencyId}/publications'>;
  'GET /publications/{publicationId}': PageHandler<'GET /publications/{publicationId}'>;
  'GET /agencies/{agencyId}/annual-reports': PageHandler<'GET /agencies/{agencyId}/annual-reports'>;
  'GET /agencies/{agencyId}/annual-reports/{year}': PageHandler<'GET /agencies/{agencyId}/annual-reports/{year}'>;
} {
  const notYet = async (): Promise<never> => {
    throw new PageError(404, 'common.notFound.title', 'common.notFound.body');
  };
  return {
    'GET /agencies/{agencyId}': notYet,
    'GET /agencies/{agencyId}/guide': notYet,
    'GET /agencies/{agencyId}/publications': notYet,
    'GET /publications/{publicationId}': notYet,
    'GET /agencies/{agencyId}/annual-reports': notYet,
    'GET /agencies/{agencyId}/annual-reports/{year}': notYet,
  };
}
