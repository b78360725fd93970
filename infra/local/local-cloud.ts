import { join } from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { createS3Client } from '#lib/adapters/s3-client';
import { S3Uploads } from '#lib/adapters/s3-uploads';
import { LocalStaffDirectory, signLocalIdToken, type LocalIssuer } from '#lib/adapters/local-staff-directory';
import { RecordsTable } from '#lib/adapters/records-table';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import { loadConfigFor } from '#lib/config';
import type { StaffAccount } from '#lib/domain/staff';
import type { FunctionName, HttpFunctionName } from '#lib/platform/functions';
import { archiveBucket, recordsTable, uploadsBucket } from '#lib/platform/resources';
import { startDynamoDbLocal } from './dynamodb-local';
import { supervise, type Supervised } from './processes';
import { startGateway, type Gateway, type HttpHandler, type Invocation, type LocalControl } from './gateway';
import { loadOrCreateIdentity, loadOrCreateSecret, tokenVerifier } from './identity';
import { IDENTITY_PREFIX, localIdentityProvider } from './identity-provider';
import { provisionBuckets, provisionTable } from './provision';
import { startS3Local, S3RVER_CREDENTIALS } from './s3-local';
import { DailyScheduler } from './scheduler';
import { DEMO_AGENCY_ID, seedDemo, type DemoAccount } from './seed';
import { StreamPoller, type StreamHandler } from './stream-poller';

/**
 * The local cloud: DynamoDB Local, s3rver, the gateway, the stream poller and the daily scheduler, wired
 * to the same handlers and resource definitions as the AWS stack. Only endpoints and credentials differ.
 */
export type LocalCloudOptions = {
  /** Where data lives between runs (`.data`); undefined keeps everything in memory / a temp dir. */
  dataDir?: string | undefined;
  /** Gateway port; 0 picks a free one. */
  port?: number;
  /** A fixed business clock (GONGKAI_NOW). */
  fixedNow?: Date | undefined;
  /** Tests: honour the X-Gongkai-Now header per request. */
  allowClockHeader?: boolean;
  throttle?: boolean;
  /** Run the daily sweep at 00:30 CST. */
  schedule?: boolean;
  onRequest?: (line: { method: string; path: string; status: number; ms: number }) => void;
  log?: (message: string) => void;
  /**
   * DynamoDB Local or s3rver died and could not be restarted (or it kept its data in memory): the cloud
   * cannot serve, and says why. `npm start` prints it and stops everything.
   */
  onFatal?: (message: string) => void;
  /** Benchmarks: put something (a counting proxy) between the handlers and DynamoDB Local. */
  interceptDynamoDb?: (endpoint: string) => Promise<string>;
  /** Benchmarks: the same between the handlers (and presigned URLs) and s3rver. */
  interceptS3?: (endpoint: string) => Promise<string>;
  /** Benchmarks: every function invocation (HTTP, stream, schedule) with its handler's time. */
  onInvoke?: (invocation: Invocation) => void;
};

export type LocalCloudState = {
  baseUrl: string;
  agencyId: string;
  tokens: Record<DemoAccount, string>;
  staff: Record<DemoAccount, { staffId: string; email: string }>;
  dynamodbEndpoint: string;
  s3Endpoint: string;
  region: string;
  tableName: string;
  archiveBucket: string;
  uploadsBucket: string;
  /**
   * Tests only (with `allowClockHeader`): the local issuer's signing key, so a test can mint the tokens
   * an attacker would (dated ahead, with groups the account lacks) and see them refused.
   */
  issuer?: LocalIssuer;
};

export type LocalCloud = LocalCloudState & { stop: () => Promise<void>; drainStream: () => Promise<void> };

export const LOCAL_REGION = 'us-east-1';
const LOCAL_ISSUER = 'https://gongkai.local/issuer';

