/**
 * The shapes of what the upstream answers on the native route, under the names this package
 * has always used. Each is a lenient wire shape of `@gemgate/core-transport/wire` (schema built
 * on first use, unknown fields kept); pass one to `validateResponse`.
 */
export {
  batchEmbedContentsResponseShape as batchEmbedContentsResponseSchema,
  cachedContentShape as cachedContentSchema,
  contentShape as contentSchema,
  countTokensResponseShape as countTokensResponseSchema,
  embedContentResponseShape as embedContentResponseSchema,
  generateContentResponseShape as generateContentResponseSchema,
  listCachedContentsResponseShape as listCachedContentsResponseSchema,
  listModelsResponseShape as listModelsResponseSchema,
  modelShape as modelSchema,
  partShape as partSchema,
  usageMetadataShape as usageMetadataSchema,
} from '@gemgate/core-transport/wire';
