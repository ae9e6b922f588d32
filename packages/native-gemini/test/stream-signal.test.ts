import { AbortedError, type Middleware } from '@gemgate/core-transport';
import { expect, it } from 'vitest';
import { useGateway } from './gateway.js';

const { client } = useGateway();

it('gives a middleware an AbortSignal on a stream request, aborted with the stream', async () => {
  const seen: AbortSignal[] = [];
  const watch: Middleware = (request, next) => {
    if (request.signal) seen.push(request.signal);
    return next(request);
  };
  const stream = client({ middleware: [watch] }).models.generateContentStream({
    model: 'gemini-2.5-flash',
    contents: 'Tell me a long story',
  });
  await stream.ready();
  expect(seen).toHaveLength(1);
  expect(seen[0]).toBeInstanceOf(AbortSignal);
  expect(seen[0]!.aborted).toBe(false);
  stream.abort('enough');
  expect(seen[0]!.aborted).toBe(true);
  expect(seen[0]!.reason).toBe('enough');
  await expect(stream.response).rejects.toSatisfy((error) => AbortedError.isInstance(error));
});

it('stream.controller, made when asked for, aborts the stream and shows its state', async () => {
  const stream = client().models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Hi' });
  const signal = stream.controller.signal;
  expect(signal.aborted).toBe(false);
  stream.controller.abort('stop');
  expect(signal.aborted).toBe(true);
  await expect(stream.response).rejects.toSatisfy((error) => AbortedError.isInstance(error));
  // Asked for after an abort, it says so at once.
  const other = client().models.generateContentStream({ model: 'gemini-2.5-flash', contents: 'Hi' });
  other.abort('early');
  expect(other.controller.signal.aborted).toBe(true);
  expect(other.controller.signal.reason).toBe('early');
});
