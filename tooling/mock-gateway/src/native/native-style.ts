import type { IncomingHttpHeaders } from 'node:http';
import { isGemini2, requiresThoughtSignatures } from '../answer/decide-thinking.js';
import type { NeutralRequest } from '../answer/neutral-request.js';
import { headerOf } from '../route-context.js';

/** Which Google service the gateway routed a request to; it does so on its own. */
export type UpstreamService = 'ai-studio' | 'vertex';

/**
 * How a native answer is shaped. Each field defaults to what real traffic of the model does, and
 * a request header forces the other form (README, "Test knobs").
 */
export interface NativeStyle {
  /**
   * `gemini-3`: a text stream ends with a separate `{text: '', thoughtSignature}` chunk carrying
   * `STOP`, a function-call stream with a `{text: ''}` `STOP` chunk. `plain`: the last content
   * chunk finishes. `x-mock-stream-ending`; default `gemini-3` on Gemini 3 models.
   */
  streamEnding: 'gemini-3' | 'plain';
  /** `x-mock-finish-early`: `STOP` on the chunk before the last, none on the last. */
  finishEarly: boolean;
  /**
   * `finishReason: STOP` also on early chunks (the first, and the code result), as code execution
   * and server-side tools do. `x-mock-mid-stream-stop: on|off`; default on with those tools.
   */
  midStreamStop: boolean;
  /** Code parts carry `thought: true`. `x-mock-thought-code-parts: on|off`; default on Gemini 3 thinking. */
  thoughtCodeParts: boolean;
  /**
   * `upstream`: early chunks under-report `promptTokenCount` and lack `candidatesTokenCount`,
   * `toolUsePromptTokenCount` appears mid-stream and grows. `snapshot`: every chunk is a running
   * total. The last chunk equals the non-streamed usage either way. `x-mock-stream-usage`.
   */
  streamUsage: 'upstream' | 'snapshot';
  /** Candidates carry `safetyRatings`. `x-mock-safety-ratings: on|off`; default on 2.0 only. */
  safetyRatings: boolean;
  /** Stream candidates carry `index`. `x-mock-stream-index: on|off`; default off on 2.0 only. */
  streamIndex: boolean;
  /** `x-mock-upstream` or the `upstream` option: `vertex` answers carry `trafficType`, not `serviceTier`. */
  upstream: UpstreamService;
  /**
   * Function calls stream as Vertex does with `streamFunctionCallArguments`: a part with the name,
   * parts with `partialArgs` and no name, then an empty `functionCall`. On with
   * `x-mock-stream-function-call-arguments`, or a Vertex upstream asked for it in `toolConfig`.
   */
  partialArgs: boolean;
}

/**
 * Resolves the native style of one request from its headers and model.
 *
 * @example
 * ```ts
 * nativeStyleFor({ headers: {}, request, upstream: 'ai-studio' }).streamEnding; // 'gemini-3' for gemini-3-*
 * ```
 */
export function nativeStyleFor({
  headers,
  request,
  upstream,
}: {
  headers: IncomingHttpHeaders;
  request: NeutralRequest;
  upstream: UpstreamService;
}): NativeStyle {
  const header = (name: string) => headerOf({ headers, name })?.trim().toLowerCase();
  const toggle = (name: string, fallback: boolean) => {
    const value = header(name);
    return value === 'on' ? true : value === 'off' ? false : fallback;
  };
  const gemini3 = requiresThoughtSignatures(request.model);
  const gemini2 = isGemini2(request.model);
  const ending = header('x-mock-stream-ending');
  const service =
    header('x-mock-upstream') === 'vertex'
      ? 'vertex'
      : header('x-mock-upstream') === 'ai-studio'
        ? 'ai-studio'
        : upstream;
  return {
    streamEnding:
      ending === 'gemini-3' || ending === 'plain'
        ? ending
        : header('x-mock-signature-only-last-chunk') !== undefined || gemini3
          ? 'gemini-3'
          : 'plain',
    finishEarly: header('x-mock-finish-early') !== undefined,
    midStreamStop: toggle('x-mock-mid-stream-stop', request.codeExecution || request.search),
    thoughtCodeParts: toggle('x-mock-thought-code-parts', gemini3 && request.thinks),
    streamUsage: header('x-mock-stream-usage') === 'snapshot' ? 'snapshot' : 'upstream',
    safetyRatings: toggle('x-mock-safety-ratings', gemini2),
    streamIndex: toggle('x-mock-stream-index', !gemini2),
    upstream: service,
    partialArgs:
      header('x-mock-stream-function-call-arguments') !== undefined ||
      (service === 'vertex' && request.streamFunctionCallArguments),
  };
}
