import { type PromptBlock, textBlocks } from '../answer/implicit-cache.js';
import { keyJson } from '../text/canonical-json.js';
import { countMediaTokens, countTextTokens, type Modality } from '../text/count-tokens.js';

/** A native `Content`. */
export interface NativeContent {
  role?: string;
  parts?: NativePart[];
}

/** A native `Part`, loosely typed: the mock reads what it needs and ignores the rest. */
export interface NativePart {
  text?: string;
  thought?: boolean;
  thoughtSignature?: string;
  inlineData?: { mimeType?: string; data?: string };
  fileData?: { mimeType?: string; fileUri?: string };
  /** Gemini 3's per-part resolution; it overrides `generationConfig.mediaResolution`. */
  mediaResolution?: { level?: string; numTokens?: number };
  functionCall?: { name?: string; args?: unknown; id?: string };
  functionResponse?: { name?: string; response?: unknown; id?: string };
  executableCode?: { code?: string };
  codeExecutionResult?: { output?: string };
}

/** Token counts of one prompt, by modality, plus its blocks for implicit caching. */
export interface PromptCount {
  byModality: Partial<Record<Modality, number>>;
  blocks: PromptBlock[];
}

/**
 * Counts a native prompt (system instruction, tools, contents) with the mock's tokenizer
 * approximation, block by block so implicit caching can find repeated prefixes.
 */
export function countNativePrompt({
  systemInstruction,
  tools,
  contents,
  mediaResolution,
}: {
  systemInstruction: unknown;
  tools: unknown;
  contents: NativeContent[];
  mediaResolution: string | undefined;
}): PromptCount {
  const byModality: Partial<Record<Modality, number>> = {};
  const blocks: PromptBlock[] = [];
  const add = (modality: Modality, tokens: number) => {
    byModality[modality] = (byModality[modality] ?? 0) + tokens;
  };
  if (systemInstruction !== undefined) {
    blocks.push({ key: 'system', tokens: 0 });
    countContentTokens({ content: asContent(systemInstruction), mediaResolution, add, blocks });
  }
  if (Array.isArray(tools) && tools.length > 0) {
    const text = JSON.stringify(tools);
    const tokens = countTextTokens(text);
    add('TEXT', tokens);
    blocks.push({ key: `tools:${text}`, tokens });
  }
  for (const content of contents) {
    blocks.push({ key: `turn:${content.role ?? 'user'}`, tokens: 0 });
    countContentTokens({ content, mediaResolution, add, blocks });
  }
  return { byModality, blocks };
}

/** Accepts a `Content`, a bare string or a list of parts, as the API does for `systemInstruction`. */
export function asContent(value: unknown): NativeContent {
  if (typeof value === 'string') return { parts: [{ text: value }] };
  if (Array.isArray(value)) return { parts: value as NativePart[] };
  return (value ?? {}) as NativeContent;
}

/** Counts a content's parts and appends their prefix blocks: text in token blocks, other parts whole. */
function countContentTokens({
  content,
  mediaResolution,
  add,
  blocks,
}: {
  content: NativeContent;
  mediaResolution: string | undefined;
  add: (modality: Modality, tokens: number) => void;
  blocks: PromptBlock[];
}): void {
  for (const part of content.parts ?? []) {
    let modality: Modality = 'TEXT';
    let tokens = 0;
    if (typeof part.text === 'string') tokens = countTextTokens(part.text);
    else if (part.inlineData || part.fileData) {
      ({ modality, tokens } = countMediaTokens({
        mimeType: (part.inlineData ?? part.fileData)?.mimeType ?? 'application/octet-stream',
        data: part.inlineData?.data ?? '',
        mediaResolution: part.mediaResolution?.level ?? mediaResolution,
      }));
      const fixed = part.mediaResolution?.numTokens;
      // An explicit sequence length is what the part costs, whatever its resolution level.
      if (modality === 'IMAGE' && Number.isInteger(fixed) && fixed! > 0) tokens = fixed!;
    } else if (part.functionCall) tokens = countTextTokens(JSON.stringify(part.functionCall));
    else if (part.functionResponse) tokens = countTextTokens(JSON.stringify(part.functionResponse));
    else if (part.executableCode) tokens = countTextTokens(part.executableCode.code ?? '');
    else if (part.codeExecutionResult) tokens = countTextTokens(part.codeExecutionResult.output ?? '');
    add(modality, tokens);
    if (typeof part.text === 'string') blocks.push(...textBlocks({ text: part.text }));
    else blocks.push({ key: keyJson(part), tokens });
  }
}
