import { redactHeaders } from './error-from-response.js';
import { ConnectionError, type GemgateError, InterruptedAnswerError } from './errors.js';
import { mapNetworkError } from './map-network-error.js';

/**
 * Reads the whole body of a 2xx non-streamed answer as text. Its headers have arrived, so the
 * upstream has taken the request and may already have done (and billed) the work: a body that
 * breaks now is an `InterruptedAnswerError` saying how many bytes arrived, which the retry
 * loop never re-sends. A timeout or the caller's abort keeps its own error.
 */
export async function readAnswerText({
  body,
  status,
  headers,
  requestId,
  timeouts,
  secrets,
}: {
  body: AsyncIterable<Uint8Array>;
  status: number;
  headers: Record<string, string>;
  requestId: string | undefined;
  timeouts: { firstByte: number; chunkGap: number };
  secrets: readonly string[];
}): Promise<string> {
  const chunks: Buffer[] = [];
  let receivedBytes = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      receivedBytes += chunk.length;
    }
  } catch (error) {
    const mapped: GemgateError = mapNetworkError({ error, timeouts, secrets });
    if (!ConnectionError.isInstance(mapped)) throw mapped;
    throw new InterruptedAnswerError(
      `The ${status} answer broke after ${receivedBytes} bytes of its body arrived, and was not sent again: the upstream may already have done the work. ${mapped.message}`,
      {
        statusCode: status,
        requestId,
        headers: redactHeaders({ headers, secrets }),
        receivedBytes,
        cause: error,
      },
    );
  }
  const text =
    chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks, receivedBytes).toString('utf8');
  // As undici's own `text()`, which this replaces: a UTF-8 byte-order mark is not part of the JSON.
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
