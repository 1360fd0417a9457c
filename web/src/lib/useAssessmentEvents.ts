import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../api/client';
import { assessmentPath } from '../api/queries';
import type { StageEvent } from '../api/types';

export type StreamState = 'connecting' | 'open' | 'reconnecting' | 'closed' | 'unsupported';

/**
 * Live stage changes from GET /api/assessments/:id/events (server-sent events, `event: stage`). The first
 * events replay the history; events seen before (after a reconnect) are dropped.
 */
export function useAssessmentEvents(id: string, enabled: boolean, onEvent: (e: StageEvent) => void) {
  const [events, setEvents] = useState<StageEvent[]>([]);
  const [state, setState] = useState<StreamState>(() =>
    typeof EventSource === 'undefined' ? 'unsupported' : 'connecting',
  );
  const onEventRef = useRef(onEvent);
  useEffect(() => {
    onEventRef.current = onEvent;
  });

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') return;
    const seen = new Set<string>();
    const source = new EventSource(apiUrl(assessmentPath(id, '/events')), { withCredentials: true });
    const onStage = (msg: MessageEvent<string>) => {
      let event: StageEvent;
      try {
        event = JSON.parse(msg.data) as StageEvent;
      } catch {
        return;
      }
      const key = `${event.stage}|${event.status}|${event.at}`;
      if (seen.has(key)) return;
      seen.add(key);
      setEvents((list) => [...list, event]);
      onEventRef.current(event);
    };
    source.addEventListener('stage', onStage as EventListener);
    source.onopen = () => setState('open');
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting');
    return () => {
      source.removeEventListener('stage', onStage as EventListener);
      source.close();
      setState('closed');
    };
  }, [id, enabled]);

  return { events, state };
}
