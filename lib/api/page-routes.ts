import * as z from 'zod';
import { AgencyId } from '#lib/domain/agency';
import { TrackingNumber } from '#lib/domain/application/secrets';
import type { HttpFunctionName } from '#lib/platform/functions';
import { consoleRoutes } from './console-routes';

/**
 * The people's pages — the citizen portal and the staff console (工作台) — in the same route table as the
 * API: the CDK stack creates an API Gateway route for each, without an authorizer (citizens prove who they
 * are with their tracking number and access token, posted, never in a URL; staff with the console's
 * session cookie, which the console function verifies itself), and the local gateway matches them as it
 * does the API's. `GET` pages answer HTML; `POST` routes are forms (CSRF-checked) answered by a redirect
 * or, when the input is wrong, by the same page with the errors.
 */
export type PageMethod = 'GET' | 'POST';
export type PageFunctionName = Extract<HttpFunctionName, 'portal' | 'console'>;
export type PageRouteDefinition = {
  readonly kind: 'page';
  readonly method: PageMethod;
  /** Outside `/v1/`: the API owns that prefix. */
  readonly path: '/' | `/${Exclude<string, `v1/${string}`>}`;
  readonly function: PageFunctionName;
  /**
   * `public`: anyone (the portal; the console's sign-in pages). `session`: a signed-in staff member whose
   * account is enabled now; the handler is given their principal.
   */
  readonly access: 'public' | 'session';
  readonly summary: string;
  readonly params?: z.ZodObject | undefined;
  /** Forms that write are throttled like the API's public writes. */
  readonly throttle?: { readonly rateLimit: number; readonly burstLimit: number };
  /**
   * A `GET` page shared caches (CloudFront) may keep, for the `s-maxage` its answer gives: `page` when it
   * depends on nothing but its path, query, language (`Accept-Language`, the language cookie) and text size
   * (its cookie) — the edge keys its copies on exactly those and forwards nothing else; `asset` when it
   * depends on its path alone. Every other page is never kept by a shared cache, whatever it answers.
   */
  readonly sharedCache?: SharedCache;
};
export type SharedCache = 'page' | 'asset';

const PublicationId = z.string().regex(/^pub_[0-9a-f]{12}$/, 'must be a publication id');
const Year = z.coerce.number().int().min(2008).max(2100);
export const PagePaths = {
  agency: z.object({ agencyId: AgencyId }),
  publication: z.object({ publicationId: PublicationId }),
  /** A file of a publication: its attachment's number (1-based), or its interpretation (解读). */
  publicationFile: z.object({
    publicationId: PublicationId,
    file: z.string().regex(/^(?:[1-9][0-9]?|interpretation)$/, 'must be a file number or "interpretation"'),
  }),
  report: z.object({ agencyId: AgencyId, year: Year }),
  application: z.object({ trackingNumber: TrackingNumber }),
  complaint: z.object({
    agencyId: AgencyId,
    complaintId: z.string().regex(/^cmp_[0-9a-f]{12}$/, 'must be a complaint id'),
  }),
  asset: z.object({ file: z.string().regex(/^[a-z]+\.[0-9a-f]{12}\.(?:css|js)$/, 'must be an asset name') }),
} as const;

/** Public form posts: per route, across all callers (the API's public throttle). */
const formThrottle = { rateLimit: 50, burstLimit: 100 };

const page = <
  const M extends PageMethod,
  const P extends PageRouteDefinition['path'],
  S extends z.ZodObject | undefined = undefined,
>(
  method: M,
  path: P,
  summary: string,
  params?: S,
) =>
  ({
    kind: 'page',
    method,
    path,
    function: 'portal',
    access: 'public',
    summary,
    params: params as S,
    ...(method === 'POST' ? { throttle: formThrottle } : {}),
  }) as const;

/** A `GET` page that shared caches may keep (see `sharedCache`). */
const shared = <const R extends { readonly method: 'GET' }, const C extends SharedCache>(
  cache: C,
  route: R,
) => ({ ...route, sharedCache: cache }) as const;
/** A public page of the portal or the reading room, the same for every reader of one language. */
const sharedPage = <
  const P extends PageRouteDefinition['path'],
  S extends z.ZodObject | undefined = undefined,
>(
  path: P,
  summary: string,
  params?: S,
) => shared('page', page('GET', path, summary, params));

