import type { SseEvent } from './decode-sse.js';
import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

/**
 * A push-style server-sent-events decoder, to the WHATWG spec: LF, CR and CRLF line ends
 * (a CRLF split across two chunks included), multi-line `data` joined with `\n`, comments,
 * a leading BOM, and the `event` / `id` / `retry` fields. `decodeSse` and the transport are
 * built on it; it is synchronous so the hot path pays no promise per line.
 */
export class SseDecoder {
  private readonly textDecoder = new Utf8ChunkDecoder();
  private pending = '';
  private skipNextLineFeed = false;
  private atStart = true;
  private data = '';
  private hasData = false;
  private eventType: string | undefined = undefined;
  private lastEventId: string | undefined = undefined;
  private retry: number | undefined = undefined;
  private sawField = false;

  /** Decodes one chunk; returns the events it completed (often none, often one). */
  push(chunk: Uint8Array | string): SseEvent[] {
    let text = this.textDecoder.decode(chunk);
    if (this.atStart && text.length > 0) {
      this.atStart = false;
      // A BOM may open the stream; it is not part of the first line.
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const events: SseEvent[] = [];
    if (text.length === 0) return events;
    let start = 0;
    if (this.skipNextLineFeed) {
      this.skipNextLineFeed = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    const length = text.length;
    let nextLineFeed = text.indexOf('\n', start);
    let nextCarriageReturn = text.indexOf('\r', start);
    while (start < length) {
      if (nextLineFeed !== -1 && nextLineFeed < start) nextLineFeed = text.indexOf('\n', start);
      if (nextCarriageReturn !== -1 && nextCarriageReturn < start) {
        nextCarriageReturn = text.indexOf('\r', start);
      }
      let end: number;
      if (nextCarriageReturn === -1) end = nextLineFeed;
      else if (nextLineFeed === -1) end = nextCarriageReturn;
      else end = Math.min(nextCarriageReturn, nextLineFeed);
      if (end === -1) break;
      if (this.pending.length > 0) {
        const line = this.pending + text.slice(start, end);
        this.pending = '';
        this.processLine(line, 0, line.length, events);
      } else {
        // Read the line in place: no copy of it is made, only of the field value.
        this.processLine(text, start, end, events);
      }
      start = this.skipLineEnd(text, end, length);
      // A blank line straight after (the end of an event: the common case) is handled here,
      // which saves a round of searching for line ends per event.
      if (start < length) {
        const code = text.charCodeAt(start);
        if (code === LF || code === CR) {
          this.dispatch(events);
          start = this.skipLineEnd(text, start, length);
        }
      }
    }
    if (start < length) this.pending += start === 0 ? text : text.slice(start);
    return events;
  }

  /**
   * Ends the stream. Per the spec an event without its closing blank line is dropped;
   * `incomplete` tells the caller that happened (the connection stopped mid-event).
   */
  end(): { incomplete: boolean } {
    const tail = this.textDecoder.flush();
    if (tail.length > 0) this.pending += tail;
    const incomplete = this.pending.length > 0 || this.sawField;
    this.pending = '';
    this.resetEvent();
    return { incomplete };
  }

  /** Where the next line starts after the line end at `end` (LF, CR or CRLF). */
  private skipLineEnd(text: string, end: number, length: number): number {
    if (text.charCodeAt(end) !== CR) return end + 1;
    if (end + 1 === length) {
      // The LF of a CRLF may be the first byte of the next chunk.
      this.skipNextLineFeed = true;
      return length;
    }
    return text.charCodeAt(end + 1) === LF ? end + 2 : end + 1;
  }

  /** A blank line: the event gathered so far is complete. */
  private dispatch(events: SseEvent[]): void {
    if (this.hasData) {
      events.push({ event: this.eventType, data: this.data, id: this.lastEventId, retry: this.retry });
    }
    this.resetEvent();
  }

  /** Handles the line `text[start, end)`. */
  private processLine(text: string, start: number, end: number, events: SseEvent[]): void {
    if (start === end) {
      this.dispatch(events);
      return;
    }
    const firstCode = text.charCodeAt(start);
    if (firstCode === COLON) return;
    this.sawField = true;
    // Fast path: almost every line on the wire is `data: <json>`.
    if (
      firstCode === 100 /* d */ &&
      end - start >= 5 &&
      text.charCodeAt(start + 4) === COLON &&
      text.startsWith('data', start)
    ) {
      const valueStart = end - start > 5 && text.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5;
      this.appendData(text.slice(valueStart, end));
      return;
    }
    const line = text.slice(start, end);
    const length = line.length;
    const colon = line.indexOf(':');
    let field: string;
    let value: string;
    if (colon === -1) {
      field = line;
      value = '';
    } else {
      field = line.slice(0, colon);
      value = line.slice(colon + 1 < length && line.charCodeAt(colon + 1) === SPACE ? colon + 2 : colon + 1);
    }
    switch (field) {
      case 'data':
        this.appendData(value);
        break;
      case 'event':
        this.eventType = value;
        break;
      case 'id':
        if (!value.includes('\u0000')) this.lastEventId = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
      default:
        break;
    }
  }

  private appendData(value: string): void {
    if (this.hasData) this.data += `\n${value}`;
    else {
      this.data = value;
      this.hasData = true;
    }
  }

  private resetEvent(): void {
    if (this.hasData) {
      this.data = '';
      this.hasData = false;
    }
    this.eventType = undefined;
    this.retry = undefined;
    this.sawField = false;
  }
}
