import * as z from 'zod';
import { functionDefinitions, type FunctionDefinition, type FunctionName } from '#lib/platform/functions';

/**
 * Configuration, read once at cold start from the environment and frozen. What a function needs follows
 * from its one definition in `lib/platform/functions.ts` (the same grants from which the CDK stack sets
 * its environment and its IAM): a function with access to the Records table has `tableName`, and only
 * then. A missing or malformed variable fails the cold start with its name; there are no placeholder
 * values. The same variables serve the cloud and the local cloud: only endpoints and credentials differ.
 */
const Env = z.object({
  AWS_REGION: z.string().min(1),
  TABLE_NAME: z.string().min(1).optional(),
  ARCHIVE_BUCKET: z.string().min(1).optional(),
  UPLOADS_BUCKET: z.string().min(1).optional(),
  /** Endpoint overrides: set by the local cloud, absent in AWS. */
  DYNAMODB_ENDPOINT: z.url().optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false'),
  /**
   * Where staff accounts live: Cognito (global profile), an external OpenID Connect provider
   * (`STAFF_DIRECTORY=external`, china profile), a local issuer in the local cloud.
   */
  USER_POOL_ID: z.string().min(1).optional(),
  STAFF_DIRECTORY: z.enum(['external']).optional(),
  LOCAL_IDENTITY_ISSUER: z.url().optional(),
  LOCAL_IDENTITY_AUDIENCE: z.string().min(1).optional(),
  LOCAL_IDENTITY_PRIVATE_JWK: z.string().min(1).optional(),
  /** The secret the applicant key (a keyed hash of identity numbers) is computed with. */
  APPLICANT_KEY_SECRET_ARN: z.string().min(1).optional(),
  APPLICANT_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits')
    .optional(),
  /**
   * Where notifications are e-mailed from: SES (global profile) or an SMTP relay (china profile: host,
   * port, sender, and the secret holding `{"username","password"}`); without either they stay in the outbox.
   */
  SES_FROM_ADDRESS: z.email().optional(),
  SMTP_HOST: z.string().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(465),
  SMTP_FROM: z.email().optional(),
  SMTP_SECRET_ARN: z.string().min(1).optional(),
  /**
   * The site's public address (`https://gongkai.example.gov.cn`, or CloudFront's): set in the cloud, where a
   * function behind CloudFront sees API Gateway's host, not the browser's. Absent locally: the request's host.
   */
  PUBLIC_BASE_URL: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * The staff console's OpenID Connect client: the issuer its ID tokens name, the client id (their
   * audience), the browser's authorize endpoint, the token and JWKS endpoints the function calls, and
   * where to send a browser to end the identity provider's own session (optional).
   */
  STAFF_OIDC_ISSUER: z.url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_AUTHORIZE_URL: z.url().optional(),
  STAFF_OIDC_TOKEN_URL: z.url().optional(),
  STAFF_OIDC_JWKS_URL: z.url().optional(),
  STAFF_OIDC_LOGOUT_URL: z.url().optional(),
});
type Env = z.infer<typeof Env>;

export type StaffDirectoryConfig =
  | { kind: 'cognito'; userPoolId: string }
  | { kind: 'external' }
  | { kind: 'local'; issuer: string; audience: string; privateJwk: string };

/** The console's OpenID Connect client (a public client: PKCE, no client secret). */
export type StaffSignInConfig = Readonly<{
  issuer: string;
  clientId: string;
  authorizeUrl: string;
  tokenUrl: string;
  jwksUrl: string;
  logoutUrl: string | undefined;
}>;

export type ApplicantKeyConfig = { kind: 'secret'; arn: string } | { kind: 'inline'; hex: string };

/** How notifications are e-mailed, when they are (otherwise they stay in the outbox). */
export type MailConfig =
  | { kind: 'ses'; from: string }
  | { kind: 'smtp'; host: string; port: number; from: string; secretArn: string };

/** What every function has: the region, the local cloud's endpoints, the optional mail sender. */
export type BaseConfig = Readonly<{
  region: string;
  dynamoDbEndpoint: string | undefined;
  s3Endpoint: string | undefined;
  s3ForcePathStyle: boolean;
  mail: MailConfig | undefined;
  /** The site's public address, when the deployment says it (`PUBLIC_BASE_URL`). */
  publicBaseUrl: string | undefined;
}>;

/** The grants of a function definition that need configuration. */
export type Grants = Pick<
  FunctionDefinition,
  'records' | 'archive' | 'uploads' | 'userPool' | 'applicantKey' | 'staffSignIn'
>;

/** The configuration a function with `G` has: each resource it may touch, and nothing else. */
export type ConfigFor<G extends Grants> = BaseConfig &
  ([G] extends [{ records: 'read' | 'readWrite' }] ? { readonly tableName: string } : unknown) &
  ([G] extends [{ archive: 'read' | 'readWrite' }] ? { readonly archiveBucket: string } : unknown) &
  ([G] extends [{ uploads: 'read' | 'readWrite' }] ? { readonly uploadsBucket: string } : unknown) &
  ([G] extends [{ userPool: true }] ? { readonly staffDirectory: StaffDirectoryConfig } : unknown) &
  ([G] extends [{ applicantKey: true }] ? { readonly applicantKey: ApplicantKeyConfig } : unknown) &
  ([G] extends [{ staffSignIn: true }] ? { readonly staffSignIn: StaffSignInConfig } : unknown);

type DefinitionOf<F extends FunctionName> = Extract<(typeof functionDefinitions)[number], { name: F }>;

export class ConfigError extends Error {}

