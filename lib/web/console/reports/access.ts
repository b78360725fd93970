import type { Principal } from '#lib/domain/staff';
import { PageError } from '../../page-function';
import { mayOpen } from '../may';

/** The API routes whose roles decide each action of the annual-report pages. */
export const ROUTES = {
  figures: 'PUT /v1/agencies/{agencyId}/annual-reports/{year}/figures',
  draft: 'POST /v1/agencies/{agencyId}/annual-reports/{year}/draft',
  narrative: 'PUT /v1/agencies/{agencyId}/annual-reports/{year}',
  publish: 'POST /v1/agencies/{agencyId}/annual-reports/{year}/publication',
  challenge: 'POST /v1/agencies/{agencyId}/legal-challenges',
  outcome: 'PUT /v1/agencies/{agencyId}/legal-challenges/{challengeId}',
} as const;

export const forbidden = (): PageError => new PageError(403, 'cRep.forbidden.title', 'cRep.forbidden.body');

/** The section's roles read the reports (and the cases table 四 counts). */
export function readerOf(principal: Principal): Principal {
  if (!mayOpen(principal.roles, '/console/annual-reports')) throw forbidden();
  return principal;
}
