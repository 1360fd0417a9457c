import type { SESv2Client } from '@aws-sdk/client-sesv2';
import type { EmailMessage, Mailer } from '../../ports';
import { lazyClient, sdk, type ClientSource } from './sdk';

export interface SesMailerSettings {
  /** A verified sender (config SES_FROM_ADDRESS). */
  fromAddress: string;
  /** Optional SES configuration set (bounce/complaint tracking). */
  configurationSetName?: string;
}

const CHARSET = 'UTF-8';

/** Mailer on SES v2: one simple (subject + HTML + text) email per message. */
export class SesMailer implements Mailer {
  private readonly client: () => SESv2Client;

  constructor(
    client: ClientSource<SESv2Client>,
    private readonly settings: SesMailerSettings,
  ) {
    this.client = lazyClient(client);
  }

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    const { SendEmailCommand } = sdk.sesv2();
    const out = await this.client().send(
      new SendEmailCommand({
        FromEmailAddress: this.settings.fromAddress,
        Destination: { ToAddresses: [message.to] },
        Content: {
          Simple: {
            Subject: { Data: message.subject, Charset: CHARSET },
            Body: {
              Html: { Data: message.html, Charset: CHARSET },
              Text: { Data: message.text, Charset: CHARSET },
            },
          },
        },
        ConfigurationSetName: this.settings.configurationSetName,
      }),
    );
    return { messageId: out.MessageId ?? '' };
  }
}
