import type { ToolLoopClient, Usage } from '@gemgate/core-transport';

/** What a route reports while an answer arrives; the printer decides how each looks. */
export type AnswerEvent =
  | { type: 'text'; text: string }
  | { type: 'thought'; text: string }
  | { type: 'code'; code: string; language: string }
  | { type: 'code-result'; output: string; outcome: string }
  | { type: 'tool-call'; name: string; arguments: unknown }
  | { type: 'tool-result'; name: string; output: unknown }
  | { type: 'chunk'; raw: unknown };

/** A whole answer. */
export interface Answer {
  text: string;
  usage: Usage | undefined;
  raw: unknown;
  cacheHit: boolean;
}

/** The settings of `gemgate chat` that shape a request, whichever the route. */
export interface ChatRequestSettings {
  model: string;
  system?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
  thinkingBudget?: number | undefined;
  thinkingLevel?: string | undefined;
  thinking?: boolean | undefined;
  showThoughts?: boolean | undefined;
  reasoningEffort?: string | undefined;
  mediaResolution?: 'low' | 'medium' | 'high' | undefined;
  code?: boolean | undefined;
}

/**
 * A conversation on one route: it keeps the history, so `send` is a turn of a multi-turn chat.
 * A turn that fails or is cancelled leaves the history as it was.
 */
export interface ChatRoute {
  readonly route: 'native' | 'openai';
  /** The client underneath, for the tool loop. */
  readonly client: ToolLoopClient;
  model: string;
  send(options: {
    text: string;
    attachments?: readonly unknown[];
    stream: boolean;
    signal: AbortSignal;
    onEvent: (event: AnswerEvent) => void;
  }): Promise<Answer>;
  reset(): void;
  history(): unknown[];
  close(): Promise<void>;
}

/** The route a model id goes to when `--api` is not given: the gateway's variants exist only on the OpenAI route. */
export function routeOfModel({ model }: { model: string }): 'native' | 'openai' {
  return /-(nothink|search)$/.test(model) ? 'openai' : 'native';
}
