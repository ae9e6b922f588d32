// A minimal local upstream for the transport and per-chunk rows: every request gets a fixed
// answer built once at start-up, so what is measured is the client, not the server. Prints its
// URL on stdout.
// - `…:generateContent`: one small Gemini answer whose text is `pong`.
// - `…:streamGenerateContent`: 20 small native SSE events (texts `word0 ` … `word19 `, last
//   `totalTokenCount` 23), the `transport-sse` row's answer;
// - `…:streamGenerateContent?chunks=N`: N native SSE events shaped like real Gemini 2.5 chunks
//   (a running usage snapshot on each, responseId, modelVersion).
// - `/v1/chat/completions` with `?chunks=N` (or any streamed POST there): N OpenAI chunks, a
//   usage chunk and `[DONE]`, shaped like the gateway's.
import http from 'node:http';
import { nativeStreamBody, openaiStreamBody } from '../payloads/stream-bodies.mjs';

const answer = JSON.stringify({
  candidates: [{ content: { role: 'model', parts: [{ text: 'pong' }] }, finishReason: 'STOP', index: 0 }],
  usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 1, totalTokenCount: 4 },
  modelVersion: 'gemini-2.5-flash',
});
const headers = {
  'content-type': 'application/json; charset=utf-8',
  'content-length': Buffer.byteLength(answer),
  'x-request-id': 'bench-request',
};
let legacyStream = '';
for (let index = 0; index < 20; index++) {
  const chunk = {
    candidates: [{ content: { role: 'model', parts: [{ text: `word${index} ` }] }, index: 0 }],
    usageMetadata: { promptTokenCount: 3, candidatesTokenCount: index + 1, totalTokenCount: index + 4 },
    modelVersion: 'gemini-2.5-flash',
  };
  legacyStream += `data: ${JSON.stringify(chunk)}\r\n\r\n`;
}
const streamHeaders = { 'content-type': 'text/event-stream', 'x-request-id': 'bench-stream' };

/** Stream bodies by route and chunk count, built on first use and kept. */
const bodies = new Map();
function streamBody({ route, chunks }) {
  const key = `${route}:${chunks}`;
  let body = bodies.get(key);
  if (body === undefined) {
    body = route === 'native' ? nativeStreamBody({ chunks }) : openaiStreamBody({ chunks });
    bodies.set(key, body);
  }
  return body;
}

/** Writes a stream in pieces of about 16 KiB (at least two), as a socket would deliver it. */
function writeInPieces({ response, body }) {
  const pieceLength = Math.max(1, Math.min(16_384, body.length >> 1));
  for (let start = 0; start < body.length; start += pieceLength) {
    response.write(body.slice(start, start + pieceLength));
  }
  response.end();
}

const server = http.createServer((request, response) => {
  // Drain the request body before answering, as a real upstream does.
  request.resume();
  request.on('end', () => {
    // The chunk count comes as a query parameter or, for a client that cannot add one to a
    // call (@google/genai), as an `x-bench-chunks` header.
    const asked = /[?&]chunks=(\d+)/.exec(request.url)?.[1] ?? request.headers['x-bench-chunks'];
    const chunks = Number(asked ?? 20);
    const url = new URL(request.url, 'http://upstream');
    if (url.pathname.includes(':streamGenerateContent')) {
      response.writeHead(200, streamHeaders);
      if (asked === undefined) {
        writeInPieces({ response, body: legacyStream });
        return;
      }
      writeInPieces({ response, body: streamBody({ route: 'native', chunks }) });
      return;
    }
    if (url.pathname.endsWith('/chat/completions')) {
      response.writeHead(200, streamHeaders);
      writeInPieces({ response, body: streamBody({ route: 'openai', chunks }) });
      return;
    }
    response.writeHead(200, headers);
    response.end(answer);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  process.stdout.write(`${JSON.stringify({ url: `http://127.0.0.1:${port}` })}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
