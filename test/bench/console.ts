import { gzipSync } from 'node:zlib';
import { assets } from '#lib/web/assets/index';
import { SESSION_COOKIE } from '#lib/web/console/session';
import { benchCloud, counts, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * The staff console: signing in (the whole authorization-code + PKCE round trip through the local
 * identity), and each main page next to the JSON route that reads the same data, in the same run —
 * latency through the local gateway, render time alone (`Server-Timing`), DynamoDB items read per
 * request (the session check reads the staff record every time: 1 item), and the bytes downloaded.
 */
const N = 100;
const SIGN_INS = 30;

/** One sign-in as a browser does it, by hand: returns the session cookie and the time it took. */
export async function signIn(baseUrl: string, email: string): Promise<{ cookie: string; ms: number }> {
  const started = performance.now();
  const start = await fetch(`${baseUrl}/console/sign-in?return=%2Fconsole`, { redirect: 'manual' });
  const signInCookie = (start.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const authorize = new URL(start.headers.get('location') ?? '');
  const form = new URLSearchParams(authorize.searchParams);
  form.set('email', email);
  const chosen = await fetch(`${baseUrl}/_local/identity/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    redirect: 'manual',
  });
  const callback = await fetch(chosen.headers.get('location') ?? '', {
    headers: { cookie: signInCookie },
    redirect: 'manual',
  });
  const session = callback.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0] ?? '')
    .find((cookie) => cookie.startsWith(`${SESSION_COOKIE}=`) && cookie.length > SESSION_COOKIE.length + 1);
  if (callback.status !== 303 || session === undefined)
    throw new Error(`sign-in failed: ${callback.status} ${await callback.text()}`);
  return { cookie: session, ms: performance.now() - started };
}

export async function consoleBench(): Promise<Table[]> {
  const cloud = await benchCloud();
  const agency = cloud.agencyId;
  const email = cloud.staff.clerk.email;
  const bearer = { authorization: `Bearer ${cloud.tokens.clerk}` };

  const signIns: number[] = [];
  let cookie = '';
  await signIn(cloud.baseUrl, email); // the first fetches the JWKS: not what this measures
  for (let i = 0; i < SIGN_INS; i += 1) {
    const once = await signIn(cloud.baseUrl, email);
    signIns.push(once.ms);
    cookie = once.cookie;
  }

  const measure = async (path: string, headers: Record<string, string>) => {
    const fetchOnce = async () => {
      const started = performance.now();
      const response = await fetch(`${cloud.baseUrl}${path}`, { headers, redirect: 'manual' });
      const body = Buffer.from(await response.arrayBuffer());
      if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
      const render = /render;dur=([0-9.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1];
      return {
        ms: performance.now() - started,
        body,
        render: render === undefined ? undefined : Number(render),
      };
    };
    await fetchOnce();
    const times: number[] = [];
    const renders: number[] = [];
    let body = Buffer.alloc(0);
    resetCounts();
    for (let i = 0; i < N; i += 1) {
      const once = await fetchOnce();
      times.push(once.ms);
      if (once.render !== undefined) renders.push(once.render);
      body = once.body;
    }
    return {
      p50: round(quantile(times, 0.5), 2),
      p99: round(quantile(times, 0.99), 2),
      render: renders.length > 0 ? round(quantile(renders, 0.5), 2) : undefined,
      itemsRead: round(counts.itemsRead / N, 1),
      bytes: gzipSync(body).length,
    };
  };

  // An application on the demo agency's list, for the case page.
  await fetch(`${cloud.baseUrl}/v1/agencies/${agency}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
    body: JSON.stringify({
      applicant: {
        type: 'natural_person',
        name: '测试',
        idDocument: { type: 'resident_id_card', number: '110101199001010011' },
        address: '北京市东城区1号',
        phone: '13800000000',
      },
      request: { description: '2025年道路维修资金的使用情况', form: 'electronic', delivery: 'email' },
    }),
  });
  const list = (await (
    await fetch(`${cloud.baseUrl}/v1/agencies/${agency}/applications?limit=1`, { headers: bearer })
  ).json()) as { items: { trackingNumber: string }[] };
  const trackingNumber = list.items[0]?.trackingNumber;
  const year = Number(new Date().toISOString().slice(0, 4)) - 1;
  const session = { cookie };
  const pages: { name: string; path: string; json?: string; jsonAs?: Record<string, string> }[] = [
    { name: 'Today (待办)', path: '/console' },
    {
      name: 'applications list',
      path: '/console/applications',
      json: `/v1/agencies/${agency}/applications`,
    },
    ...(trackingNumber === undefined
      ? []
      : [
          {
            name: 'an application',
            path: `/console/applications/${trackingNumber}`,
            json: `/v1/agencies/${agency}/applications/${trackingNumber}`,
          },
        ]),
    { name: 'submissions', path: '/console/submissions', json: `/v1/agencies/${agency}/submissions` },
    {
      name: 'complaints',
      path: '/console/complaints',
      json: `/v1/agencies/${agency}/complaints`,
      // The API lists complaints to those who answer them.
      jsonAs: { authorization: `Bearer ${cloud.tokens.supervisor}` },
    },
    {
      name: `annual report ${year}`,
      path: `/console/annual-reports/${year}`,
      json: `/v1/agencies/${agency}/annual-reports/${year}`,
    },
  ];
  const assetBytes = gzipSync(assets.stylesheet.body).length + gzipSync(assets.script.body).length;
  const rows: (string | number)[][] = [];
  for (const page of pages) {
    const html = await measure(page.path, session);
    const json = page.json === undefined ? undefined : await measure(page.json, page.jsonAs ?? bearer);
    rows.push([
      page.name,
      html.p50,
      html.p99,
      html.render ?? '—',
      html.itemsRead,
      json ? `${json.p50} / ${json.p99}` : '—',
      json ? json.itemsRead : '—',
      html.bytes,
      html.bytes + assetBytes,
    ]);
  }
  return [
    {
      title: `Console sign-in: authorization code + PKCE through the local identity (${SIGN_INS} sign-ins)`,
      columns: ['round trip', 'p50 ms', 'p99 ms', 'requests'],
      rows: [
        [
          'sign-in → authorize → code → token → verified session',
          round(quantile(signIns, 0.5), 2),
          round(quantile(signIns, 0.99), 2),
          4,
        ],
      ],
      notes: [
        'The first sign-in of a function instance also fetches the issuer’s JWKS (cached ten minutes).',
      ],
    },
    {
      title: `Console pages next to the JSON route for the same data (${N} requests each, clerk of the demo agency)`,
      columns: [
        'page',
        'p50 ms',
        'p99 ms',
        'render p50 ms',
        'items read',
        'JSON p50 / p99 ms',
        'JSON items read',
        'HTML gzip bytes',
        'first visit gzip bytes (HTML+CSS+JS)',
      ],
      rows,
      notes: [
        'Every console page verifies the session (signature with the cached JWKS) and reads the staff record (1 item), as every staff API call does.',
      ],
    },
  ];
}
