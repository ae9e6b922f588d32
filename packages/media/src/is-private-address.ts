import { BlockList, isIP } from 'node:net';

/**
 * Addresses a URL download must not reach unless the caller allows it: a page on the public
 * internet could otherwise make this process fetch its own host, the LAN or the cloud's
 * metadata service (169.254.169.254) and send what it finds to the model.
 */
const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
  ['2001:db8::', 32],
] as const) {
  blocked.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address inside an IPv4-mapped IPv6 address (`::ffff:127.0.0.1`, `::ffff:7f00:1`). */
function mappedIPv4({ address }: { address: string }): string | undefined {
  // The URL parser writes every spelling of an IPv6 address in one canonical form.
  const canonical = new URL(`http://[${address}]/`).hostname;
  const match = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(canonical);
  if (match === null) return undefined;
  const high = Number.parseInt(match[1]!, 16);
  const low = Number.parseInt(match[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/**
 * Whether an IP address is private, loopback, link-local, multicast or otherwise not on the
 * public internet (IPv4-mapped IPv6 addresses are judged by their IPv4 address). Anything that
 * is not an IP address counts as private, so a malformed answer never passes.
 *
 * @example
 * ```ts
 * import { isPrivateAddress } from '@gemgate/media';
 * isPrivateAddress({ address: '169.254.169.254' }); // true
 * isPrivateAddress({ address: '8.8.8.8' }); // false
 * ```
 */
export function isPrivateAddress({ address }: { address: string }): boolean {
  const bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const version = isIP(bare);
  if (version === 4) return blocked.check(bare, 'ipv4');
  if (version === 6) {
    const inner = mappedIPv4({ address: bare });
    if (inner !== undefined) return blocked.check(inner, 'ipv4');
    return blocked.check(bare, 'ipv6');
  }
  return true;
}
