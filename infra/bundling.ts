import type { BuildOptions } from 'esbuild';
import type { FunctionDefinition } from '#lib/platform/functions';
import type { DeploymentProfile } from './profile';

/**
 * How every function is bundled, defined once: the CDK stack hands these options to NodejsFunction
 * (which runs the locally installed esbuild, no Docker), and `npm run bench` bundles with the same ones
 * (`esbuildOptions`) to measure bundle size and cold-start import time.
 */
export const LAMBDA_NODE_TARGET = 'node22';

/** UTF-8 output (esbuild escapes non-ASCII characters by default). */
const CHARSET = 'utf8';

/** ESM bundles need `require` for the CommonJS dependencies they inline. */
export const ESM_REQUIRE_BANNER =
  "import { createRequire } from 'module'; const require = createRequire(import.meta.url);";

/**
 * The credential sources the SDK's default chain imports lazily (`await import(…)`) after its first link,
 * the environment. Lambda always sets AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN, so a
 * function never reaches them; inlined, they and the STS, SSO and sign-in clients they build on weigh
 * ~80 KB in every bundle. Left out, a function whose environment lacked credentials would fail with "Cannot
 * find package '@aws-sdk/credential-provider-ini'" instead of reading a profile Lambda does not have.
 */
export const CREDENTIAL_SOURCES_LAMBDA_NEVER_USES = [
  '@aws-sdk/credential-provider-sso',
  '@aws-sdk/credential-provider-ini',
  '@aws-sdk/credential-provider-process',
  '@aws-sdk/credential-provider-web-identity',
  '@aws-sdk/credential-provider-http',
  '@smithy/credential-provider-imds',
] as const;

/**
 * The SDK's event-stream code (~20 KB): the S3 client loads it at start; every other client only on an
 * operation with an event stream, and none of those we call has one (DynamoDB, Cognito, Secrets Manager,
 * SESv2). A function granted no bucket builds no S3 client (its configuration names none), so its bundle
 * leaves the code out; calling an event-stream operation there would fail with "Cannot find package
 * '@smithy/core/event-streams'". `test/infra/bundles.test.ts` imports every bundle on its own.
 */
export const EVENT_STREAMS = '@smithy/core/event-streams';
const buildsS3Client = (definition: FunctionDefinition): boolean =>
  definition.archive !== 'none' || definition.uploads !== 'none';

/** What a deployment's functions can reach, by its profile; it decides what their bundles leave out. */
export type BundleTarget = Readonly<{
  /** X-Ray through Powertools Tracer: not where Lambda offers no X-Ray (the China Regions). */
  tracing: boolean;
  /** The mail client the sweep's notifier uses (`lib/adapters/notifiers.ts`). */
  mail: DeploymentProfile['mail'];
}>;

export const bundleTargetOf = (profile: Pick<DeploymentProfile, 'name' | 'mail'>): BundleTarget => ({
  // X-Ray's integration with Lambda is not offered in the China Regions (docs.amazonaws.cn, Lambda).
  tracing: profile.name !== 'china',
  mail: profile.mail,
});

/**
 * Powertools Tracer and the X-Ray SDK under it (~115 KB): `lib/adapters/traced.ts` imports it only where
 * tracing is on, so a deployment without tracing leaves it out.
 */
export const TRACER = '@aws-lambda-powertools/tracer';
/** Each mail client (`lib/adapters/notifiers.ts` imports the one configured): nodemailer is ~240 KB. */
export const MAIL_CLIENTS = { ses: '@aws-sdk/client-sesv2', smtp: 'nodemailer' } as const;

/**
 * What is fixed at build time: without tracing, `POWERTOOLS_TRACE_ENABLED` is `false` in the bundle itself,
 * so `lib/adapters/traced.ts` never reaches for the tracer it leaves out, whatever the environment says.
 */
export function definesOf(target: BundleTarget): Record<string, string> {
  return target.tracing ? {} : { 'process.env.POWERTOOLS_TRACE_ENABLED': JSON.stringify('false') };
}

/** What esbuild leaves out of a function's bundle. */
export function externalModulesOf(definition: FunctionDefinition, target: BundleTarget): string[] {
  return [
    ...CREDENTIAL_SOURCES_LAMBDA_NEVER_USES,
    ...(buildsS3Client(definition) ? [] : [EVENT_STREAMS]),
    ...(target.tracing ? [] : [TRACER]),
    MAIL_CLIENTS[target.mail === 'ses' ? 'smtp' : 'ses'],
  ];
}

/**
 * NodejsFunction's bundling options for a function. The SDK is bundled (tree-shaken, pinned by our lock
 * file) rather than taken from the runtime, all but what the function never reaches (`externalModulesOf`).
 */
export function bundlingOptionsOf(definition: FunctionDefinition, target: BundleTarget) {
  return {
    minify: true,
    sourceMap: true,
    sourcesContent: false,
    target: LAMBDA_NODE_TARGET,
    mainFields: ['module', 'main'],
    banner: ESM_REQUIRE_BANNER,
    // The pages' words are Chinese: as UTF-8 a character takes 3 bytes, escaped (`\u516c`) it takes 6.
    // (An argument: NodejsFunction's own `charset` option does not reach esbuild's command line.)
    esbuildArgs: { '--charset': CHARSET },
    externalModules: externalModulesOf(definition, target),
    define: definesOf(target),
  };
}

export const functionEntry = (name: string): string => `functions/${name}.ts`;

/** The esbuild options NodejsFunction derives from `bundlingOptionsOf` (ESM output), for the bench and tests. */
export function esbuildOptionsOf(definition: FunctionDefinition, target: BundleTarget) {
  const options = bundlingOptionsOf(definition, target);
  return {
    entryPoints: [functionEntry(definition.name)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    minify: options.minify,
    sourcemap: options.sourceMap,
    sourcesContent: options.sourcesContent,
    target: options.target,
    mainFields: [...options.mainFields],
    banner: { js: options.banner },
    charset: CHARSET,
    external: options.externalModules,
    define: options.define,
  } as const satisfies BuildOptions;
}
