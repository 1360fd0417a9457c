import type { SQSClient } from '@aws-sdk/client-sqs';
import type { QueueMessageIn, ReceivedMessage, TaskQueue } from '../../ports';
import { lazyClient, sdk, type ClientSource } from './sdk';

export interface SqsTaskQueueSettings {
  /** The FIFO queue (config AGENT_QUEUE_URL). */
  queueUrl: string;
  /** Its dead-letter queue, for `depth().deadLettered`; 0 when not given. */
  dlqUrl?: string;
}

/** SQS limits: at most 10 messages per receive, long polling at most 20 s. */
const MAX_RECEIVE = 10;
const MAX_WAIT_SECONDS = 20;

/**
 * TaskQueue on an SQS FIFO queue (with a redrive policy to a DLQ after 3 receives, set in resources/).
 * Messages are grouped by assessment and deduplicated by `assessmentId:domain`.
 */
export class SqsTaskQueue implements TaskQueue {
  private readonly client: () => SQSClient;

  constructor(
    client: ClientSource<SQSClient>,
    private readonly settings: SqsTaskQueueSettings,
  ) {
    this.client = lazyClient(client);
  }

  async send(message: QueueMessageIn): Promise<void> {
    await this.client().send(
      new (sdk.sqs().SendMessageCommand)({
        QueueUrl: this.settings.queueUrl,
        MessageBody: message.body,
        MessageGroupId: message.groupId,
        MessageDeduplicationId: message.dedupId,
      }),
    );
  }

  async receive(opts: {
    max: number;
    visibilityTimeoutSeconds: number;
    waitSeconds?: number;
  }): Promise<ReceivedMessage[]> {
    const out = await this.client().send(
      new (sdk.sqs().ReceiveMessageCommand)({
        QueueUrl: this.settings.queueUrl,
        MaxNumberOfMessages: Math.max(1, Math.min(MAX_RECEIVE, opts.max)),
        VisibilityTimeout: opts.visibilityTimeoutSeconds,
        WaitTimeSeconds: Math.max(0, Math.min(MAX_WAIT_SECONDS, opts.waitSeconds ?? 0)),
        MessageSystemAttributeNames: ['ApproximateReceiveCount'],
      }),
    );
    return (out.Messages ?? []).map((m) => ({
      body: m.Body ?? '',
      receiptHandle: m.ReceiptHandle ?? '',
      messageId: m.MessageId ?? '',
      receiveCount: Number(m.Attributes?.ApproximateReceiveCount ?? '1') || 1,
    }));
  }

  /** Copies the message to the dead-letter queue (with the reason) and deletes it from the work queue. */
  async deadLetter(message: ReceivedMessage, reason: string): Promise<void> {
    if (!this.settings.dlqUrl) throw new Error('no dead-letter queue configured');
    await this.client().send(
      new (sdk.sqs().SendMessageCommand)({
        QueueUrl: this.settings.dlqUrl,
        MessageBody: message.body,
        MessageGroupId: 'rejected',
        MessageDeduplicationId: message.messageId,
        MessageAttributes: { reason: { DataType: 'String', StringValue: reason.slice(0, 1000) } },
      }),
    );
    await this.delete(message.receiptHandle);
  }

  async delete(receiptHandle: string): Promise<void> {
    await this.client().send(
      new (sdk.sqs().DeleteMessageCommand)({
        QueueUrl: this.settings.queueUrl,
        ReceiptHandle: receiptHandle,
      }),
    );
  }

  async changeVisibility(receiptHandle: string, visibilityTimeoutSeconds: number): Promise<void> {
    await this.client().send(
      new (sdk.sqs().ChangeMessageVisibilityCommand)({
        QueueUrl: this.settings.queueUrl,
        ReceiptHandle: receiptHandle,
        VisibilityTimeout: visibilityTimeoutSeconds,
      }),
    );
  }

  /** Approximate counts; dead-lettered = everything in the DLQ (visible or being looked at). */
  async depth(): Promise<{ visible: number; inFlight: number; deadLettered: number }> {
    const [main, dlq] = await Promise.all([
      this.counts(this.settings.queueUrl),
      this.settings.dlqUrl ? this.counts(this.settings.dlqUrl) : Promise.resolve({ visible: 0, inFlight: 0 }),
    ]);
    return { visible: main.visible, inFlight: main.inFlight, deadLettered: dlq.visible + dlq.inFlight };
  }

  private async counts(queueUrl: string): Promise<{ visible: number; inFlight: number }> {
    const out = await this.client().send(
      new (sdk.sqs().GetQueueAttributesCommand)({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return {
      visible: Number(out.Attributes?.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(out.Attributes?.ApproximateNumberOfMessagesNotVisible ?? 0),
    };
  }
}
