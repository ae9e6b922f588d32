import type { Dispatcher } from 'undici';

const keepAlive = { keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 };

/**
 * The transport's own keep-alive agent; an `EnvHttpProxyAgent` instead when `HTTPS_PROXY`
 * or `HTTP_PROXY` is set, so corporate proxies work (hosts in `NO_PROXY` go direct).
 */
export async function createDispatcher({
  env,
}: {
  env: Record<string, string | undefined>;
}): Promise<Dispatcher> {
  const { Agent, EnvHttpProxyAgent } = await import('undici');
  const httpsProxy = env.HTTPS_PROXY ?? env.https_proxy;
  const httpProxy = env.HTTP_PROXY ?? env.http_proxy;
  if (httpsProxy || httpProxy) {
    return new EnvHttpProxyAgent({
      ...keepAlive,
      httpProxy,
      httpsProxy: httpsProxy ?? httpProxy,
      noProxy: env.NO_PROXY ?? env.no_proxy,
    });
  }
  return new Agent(keepAlive);
}
