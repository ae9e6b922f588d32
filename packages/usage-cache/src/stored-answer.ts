import type { TransportResponse } from '@gemgate/core-transport';
import { cacheAgeHeader, cacheHeader } from './cache-control.js';
import { quoted } from './canonical-json.js';

/** An answer as a store keeps it (serialized as JSON). */
export type StoredAnswer =
  | {
      kind: 'json';
      status: number;
      headers: Record<string, string>;
      requestId?: string;
      body: unknown;
      storedAt: number;
    }
  | {
      kind: 'stream';
      status: number;
      headers: Record<string, string>;
      requestId?: string;
      events: unknown[];
      storedAt: number;
    };

/** Only the headers that describe the answer itself are kept; the rest belonged to one exchange. */
export function keptHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  const contentType = headers['content-type'];
  if (contentType !== undefined) kept['content-type'] = contentType;
  return kept;
}

/**
 * The stored text of a whole answer. Of its headers only `content-type` is kept (see
 * `keptHeaders`). Given `bodyText`, the text `body` was parsed from, it is written around that
 * text instead of serializing `body` again (most of a miss's cost).
 */
export function jsonAnswerText({
  status,
  contentType,
  requestId,
  body,
  bodyText,
  storedAt,
}: {
  status: number;
  contentType: string | undefined;
  requestId: string | undefined;
  body: unknown;
  bodyText: string | undefined;
  storedAt: number;
}): string {
  if (bodyText === undefined) {
    const answer: StoredAnswer = {
      kind: 'json',
      status,
      headers: contentType === undefined ? {} : { 'content-type': contentType },
      ...(requestId === undefined ? {} : { requestId }),
      body,
      storedAt,
    };
    return JSON.stringify(answer);
  }
  const headers = contentType === undefined ? '{}' : `{"content-type":${quoted(contentType)}}`;
  const id = requestId === undefined ? '' : `"requestId":${quoted(requestId)},`;
  return `{"kind":"json","status":${status},"headers":${headers},${id}"storedAt":${storedAt},"body":${bodyText}}`;
}

/** A stored answer as the transport response it was, marked as a cache hit. */
export function replayAnswer({ stored, now }: { stored: StoredAnswer; now: number }): TransportResponse {
  const headers = {
    ...stored.headers,
    [cacheHeader]: 'hit',
    [cacheAgeHeader]: String(Math.max(0, now - stored.storedAt)),
  };
  if (stored.kind === 'json') {
    return { kind: 'json', status: stored.status, headers, requestId: stored.requestId, body: stored.body };
  }
  return {
    kind: 'stream',
    status: stored.status,
    headers,
    requestId: stored.requestId,
    events: replayEvents(stored.events),
  };
}

/** The recorded events handed out one by one, as they arrived. */
function replayEvents(events: readonly unknown[]): AsyncIterableIterator<unknown> {
  let index = 0;
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      if (index >= events.length) return { value: undefined, done: true };
      return { value: events[index++], done: false };
    },
    async return() {
      index = events.length;
      return { value: undefined, done: true };
    },
  };
}

/**
 * The events of a streamed answer, recorded while the caller reads them: `onComplete` gets them
 * all once the stream ended normally; an error, or the caller letting go early, calls
 * `onAbandon`, so an interrupted stream is never stored. `return()` is handed straight on, even
 * before the first `next()`, so letting go of these frees the socket beneath.
 */
export function recordingEvents({
  events,
  onComplete,
  onAbandon,
}: {
  events: AsyncIterable<unknown>;
  onComplete: (recorded: unknown[]) => void;
  onAbandon: () => void;
}): AsyncIterableIterator<unknown> {
  let iterator: AsyncIterator<unknown> | undefined;
  const recorded: unknown[] = [];
  let settled = false;
  const source = () => {
    iterator ??= events[Symbol.asyncIterator]();
    return iterator;
  };
  const abandon = () => {
    if (settled) return;
    settled = true;
    onAbandon();
  };
  return {
    [Symbol.asyncIterator]() {
      return this;
    },
    async next() {
      let result: IteratorResult<unknown>;
      try {
        result = await source().next();
      } catch (error) {
        abandon();
        throw error;
      }
      if (result.done) {
        if (!settled) {
          settled = true;
          onComplete(recorded);
        }
      } else {
        recorded.push(result.value);
      }
      return result;
    },
    async return() {
      abandon();
      return (await source().return?.()) ?? { value: undefined, done: true };
    },
  };
}
