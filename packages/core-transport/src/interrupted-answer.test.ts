import { describe, expect, it } from 'vitest';
import { sleep, useTestTransports } from '../test/server.js';
import {
  ConnectionError,
  InterruptedAnswerError,
  ServerError,
  StreamInterruptedError,
  TimeoutError,
} from './errors.js';

const { server, transport } = useTestTransports({
  defaults: {
    auth: 'bearer',
    apiKey: 'sk-interrupted-test-key-000',
    env: {},
    backoff: { initialDelay: 1, maxDelay: 5 },
    maxRetries: 2,
  },
});

const generate = { method: 'POST', path: 'chat/completions', body: { messages: [] } } as const;
const half = '{"choices":[{"message":{"content":"The answer is';

describe('a 2xx answer whose body breaks after its headers arrived', () => {
  it('is an InterruptedAnswerError with what arrived, and the request is not sent again', async () => {
    server.handle(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req-cut-1' });
      response.write(half);
      // Let the bytes reach the client, then cut the connection mid-body.
      await sleep(30);
      response.socket?.destroy();
    });
    const error = await transport()
      .request(generate)
      .catch((caught: unknown) => caught);
    expect(InterruptedAnswerError.isInstance(error)).toBe(true);
    // Not a retryable connection error: that is what sent a paid generation three times.
    expect(ConnectionError.isInstance(error)).toBe(false);
    const interrupted = error as InterruptedAnswerError;
    expect(interrupted.isRetryable).toBe(false);
    expect(interrupted.receivedBytes).toBe(Buffer.byteLength(half));
    expect(interrupted.statusCode).toBe(200);
    expect(interrupted.status).toBe(200);
    expect(interrupted.requestId).toBe('req-cut-1');
    expect(interrupted.headers?.['content-type']).toBe('application/json');
    expect(interrupted.message).toContain(`${Buffer.byteLength(half)} bytes`);
    expect(interrupted.toJSON()).toMatchObject({ receivedBytes: Buffer.byteLength(half) });
    expect(server.requests).toHaveLength(1);
  });

  it('a GET broken the same way is not sent again either: its answer had begun', async () => {
    server.handle(async (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"data":[');
      await sleep(30);
      response.socket?.destroy();
    });
    const error = await transport()
      .request({ method: 'GET', path: 'models' })
      .catch((caught: unknown) => caught);
    expect(InterruptedAnswerError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('an error answer (5xx) whose connection drops before its headers is still retried', async () => {
    server.handle((_request, response) => {
      if (server.requests.length === 1) {
        response.socket?.destroy();
        return;
      }
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end('{"error":{"code":503,"message":"busy"}}');
    });
    const error = await transport({ maxRetries: 1 })
      .request(generate)
      .catch((caught: unknown) => caught);
    expect(ServerError.isInstance(error)).toBe(true);
    expect(server.requests).toHaveLength(2);
  });

  it('a total timeout while the body trickles keeps its own TimeoutError', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"choices":');
      // Never ends.
    });
    const error = await transport({ timeout: 300 })
      .request(generate)
      .catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error) && error.phase).toBe('total');
    expect(server.requests).toHaveLength(1);
    await server.waitForNoSockets();
  });

  it('a broken stream is an InterruptedAnswerError too: one check covers both', () => {
    const error = new StreamInterruptedError('cut', { partial: [1, 2, 3] });
    expect(InterruptedAnswerError.isInstance(error)).toBe(true);
    expect(error.receivedEvents).toBe(3);
    expect(error.isRetryable).toBe(false);
  });
});
