import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { SendEmailCommandInput } from '@aws-sdk/client-sesv2';
import * as z from 'zod';
import type { MailConfig } from '#lib/config';
import type { Transporter } from 'nodemailer';
import type { Notification, Notifier, Outbox } from '#lib/use-cases/sweep';
import { traced } from './traced';

/**
 * Notifications. Every one is written once to its agency's outbox (GET /v1/agencies/{id}/outbox): the
 * local cloud stops there; deployed, a mail notifier then e-mails the recipients that are addresses —
 * through SES (global profile) or an SMTP relay (china profile, where there is no SES: the province's
 * mail system or any relay the agency names).
 */
export class OutboxNotifier implements Notifier {
  constructor(private readonly outbox: Outbox) {}

  async send(notification: Notification): Promise<boolean> {
    return this.outbox.post(notification);
  }
}

/** The recipients that are e-mail addresses (others, such as `staff:<id>`, stay in the outbox). */
const addressesOf = (notification: Notification): string[] =>
  notification.to.filter((recipient) => /^[^@\s:]+@[^@\s]+$/.test(recipient));

/** E-mail through SES: `sendEmail` is SESv2's SendEmail (made by `createNotifier` with the client). */
export class SesNotifier implements Notifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly sendEmail: (input: SendEmailCommandInput) => Promise<unknown>,
    private readonly from: string,
  ) {}

  async send(notification: Notification): Promise<boolean> {
    // The outbox write is the once-only gate: a re-run that finds it sends nothing again.
    if (!(await this.outbox.post(notification))) return false;
    const addresses = addressesOf(notification);
    if (addresses.length > 0) {
      await this.sendEmail({
        FromEmailAddress: this.from,
        Destination: { ToAddresses: addresses },
        Content: {
          Simple: {
            Subject: { Data: notification.subject, Charset: 'UTF-8' },
            Body: { Text: { Data: notification.body, Charset: 'UTF-8' } },
          },
        },
      });
    }
    return true;
  }
}

/** E-mail through an SMTP relay (nodemailer's transport, made by the caller with the relay's credentials). */
export class SmtpNotifier implements Notifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly transport: Pick<Transporter, 'sendMail'>,
    private readonly from: string,
  ) {}

  async send(notification: Notification): Promise<boolean> {
    // The outbox write is the once-only gate, as for SES.
    if (!(await this.outbox.post(notification))) return false;
    const addresses = addressesOf(notification);
    if (addresses.length > 0) {
      await this.transport.sendMail({
        from: this.from,
        to: addresses,
        subject: notification.subject,
        text: notification.body,
      });
    }
    return true;
  }
}

const SmtpCredentials = z.object({ username: z.string().min(1), password: z.string().min(1) });

/**
 * The notifier the configuration names: the outbox alone, or the outbox and e-mail through SES or an SMTP
 * relay (its credentials read from Secrets Manager, once per call: the sweep makes one a run). Each mail
 * client is imported only when named: a deployment's bundles leave out the one its profile does not use
 * (`infra/bundling.ts`), so neither weighs on the other's cold start.
 */
export async function createNotifier(
  config: { region: string; mail: MailConfig | undefined },
  outbox: Outbox,
): Promise<Notifier> {
  const mail = config.mail;
  if (mail === undefined) return new OutboxNotifier(outbox);
  if (mail.kind === 'ses') {
    const { SendEmailCommand, SESv2Client } = await import('@aws-sdk/client-sesv2');
    const ses = traced(new SESv2Client({ region: config.region }));
    return new SesNotifier(outbox, (input) => ses.send(new SendEmailCommand(input)), mail.from);
  }
  const secrets = traced(new SecretsManagerClient({ region: config.region }));
  const secret = await secrets.send(new GetSecretValueCommand({ SecretId: mail.secretArn }));
  secrets.destroy();
  const parsed = SmtpCredentials.safeParse(JSON.parse(secret.SecretString ?? '{}'));
  if (!parsed.success) throw new Error('The SMTP secret must hold {"username": …, "password": …}.');
  const { createTransport } = await import('nodemailer');
  const transport = createTransport({
    host: mail.host,
    port: mail.port,
    // 465 is SMTP over TLS; any other port must upgrade with STARTTLS (never plain text).
    secure: mail.port === 465,
    requireTLS: mail.port !== 465,
    auth: { user: parsed.data.username, pass: parsed.data.password },
  });
  return new SmtpNotifier(outbox, transport, mail.from);
}
