import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import type { JWK } from 'jose';
import type { BaseConfig, StaffDirectoryConfig } from '#lib/config';
import type { StaffDirectory } from '#lib/use-cases/staff';
import { CognitoStaffDirectory } from './cognito-staff-directory';
import { ExternalStaffDirectory } from './external-staff-directory';
import { LocalStaffDirectory } from './local-staff-directory';
import { traced } from './traced';

/**
 * The staff directory the configuration names: the user pool (global profile), an external provider
 * (china profile), the local issuer locally.
 */
export function createStaffDirectory(
  config: BaseConfig & { staffDirectory: StaffDirectoryConfig },
): StaffDirectory {
  const directory = config.staffDirectory;
  if (directory.kind === 'external') return new ExternalStaffDirectory();
  if (directory.kind === 'cognito') {
    return new CognitoStaffDirectory(
      traced(new CognitoIdentityProviderClient({ region: config.region })),
      directory.userPoolId,
    );
  }
  const privateJwk: JWK = JSON.parse(directory.privateJwk) as JWK;
  return new LocalStaffDirectory({ issuer: directory.issuer, audience: directory.audience, privateJwk });
}
