import { App } from 'aws-cdk-lib';
import { bundleTargetOf, type BundleTarget } from '#infra/bundling';
import { profileOf, type ProfileName } from '#infra/profile';
/**
 * The environment a deployed function starts with (what Lambda sets and what our stack adds), for
 * importing its bundle outside Lambda: the cold-start bench and the bundle test. The applicant key is
 * inline, as in the local cloud (deployed, it is one Secrets Manager read per cold start).
 */
export const deployedEnvironment = {
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  AWS_SESSION_TOKEN: 'bench',
  TABLE_NAME: 'bench-records',
  ARCHIVE_BUCKET: 'bench-archive',
  UPLOADS_BUCKET: 'bench-uploads',
  USER_POOL_ID: 'cn-north-1_bench',
  APPLICANT_KEY: 'a'.repeat(64),
  STAFF_OIDC_ISSUER: 'https://idp.bench.example/realms/staff',
  STAFF_OIDC_CLIENT_ID: 'bench-console',
  STAFF_OIDC_AUTHORIZE_URL: 'https://idp.bench.example/realms/staff/authorize',
  STAFF_OIDC_TOKEN_URL: 'https://idp.bench.example/realms/staff/token',
  STAFF_OIDC_JWKS_URL: 'https://idp.bench.example/realms/staff/jwks',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  // As deployed: the functions run with source maps enabled.
  NODE_OPTIONS: '--enable-source-maps',
} as const;

/** The same, for a deployment's bundle target: the stack turns the tracer off where there is no X-Ray. */
export const deployedEnvironmentFor = (target: BundleTarget) =>
  ({ ...deployedEnvironment, POWERTOOLS_TRACE_ENABLED: String(target.tracing) }) as const;

/** A profile's bundle target as its default settings make it (`-c profile=…` and nothing else). */
export const bundleTargetFor = (name: ProfileName): BundleTarget =>
  bundleTargetOf(profileOf(new App({ context: { profile: name } }).node));
