import fs from 'node:fs/promises';
import path from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import type { Alerter, EmailMessage, Mailer } from '../../ports';
import { logger } from '../../logger';
import { founderAlertEmail } from '../../delivery';

/** Local mode email: every message is a JSON file (with html and text) in the outbox folder. */
export class OutboxMailer implements Mailer {
  constructor(
    private readonly dir: string,
    private readonly from: string,
  ) {}

  async send(message: EmailMessage): Promise<{ messageId: string }> {
    await fs.mkdir(this.dir, { recursive: true });
    const sentAt = new Date();
    // With an idempotency key the file name ends with its hash: a message already written for it is not written again.
    const tag = message.idempotencyKey
      ? `k${createHash('sha256').update(message.idempotencyKey).digest('hex').slice(0, 16)}`
      : randomUUID().slice(0, 8);
    if (message.idempotencyKey) {
      const earlier = (await fs.readdir(this.dir)).find((f) => f.endsWith(`-${tag}.json`));
      if (earlier) return { messageId: earlier.replace(/\.json$/, '') };
    }
    const messageId = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${tag}`;
    const { idempotencyKey: _key, ...fields } = message;
    const record = { id: messageId, from: this.from, ...fields, sentAt: sentAt.toISOString() };
    const file = path.join(this.dir, `${messageId}.json`);
    await fs.writeFile(`${file}.tmp`, JSON.stringify(record, null, 2));
    await fs.rename(`${file}.tmp`, file);
    logger.info({ to: message.to, subject: message.subject, messageId }, 'email written to the local outbox');
    return { messageId };
  }
}

/** Local founder alerts: an email to the founders' address in the outbox, and an error log line. */
export class MailAlerter implements Alerter {
  constructor(
    private readonly mailer: Mailer,
    private readonly founderEmail: string,
  ) {}

  async alert(subject: string, message: string): Promise<void> {
    logger.error({ alert: subject, detail: message }, 'founder alert');
    const email = founderAlertEmail({ subject, message });
    await this.mailer.send({ to: this.founderEmail, ...email });
  }
}
