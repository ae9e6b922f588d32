// Row (b'): the same stream with ASCII-only text, the common case for English output,
// where decodeSse skips UTF-8 decoding for chunks that are pure ASCII.
import { sseDecodeWorkload } from '../payloads/sse-decode-workload.mjs';

export default sseDecodeWorkload({
  name: 'sse-decode-ascii',
  description: 'Decode Gemini-sized SSE events (CRLF), ASCII-only text',
  sentence: '- and some more words to make it realistic.',
});
