import { proactiveDeps } from '#lib/adapters/proactive-deps';
import { staffAccountLookup } from '#lib/adapters/staff-store';
import { reviewRoutes } from '#lib/api/routes/review';
import { loadConfig } from '#lib/config';
import { claimsAsAuthorizerPassesThem } from '#lib/http/claims';
import { httpFunction, ok, type RouteHandlers } from '#lib/http/handler';
import type { HttpEvent, StaffAccountOf } from '#lib/http/request';
import { CLAIM } from '#lib/platform/identity-claims';
import { reviewQueue } from '#lib/use-cases/proactive';
import { benchCloud, counts, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * The revocation check (issue 12, point 1): a staff request that reads the account's current record
 * before it runs, next to the same request trusting the token alone, in the same run. Both handlers are
 * the review function's, called in-process against DynamoDB Local through the counting proxy; only the
 * account lookup differs (the baseline answers from memory what the token says).
 */
const N = 300;

export async function staffCheckBench(): Promise<Table> {
  const cloud = await benchCloud();
  const config = loadConfig(process.env, 'review');
  const deps = proactiveDeps(config);
  const handlers: RouteHandlers<'review'> = {
    'POST /v1/agencies/{agencyId}/submissions/{submissionId}/reviews': async () => ok({}),
    'GET /v1/agencies/{agencyId}/reviews/queue': async ({ principal, params, query }) =>
      ok(await reviewQueue(deps, principal, params.agencyId, query)),
  };
  const reviewer = cloud.staff.reviewer;
  const fromToken: StaffAccountOf = async (staffId) => ({
    staffId,
    agencyId: cloud.agencyId,
    email: reviewer.email,
    name: 'reviewer',
    roles: ['reviewer'],
    enabled: true,
    createdAt: '2026-01-01T09:00:00.000+08:00',
    version: 1,
  });
  const checked = httpFunction(reviewRoutes, handlers, staffAccountLookup(config));
  const trusting = httpFunction(reviewRoutes, handlers, fromToken);

  const routeKey = 'GET /v1/agencies/{agencyId}/reviews/queue';
  const event = (i: number): HttpEvent => ({
    version: '2.0',
    routeKey,
    rawPath: `/v1/agencies/${cloud.agencyId}/reviews/queue`,
    rawQueryString: '',
    headers: {},
    pathParameters: { agencyId: cloud.agencyId },
    isBase64Encoded: false,
    requestContext: {
      accountId: '0',
      apiId: 'bench',
      domainName: 'bench',
      domainPrefix: 'bench',
      http: {
        method: 'GET',
        path: `/v1/agencies/${cloud.agencyId}/reviews/queue`,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'bench',
      },
      requestId: `bench-${i}`,
      routeKey,
      stage: '$default',
      time: '',
      timeEpoch: Date.now(),
      authorizer: {
        jwt: {
          claims: claimsAsAuthorizerPassesThem({
            [CLAIM.staffId]: reviewer.staffId,
            [CLAIM.agencyId]: cloud.agencyId,
            [CLAIM.groups]: ['reviewer'],
            iat: Math.floor(Date.now() / 1000),
          }),
          scopes: null,
        },
      },
    },
  });

  const measure = async (handler: typeof checked) => {
    const times: number[] = [];
    let requests = 0;
    let readUnits = 0;
    let getItems = 0;
    let status = 0;
    for (let i = 0; i < N; i += 1) {
      resetCounts();
      const started = performance.now();
      const result = await handler(event(i));
      times.push(performance.now() - started);
      status = result.statusCode ?? 0;
      if (status !== 200) throw new Error(`the staff request answered ${status}: ${result.body ?? ''}`);
      requests += counts.requests;
      readUnits += counts.readUnits;
      getItems += counts.byOperation.get('GetItem') ?? 0;
    }
    return { times, requests: requests / N, readUnits: readUnits / N, getItems: getItems / N, status };
  };
  // Warm both (cold clients are not what this measures), then alternate rounds so load affects both alike.
  await measure(checked);
  await measure(trusting);
  type Result = Awaited<ReturnType<typeof measure>>;
  const rounds: { checked: Result[]; trusting: Result[] } = { checked: [], trusting: [] };
  for (let round = 0; round < 3; round += 1) {
    rounds.checked.push(await measure(checked));
    rounds.trusting.push(await measure(trusting));
  }
  const row = (label: string, results: Result[]) => {
    const times = results.flatMap((result) => result.times);
    const first = results[0];
    return [
      label,
      first?.status ?? 0,
      round(first?.requests ?? 0, 2),
      round(first?.getItems ?? 0, 2),
      round(first?.readUnits ?? 0, 2),
      round(quantile(times, 0.5), 2),
      round(quantile(times, 0.99), 2),
    ];
  };
  return {
    title: `Staff request with the revocation check, next to trusting the token (review queue, ${3 * N} requests each)`,
    columns: ['request', 'status', 'DynamoDB round trips', 'GetItem', 'RCU', 'p50 ms', 'p99 ms'],
    rows: [
      row('with the check (current account read by key)', rounds.checked),
      row('token alone (baseline, before issue 12)', rounds.trusting),
    ],
    notes: [
      'The check is one strongly consistent GetItem of the staff item (1 RCU for an item under 4 KB), so a disable or demotion bites at the next request; no cache. Latency is in-process handler time against DynamoDB Local, no gateway.',
    ],
  };
}
