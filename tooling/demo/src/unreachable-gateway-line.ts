/**
 * The one line `pnpm demo` prints when the real gateway cannot be reached: what failed (the
 * low-level reason, e.g. `getaddrinfo ENOTFOUND aihubmix.com`) and that `--offline` exists.
 *
 * @example
 * ```ts
 * unreachableGatewayLine({ baseURL: 'https://aihubmix.com/gemini', error });
 * // 'gemgate demo: cannot reach the gateway at https://aihubmix.com/gemini (getaddrinfo ENOTFOUND aihubmix.com). ...'
 * ```
 */
export function unreachableGatewayLine({ baseURL, error }: { baseURL: string; error: unknown }): string {
  return `gemgate demo: cannot reach the gateway at ${baseURL} (${rootReason(error)}). Check the network and AIHUBMIX_BASE_URL, or run \`pnpm demo --offline\` to use the offline mock gateway.`;
}

function rootReason(error: unknown): string {
  let current = error;
  // The transport wraps undici's error; the innermost cause names the host and the code.
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth += 1) {
    current = current.cause;
  }
  const message = current instanceof Error ? current.message : String(current);
  const code = (current as { code?: unknown } | undefined)?.code;
  const text = message || (typeof code === 'string' ? code : 'connection failed');
  return text.split('\n')[0] ?? text;
}