/** The configuration of function `name`, as its definition grants it. */
export function loadConfig<F extends FunctionName>(
  env: NodeJS.ProcessEnv,
  name: F,
): ConfigFor<DefinitionOf<F>> {
  const definition = functionDefinitions.find((candidate) => candidate.name === name);
  if (definition === undefined) throw new ConfigError(`There is no function ${name}.`);
  // `definition` is the one named `name`, so the keys set are those `DefinitionOf<F>` grants.
  return loadConfigFor<Grants>(env, definition);
}

/** The configuration for `grants` (the local cloud's own tooling asks for what it uses). */
export function loadConfigFor<G extends Grants>(env: NodeJS.ProcessEnv, grants: G): ConfigFor<G> {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${names}`);
  }
  const e = parsed.data;
  const config: Record<string, unknown> = {
    region: e.AWS_REGION,
    dynamoDbEndpoint: e.DYNAMODB_ENDPOINT,
    s3Endpoint: e.S3_ENDPOINT,
    s3ForcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    mail: mailOf(e),
    publicBaseUrl: e.PUBLIC_BASE_URL,
  };
  if (grants.records !== 'none') config.tableName = required(e, 'TABLE_NAME');
  if (grants.archive !== 'none') config.archiveBucket = required(e, 'ARCHIVE_BUCKET');
  if (grants.uploads !== 'none') config.uploadsBucket = required(e, 'UPLOADS_BUCKET');
  if (grants.userPool) config.staffDirectory = staffDirectoryOf(e);
  if (grants.applicantKey === true) config.applicantKey = applicantKeyOf(e);
  if (grants.staffSignIn === true) config.staffSignIn = staffSignInOf(e);
  // The keys set above are exactly those `ConfigFor<G>` promises for these grants.
  return Object.freeze(config) as ConfigFor<G>;
}

function required(
  e: Env,
  name:
    | 'TABLE_NAME'
    | 'ARCHIVE_BUCKET'
    | 'UPLOADS_BUCKET'
    | 'LOCAL_IDENTITY_AUDIENCE'
    | 'LOCAL_IDENTITY_PRIVATE_JWK'
    | 'STAFF_OIDC_ISSUER'
    | 'STAFF_OIDC_CLIENT_ID'
    | 'STAFF_OIDC_AUTHORIZE_URL'
    | 'STAFF_OIDC_TOKEN_URL'
    | 'STAFF_OIDC_JWKS_URL',
): string {
  const value = e[name];
  if (value === undefined) throw new ConfigError(`Missing environment variable ${name}`);
  return value;
}

function staffDirectoryOf(e: Env): StaffDirectoryConfig {
  if (e.USER_POOL_ID !== undefined) return { kind: 'cognito', userPoolId: e.USER_POOL_ID };
  if (e.STAFF_DIRECTORY === 'external') return { kind: 'external' };
  if (e.LOCAL_IDENTITY_ISSUER !== undefined) {
    return {
      kind: 'local',
      issuer: e.LOCAL_IDENTITY_ISSUER,
      audience: required(e, 'LOCAL_IDENTITY_AUDIENCE'),
      privateJwk: required(e, 'LOCAL_IDENTITY_PRIVATE_JWK'),
    };
  }
  throw new ConfigError(
    'Missing environment variable USER_POOL_ID (or STAFF_DIRECTORY=external, or LOCAL_IDENTITY_ISSUER in the local cloud)',
  );
}

function staffSignInOf(e: Env): StaffSignInConfig {
  return {
    issuer: required(e, 'STAFF_OIDC_ISSUER'),
    clientId: required(e, 'STAFF_OIDC_CLIENT_ID'),
    authorizeUrl: required(e, 'STAFF_OIDC_AUTHORIZE_URL'),
    tokenUrl: required(e, 'STAFF_OIDC_TOKEN_URL'),
    jwksUrl: required(e, 'STAFF_OIDC_JWKS_URL'),
    logoutUrl: e.STAFF_OIDC_LOGOUT_URL,
  };
}

function mailOf(e: Env): MailConfig | undefined {
  const smtp = [e.SMTP_HOST, e.SMTP_FROM, e.SMTP_SECRET_ARN];
  if (smtp.some((value) => value !== undefined)) {
    if (e.SES_FROM_ADDRESS !== undefined) {
      throw new ConfigError('SES_FROM_ADDRESS and SMTP_* name two mail senders: keep one');
    }
    const missing = (['SMTP_HOST', 'SMTP_FROM', 'SMTP_SECRET_ARN'] as const).filter((name) => !e[name]);
    if (missing.length > 0) throw new ConfigError(`Missing environment variable ${missing.join(', ')}`);
    return {
      kind: 'smtp',
      host: e.SMTP_HOST ?? '',
      port: e.SMTP_PORT,
      from: e.SMTP_FROM ?? '',
      secretArn: e.SMTP_SECRET_ARN ?? '',
    };
  }
  return e.SES_FROM_ADDRESS === undefined ? undefined : { kind: 'ses', from: e.SES_FROM_ADDRESS };
}

function applicantKeyOf(e: Env): ApplicantKeyConfig {
  if (e.APPLICANT_KEY_SECRET_ARN !== undefined) return { kind: 'secret', arn: e.APPLICANT_KEY_SECRET_ARN };
  if (e.APPLICANT_KEY !== undefined) return { kind: 'inline', hex: e.APPLICANT_KEY };
  throw new ConfigError(
    'Missing environment variable APPLICANT_KEY_SECRET_ARN (or APPLICANT_KEY in the local cloud)',
  );
}
