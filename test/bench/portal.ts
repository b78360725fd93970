import { gzipSync } from 'node:zlib';
import { assets } from '#lib/web/assets/index';
import { ACCESS_COOKIE } from '#lib/web/applicant-session';
import { benchCloud, counts, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * The citizen portal's pages, each next to the JSON route that reads the same data, in the same run:
 * latency through the local gateway (p50/p99), the server's render time alone (its `Server-Timing`),
 * DynamoDB items read per request, and the bytes a person downloads (gzip: the HTML, and the HTML with
 * the stylesheet and the script on a first visit). The pages read the demo agency of `npm start`.
 */
const N = 150;

type Measured = { p50: number; p99: number; renderP50: number | undefined; itemsRead: number; bytes: number };

export async function portalBench(): Promise<Table> {
  const cloud = await benchCloud();
  const agency = cloud.agencyId;
  const staff = { authorization: `Bearer ${cloud.tokens.clerk}` };

  const measure = async (path: string, headers: Record<string, string> = {}): Promise<Measured> => {
    const fetchOnce = async () => {
      const started = performance.now();
      const response = await fetch(`${cloud.baseUrl}${path}`, { headers });
      const body = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      const render = /render;dur=([0-9.]+)/.exec(response.headers.get('server-timing') ?? '')?.[1];
      return {
        ms: performance.now() - started,
        body,
        render: render === undefined ? undefined : Number(render),
      };
    };
    await fetchOnce(); // cold start and first reads are not what this measures
    const times: number[] = [];
    const renders: number[] = [];
    resetCounts();
    let body = Buffer.alloc(0);
    for (let i = 0; i < N; i += 1) {
      const once = await fetchOnce();
      times.push(once.ms);
      if (once.render !== undefined) renders.push(once.render);
      body = once.body;
    }
    return {
      p50: round(quantile(times, 0.5), 2),
      p99: round(quantile(times, 0.99), 2),
      renderP50: renders.length > 0 ? round(quantile(renders, 0.5), 2) : undefined,
      itemsRead: round(counts.itemsRead / N, 1),
      bytes: gzipSync(body).length,
    };
  };

  // Data the pages show: an application (its status page), and the demo agency's publications.
  const submitted = await fetch(`${cloud.baseUrl}/v1/agencies/${agency}/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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
  const application = (await submitted.json()) as { trackingNumber: string; accessToken: string };
  const listing = (await (
    await fetch(`${cloud.baseUrl}/v1/agencies/${agency}/publications?limit=5`)
  ).json()) as {
    items: { publicationId: string }[];
  };
  const publicationId = listing.items[0]?.publicationId;

  const assetBytes = gzipSync(assets.stylesheet.body).length + gzipSync(assets.script.body).length;
  type Pair = {
    name: string;
    path: string;
    headers?: Record<string, string>;
    json?: { path: string; headers?: Record<string, string> };
  };
  const pages: Pair[] = [
    { name: 'home (首页)', path: '/', json: { path: '/v1/agencies' } },
    { name: 'agency home', path: `/agencies/${agency}`, json: { path: `/v1/agencies/${agency}/catalogue` } },
    {
      name: 'guide (指南)',
      path: `/agencies/${agency}/guide`,
      json: { path: `/v1/agencies/${agency}/policy`, headers: staff },
    },
    {
      name: 'reading room',
      path: `/agencies/${agency}/publications`,
      json: { path: `/v1/agencies/${agency}/publications` },
    },
    ...(publicationId === undefined
      ? []
      : [
          {
            name: 'publication',
            path: `/publications/${publicationId}`,
            json: { path: `/v1/publications/${publicationId}` },
          },
        ]),
    { name: 'annual reports', path: `/agencies/${agency}/annual-reports` },
    { name: 'apply (form)', path: `/agencies/${agency}/apply` },
    { name: 'follow (form)', path: '/follow' },
    {
      name: 'status',
      path: `/applications/${application.trackingNumber}`,
      headers: { cookie: `${ACCESS_COOKIE}=${application.accessToken}` },
      json: {
        path: `/v1/applications/${application.trackingNumber}`,
        headers: { 'x-access-token': application.accessToken },
      },
    },
    { name: 'complain (form)', path: `/agencies/${agency}/complaints/new` },
  ];

  const rows: (string | number)[][] = [];
  for (const pair of pages) {
    const page = await measure(pair.path, pair.headers);
    const json = pair.json === undefined ? undefined : await measure(pair.json.path, pair.json.headers);
    rows.push([
      pair.name,
      page.p50,
      page.p99,
      page.renderP50 ?? '—',
      page.itemsRead,
      json ? `${json.p50} / ${json.p99}` : '—',
      json ? json.itemsRead : '—',
      page.bytes,
      page.bytes + assetBytes,
    ]);
  }
  return {
    title: `Portal pages next to the JSON route for the same data (${N} requests each, local gateway)`,
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
      `Stylesheet + script, gzip: ${assetBytes} bytes, fetched once (immutable for a year). Budget: 60 KB per page.`,
      'Render is the server-side TSX render alone (Server-Timing); the rest of a page’s time is the same reads the JSON route makes.',
    ],
  };
}
