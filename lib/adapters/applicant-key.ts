import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { ApplicantKeyConfig, BaseConfig } from '#lib/config';

/** The applicant-key secret, read once at cold start (Secrets Manager in AWS, an env value locally). */
export async function loadApplicantKey(
  config: BaseConfig & { applicantKey: ApplicantKeyConfig },
): Promise<Uint8Array> {
  const source = config.applicantKey;
  if (source.kind === 'inline') return Buffer.from(source.hex, 'hex');
  const client = new SecretsManagerClient({ region: config.region });
  const result = await client.send(new GetSecretValueCommand({ SecretId: source.arn }));
  client.destroy();
  if (result.SecretString === undefined || result.SecretString.length < 32)
    throw new Error('The applicant-key secret is empty or too short.');
  return Buffer.from(result.SecretString, 'utf8');
}
