import { DynamoDBClient, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { benchCloud, counts, resetCounts } from './local-cloud';
import { quantile, round, type Table } from './table';

/**
 * Submitting an application and deciding one: DynamoDB round trips and consumed capacity per operation,
 * and latency through the local gateway, next to a bare PutItem round trip to the same DynamoDB Local.
 */
const N = 200;

export async function applicationsBench(): Promise<Table> {
  const cloud = await benchCloud();
  const post = async (path: string, body: unknown, token?: string, now?: string) => {
    const started = performance.now();
    const response = await fetch(`${cloud.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(now ? { 'x-gongkai-now': now } : {}),
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return { ms: performance.now() - started, json };
  };
  const applicant = (i: number) => ({
    type: 'natural_person',
    name: '测试',
    idDocument: { type: 'resident_id_card', number: `11010119900101${String(i).padStart(4, '0')}` },
    address: '北京市东城区1号',
    phone: '13800000000',
  });
  const request = { description: '2025年道路维修资金', form: 'electronic', delivery: 'email' };

  // Warm-up: cold starts of the handlers are not what this measures.
  await post(`/v1/agencies/${cloud.agencyId}/applications`, { applicant: applicant(9999), request });

  resetCounts();
  const submitTimes: number[] = [];
  for (let i = 0; i < N; i += 1)
    submitTimes.push(
      (await post(`/v1/agencies/${cloud.agencyId}/applications`, { applicant: applicant(i), request })).ms,
    );
  const submitCounts = { ...counts, byOperation: new Map(counts.byOperation) };

  const ids: string[] = [];
  for (let i = 0; i < N; i += 1) {
    const { json } = await post(
      `/v1/agencies/${cloud.agencyId}/applications/registrations`,
      { channel: 'letter_registered', receivedOn: '2026-09-28', applicant: applicant(i), request },
      cloud.tokens.clerk,
      '2026-09-28T02:00:00Z',
    );
    ids.push(String(json.trackingNumber));
  }
  resetCounts();
  const decideTimes: number[] = [];
  for (const id of ids) {
    decideTimes.push(
      (
        await post(
          `/v1/agencies/${cloud.agencyId}/applications/${id}/decision`,
          {
            outcome: 'not_disclosed',
            reason: 'state_secret',
            legalBasis: '《条例》第十四条',
            reasons: '属于国家秘密',
          },
          cloud.tokens.clerk,
          '2026-10-09T02:00:00Z',
        )
      ).ms,
    );
  }
  const decideCounts = { ...counts, byOperation: new Map(counts.byOperation) };

  const direct = new DynamoDBClient({
    region: cloud.region,
    endpoint: cloud.dynamodbEndpoint,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
  });
  const putTimes: number[] = [];
  for (let i = 0; i < N; i += 1) {
    const started = performance.now();
    await direct.send(
      new PutItemCommand({
        TableName: cloud.tableName,
        Item: { pk: { S: `BENCH#${i}` }, sk: { S: 'x' }, v: { S: 'y' } },
      }),
    );
    putTimes.push(performance.now() - started);
  }
  direct.destroy();

  const perOp = (c: typeof counts) => ({
    trips: round(c.requests / N, 2),
    write: round(c.writeUnits / N, 1),
    read: round(c.readUnits / N, 1),
    detail: [...c.byOperation].map(([operation, count]) => `${operation} ${round(count / N, 2)}`).join(', '),
  });
  const submit = perOp(submitCounts);
  const decide = perOp(decideCounts);
  return {
    title: `Applications: cost and latency per operation (${N} each, sequential, local gateway → DynamoDB Local)`,
    columns: ['operation', 'DynamoDB round trips', 'write units', 'read units', 'p50 ms', 'p99 ms', 'calls'],
    rows: [
      [
        'submit an application (POST …/applications)',
        submit.trips,
        submit.write,
        submit.read,
        round(quantile(submitTimes, 0.5)),
        round(quantile(submitTimes, 0.99)),
        submit.detail,
      ],
      [
        'decide (POST …/{id}/decision)',
        decide.trips,
        decide.write,
        decide.read,
        round(quantile(decideTimes, 0.5)),
        round(quantile(decideTimes, 0.99)),
        decide.detail,
      ],
      [
        'baseline: bare PutItem to DynamoDB Local',
        1,
        '1',
        '0',
        round(quantile(putTimes, 0.5)),
        round(quantile(putTimes, 0.99)),
        'PutItem 1',
      ],
    ],
    notes: [
      'Write units as DynamoDB Local reports them for TransactWriteItems (2 per item written transactionally).',
    ],
  };
}
