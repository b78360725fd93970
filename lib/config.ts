import { z } from 'zod';

/**
 * Configuration, read once at cold start from the environment and frozen. A missing or malformed
 * variable fails the cold start with its name; there are no placeholder defaults for resource names.
 * The same variables serve the cloud and the local cloud: only endpoints and credentials differ.
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
  /** Where staff accounts live: Cognito in AWS, a local issuer in the local cloud. */
  USER_POOL_ID: z.string().min(1).optional(),
  LOCAL_IDENTITY_ISSUER: z.url().optional(),
  LOCAL_IDENTITY_AUDIENCE: z.string().min(1).optional(),
  LOCAL_IDENTITY_PRIVATE_JWK: z.string().min(1).optional(),
  /** The secret the applicant key (a keyed hash of identity numbers) is computed with. */
  APPLICANT_KEY_SECRET_ARN: z.string().min(1).optional(),
  APPLICANT_KEY: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be 64 hex digits')
    .optional(),
  /** Where notifications are e-mailed from (SES); without it they stay in the outbox. */
  SES_FROM_ADDRESS: z.email().optional(),
});

export type Needs = {
  records?: boolean;
  archive?: boolean;
  uploads?: boolean;
  staffDirectory?: boolean;
  applicantKey?: boolean;
};

export type StaffDirectoryConfig =
  | { kind: 'cognito'; userPoolId: string }
  | { kind: 'local'; issuer: string; audience: string; privateJwk: string };

export type ApplicantKeyConfig = { kind: 'secret'; arn: string } | { kind: 'inline'; hex: string };

export type Config = Readonly<{
  region: string;
  tableName: string;
  archiveBucket: string;
  uploadsBucket: string;
  dynamoDbEndpoint: string | undefined;
  s3Endpoint: string | undefined;
  s3ForcePathStyle: boolean;
  staffDirectory: StaffDirectoryConfig | undefined;
  applicantKey: ApplicantKeyConfig | undefined;
  sesFromAddress: string | undefined;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv, needs: Needs): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const names = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new ConfigError(`Invalid environment: ${names}`);
  }
  const e = parsed.data;
  const required = (name: keyof typeof e, needed: boolean | undefined): string => {
    const value = e[name];
    if (needed === true && (value === undefined || value === '')) {
      throw new ConfigError(`Missing environment variable ${name}`);
    }
    return value ?? '';
  };
  let staffDirectory: StaffDirectoryConfig | undefined;
  if (needs.staffDirectory === true) {
    if (e.USER_POOL_ID !== undefined) {
      staffDirectory = { kind: 'cognito', userPoolId: e.USER_POOL_ID };
    } else if (e.LOCAL_IDENTITY_ISSUER !== undefined) {
      staffDirectory = {
        kind: 'local',
        issuer: e.LOCAL_IDENTITY_ISSUER,
        audience: required('LOCAL_IDENTITY_AUDIENCE', true),
        privateJwk: required('LOCAL_IDENTITY_PRIVATE_JWK', true),
      };
    } else {
      throw new ConfigError(
        'Missing environment variable USER_POOL_ID (or LOCAL_IDENTITY_ISSUER in the local cloud)',
      );
    }
  }
  let applicantKey: ApplicantKeyConfig | undefined;
  if (needs.applicantKey === true) {
    if (e.APPLICANT_KEY_SECRET_ARN !== undefined)
      applicantKey = { kind: 'secret', arn: e.APPLICANT_KEY_SECRET_ARN };
    else if (e.APPLICANT_KEY !== undefined) applicantKey = { kind: 'inline', hex: e.APPLICANT_KEY };
    else
      throw new ConfigError(
        'Missing environment variable APPLICANT_KEY_SECRET_ARN (or APPLICANT_KEY in the local cloud)',
      );
  }
  return Object.freeze({
    region: e.AWS_REGION,
    tableName: required('TABLE_NAME', needs.records),
    archiveBucket: required('ARCHIVE_BUCKET', needs.archive),
    uploadsBucket: required('UPLOADS_BUCKET', needs.uploads),
    dynamoDbEndpoint: e.DYNAMODB_ENDPOINT,
    s3Endpoint: e.S3_ENDPOINT,
    s3ForcePathStyle: e.S3_FORCE_PATH_STYLE === 'true',
    staffDirectory,
    applicantKey,
    sesFromAddress: e.SES_FROM_ADDRESS,
  });
}
