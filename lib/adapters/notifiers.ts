import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Notification, Notifier, Outbox } from '#lib/use-cases/sweep';

/**
 * Notifications. Every one is written once to its agency's outbox (GET /v1/agencies/{id}/outbox): the
 * local cloud stops there; in AWS, the SES notifier then e-mails the recipients that are addresses.
 */
export class OutboxNotifier implements Notifier {
  constructor(private readonly outbox: Outbox) {}

  async send(notification: Notification): Promise<boolean> {
    return this.outbox.post(notification);
  }
}

export class SesNotifier implements Notifier {
  constructor(
    private readonly outbox: Outbox,
    private readonly ses: SESv2Client,
    private readonly from: string,
  ) {}

  async send(notification: Notification): Promise<boolean> {
    // The outbox write is the once-only gate: a re-run that finds it sends nothing again.
    if (!(await this.outbox.post(notification))) return false;
    const addresses = notification.to.filter((recipient) => /^[^@\s:]+@[^@\s]+$/.test(recipient));
    if (addresses.length > 0) {
      await this.ses.send(
        new SendEmailCommand({
          FromEmailAddress: this.from,
          Destination: { ToAddresses: addresses },
          Content: {
            Simple: {
              Subject: { Data: notification.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: notification.body, Charset: 'UTF-8' } },
            },
          },
        }),
      );
    }
    return true;
  }
}
