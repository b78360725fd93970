import type { PortalDeps } from '../portal-deps';
import type { PageHandler } from '../page-function';
import { agencyHomePage } from './reading/agency-home';
import {
  annualReportPage,
  annualReportsPage,
  publicCompliancePage,
  rollUpPage,
} from './reading/annual-reports';
import { guidePage } from './reading/guide';
import { publicationFilePage, publicationPage } from './reading/publication';
import { publicationsPage } from './reading/publications';

/**
 * Finding and reading: the agency's home, its guide (指南, Reg. 22), its reading room (主动公开) and each
 * publication with its files and versions, its annual reports. Public pages, cached by shared caches
 * (`s-maxage`), indexable, and whole without JavaScript.
 */
export function readingPages(deps: PortalDeps): {
  'GET /agencies/{agencyId}': PageHandler<'GET /agencies/{agencyId}'>;
  'GET /agencies/{agencyId}/guide': PageHandler<'GET /agencies/{agencyId}/guide'>;
  'GET /agencies/{agencyId}/publications': PageHandler<'GET /agencies/{agencyId}/publications'>;
  'GET /publications/{publicationId}': PageHandler<'GET /publications/{publicationId}'>;
  'GET /publications/{publicationId}/files/{file}': PageHandler<'GET /publications/{publicationId}/files/{file}'>;
  'GET /agencies/{agencyId}/annual-reports': PageHandler<'GET /agencies/{agencyId}/annual-reports'>;
  'GET /agencies/{agencyId}/annual-reports/{year}': PageHandler<'GET /agencies/{agencyId}/annual-reports/{year}'>;
  'GET /agencies/{agencyId}/roll-ups/{year}': PageHandler<'GET /agencies/{agencyId}/roll-ups/{year}'>;
  'GET /agencies/{agencyId}/compliance/{year}': PageHandler<'GET /agencies/{agencyId}/compliance/{year}'>;
} {
  return {
    'GET /agencies/{agencyId}': agencyHomePage(deps),
    'GET /agencies/{agencyId}/guide': guidePage(deps),
    'GET /agencies/{agencyId}/publications': publicationsPage(deps),
    'GET /publications/{publicationId}': publicationPage(deps),
    // The files of publications are the kept copies in the uploads bucket, as the applications' are.
    'GET /publications/{publicationId}/files/{file}': publicationFilePage({
      readingRoom: deps.readingRoom,
      uploads: deps.applications.uploads,
    }),
    'GET /agencies/{agencyId}/annual-reports': annualReportsPage(deps),
    'GET /agencies/{agencyId}/annual-reports/{year}': annualReportPage(deps),
    'GET /agencies/{agencyId}/roll-ups/{year}': rollUpPage(deps),
    'GET /agencies/{agencyId}/compliance/{year}': publicCompliancePage(deps),
  };
}
