export {
  type AcceptedMimeType,
  acceptedMimeTypes,
  type MediaFamily,
  mediaFamilyOf,
} from './accepted-mime-types.js';
export { type InlineMediaOptions, inlineMedia } from './inline-media.js';
export { isPrivateAddress } from './is-private-address.js';
export { measureRequestBody } from './measure-json-body.js';
export {
  type GeminiMediaPart,
  MediaPart,
  type MediaPartInit,
  type MediaProgress,
  type OpenAIAudioPart,
  type OpenAIFilePart,
  type OpenAIImagePart,
  type OpenAIMediaPart,
} from './media-part.js';
export { checkMediaRequest, mediaRequestLimits } from './media-request-limits.js';
export {
  checkMediaResolution,
  MediaResolution,
  mediaResolutionTokens,
} from './media-resolution.js';
export type { MediaSource } from './media-source.js';
export { MediaTooLargeError } from './media-too-large-error.js';
export { defaultMaxRequestBytes } from './request-limit.js';
