import { InvalidArgumentError } from '@gemgate/core-transport';
import type { Caches } from './caches.js';
import type { Chats } from './chats.js';
import { createGemini, type Gemini, type GeminiOptions } from './create-gemini.js';
import type { Models } from './models.js';

/** The constructor options of `@google/genai`'s `GoogleGenAI` that make sense through the gateway. */
export interface GoogleGenAIOptions
  extends Omit<GeminiOptions, 'baseURL' | 'apiVersion' | 'headers' | 'timeout'> {
  httpOptions?:
    | {
        baseUrl?: string | undefined;
        apiVersion?: string | undefined;
        headers?: Record<string, string> | undefined;
        /** Milliseconds. */
        timeout?: number | undefined;
      }
    | undefined;
  /** Vertex AI is not reachable through the gateway; only `false` is accepted. */
  vertexai?: boolean | undefined;
}

/**
 * A drop-in for `@google/genai`'s `GoogleGenAI` constructor, so migrating can be an import
 * change only. It is `createGemini` underneath, with the gateway as the default base URL.
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

  constructor({ httpOptions, vertexai, ...options }: GoogleGenAIOptions = {}) {
    if (vertexai) {
      throw new InvalidArgumentError('Vertex AI is not reachable through the gateway: remove vertexai.', {
        argument: 'vertexai',
      });
    }
    this.#client = createGemini({
      ...options,
      baseURL: httpOptions?.baseUrl,
      apiVersion: httpOptions?.apiVersion,
      headers: httpOptions?.headers,
      timeout: httpOptions?.timeout,
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