export const portalRoutes = [
  sharedPage('/', 'Home (首页): find an agency by name; the directory by tree and level'),
  shared(
    'asset',
    page('GET', '/assets/{file}', 'The fingerprinted stylesheet and script (immutable)', PagePaths.asset),
  ),
  page('GET', '/preferences', 'Language and large text (适老化): sets a cookie and returns'),
  sharedPage(
    '/agencies/{agencyId}',
    'Agency home: office, catalogue, latest publications, reports',
    PagePaths.agency,
  ),
  sharedPage('/agencies/{agencyId}/guide', '政府信息公开指南 (Reg. 22)', PagePaths.agency),
  sharedPage(
    '/agencies/{agencyId}/publications',
    'Reading room (主动公开): by category, year, search',
    PagePaths.agency,
  ),
  sharedPage(
    '/publications/{publicationId}',
    'A publication, its files and its versions',
    PagePaths.publication,
  ),
  page(
    'GET',
    '/publications/{publicationId}/files/{file}',
    'A file of a publication: a redirect to a short-lived link to the copy kept when it was published',
    PagePaths.publicationFile,
  ),
  sharedPage('/agencies/{agencyId}/annual-reports', 'The agency’s annual reports', PagePaths.agency),
  sharedPage(
    '/agencies/{agencyId}/annual-reports/{year}',
    'An annual report in the national format',
    PagePaths.report,
  ),
  sharedPage(
    '/agencies/{agencyId}/compliance/{year}',
    'The public part of compliance over a government’s tree for a year: applications received and answered, items published, annual reports published',
    PagePaths.report,
  ),
  sharedPage(
    '/agencies/{agencyId}/roll-ups/{year}',
    'A government’s published roll-up (汇总) of its agencies’ annual reports, in the national format',
    PagePaths.report,
  ),
  page('GET', '/agencies/{agencyId}/apply', 'Apply (在线申请, Reg. 29): the form', PagePaths.agency),
  page('POST', '/agencies/{agencyId}/apply', 'Apply: submit the form', PagePaths.agency),
  page(
    'GET',
    '/applications/{trackingNumber}/receipt',
    'The receipt (回执), shown once',
    PagePaths.application,
  ),
  page('GET', '/follow', 'Follow an application (查询): tracking number and access token'),
  page('POST', '/follow', 'Follow: open the application'),
  page('GET', '/applications/{trackingNumber}', 'An application’s status', PagePaths.application),
  page('POST', '/applications/{trackingNumber}/supplement', 'Supplement (补正)', PagePaths.application),
  page(
    'POST',
    '/applications/{trackingNumber}/reasons',
    'The applicant’s reasons, when asked (Reg. 35)',
    PagePaths.application,
  ),
  page('GET', '/applications/{trackingNumber}/withdrawal', 'Withdraw: confirm', PagePaths.application),
  page('POST', '/applications/{trackingNumber}/withdrawal', 'Withdraw', PagePaths.application),
  page(
    'POST',
    '/applications/{trackingNumber}/sign-out',
    'Forget this application on this browser',
    PagePaths.application,
  ),
  page(
    'GET',
    '/agencies/{agencyId}/complaints/new',
    'Complain (投诉举报, Reg. 51): the form',
    PagePaths.agency,
  ),
  page('POST', '/agencies/{agencyId}/complaints', 'Complain: submit', PagePaths.agency),
  page(
    'GET',
    '/agencies/{agencyId}/complaints/{complaintId}',
    'A complaint’s receipt and answer date',
    PagePaths.complaint,
  ),
  page(
    'POST',
    '/agencies/{agencyId}/complaints/{complaintId}',
    'Open a complaint’s receipt with its access code',
    PagePaths.complaint,
  ),
] as const satisfies readonly PageRouteDefinition[];

export const pageRoutes = [...portalRoutes, ...consoleRoutes] as const;

export type PageRoute = (typeof pageRoutes)[number];
type KeyOf<R> = R extends PageRoute ? `${R['method']} ${R['path']}` : never;
export type PageRouteKey = KeyOf<PageRoute>;
/** The page routes one function serves. */
export type PageRouteKeyOf<F extends PageFunctionName> = KeyOf<Extract<PageRoute, { function: F }>>;
