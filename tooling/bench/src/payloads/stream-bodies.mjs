// The streamed answers the raw upstream serves for the per-chunk rows, in each route's framing.
// Every chunk carries a few words, as a real model's chunks do, so the rows weigh parsing and
// per-chunk bookkeeping the way real traffic does.

const words = ['The ', 'rule ', 'of ', '72 ', 'comes ', 'from ', 'ln(2) ', '≈ ', '0.693, ', 'rounded '];

/** The text of chunk `index`: three words. */
export function chunkText(index) {
  return words[index % 10] + words[(index + 3) % 10] + words[(index + 7) % 10];
}

/** What a driver must assemble from `chunks` chunks. */
export function expectedText(chunks) {
  let text = '';
  for (let index = 0; index < chunks; index++) text += chunkText(index);
  return text;
}

/** Native `:streamGenerateContent?alt=sse` framing: `data: {...}\r\n\r\n`, no `[DONE]`. */
export function nativeStreamBody({ chunks }) {
  let body = '';
  for (let index = 0; index < chunks; index++) {
    const last = index === chunks - 1;
    const chunk = {
      candidates: [
        {
          content: { role: 'model', parts: [{ text: chunkText(index) }] },
          ...(last ? { finishReason: 'STOP' } : {}),
          index: 0,
        },
      ],
      usageMetadata: {
        promptTokenCount: 12,
        candidatesTokenCount: 3 * (index + 1),
        totalTokenCount: 12 + 3 * (index + 1) + 40,
        thoughtsTokenCount: 40,
        promptTokensDetails: [{ modality: 'TEXT', tokenCount: 12 }],
      },
      modelVersion: 'gemini-2.5-flash',
      responseId: 'bench-response-id',
    };
    body += `data: ${JSON.stringify(chunk)}\r\n\r\n`;
  }
  return body;
}

/** OpenAI framing: `data: {...}\n\n` chunks, one usage chunk, then `data: [DONE]`. */
export function openaiStreamBody({ chunks }) {
  let body = '';
  const base = {
    id: 'bench-response-id',
    object: 'chat.completion.chunk',
    created: 1764633600,
    model: 'gemini-2.5-flash',
  };
  for (let index = 0; index < chunks; index++) {
    const delta =
      index === 0 ? { role: 'assistant', content: chunkText(index) } : { content: chunkText(index) };
    const chunk = {
      ...base,
      choices: [{ index: 0, delta, finish_reason: index === chunks - 1 ? 'stop' : null }],
    };
    body += `data: ${JSON.stringify(chunk)}\n\n`;
  }
  const usage = { prompt_tokens: 12, completion_tokens: 3 * chunks, total_tokens: 12 + 3 * chunks };
  body += `data: ${JSON.stringify({ ...base, choices: [], usage })}\n\n`;
  body += 'data: [DONE]\n\n';
  return body;
}
