import { InvalidArgumentError } from '@gemgate/core-transport';
import { checkOptionNames } from '@gemgate/core-transport/internal';
import type { Caches } from './caches.js';
import type { Chats } from './chats.js';
import { geminiOptionNames } from './check-gemini-options.js';
import { createGemini, type Gemini, type GeminiOptions } from './create-gemini.js';
import type { Models } from './models.js';

/** `@google/genai`'s `HttpOptions`, as far as they make sense through the gateway. */
export interface GoogleGenAIHttpOptions {
  /** `https://aihubmix.com/gemini`; a bare host gets `/gemini`, as the gateway's guide expects. */
  baseUrl?: string | undefined;
  /** Wins over the top-level `apiVersion`, as in `@google/genai`. */
  apiVersion?: string | undefined;
  headers?: Record<string, string> | undefined;
  /** Total milliseconds per request. */
  timeout?: number | undefined;
  /** Only `attempts` is honoured (attempts including the first, so `maxRetries = attempts - 1`). */
  retryOptions?: { attempts?: number | undefined; [key: string]: unknown } | undefined;
  /** Not supported: refused with an error rather than silently ignored. */
  extraBody?: Record<string, unknown> | undefined;
  /** Not supported: refused with an error rather than silently ignored. */
  fetch?: unknown;
  [key: string]: unknown;
}

/** The constructor options of `@google/genai`'s `GoogleGenAI`, plus gemgate's own (`logger`, `middleware`, ...). */
export interface GoogleGenAIOptions extends Omit<GeminiOptions, 'baseURL' | 'headers' | 'timeout'> {
  httpOptions?: GoogleGenAIHttpOptions | undefined;
  /** Vertex AI is not reachable through the gateway; only `false` is accepted. */
  vertexai?: boolean | undefined;
  /** The newer name of `vertexai`; only `false` is accepted. */
  enterprise?: boolean | undefined;
  /** Vertex AI settings: accepted by the type so code compiles, refused when set. */
  project?: string | undefined;
  location?: string | undefined;
  googleAuthOptions?: unknown;
}

/** `@google/genai`'s options, and gemgate's own beside them (the HTTP ones live in `httpOptions`). */
const googleGenAIOptionNames = [
  ...geminiOptionNames.filter((name) => name !== 'baseURL' && name !== 'headers' && name !== 'timeout'),
  'httpOptions',
  'vertexai',
  'enterprise',
  'project',
  'location',
  'googleAuthOptions',
];

const googleGenAIOptionFixes: Record<string, string> = {
  baseUrl: 'httpOptions.baseUrl',
  baseURL: 'httpOptions.baseUrl',
  headers: 'httpOptions.headers',
  timeout: 'httpOptions.timeout',
  timeOut: 'httpOptions.timeout',
  apikey: 'apiKey',
  api_key: 'apiKey',
  vertexAI: 'vertexai',
};

const httpOptionNames = ['baseUrl', 'apiVersion', 'headers', 'timeout', 'retryOptions', 'extraBody', 'fetch'];

const httpOptionFixes: Record<string, string> = {
  baseURL: 'baseUrl',
  baseurl: 'baseUrl',
  base_url: 'baseUrl',
  timeOut: 'timeout',
  retries: 'retryOptions: { attempts }',
  maxRetries: 'retryOptions: { attempts } (attempts counts the first try)',
};

function refuse(argument: string, why: string): never {
  throw new InvalidArgumentError(`${argument} is not supported through the gateway: ${why}`, { argument });
}

/**
 * A drop-in for `@google/genai`'s `GoogleGenAI` constructor, so migrating can be an import
 * change only. It is `createGemini` underneath, with the gateway as the default base URL.
 * Options that cannot work through the gateway (Vertex AI, a custom `fetch`, `extraBody`) are
 * refused with an `InvalidArgumentError` instead of being silently ignored, and so is an option
 * it does not know, naming the right one (`httpOptions: { baseURL }` → `baseUrl`).
 *
 * @example
 * ```ts
 * import { GoogleGenAI } from '@gemgate/native-gemini';
 * const ai = new GoogleGenAI({ apiKey: 'sk-...', httpOptions: { baseUrl: 'https://aihubmix.com/gemini' } });
 * const response = await ai.models.generateContent({ model: 'gemini-2.0-flash', contents: 'Hello' });
 * ```
 */
export class GoogleGenAI {
  readonly models: Models;
  readonly caches: Caches;
  readonly chats: Chats;
  readonly #client: Gemini;

  constructor(options: GoogleGenAIOptions = {}) {
    checkOptionNames({
      options,
      names: googleGenAIOptionNames,
      fixes: googleGenAIOptionFixes,
      owner: 'new GoogleGenAI',
    });
    const {
      httpOptions = {},
      vertexai,
      enterprise,
      project,
      location,
      googleAuthOptions,
      apiVersion,
      maxRetries,
      ...gemgateOptions
    } = options;
    checkOptionNames({
      options: httpOptions,
      names: httpOptionNames,
      fixes: httpOptionFixes,
      owner: 'new GoogleGenAI',
      path: 'httpOptions.',
    });
    if (vertexai || enterprise)
      refuse(vertexai ? 'vertexai' : 'enterprise', 'remove it (the gateway serves the Gemini API).');
    if (project !== undefined || location !== undefined || googleAuthOptions !== undefined) {
      const argument =
        project !== undefined ? 'project' : location !== undefined ? 'location' : 'googleAuthOptions';
      refuse(argument, 'it is a Vertex AI setting; remove it and pass the AiHubMix key as apiKey.');
    }
    if (httpOptions.fetch !== undefined)
      refuse('httpOptions.fetch', 'gemgate sends with undici; use middleware to intercept calls.');
    if (httpOptions.extraBody !== undefined) {
      refuse(
        'httpOptions.extraBody',
        'put the fields in config (unknown config fields go to generationConfig), or add them with middleware.',
      );
    }
    const attempts = httpOptions.retryOptions?.attempts;
    this.#client = createGemini({
      ...gemgateOptions,
      baseURL: httpOptions.baseUrl,
      apiVersion: httpOptions.apiVersion ?? apiVersion,
      headers: httpOptions.headers,
      timeout: httpOptions.timeout,
      // @google/genai counts attempts including the first; 0 and 1 both mean no retry.
      maxRetries: attempts === undefined ? maxRetries : Math.max(0, attempts - 1),
    });
    this.models = this.#client.models;
    this.caches = this.#client.caches;
    this.chats = this.#client.chats;
  }

  /** Closes the client's connections (`@google/genai` has no equivalent; optional). */
  close(): Promise<void> {
    return this.#client.close();
  }
}
