import type { BuildOptions } from 'esbuild';

/**
 * How every function is bundled, defined once: the CDK stack hands these options to NodejsFunction
 * (which runs the locally installed esbuild, no Docker), and `npm run bench` bundles with the same ones
 * (`esbuildOptions`) to measure bundle size and cold-start import time.
 */
export const LAMBDA_NODE_TARGET = 'node22';

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

export const bundlingOptions = {
  minify: true,
  sourceMap: true,
  sourcesContent: false,
  target: LAMBDA_NODE_TARGET,
  mainFields: ['module', 'main'],
  banner: ESM_REQUIRE_BANNER,
  // The pages' words are Chinese: as UTF-8 a character takes 3 bytes, escaped (`\u516c`) it takes 6.
  // (An argument: NodejsFunction's own `charset` option does not reach esbuild's command line.)
  esbuildArgs: { '--charset': 'utf8' },
  // The SDK is bundled (tree-shaken, pinned by our lock file) rather than taken from the runtime, all but
  // the credential sources a Lambda function never reaches.
  externalModules: [...CREDENTIAL_SOURCES_LAMBDA_NEVER_USES] as string[],
} as const;

export const functionEntry = (name: string): string => `functions/${name}.ts`;

/** The esbuild options NodejsFunction derives from `bundlingOptions` (ESM output), for the bench. */
export const esbuildOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  minify: bundlingOptions.minify,
  sourcemap: bundlingOptions.sourceMap,
  sourcesContent: bundlingOptions.sourcesContent,
  target: bundlingOptions.target,
  mainFields: [...bundlingOptions.mainFields],
  banner: { js: bundlingOptions.banner },
  charset: bundlingOptions.esbuildArgs['--charset'],
  external: [...bundlingOptions.externalModules],
} as const satisfies BuildOptions;
