/**
 * The media types Gemini reads inline, by family, in Google's spelling (its "supported MIME
 * types" lists for image, audio, video, document and text understanding). Anything else is
 * refused before upload, with this list in the message.
 */
export const acceptedMimeTypes = {
  image: ['image/png', 'image/jpeg', 'image/webp', 'image/heic', 'image/heif'],
  audio: ['audio/wav', 'audio/mp3', 'audio/aiff', 'audio/aac', 'audio/ogg', 'audio/flac'],
  video: [
    'video/mp4',
    'video/mpeg',
    'video/mov',
    'video/avi',
    'video/x-flv',
    'video/mpg',
    'video/webm',
    'video/wmv',
    'video/3gpp',
  ],
  document: ['application/pdf'],
  text: [
    'text/plain',
    'text/csv',
    'text/html',
    'text/css',
    'text/markdown',
    'text/xml',
    'text/rtf',
    'text/javascript',
    'text/x-typescript',
    'text/x-python',
    'application/json',
  ],
} as const satisfies Record<string, readonly string[]>;

/** A media family Gemini reads. */
export type MediaFamily = keyof typeof acceptedMimeTypes;

/** One accepted media type, in Google's spelling. */
export type AcceptedMimeType = (typeof acceptedMimeTypes)[MediaFamily][number];

const familyOf = new Map<string, MediaFamily>(
  (Object.entries(acceptedMimeTypes) as Array<[MediaFamily, readonly string[]]>).flatMap(([family, types]) =>
    types.map((type) => [type, family] as const),
  ),
);

/**
 * Other spellings of the accepted types, as `file-type`, browsers and servers write them,
 * mapped to Google's, so `audio/mpeg` from a sniffer and `audio/mp3` from a caller agree.
 */
const aliases = new Map<string, string>([
  ['image/jpg', 'image/jpeg'],
  ['image/pjpeg', 'image/jpeg'],
  ['audio/mpeg', 'audio/mp3'],
  ['audio/mpeg3', 'audio/mp3'],
  ['audio/x-mpeg-3', 'audio/mp3'],
  ['audio/x-wav', 'audio/wav'],
  ['audio/wave', 'audio/wav'],
  ['audio/vnd.wave', 'audio/wav'],
  ['audio/x-aiff', 'audio/aiff'],
  ['audio/x-flac', 'audio/flac'],
  ['audio/x-aac', 'audio/aac'],
  ['audio/opus', 'audio/ogg'],
  ['video/quicktime', 'video/mov'],
  ['video/vnd.avi', 'video/avi'],
  ['video/x-msvideo', 'video/avi'],
  ['video/msvideo', 'video/avi'],
  ['video/x-ms-wmv', 'video/wmv'],
  ['video/x-ms-asf', 'video/wmv'],
  ['application/vnd.ms-asf', 'video/wmv'],
  ['video/flv', 'video/x-flv'],
  ['text/x-markdown', 'text/markdown'],
  ['application/xml', 'text/xml'],
  ['application/rtf', 'text/rtf'],
  ['application/javascript', 'text/javascript'],
  ['application/x-javascript', 'text/javascript'],
  ['application/x-typescript', 'text/x-typescript'],
  ['application/x-python-code', 'text/x-python'],
  ['application/x-python', 'text/x-python'],
  ['text/x-csv', 'text/csv'],
  ['application/csv', 'text/csv'],
]);

/**
 * A media type in Google's spelling: lower case, parameters (`; charset=utf-8`) dropped,
 * aliases (`audio/mpeg`, `video/quicktime`) mapped to the accepted name.
 */
export function canonicalMimeType({ mimeType }: { mimeType: string }): string {
  const bare = mimeType.split(';')[0]!.trim().toLowerCase();
  return aliases.get(bare) ?? bare;
}

/**
 * The family of an accepted media type, or `undefined` for one Gemini does not read.
 *
 * @example
 * ```ts
 * import { mediaFamilyOf } from '@gemgate/media';
 * mediaFamilyOf({ mimeType: 'audio/mpeg' }); // 'audio'
 * mediaFamilyOf({ mimeType: 'image/gif' }); // undefined
 * ```
 */
export function mediaFamilyOf({ mimeType }: { mimeType: string }): MediaFamily | undefined {
  return familyOf.get(canonicalMimeType({ mimeType }));
}

/** The accepted types as one line for an error message. */
export function describeAcceptedMimeTypes(): string {
  return (Object.entries(acceptedMimeTypes) as Array<[MediaFamily, readonly string[]]>)
    .map(([family, types]) => `${family}: ${types.join(', ')}`)
    .join('; ');
}
