import { InvalidArgumentError } from '@gemgate/core-transport';
import { fileTypeFromBuffer } from 'file-type';
import {
  canonicalMimeType,
  describeAcceptedMimeTypes,
  type MediaFamily,
  mediaFamilyOf,
} from './accepted-mime-types.js';
import { mimeTypeOfFileName } from './mime-type-of-file-name.js';

/** How many leading bytes type detection reads (`file-type` needs at most this many). */
export const headByteLength = 4100;

/**
 * Containers whose magic bytes do not tell audio from video (an `.m4a` and an `.mp4` start
 * alike): a caller naming another member of the same group is taken at its word.
 */
const containerGroups: ReadonlyArray<ReadonlySet<string>> = [
  new Set(['video/mp4', 'video/3gpp', 'video/mov', 'audio/mp4', 'audio/x-m4a', 'audio/m4a', 'audio/aac']),
  new Set(['audio/ogg', 'video/ogg', 'application/ogg']),
  new Set(['video/webm', 'audio/webm', 'video/x-matroska']),
  new Set(['video/mpeg', 'video/mpg']),
  new Set(['text/xml', 'text/html']),
];

function sameContainer({ detected, given }: { detected: string; given: string }): boolean {
  return containerGroups.some((group) => group.has(detected) && group.has(given));
}

/** Whether the bytes read as UTF-8 text (no NUL, no broken sequence): then `text/plain` is a safe guess. */
function looksLikeText({ head }: { head: Uint8Array }): boolean {
  if (head.length === 0 || head.includes(0)) return false;
  try {
    // `stream: true` tolerates a character cut at the end of the head.
    new TextDecoder('utf-8', { fatal: true }).decode(head, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** The media type that is sent, and its family. */
export interface DetectedMimeType {
  mimeType: string;
  family: MediaFamily;
}

/**
 * Decides the media type: the magic bytes first (`file-type`); where they say nothing (text,
 * CSV) the caller's type, then the file name's extension, then the type the source states,
 * then `text/plain` for bytes that read as UTF-8. A caller type that contradicts the bytes is an error naming both; a type Gemini does
 * not read is an error listing those it does.
 */
export async function detectMimeType({
  head,
  fileName,
  mimeType,
  statedMimeType,
}: {
  head: Uint8Array;
  fileName?: string | undefined;
  /** The caller's type: checked against the bytes. */
  mimeType?: string | undefined;
  /** A type the source states (a Blob's `type`, a server's `content-type`): servers often state it wrong, so only a hint. */
  statedMimeType?: string | undefined;
}): Promise<DetectedMimeType> {
  const given = mimeType === undefined ? undefined : canonicalMimeType({ mimeType });
  const sniffed = await fileTypeFromBuffer(head);
  const detected = sniffed === undefined ? undefined : canonicalMimeType({ mimeType: sniffed.mime });
  let chosen: string | undefined;
  if (detected !== undefined) {
    if (given !== undefined && given !== detected && !sameContainer({ detected, given })) {
      throw new InvalidArgumentError(
        `mimeType says ${mimeType} but the bytes${fileName === undefined ? '' : ` of ${fileName}`} are ${sniffed!.mime} (.${sniffed!.ext}): pass the right file, or leave mimeType out to use the detected type.`,
        { argument: 'mimeType' },
      );
    }
    chosen = given ?? detected;
  } else {
    const stated = statedMimeType === undefined ? undefined : canonicalMimeType({ mimeType: statedMimeType });
    chosen =
      given ??
      (fileName === undefined ? undefined : mimeTypeOfFileName({ fileName })) ??
      (stated !== undefined && mediaFamilyOf({ mimeType: stated }) !== undefined ? stated : undefined) ??
      (looksLikeText({ head }) ? 'text/plain' : undefined);
  }
  if (chosen === undefined) {
    throw new InvalidArgumentError(
      `The media type of ${fileName ?? 'this media'} cannot be told from its bytes or its name: pass mimeType (accepted: ${describeAcceptedMimeTypes()}).`,
      { argument: 'mimeType' },
    );
  }
  const family = mediaFamilyOf({ mimeType: chosen });
  if (family === undefined) {
    throw new InvalidArgumentError(
      `${fileName ?? 'This media'} is ${chosen}, which Gemini does not read inline. Convert it to one of the accepted types (${describeAcceptedMimeTypes()}).`,
      { argument: 'mimeType' },
    );
  }
  return { mimeType: chosen, family };
}
