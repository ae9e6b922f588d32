// A minimal local upstream for the transport rows: every request gets the same small JSON
// answer, so what is measured is the client, not the server. Prints its URL on stdout.
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

const server = http.createServer((request, response) => {
  // Drain the request body before answering, as a real upstream does.
  request.resume();
  request.on('end', () => {
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
