import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../shared/api/api-client';
import { useApiClient } from '../shared/api/api-context';

/** How long the page waits before it tries the stream again after losing it. */
const RECONNECT_MS = 3_000;

export type LiveState = 'connecting' | 'live' | 'offline';

/** The names of the events in a server-sent event text, as they complete (`event:` lines; `data:` is not needed here). */
export function eventNames(buffer: string): { names: string[]; rest: string } {
  const blocks = buffer.split(/\r?\n\r?\n/);
  const rest = blocks.pop() ?? '';
  const names = blocks.flatMap((block) => {
    const line = block.split(/\r?\n/).find((candidate) => candidate.startsWith('event:'));
    return line ? [line.slice('event:'.length).trim()] : [];
  });
  return { names, rest };
}

async function follow(api: ApiClient, dayId: string, signal: AbortSignal, onEvent: (name: string) => void): Promise<void> {
  const stream = await api.stream(`/vaccination-days/${encodeURIComponent(dayId)}/board/events`, { signal });
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    const { names, rest } = eventNames(buffer + decoder.decode(value, { stream: true }));
    buffer = rest;
    names.forEach(onEvent);
  }
}

/**
 * Follows the day board's server-sent events with the staff token (fetch, not EventSource, which
 * cannot send it). Every change, and every reconnection after a loss, calls `onChange`, so the
 * board reloads; the state says whether the page is live or offline and trying again.
 */
export function useBoardEvents(dayId: string, onChange: () => void): LiveState {
  const api = useApiClient();
  const [state, setState] = useState<LiveState>('connecting');
  // The latest callback, without reconnecting when its identity changes on a render.
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    const stop = new AbortController();
    let lost = false;
    const run = async () => {
      while (!stop.signal.aborted) {
        try {
          await follow(api, dayId, stop.signal, (name) => {
            if (name === 'ready') {
              setState('live');
              // What changed while the page was offline is not replayed: the board is read again.
              if (lost) changed.current();
            } else if (name === 'board') changed.current();
          });
        } catch {
          // A lost connection or a refused stream: shown as offline below, tried again.
        }
        if (stop.signal.aborted) return;
        lost = true;
        setState('offline');
        await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
      }
    };
    void run();
    return () => stop.abort();
  }, [api, dayId]);
  return state;
}
