import type { SNSClient } from '@aws-sdk/client-sns';
import type { Alerter } from '../../ports';
import { lazyClient, sdk, type ClientSource } from './sdk';

export interface SnsAlerterSettings {
  /** Config FOUNDER_ALERT_TOPIC_ARN. */
  topicArn: string;
}

/** SNS limits: a subject of at most 100 printable ASCII characters on one line; a message of at most 256 KB. */
const MAX_SUBJECT = 100;
const MAX_MESSAGE_BYTES = 256 * 1024;

/** Alerter publishing founder alerts to an SNS topic (email subscription set up in resources/). */
export class SnsAlerter implements Alerter {
  private readonly client: () => SNSClient;

  constructor(
    client: ClientSource<SNSClient>,
    private readonly settings: SnsAlerterSettings,
  ) {
    this.client = lazyClient(client);
  }

  async alert(subject: string, message: string): Promise<void> {
    const { PublishCommand } = sdk.sns();
    await this.client().send(
      new PublishCommand({
        TopicArn: this.settings.topicArn,
        Subject: snsSubject(subject),
        Message: truncateBytes(message || subject, MAX_MESSAGE_BYTES),
      }),
    );
  }
}

/** A subject SNS accepts: one line, printable ASCII, ≤ 100 characters. */
export function snsSubject(subject: string): string {
  const clean = subject
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^\x20-\x7e]/g, '?')
    .trim();
  if (!clean) return 'ScaleMap alert';
  return clean.length <= MAX_SUBJECT ? clean : `${clean.slice(0, MAX_SUBJECT - 3)}...`;
}

function truncateBytes(text: string, maxBytes: number): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length <= maxBytes) return text;
  // Cut on a byte boundary, then drop a possibly split trailing character.
  return (
    buf
      .subarray(0, maxBytes - 16)
      .toString('utf8')
      .replace(/\uFFFD$/, '') + '\n[truncated]'
  );
}
