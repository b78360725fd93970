/**
 * `npm run first-admin -- --email <e-mail> --name <name>`: the first platform administrator of a new
 * deployment, who then creates agencies and their staff in the console or through the API. Every request
 * checks the staff record, so the first account needs one too; this writes it (with its timeline event)
 * the way the API would, with the deployment's own configuration from the environment:
 *
 * - global profile: `AWS_REGION`, `TABLE_NAME` and `USER_POOL_ID` (the stack outputs): the sign-in account
 *   is created in the user pool and put in the `platform_admin` group; Cognito e-mails a temporary password.
 * - china profile: `AWS_REGION`, `TABLE_NAME` and `STAFF_DIRECTORY=external`: the record only; the tool
 *   prints the claims the identity provider's account must carry.
 *
 * Run with credentials allowed to write the table (and administer the pool). Refuses an e-mail in use.
 */
import { parseArgs } from 'node:util';
import { createDocumentClient } from '#lib/adapters/aws-clients';
import { DynamoAgencyStore } from '#lib/adapters/agency-store';
import { RecordsTable } from '#lib/adapters/records-table';
import { createStaffDirectory } from '#lib/adapters/staff-directory';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import { loadConfigFor } from '#lib/config';
import { PLATFORM_AGENCY_ID, type Principal } from '#lib/domain/staff';
import { newStaffId } from '#lib/ids';
import { CLAIM } from '#lib/platform/identity-claims';
import { createStaff } from '#lib/use-cases/staff';

const { values } = parseArgs({
  options: { email: { type: 'string' }, name: { type: 'string' } },
  strict: true,
});
if (values.email === undefined || values.name === undefined) {
  console.error('Usage: npm run first-admin -- --email <e-mail> --name <name>');
  process.exit(2);
}

const config = loadConfigFor(process.env, {
  records: 'readWrite',
  archive: 'none',
  uploads: 'none',
  userPool: true,
});
const table = new RecordsTable(createDocumentClient(config), config.tableName);
const store = new DynamoStaffStore(table);
// The deployment's operator, acting once before any account exists: recorded as such on the timeline.
const operator: Principal = {
  staffId: 'deployment-operator',
  agencyId: PLATFORM_AGENCY_ID,
  roles: new Set(['platform_admin']),
  name: 'first-admin tool',
};
try {
  const account = await createStaff(
    { store, agencies: new DynamoAgencyStore(table), directory: createStaffDirectory(config), newStaffId },
    operator,
    PLATFORM_AGENCY_ID,
    { email: values.email, name: values.name, roles: ['platform_admin'] },
    new Date(),
  );
  console.log(`Created the platform administrator ${account.staffId} (${account.email}).`);
  if (config.staffDirectory.kind === 'external') {
    console.log('At the identity provider, give this person’s account these ID-token claims:');
    console.log(`  ${CLAIM.staffId}: ${account.staffId}`);
    console.log(`  ${CLAIM.agencyId}: ${account.agencyId}`);
    console.log(`  ${CLAIM.groups}: ["platform_admin"]`);
  } else if (config.staffDirectory.kind === 'cognito') {
    console.log('Cognito has e-mailed a temporary password; the first sign-in sets MFA up.');
  }
} catch (error) {
  console.error(`Not created: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
