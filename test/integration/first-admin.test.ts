import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { tsxLoader } from '#infra/local/processes';
import { DynamoStaffStore } from '#lib/adapters/staff-store';
import { api, localCloud, localRecordsTable, uniqueId } from '#test/support/api';

/**
 * The runbook's first step after a deployment: `npm run first-admin`, here with the china profile's
 * configuration (staff accounts at an external identity provider) against the local cloud's table.
 */
const tool = join(import.meta.dirname, '..', '..', 'infra', 'tools', 'first-platform-admin.ts');

async function firstAdmin(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const cloud = localCloud();
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      ['--import', tsxLoader(), tool, ...args],
      {
        env: {
          ...process.env,
          TSX_TSCONFIG_PATH: join(import.meta.dirname, '..', '..', 'tsconfig.json'),
          AWS_REGION: cloud.region,
          AWS_ACCESS_KEY_ID: 'S3RVER',
          AWS_SECRET_ACCESS_KEY: 'S3RVER',
          DYNAMODB_ENDPOINT: cloud.dynamodbEndpoint,
          TABLE_NAME: cloud.tableName,
          STAFF_DIRECTORY: 'external',
        },
        timeout: 120_000,
      },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run first-admin', () => {
  it(
    'writes the first platform administrator’s record and says which claims the provider must issue; refuses a second with the same e-mail',
    { timeout: 300_000 },
    async () => {
      const email = `${uniqueId('first-admin')}@platform.example.gov.cn`;
      const created = await firstAdmin(['--email', email, '--name', '平台管理员']);
      expect(created.code, created.stderr).toBe(0);
      const staffId = /Created the platform administrator (stf_\w+)/.exec(created.stdout)?.[1];
      expect(staffId).toBeDefined();
      expect(created.stdout).toContain(`cognito:username: ${staffId}`);
      expect(created.stdout).toContain('custom:agencyId: platform');

      const account = await new DynamoStaffStore(localRecordsTable()).findByEmail(email);
      expect(account).toMatchObject({
        staffId,
        agencyId: 'platform',
        roles: ['platform_admin'],
        enabled: true,
      });

      // The record is what the API checks: a token for it (the local identity signs one) reaches platform routes.
      const signIn = await api('POST', '/_local/sign-in', { body: { email } });
      expect(signIn.status, signIn.text).toBe(200);
      const agencies = await api('GET', '/v1/agencies', { token: signIn.json.token });
      expect(agencies.status).toBe(200);

      const again = await firstAdmin(['--email', email, '--name', '平台管理员']);
      expect(again.code).toBe(1);
      expect(again.stderr).toMatch(/^Not created: /);
    },
  );

  it('without an e-mail and a name it says how to run it', { timeout: 120_000 }, async () => {
    const usage = await firstAdmin(['--email', 'x@example.gov.cn']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run first-admin -- --email <e-mail> --name <name>');
  });
});
