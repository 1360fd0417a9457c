import fs from 'node:fs/promises';
import path from 'node:path';
import type { DomainEvent, EventBus } from '../../ports';
import { logger, logContext } from '../../logger';

export type LocalRule = (event: DomainEvent) => Promise<void>;

/**
 * The local EventBus: the same rules as the EventBridge bus `scalemap-events`, applied in process
 * (AssessmentSubmitted → start the delivery state machine; DomainTriageComplete → record it).
 * Every event is also appended to events.jsonl in the data folder, as the bus archive would keep it.
 */
export class LocalEventBus implements EventBus {
  constructor(
    private readonly rules: Partial<Record<DomainEvent['detailType'], LocalRule>>,
    private readonly archiveFile?: string,
  ) {}

  async publish(events: DomainEvent[]): Promise<void> {
    for (const event of events) {
      const correlationId = event.correlationId ?? logContext().correlationId;
      const entry = { ...event, correlationId, source: 'scalemap.api', time: new Date().toISOString() };
      if (this.archiveFile) {
        await fs.mkdir(path.dirname(this.archiveFile), { recursive: true });
        await fs.appendFile(this.archiveFile, JSON.stringify(entry) + '\n');
      }
      logger.info(
        { detailType: event.detailType, correlationId, assessmentId: event.detail.assessmentId },
        'event published',
      );
      const rule = this.rules[event.detailType];
      if (rule) await rule({ ...event, correlationId });
    }
  }
}
