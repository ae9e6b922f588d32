// Row (b): decoding a large server-sent-events body whose text is not pure ASCII (an em
// dash in every event), so every chunk takes the full UTF-8 decoding path.
import { sseDecodeWorkload } from '../payloads/sse-decode-workload.mjs';

export default sseDecodeWorkload({
  name: 'sse-decode',
  description: 'Decode Gemini-sized SSE events (CRLF), non-ASCII text in every event',
  sentence: '— and some more words to make it realistic.',
});
