import type { IncomingMessage } from 'node:http';
import { headerOf } from '../route-context.js';
import type { MockRoute } from '../types.js';
import type { ErrorReply } from './error-reply.js';

/**
 * The 401 a route answers when its own auth header is missing or wrong; `undefined` when the key
 * is accepted. Each route reads only its own scheme, as the gateway does.
 */
export function checkAuth({
  route,
  request,
  query,
  apiKeys,
}: {
  route: MockRoute;
  request: IncomingMessage;
  query: Record<string, string>;
  apiKeys: string[] | undefined;
}): ErrorReply | undefined {
  const key =
    route === 'native'
      ? (headerOf({ headers: request.headers, name: 'x-goog-api-key' }) ?? query.key)
      : /^Bearer\s+(.+)$/i.exec(headerOf({ headers: request.headers, name: 'authorization' }) ?? '')?.[1];
  const valid = key !== undefined && key.trim() !== '' && (!apiKeys || apiKeys.includes(key));
  if (valid) return undefined;
  // The key itself never appears in the message: the mock follows the rule it tests. (The
  // exchange appends the `(tid: …)` every gateway error carries.)
  if (route === 'native') {
    return {
      status: 401,
      message: 'API key not valid. Please pass a valid API key.',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'API_KEY_INVALID',
          domain: 'googleapis.com',
        },
      ],
    };
  }
  return {
    status: 401,
    message: 'Invalid token',
    openaiType: 'authentication_error',
    openaiCode: 'invalid_api_key',
  };
}