export async function startLocalCloud(options: LocalCloudOptions = {}): Promise<LocalCloud> {
  const log = options.log ?? (() => undefined);
  const stops: (() => Promise<void>)[] = [];
  const supervisors: Supervised[] = [];
  const stop = async () => {
    for (const supervisor of supervisors) supervisor.halt();
    for (const step of stops.reverse()) await step().catch((error: unknown) => console.error(error));
  };
  try {
    const [dynamo, s3] = await Promise.all([
      startDynamoDbLocal({
        dbPath: options.dataDir && join(options.dataDir, 'dynamodb'),
        region: LOCAL_REGION,
      }),
      startS3Local({ directory: options.dataDir && join(options.dataDir, 's3') }),
    ]);
    // A child that dies is started again on its port with its data; DynamoDB Local in memory cannot be,
    // and then the whole cloud stops saying so (never a gateway that answers 500 forever).
    const fatal = options.onFatal ?? ((message: string) => console.error(message));
    const restarted = (message: string) => console.error(message);
    const dynamoPort = Number(new URL(dynamo.endpoint).port);
    const dynamoSupervisor = supervise({
      first: dynamo.process,
      restart:
        options.dataDir === undefined
          ? undefined
          : async () =>
              (
                await startDynamoDbLocal({
                  dbPath: join(options.dataDir ?? '.data', 'dynamodb'),
                  region: LOCAL_REGION,
                  port: dynamoPort,
                })
              ).process,
      restarted,
      giveUp: fatal,
    });
    const s3Supervisor = supervise({ first: s3.process, restart: s3.restart, restarted, giveUp: fatal });
    supervisors.push(dynamoSupervisor, s3Supervisor);
    stops.push(
      () => dynamoSupervisor.stop(),
      () => s3Supervisor.stop(),
      () => s3.stop(),
    );

    const identity = await loadOrCreateIdentity(
      LOCAL_ISSUER,
      options.dataDir && join(options.dataDir, 'identity.json'),
    );
    const applicantKey = await loadOrCreateSecret(
      options.dataDir && join(options.dataDir, 'applicant-key.hex'),
    );
    // The environment the handlers read, as the CDK stack sets it for each Lambda.
    Object.assign(process.env, {
      AWS_REGION: LOCAL_REGION,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
      TABLE_NAME: recordsTable.localName,
      ARCHIVE_BUCKET: archiveBucket.localName,
      UPLOADS_BUCKET: uploadsBucket.localName,
      DYNAMODB_ENDPOINT: options.interceptDynamoDb
        ? await options.interceptDynamoDb(dynamo.endpoint)
        : dynamo.endpoint,
      S3_ENDPOINT: options.interceptS3 ? await options.interceptS3(s3.endpoint) : s3.endpoint,
      S3_FORCE_PATH_STYLE: 'true',
      LOCAL_IDENTITY_ISSUER: identity.issuer,
      LOCAL_IDENTITY_AUDIENCE: identity.audience,
      LOCAL_IDENTITY_PRIVATE_JWK: JSON.stringify(identity.privateJwk),
      APPLICANT_KEY: applicantKey,
      POWERTOOLS_SERVICE_NAME: 'gongkai',
      // Metrics are CloudWatch's business: locally they would only fill the terminal with EMF lines.
      POWERTOOLS_METRICS_DISABLED: 'true',
    });
    delete process.env.USER_POOL_ID;
    delete process.env.APPLICANT_KEY_SECRET_ARN;
    // Every function's variables are set above; the local cloud itself seeds the table.
    const config = loadConfigFor(process.env, {
      records: 'readWrite',
      archive: 'none',
      // The demo's documents carry files, uploaded as a browser uploads them.
      uploads: 'readWrite',
      userPool: false,
    });
    const credentials = {
      accessKeyId: S3RVER_CREDENTIALS.accessKeyId,
      secretAccessKey: S3RVER_CREDENTIALS.secretAccessKey,
    };

    const dynamoClient = new DynamoDBClient({ region: LOCAL_REGION, endpoint: dynamo.endpoint, credentials });
    const s3Client = new S3Client({
      region: LOCAL_REGION,
      endpoint: s3.endpoint,
      credentials,
      forcePathStyle: true,
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
    const { streamArn } = await provisionTable(dynamoClient, recordsTable);
    await provisionBuckets(s3Client);
    dynamoClient.destroy();
    s3Client.destroy();
    if (streamArn === undefined) throw new Error('The Records table has no stream');

    const table = new RecordsTable(createDocumentClient(config), config.tableName);
    const clock = () => options.fixedNow ?? new Date();
    const seedUploads = createS3Client(config);
    let accounts: Record<DemoAccount, StaffAccount>;
    try {
      accounts = await seedDemo(
        table,
        new LocalStaffDirectory(identity),
        new S3Uploads(seedUploads, config.uploadsBucket, table),
        clock(),
        log,
      );
    } finally {
      seedUploads.destroy();
    }

    /** A non-HTTP handler, reporting each invocation as the gateway reports HTTP ones. */
    const timed =
      <E, R>(name: FunctionName, handler: (event: E) => Promise<R>) =>
      async (event: E): Promise<R> => {
        const started = performance.now();
        try {
          return await handler(event);
        } finally {
          options.onInvoke?.({ function: name, ms: performance.now() - started, event });
        }
      };

    const handlers = new Map<string, HttpHandler>();
    const loadHandler = async (name: HttpFunctionName | 'fallback'): Promise<HttpHandler> => {
      let handler = handlers.get(name);
      if (handler === undefined) {
        const module = (await import(`#functions/${name}`)) as { handler: HttpHandler };
        handler = module.handler;
        handlers.set(name, handler);
      }
      return handler;
    };

    const archiver = (await import('#functions/archiver')) as { handler: StreamHandler };
    const poller = new StreamPoller(
      new DynamoDBStreamsClient({ region: LOCAL_REGION, endpoint: dynamo.endpoint, credentials }),
      streamArn,
      timed('archiver', archiver.handler),
      {
        region: LOCAL_REGION,
        onError: (error) => console.error('stream poller:', error),
      },
    );
    poller.start();
    stops.push(() => poller.stop());

    const sweep = (await import('#functions/sweep')) as {
      handler: (input: unknown) => Promise<unknown>;
      runSweep: (input: unknown, today: Date) => Promise<unknown>;
    };
    if (options.schedule ?? true) {
      const scheduler = new DailyScheduler(timed('sweep', sweep.handler), (error) =>
        console.error('scheduled sweep failed:', error),
      );
      scheduler.start();
      stops.push(async () => scheduler.stop());
    }

    const staffStore = new DynamoStaffStore(table);
    const demoAccountIds = Object.values(accounts).map((account) => account.staffId);
    const identityProvider = localIdentityProvider({
      identity,
      // The demo's accounts as they are now (disabled ones say so).
      listed: async () =>
        (await Promise.all(demoAccountIds.map((staffId) => staffStore.account(staffId)))).filter(
          (account): account is StaffAccount => account !== undefined,
        ),
      findByEmail: (email) => staffStore.findByEmail(email),
      account: (staffId) => staffStore.account(staffId),
    });
    const control: LocalControl = async ({ method, path, query, body, now }) => {
      if (path.startsWith(`${IDENTITY_PREFIX}/`)) {
        const answer = await identityProvider({ method, path, query, body });
        if (answer !== undefined) return answer;
      }
      if (method !== 'POST') return undefined;
      if (path === '/_local/sign-in') {
        const input = z.object({ email: z.string() }).safeParse(safeJson(body));
        if (!input.success) return { status: 400, json: { detail: 'body must be {"email": "..."}' } };
        const account = await staffStore.findByEmail(input.data.email.toLowerCase());
        if (account === undefined) return { status: 401, json: { detail: 'no such account' } };
        if (!account.enabled) return { status: 403, json: { detail: 'this account is disabled' } };
        return { status: 200, json: { token: await signLocalIdToken(identity, account, new Date()) } };
      }
      if (path === '/_local/stream/drain') {
        await poller.drain();
        return { status: 200, json: { drained: true } };
      }
      if (path === '/_local/sweep') {
        try {
          const run = timed('sweep', (input: unknown) => sweep.runSweep(input, now));
          return { status: 200, json: await run(safeJson(body)) };
        } catch (error) {
          // Only a refused input is the caller's fault; anything else is the sweep's, and says so.
          if (!(error instanceof z.ZodError)) throw error;
          return { status: 400, json: { detail: error.message } };
        }
      }
      return undefined;
    };

    const gateway: Gateway = await startGateway({
      port: options.port ?? 0,
      verifyToken: await tokenVerifier(identity),
      loadHandler,
      clock,
      allowClockHeader: options.allowClockHeader ?? false,
      throttle: options.throttle ?? true,
      control,
      ...(options.onRequest ? { onRequest: options.onRequest } : {}),
      ...(options.onInvoke ? { onInvoke: options.onInvoke } : {}),
    });
    stops.push(() => gateway.close());
    // The console signs staff in through the local identity, as through Cognito or any OIDC issuer:
    // only these addresses differ (set before the console function is first loaded).
    const identityBase = `${gateway.url}${IDENTITY_PREFIX}`;
    Object.assign(process.env, {
      STAFF_OIDC_ISSUER: identity.issuer,
      STAFF_OIDC_CLIENT_ID: identity.audience,
      STAFF_OIDC_AUTHORIZE_URL: `${identityBase}/authorize`,
      STAFF_OIDC_TOKEN_URL: `${identityBase}/token`,
      STAFF_OIDC_JWKS_URL: `${identityBase}/jwks.json`,
      STAFF_OIDC_LOGOUT_URL: `${identityBase}/logout`,
    });

    const tokens = {} as Record<DemoAccount, string>;
    const staff = {} as Record<DemoAccount, { staffId: string; email: string }>;
    for (const [role, account] of Object.entries(accounts) as [DemoAccount, StaffAccount][]) {
      tokens[role] = await signLocalIdToken(identity, account, new Date());
      staff[role] = { staffId: account.staffId, email: account.email };
    }
    return {
      baseUrl: gateway.url,
      agencyId: DEMO_AGENCY_ID,
      tokens,
      staff,
      dynamodbEndpoint: dynamo.endpoint,
      s3Endpoint: s3.endpoint,
      region: LOCAL_REGION,
      tableName: recordsTable.localName,
      archiveBucket: archiveBucket.localName,
      uploadsBucket: uploadsBucket.localName,
      ...(options.allowClockHeader === true ? { issuer: identity } : {}),
      stop,
      drainStream: () => poller.drain(),
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
