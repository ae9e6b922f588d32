/**
 * A structural test of the common `GenerateContentResponse` chunk (text, thoughts, signatures,
 * plain function calls, usage with numbers), written by hand because zod per chunk was most of
 * the native stream's overhead. It answers `true` only for bodies the zod schema accepts;
 * anything else (int64 strings, media, code, `partialArgs`, a wrong type) goes to zod, which
 * either accepts it too or names the path at fault. Keys the schema does not declare are
 * ignored, as the schema keeps them unchecked.
 */

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isOptionalString(value: unknown): boolean {
  return value === undefined || typeof value === 'string';
}

function isOptionalNumber(value: unknown): boolean {
  return value === undefined || (typeof value === 'number' && Number.isFinite(value));
}

function isPlainRecord(value: unknown): boolean {
  if (!isObject(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function isCommonFunctionCall(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'id':
      case 'name':
        if (!isOptionalString(field)) return false;
        break;
      case 'args':
        if (field !== undefined && !isPlainRecord(field)) return false;
        break;
      case 'partialArgs':
      case 'willContinue':
        return false;
    }
  }
  return true;
}

function isCommonPart(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'text':
      case 'thoughtSignature':
        if (!isOptionalString(field)) return false;
        break;
      case 'thought':
        if (field !== undefined && typeof field !== 'boolean') return false;
        break;
      case 'functionCall':
        if (field !== undefined && !isCommonFunctionCall(field)) return false;
        break;
      case 'inlineData':
      case 'fileData':
      case 'functionResponse':
      case 'executableCode':
      case 'codeExecutionResult':
        if (field !== undefined) return false;
        break;
    }
  }
  return true;
}

function isCommonContent(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (!isOptionalString(value.role)) return false;
  const parts = value.parts;
  if (parts === undefined) return true;
  if (!Array.isArray(parts)) return false;
  for (const part of parts) if (!isCommonPart(part)) return false;
  return true;
}

function isCommonCandidate(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'content':
        if (field !== undefined && !isCommonContent(field)) return false;
        break;
      case 'finishReason':
      case 'finishMessage':
        if (!isOptionalString(field)) return false;
        break;
      case 'index':
      case 'tokenCount':
      case 'avgLogprobs':
        if (!isOptionalNumber(field)) return false;
        break;
      case 'safetyRatings':
      case 'citationMetadata':
      case 'groundingMetadata':
      case 'urlContextMetadata':
        if (field !== undefined) return false;
        break;
    }
  }
  return true;
}

function isCommonModalityCounts(value: unknown): boolean {
  if (value === undefined) return true;
  if (!Array.isArray(value)) return false;
  for (const item of value) {
    if (!isObject(item) || !isOptionalString(item.modality) || !isOptionalNumber(item.tokenCount))
      return false;
  }
  return true;
}

function isCommonUsage(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'promptTokenCount':
      case 'candidatesTokenCount':
      case 'thoughtsTokenCount':
      case 'cachedContentTokenCount':
      case 'toolUsePromptTokenCount':
      case 'totalTokenCount':
        if (!isOptionalNumber(field)) return false;
        break;
      case 'promptTokensDetails':
      case 'candidatesTokensDetails':
      case 'cacheTokensDetails':
      case 'toolUsePromptTokensDetails':
        if (!isCommonModalityCounts(field)) return false;
        break;
      case 'serviceTier':
        if (!isOptionalString(field)) return false;
        break;
    }
  }
  return true;
}

/**
 * Whether a body is a common `GenerateContentResponse` the zod schema would certainly accept.
 *
 * @example
 * ```ts
 * isCommonGenerateContentResponse({ candidates: [{ content: { parts: [{ text: 'Hi' }] } }] }); // true
 * isCommonGenerateContentResponse({ usageMetadata: { totalTokenCount: '12' } }); // false: ask zod
 * ```
 */
export function isCommonGenerateContentResponse(value: unknown): boolean {
  if (!isObject(value)) return false;
  for (const key in value) {
    const field = value[key];
    switch (key) {
      case 'candidates': {
        if (field === undefined) break;
        if (!Array.isArray(field)) return false;
        for (const candidate of field) if (!isCommonCandidate(candidate)) return false;
        break;
      }
      case 'usageMetadata':
        if (field !== undefined && !isCommonUsage(field)) return false;
        break;
      case 'modelVersion':
      case 'responseId':
        if (!isOptionalString(field)) return false;
        break;
      case 'promptFeedback':
        if (field !== undefined) return false;
        break;
    }
  }
  return true;
}
