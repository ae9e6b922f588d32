import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP } from 'node:net';
import { posix } from 'node:path';
import {
  AbortedError,
  ConnectionError,
  GemgateError,
  InvalidArgumentError,
  TimeoutError,
} from '@gemgate/core-transport';
import { Agent, request } from 'undici';
import { isPrivateAddress } from './is-private-address.js';
import { oversizedRequest } from './oversized-request.js';

/** How a URL is fetched before it is inlined. */
export interface DownloadOptions {
  /** The most bytes accepted; a larger answer is refused before (or as soon as) it exceeds this. */
  maxBytes: number;
  /** The whole download, redirects included, in ms. Default 30_000. */
  timeoutMs?: number | undefined;
  /** How many redirects are followed. Default 5. */
  maxRedirects?: number | undefined;
  /**
   * Reach private, loopback and link-local addresses too: `true` for any, or a list of the
   * addresses allowed (an intranet media server, a test server on `127.0.0.1`). Default
   * `false`: only public addresses, checked after DNS on every hop.
   */
  allowPrivateNetwork?: boolean | readonly string[] | undefined;
  /** Cancels the download. */
  signal?: AbortSignal | undefined;
}

/** What a download yields: the bytes as they arrived, and what the server said about them. */
export interface DownloadedMedia {
  chunks: Uint8Array[];
  byteLength: number;
  /** The last path segment of the final URL, for type detection by extension. */
  fileName: string | undefined;
  /** The server's `content-type`, without parameters; a hint only, the bytes decide first. */
  contentType: string | undefined;
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);

function refuseAddress({ url, address }: { url: URL; address: string }): InvalidArgumentError {
  return new InvalidArgumentError(
    `${url.origin} resolves to ${address}, a private, loopback or link-local address, which a media download may not reach: use a public URL, or pass allowPrivateNetwork: true (or a list of the addresses to allow) if you trust this source.`,
    { argument: 'source' },
  );
}

function isAllowed({
  address,
  allowPrivateNetwork,
}: {
  address: string;
  allowPrivateNetwork: boolean | readonly string[];
}): boolean {
  if (allowPrivateNetwork === true || !isPrivateAddress({ address })) return true;
  return Array.isArray(allowPrivateNetwork) && allowPrivateNetwork.includes(address);
}

function checkUrl({
  url,
  allowPrivateNetwork,
}: {
  url: URL;
  allowPrivateNetwork: boolean | readonly string[];
}): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(
      `A media URL must be http or https, got ${url.protocol}//: download it yourself and pass the bytes.`,
      { argument: 'source' },
    );
  }
  // An IP literal is connected to without a DNS lookup, so the lookup's check never sees it.
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  if (isIP(host) !== 0 && !isAllowed({ address: host, allowPrivateNetwork })) {
    throw refuseAddress({ url, address: host });
  }
}

/**
 * Downloads a URL into memory, bounded by `maxBytes`, following redirects by hand so that each
 * hop's scheme and resolved addresses are checked (the DNS answer is checked where the socket
 * connects, so a name cannot resolve to a public address for the check and a private one for
 * the connection).
 */
export async function downloadUrl({
  url,
  maxBytes,
  timeoutMs = 30_000,
  maxRedirects = 5,
  allowPrivateNetwork = false,
  signal,
}: DownloadOptions & { url: URL }): Promise<DownloadedMedia> {
  let refusal: InvalidArgumentError | undefined;
  let current = url;
  const agent = new Agent({
    connect: {
      lookup: (hostname, options, callback) => {
        dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
          if (error) return callback(error, '', 0);
          const blocked = addresses.find(({ address }) => !isAllowed({ address, allowPrivateNetwork }));
          if (blocked !== undefined) {
            refusal = refuseAddress({ url: current, address: blocked.address });
            // undici wraps what the lookup reports; the refusal itself is rethrown below.
            return callback(Object.assign(new Error(refusal.message), { code: 'EACCES' }), '', 0);
          }
          if ((options as { all?: boolean }).all)
            return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
          const first = addresses[0]!;
          callback(null, first.address, first.family);
        });
      },
    },
  });
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (let redirects = 0; ; redirects++) {
      checkUrl({ url: current, allowPrivateNetwork });
      const response = await request(current, {
        dispatcher: agent,
        signal: controller.signal,
        headers: { accept: '*/*' },
      });
      const location = response.headers.location;
      if (redirectStatuses.has(response.statusCode) && typeof location === 'string') {
        await response.body.dump();
        if (redirects >= maxRedirects) {
          throw new InvalidArgumentError(
            `${url.href} redirected more than ${maxRedirects} times: pass the final URL, or raise maxRedirects.`,
            { argument: 'source' },
          );
        }
        current = new URL(location, current);
        continue;
      }
      if (response.statusCode < 200 || response.statusCode > 299) {
        await response.body.dump();
        throw new InvalidArgumentError(
          `Downloading ${current.href} answered ${response.statusCode}: check the URL, or download it yourself and pass the bytes.`,
          { argument: 'source', statusCode: response.statusCode },
        );
      }
      const declared = Number(response.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        // Destroyed unread: undici then reports an abort, which is expected and not news.
        response.body.on('error', () => {}).destroy();
        tooLarge({ url: current, size: declared, maxBytes });
      }
      const chunks: Uint8Array[] = [];
      let byteLength = 0;
      for await (const chunk of response.body) {
        byteLength += chunk.byteLength;
        // Leaving the loop by throwing destroys the body.
        if (byteLength > maxBytes) {
          tooLarge({ url: current, size: byteLength, maxBytes });
        }
        chunks.push(chunk);
      }
      const contentType = response.headers['content-type'];
      const segment = lastPathSegment({ url: current });
      return {
        chunks,
        byteLength,
        fileName: segment === '' ? undefined : segment,
        contentType: typeof contentType === 'string' ? contentType.split(';')[0]!.trim() : undefined,
      };
    }
  } catch (error) {
    if (refusal !== undefined) throw refusal;
    if (timedOut) {
      throw new TimeoutError(
        `Downloading ${url.href} took longer than ${timeoutMs} ms: try again, raise downloadTimeoutMs, or download it yourself and pass the bytes.`,
        { phase: 'total', timeoutMs, cause: error },
      );
    }
    if (signal?.aborted) throw new AbortedError(`Downloading ${url.href} was aborted.`, { cause: error });
    if (GemgateError.isInstance(error)) throw error;
    throw new ConnectionError(
      `Downloading ${current.href} failed (${error instanceof Error ? error.message : String(error)}): check the URL and your network, or download it yourself and pass the bytes.`,
      { cause: error },
    );
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
    // Every body is read or dropped by now; a connection still open belongs to a failed hop.
    agent.destroy().catch(() => {});
  }
}

/** The URL's last path segment, decoded where it decodes (`photo%201.png` → `photo 1.png`). */
function lastPathSegment({ url }: { url: URL }): string {
  const segment = posix.basename(url.pathname);
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

function tooLarge({ url, size, maxBytes }: { url: URL; size: number; maxBytes: number }): never {
  oversizedRequest({ size, limit: maxBytes, subject: `The download of ${url.href}`, measure: 'raw' });
}
