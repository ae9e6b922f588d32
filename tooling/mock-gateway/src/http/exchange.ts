import type { ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Fault } from '../faults/parse-fault.js';
import type { MockLatency } from '../types.js';
import { type ErrorReply, type ErrorShape, renderErrorBody } from './error-reply.js';

/** How streamed events are framed on the wire. */
export type StreamFraming =
  /** Native `alt=sse`: `data: <json>\r\n\r\n`, no terminator. */
  | 'native-sse'
  /** Native `:streamGenerateContent` without `alt=sse`: one JSON array written element by element. */
  | 'json-array'
  /** OpenAI: `data: <json>\n\n`, then `data: [DONE]\n\n`. */
  | 'openai-sse';

/** An open streamed answer. */
export interface EventStream {
  /** Sends one event (a whole response chunk). Resolves once written, after any chunk delay. */
  event(value: unknown): Promise<void>;
  /**
   * Sends an SSE comment line (`: text`), which SSE readers must skip. Not an event: faults that
   * count events do not count it. A no-op on JSON-array framing.
   */
  comment(text: string): Promise<void>;
  /** Ends the stream with the framing's terminator. */
  finish(): Promise<void>;
  /** Whether a fault already ended the stream; later calls are no-ops. */
  readonly closed: boolean;
}

/**
 * One request/response pair with the faults and latency that apply to it. Route handlers only
 * say what to answer; this is where the wire goes wrong on purpose.
 */
export class Exchange {
  readonly #response: ServerResponse;
  readonly #fault: Fault | undefined;
  readonly #latency: MockLatency;
  readonly #errorShape: ErrorShape;
  readonly #requestId: string;
  readonly #closing: AbortSignal | undefined;

  constructor({
    response,
    fault,
    latency,
    errorShape,
    requestId,
    closing,
  }: {
    response: ServerResponse;
    fault: Fault | undefined;
    latency: MockLatency;
    errorShape: ErrorShape;
    requestId: string;
    /** Aborted by `close()`, so a pending delay does not keep the process alive. */
    closing?: AbortSignal | undefined;
  }) {
    this.#response = response;
    this.#fault = fault;
    this.#latency = latency;
    this.#errorShape = errorShape;
    this.#requestId = requestId;
    this.#closing = closing;
  }

  get fault(): Fault | undefined {
    return this.#fault;
  }

  /** Answers a complete JSON body. */
  async json({
    status = 200,
    body,
    headers = {},
  }: {
    status?: number;
    body: unknown;
    headers?: Record<string, string>;
  }) {
    await this.#beforeFirstByte();
    if (this.#response.destroyed) return;
    const text = JSON.stringify(body);
    this.#response.writeHead(
      status,
      this.#headers({ 'content-type': 'application/json; charset=utf-8', ...headers }),
    );
    const fault = this.#fault;
    if (fault?.kind === 'reset-mid-stream' || fault?.kind === 'truncate-event') {
      this.#response.write(text.slice(0, Math.ceil(text.length / 2)));
      if (fault.kind === 'reset-mid-stream') this.#destroyAfterFlush();
      else this.#response.end();
      return;
    }
    this.#response.end(text);
  }

  /** Answers an error in the exchange's envelope. */
  async error(reply: ErrorReply): Promise<void> {
    await this.json({ status: reply.status, body: this.errorBody(reply), headers: reply.headers });
  }

  /**
   * Renders an error body in the exchange's envelope (also for an error sent inside a stream).
   * The gateway quotes its trace id as `(tid: …)` in every error message, so the mock does too:
   * clients that read the request id from the message are tested against every error.
   */
  errorBody(reply: ErrorReply): unknown {
    return renderErrorBody({
      reply: { ...reply, message: `${reply.message} (tid: ${this.#requestId})` },
      shape: this.#errorShape,
    });
  }

  /**
   * Opens a streamed answer. `errorEvent` is what `error-in-stream` sends after the first event.
   */
  async stream({
    framing,
    errorEvent,
  }: {
    framing: StreamFraming;
    errorEvent: unknown;
  }): Promise<EventStream> {
    await this.#beforeFirstByte();
    const response = this.#response;
    const fault = this.#fault;
    const contentType = framing === 'json-array' ? 'application/json; charset=utf-8' : 'text/event-stream';
    response.writeHead(200, this.#headers({ 'content-type': contentType, 'cache-control': 'no-cache' }));
    const chunkMs = fault?.kind === 'slow-chunks' ? fault.ms : (this.#latency.chunkMs ?? 0);
    let sent = 0;
    let closed = response.destroyed;
    let pending: string | undefined;
    const frame = (value: unknown): string => {
      const json = JSON.stringify(value);
      if (framing === 'json-array') return sent === 0 ? `[${json}` : `\n,\r\n${json}`;
      return framing === 'native-sse' ? `data: ${json}\r\n\r\n` : `data: ${json}\n\n`;
    };
    const write = async (text: string) => {
      if (sent > 0 && chunkMs > 0) await sleep(chunkMs, undefined, { signal: this.#closing });
      if (response.destroyed) {
        closed = true;
        return;
      }
      response.write(text);
      sent += 1;
    };
    return {
      get closed() {
        return closed;
      },
      comment: async (text) => {
        if (closed || framing === 'json-array' || response.destroyed) return;
        response.write(`: ${text}\n\n`);
      },
      event: async (value) => {
        if (closed) return;
        if (fault?.kind === 'reset-mid-stream' && sent >= fault.after) {
          closed = true;
          this.#destroyAfterFlush();
          return;
        }
        if (fault?.kind === 'error-in-stream' && sent >= 1) {
          await write(frame(errorEvent));
          closed = true;
          response.end(framing === 'json-array' ? '\n]' : '');
          return;
        }
        // Hold one event back so `truncate-event` can cut the last one.
        if (fault?.kind === 'truncate-event') {
          if (pending !== undefined) await write(pending);
          pending = frame(value);
          return;
        }
        await write(frame(value));
      },
      finish: async () => {
        if (closed) return;
        // An answer with `after` events or fewer is still cut: the reset is the point of the fault.
        if (fault?.kind === 'reset-mid-stream') {
          closed = true;
          this.#destroyAfterFlush();
          return;
        }
        // A one-event answer still shows the mid-stream error it was asked for.
        if (fault?.kind === 'error-in-stream' && sent >= 1) {
          await write(frame(errorEvent));
          closed = true;
          response.end(framing === 'json-array' ? '\n]' : '');
          return;
        }
        closed = true;
        if (pending !== undefined) {
          response.end(pending.slice(0, Math.ceil(pending.length / 2)));
          return;
        }
        if (framing === 'json-array') response.end(sent === 0 ? '[]' : '\n]');
        else if (framing === 'openai-sse') response.end('data: [DONE]\n\n');
        else response.end();
      },
    };
  }

  #headers(extra: Record<string, string>): Record<string, string> {
    return { 'x-request-id': this.#requestId, ...extra };
  }

  async #beforeFirstByte(): Promise<void> {
    const delay = this.#fault?.kind === 'slow-first-byte' ? this.#fault.ms : (this.#latency.firstByteMs ?? 0);
    if (delay > 0) await sleep(delay, undefined, { signal: this.#closing });
  }

  #destroyAfterFlush(): void {
    // Let the bytes already written reach the client before the reset, as a dropped upstream would.
    const response = this.#response;
    response.write('', () => response.socket?.destroy());
    setTimeout(() => response.socket?.destroy(), 20).unref();
  }
}
