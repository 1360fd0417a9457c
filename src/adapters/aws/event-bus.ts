import type { EventBridgeClient, PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { logContext, logger } from '../../logger';
import type { DomainEvent, EventBus } from '../../ports';
import { lazyClient, sdk, type ClientSource } from './sdk';

/** PutEvents accepts at most 10 entries per call. */
const MAX_BATCH = 10;

export interface EventBridgeEventBusSettings {
  /** The custom bus, e.g. `scalemap-events` (config EVENT_BUS_NAME). */
  eventBusName: string;
  /** The `source` of every entry; the EventBridge rules match on it. */
  source?: string;
}

/**
 * EventBus on an EventBridge custom bus. Each event becomes one entry: DetailType = event.detailType,
 * Detail = the event's detail plus its correlation id (from the event, else from the log context).
 * Any failed entry makes `publish` throw, naming the event and the error, so callers (the outbox) retry.
 */
export class EventBridgeEventBus implements EventBus {
  private readonly source: string;
  private readonly client: () => EventBridgeClient;

  constructor(
    client: ClientSource<EventBridgeClient>,
    private readonly settings: EventBridgeEventBusSettings,
  ) {
    this.client = lazyClient(client);
    this.source = settings.source ?? 'scalemap.api';
  }

  async publish(events: DomainEvent[]): Promise<void> {
    for (let i = 0; i < events.length; i += MAX_BATCH) {
      await this.putBatch(events.slice(i, i + MAX_BATCH));
    }
  }

  private async putBatch(events: DomainEvent[]): Promise<void> {
    const entries = events.map((e) => this.toEntry(e));
    const { PutEventsCommand } = sdk.eventBridge();
    const out = await this.client().send(new PutEventsCommand({ Entries: entries }));
    if ((out.FailedEntryCount ?? 0) > 0) {
      const failures = (out.Entries ?? [])
        .map((r, i) => ({ r, event: events[i] }))
        .filter(({ r }) => r.ErrorCode)
        .map(({ r, event }) => `${event?.detailType ?? '?'}: ${r.ErrorCode} ${r.ErrorMessage ?? ''}`.trim());
      throw new Error(
        `EventBridge rejected ${out.FailedEntryCount} of ${entries.length} event(s): ${failures.join('; ') || 'no details'}`,
      );
    }
    logger.debug({ count: entries.length, bus: this.settings.eventBusName }, 'events published');
  }

  private toEntry(event: DomainEvent): PutEventsRequestEntry {
    const correlationId = event.correlationId ?? logContext().correlationId;
    const detail = correlationId ? { ...event.detail, correlationId } : event.detail;
    return {
      EventBusName: this.settings.eventBusName,
      Source: this.source,
      DetailType: event.detailType,
      Detail: JSON.stringify(detail),
    };
  }
}
