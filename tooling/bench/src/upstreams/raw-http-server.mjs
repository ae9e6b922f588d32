// A minimal local upstream for the transport rows: every request gets the same small JSON
// answer (or, for `:streamGenerateContent`, the same 20-event SSE stream), so what is
// measured is the client, not the server. Prints its URL on stdout.
import http from 'node:http';

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

// A stream request (`:streamGenerateContent`) gets 20 SSE events in the native framing.
let stream = '';
for (let index = 0; index < 20; index++) {
  const chunk = {
    candidates: [{ content: { role: 'model', parts: [{ text: `word${index} ` }] }, index: 0 }],
    usageMetadata: { promptTokenCount: 3, candidatesTokenCount: index + 1, totalTokenCount: index + 4 },
    modelVersion: 'gemini-2.5-flash',
  };
  stream += `data: ${JSON.stringify(chunk)}\r\n\r\n`;
}
const streamHeaders = { 'content-type': 'text/event-stream', 'x-request-id': 'bench-stream' };

const server = http.createServer((request, response) => {
  // Drain the request body before answering, as a real upstream does.
  request.resume();
  request.on('end', () => {
    if (request.url.includes(':streamGenerateContent')) {
      response.writeHead(200, streamHeaders);
      // Two writes, so the client meets more than one chunk.
      const half = stream.length >> 1;
      response.write(stream.slice(0, half));
      response.end(stream.slice(half));
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
