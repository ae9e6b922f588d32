import { redactHeaders } from './error-from-response.js';
import { ResponseValidationError } from './errors.js';
import { redactSecrets } from './redact-secrets.js';
import type { ResponseBodyStream } from './stream-events.js';
import type { StreamFormat } from './transport-types.js';

/** How much of a body that is not a stream the error quotes. */
const quotedCharacters = 200;

const sseFields = ['data', 'event', 'id', 'retry'];

/**
 * The body of a 2xx streamed answer, checked against its content type. A content type that
 * fits (`text/event-stream` or JSON for SSE, since the stream decoder reads an SSE request
 * answered with JSON as JSON; JSON for a JSON array), or none at all, leaves the body as it
 * is: no cost on the common path. Any other type (an HTML error page from a proxy, `text/plain`)
 * gets its first chunk looked at, and only a body that does not start like the format asked
 * for fails, with a `ResponseValidationError` quoting the content type and the start of the
 * body: real upstreams send event streams under sloppy types, and those still decode.
 */
export function guardStreamContentType({
  body,
  format,
  status,
  headers,
  requestId,
  secrets,
}: {
  body: ResponseBodyStream;
  format: StreamFormat;
  status: number;
  headers: Record<string, string>;
  requestId: string | undefined;
  secrets: readonly string[];
}): ResponseBodyStream {
  const contentType = headers['content-type'];
  if (contentType === undefined || fits({ contentType, format })) return body;
  return {
    [Symbol.asyncIterator]() {
      const chunks = body[Symbol.asyncIterator]();
      let checked = false;
      return {
        async next() {
          const result = await chunks.next();
          if (checked || result.done) {
            checked = true;
            return result;
          }
          checked = true;
          if (startsLike({ chunk: result.value, format })) return result;
          const start = await readStart({ first: result.value, chunks });
          throw new ResponseValidationError(
            redactSecrets(
              `The ${status} answer was not ${format === 'sse' ? 'an event stream' : 'a streamed JSON array'}: its content type is ${contentType.slice(0, 100)}, and it starts with: ${start}`,
              secrets,
            ),
            { statusCode: status, requestId, headers: redactHeaders({ headers, secrets }) },
          );
        },
        async return(value?: unknown) {
          return (await chunks.return?.(value)) ?? { done: true, value: undefined };
        },
      } as AsyncIterator<Uint8Array>;
    },
    destroy: (error?: Error) => body.destroy(error),
    on: (event: 'error', listener: (error: Error) => void) => body.on(event, listener),
  };
}

function fits({ contentType, format }: { contentType: string; format: StreamFormat }): boolean {
  const type = contentType.split(';', 1)[0]!.trim().toLowerCase();
  const json = type === 'application/json' || type.endsWith('+json');
  return format === 'sse' ? json || type === 'text/event-stream' : json;
}

/** Whether a first chunk opens the format asked for (or JSON, which the SSE decoder also reads). */
function startsLike({ chunk, format }: { chunk: Uint8Array; format: StreamFormat }): boolean {
  const text = new TextDecoder().decode(chunk.subarray(0, 64)).replace(/^\uFEFF/, '');
  const trimmed = text.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) return true;
  if (format !== 'sse') return false;
  // An SSE line is a comment, a blank line or a field; a chunk may end inside the field name.
  const line = /^[^\r\n]*/.exec(text)![0];
  if (line === '' || line.startsWith(':')) return true;
  const complete = line.length < text.length;
  return sseFields.some(
    (field) =>
      line === field ||
      line.startsWith(`${field}:`) ||
      (!complete && line.length < field.length && field.startsWith(line)),
  );
}

/** The start of the body, for the error: up to `quotedCharacters`, read in at most a few chunks. */
async function readStart({
  first,
  chunks,
}: {
  first: Uint8Array;
  chunks: AsyncIterator<Uint8Array>;
}): Promise<string> {
  const decoder = new TextDecoder();
  let text = decoder.decode(first, { stream: true });
  try {
    for (let reads = 0; text.length < quotedCharacters && reads < 8; reads++) {
      const next = await chunks.next();
      if (next.done) break;
      text += decoder.decode(next.value, { stream: true });
    }
  } catch {
    // What arrived is enough to quote; the body's own failure adds nothing.
  }
  const start = text.slice(0, quotedCharacters).replace(/\s+/g, ' ').trim();
  return text.length > quotedCharacters ? `${start}...` : start;
}
