import type { IncomingMessage } from 'node:http';

/**
 * Reads a request body as text, keeping at most `maxBytes`: the rest is drained and counted so an
 * oversized upload is answered (with the gateway's error) instead of cut off mid-upload.
 */
export async function readBody({
  request,
  maxBytes,
}: {
  request: IncomingMessage;
  maxBytes: number;
}): Promise<{ text: string; tooLarge: boolean }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= maxBytes) chunks.push(chunk);
  }
  if (size > maxBytes) return { text: '', tooLarge: true };
  return {
    text: chunks.length === 1 ? chunks[0]!.toString('utf8') : Buffer.concat(chunks).toString('utf8'),
    tooLarge: false,
  };
}
