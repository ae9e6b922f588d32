import { MediaTooLargeError } from './media-too-large-error.js';
import { formatBytes } from './request-limit.js';

const advice =
  'Send a smaller file (compress it or lower its resolution), split the media over several requests, or raise maxRequestBytes if your gateway takes more; the gateway has no File API for larger files yet.';

/**
 * What happens to media that does not fit inline. Today: a `MediaTooLargeError`, before the
 * upload. This is the one place a File API upload plugs in once the gateway offers one (its
 * guide: "a File API will be required ... not yet available"): upload the largest parts there
 * and replace them with `fileData` references instead of refusing.
 */
export function oversizedRequest({
  size,
  limit,
  subject,
  measure = 'encoded',
}: {
  size: number;
  limit: number;
  /** What was measured, e.g. "This request" or "photo.png". */
  subject: string;
  /** `encoded`: `size` and `limit` are of the base64 JSON; `raw`: of the file's own bytes. */
  measure?: 'encoded' | 'raw' | undefined;
}): never {
  const sizeText =
    measure === 'encoded'
      ? `${formatBytes({ bytes: size })} (${size} bytes) once encoded as base64 JSON`
      : `at least ${size} bytes`;
  const limitText =
    measure === 'encoded'
      ? `the gateway's inline limit of ${formatBytes({ bytes: limit })} (${limit} bytes)`
      : `the ${limit} bytes that fit inline once encoded as base64`;
  throw new MediaTooLargeError(`${subject} is ${sizeText}, over ${limitText}. ${advice}`, { size, limit });
}
