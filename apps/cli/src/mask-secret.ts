/**
 * A key as `config get` shows it: its last four characters for a long key (enough to tell two
 * keys apart), nothing of a short one.
 */
export function maskSecret({ secret }: { secret: string }): string {
  return secret.length >= 16 ? `****${secret.slice(-4)}` : '****';
}
