import { describe, expect, it } from 'vitest';
import { ExternalStaffDirectory } from '#lib/adapters/external-staff-directory';
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import { SesNotifier, SmtpNotifier } from '#lib/adapters/notifiers';
import { ConfigError, loadConfigFor } from '#lib/config';
import { principalFromClaims } from '#lib/http/claims';
import { claimLayoutOf, COGNITO_CLAIMS } from '#lib/platform/identity-claims';
import type { Notification, Outbox } from '#lib/use-cases/sweep';

/** What the china profile changes at run time: the issuer's claim names, the staff directory, SMTP mail. */
const base = { AWS_REGION: 'cn-north-1' };
const noGrants = {
  records: 'none',
  archive: 'none',
  uploads: 'none',
  userPool: false,
} as const;

describe('claim layout', () => {
  it('is Cognito’s unless the environment names another issuer’s claims', () => {
    expect(claimLayoutOf({})).toEqual(COGNITO_CLAIMS);
    const layout = claimLayoutOf({
      STAFF_CLAIM_STAFF_ID: 'gongkai_staff_id',
      STAFF_CLAIM_AGENCY: 'org_code',
      STAFF_CLAIM_ROLES: 'roles',
    });
    expect(layout).toMatchObject({ staffId: 'gongkai_staff_id', agencyId: 'org_code', groups: 'roles' });
    expect(() => claimLayoutOf({ STAFF_CLAIM_AGENCY: 'org code; drop' })).toThrow(
      /STAFF_CLAIM_AGENCY is not a claim name/,
    );
  });

  it('reads a principal from Cognito’s layout by default (the process runs without STAFF_CLAIM_*)', () => {
    const principal = principalFromClaims({
      'cognito:username': 'staff-1',
      'custom:agencyId': 'agency-1',
      'cognito:groups': '[clerk reviewer]',
    });
    expect(principal).toMatchObject({ staffId: 'staff-1', agencyId: 'agency-1' });
    expect([...(principal?.roles ?? [])]).toEqual(['clerk', 'reviewer']);
  });
});

describe('staff directory', () => {
  it('STAFF_DIRECTORY=external: accounts live at the provider, Gongkai keeps the record', async () => {
    const config = loadConfigFor({ ...base, STAFF_DIRECTORY: 'external' }, { ...noGrants, userPool: true });
    expect(config.staffDirectory).toEqual({ kind: 'external' });
    const directory = new ExternalStaffDirectory();
    expect(await directory.createAccount()).toEqual({});
  });

  it('without a user pool, an external provider or the local issuer, the cold start fails naming them', () => {
    expect(() => loadConfigFor(base, { ...noGrants, userPool: true })).toThrow(
      /USER_POOL_ID \(or STAFF_DIRECTORY=external/,
    );
  });
});

describe('mail', () => {
  it('SES, SMTP or none; SMTP needs host, sender and secret; never both senders', () => {
    expect(loadConfigFor(base, noGrants).mail).toBeUndefined();
    expect(loadConfigFor({ ...base, SES_FROM_ADDRESS: 'a@example.com' }, noGrants).mail).toEqual({
      kind: 'ses',
      from: 'a@example.com',
    });
    const smtp = {
      SMTP_HOST: 'smtp.example.gov.cn',
      SMTP_FROM: 'gongkai@example.gov.cn',
      SMTP_SECRET_ARN: 'arn:aws-cn:secretsmanager:cn-north-1:1:secret:smtp',
    };
    expect(loadConfigFor({ ...base, ...smtp, SMTP_PORT: '587' }, noGrants).mail).toEqual({
      kind: 'smtp',
      host: 'smtp.example.gov.cn',
      port: 587,
      from: 'gongkai@example.gov.cn',
      secretArn: smtp.SMTP_SECRET_ARN,
    });
    expect(loadConfigFor({ ...base, ...smtp }, noGrants).mail).toMatchObject({ port: 465 });
    expect(() => loadConfigFor({ ...base, SMTP_HOST: 'smtp.example.gov.cn' }, noGrants)).toThrow(
      new ConfigError('Missing environment variable SMTP_FROM, SMTP_SECRET_ARN'),
    );
    expect(() => loadConfigFor({ ...base, ...smtp, SES_FROM_ADDRESS: 'a@example.com' }, noGrants)).toThrow(
      /two mail senders/,
    );
  });

  const onceOnlyOutbox = (): Outbox => {
    const posted: Notification[] = [];
    return {
      post: async (notification) => {
        if (posted.some((seen) => seen.key === notification.key)) return false;
        posted.push(notification);
        return true;
      },
    };
  };
  const reminder: Notification = {
    agencyId: 'agency-1',
    day: '2026-12-01',
    key: 'reminder#2026-AAAA-BBBB',
    kind: 'reminder',
    to: ['clerk@example.gov.cn', 'staff:s-1'],
    subject: '即将到期',
    body: '申请 2026-AAAA-BBBB 将于 3 个工作日后到期。',
  };

  it('the SES notifier sends the address recipients one e-mail in UTF-8, once', async () => {
    const sent: SendEmailCommandInput[] = [];
    const notifier = new SesNotifier(
      onceOnlyOutbox(),
      async (input) => {
        sent.push(input);
        return {};
      },
      'gongkai@example.com',
    );
    expect(await notifier.send(reminder)).toBe(true);
    expect(await notifier.send(reminder)).toBe(false);
    expect(sent).toEqual([
      {
        FromEmailAddress: 'gongkai@example.com',
        Destination: { ToAddresses: ['clerk@example.gov.cn'] },
        Content: {
          Simple: {
            Subject: { Data: '即将到期', Charset: 'UTF-8' },
            Body: { Text: { Data: reminder.body, Charset: 'UTF-8' } },
          },
        },
      },
    ]);
  });

  it('the SMTP notifier mails the address recipients once, after the outbox takes the notification', async () => {
    const sent: unknown[] = [];
    const outbox = onceOnlyOutbox();
    const transport = {
      sendMail: async (message: unknown) => {
        sent.push(message);
        return {} as never;
      },
    };
    const notifier = new SmtpNotifier(outbox, transport, 'gongkai@example.gov.cn');
    expect(await notifier.send(reminder)).toBe(true);
    expect(await notifier.send(reminder)).toBe(false);
    expect(sent).toEqual([
      {
        from: 'gongkai@example.gov.cn',
        to: ['clerk@example.gov.cn'],
        subject: '即将到期',
        text: '申请 2026-AAAA-BBBB 将于 3 个工作日后到期。',
      },
    ]);
  });
});
