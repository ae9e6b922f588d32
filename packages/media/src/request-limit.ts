/**
 * The largest request the gateway takes with media inline: 20 MiB, its own refusal threshold
 * ("Request payload size exceeds the limit: 20971520 bytes"). Google has since raised its own
 * limit, so every check takes a `maxRequestBytes` override.
 */
export const defaultMaxRequestBytes = 20 * 1024 * 1024;

/** A byte count for people: `15.7 MB` (decimal, as the gateway's guide writes "20MB"). */
export function formatBytes({ bytes }: { bytes: number }): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** The base64 length of `byteLength` bytes, padding included. */
export function base64Length({ byteLength }: { byteLength: number }): number {
  return 4 * Math.ceil(byteLength / 3);
}

/** The most raw bytes whose base64 fits in `maxRequestBytes` (what a download or measured stream may hold). */
export function maxRawBytes({ maxRequestBytes }: { maxRequestBytes: number }): number {
  return Math.floor(maxRequestBytes / 4) * 3;
}
