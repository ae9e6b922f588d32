import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { Dispatcher } from 'undici';
import { ConnectionError, InvalidArgumentError, ResponseValidationError, UpstreamError } from '../errors.js';
import { lookupModel, type ModelInfo } from '../model-catalog.js';

/** Prices in USD per 1,000 tokens, as the gateway's models API gives them. */
export interface RegistryPricing {
  input: number;
  output: number;
  cacheRead?: number | undefined;
  cacheWrite?: number | undefined;
}

/** One model as the gateway's `GET /api/v1/models` describes it. */
export interface RegistryEntry {
  id: string;
  description: string;
  types: readonly string[];
  /** `thinking`, `tools`, `function_calling`, `web`, `long_context`, `structured_outputs`, ... */
  features: readonly string[];
  /** `text`, `image`, `audio`, `video`, `pdf`. */
  inputModalities: readonly string[];
  contextLength: number | undefined;
  maxOutput: number | undefined;
  /** `undefined` when the answer gave none, or when its price unit could not be trusted. */
  pricing: RegistryPricing | undefined;
}

/** The registry: the gateway's answer, when it was fetched, and whether its prices are trusted. */
export interface ModelRegistry {
  /** When the answer was fetched (ISO 8601). */
  fetchedAt: string;
  /** Whether the prices passed the unit check against a known model; when not, `pricing` is dropped. */
  pricesTrusted: boolean;
  entries: readonly RegistryEntry[];
}

/**
 * The model whose price the unit check compares against: Gemini 2.5 Flash, $0.30 per million
 * input tokens and $2.50 per million output tokens
 * (https://ai.google.dev/gemini-api/docs/pricing), so $0.0003 and $0.0025 per 1K.
 */
export const priceUnitReference = { model: 'gemini-2.5-flash', input: 0.0003, output: 0.0025 } as const;

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  if (typeof value !== 'string') return [];
  return value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
}

function numberOf(value: unknown): number | undefined {
  const parsed = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : Number.NaN;
  return Number.isFinite(parsed) ? parsed : undefined;
}

function pricingOf(value: unknown): RegistryPricing | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  const input = numberOf(record.input);
  const output = numberOf(record.output);
  if (input === undefined || output === undefined) return undefined;
  return { input, output, cacheRead: numberOf(record.cache_read), cacheWrite: numberOf(record.cache_write) };
}

/**
 * Reads the gateway's `GET /api/v1/models` answer (`{ data: [{ model_id, desc, types, features,
 * input_modalities, max_output, context_length, pricing }] }`, lists as comma-separated strings
 * and numbers as strings, as its docs show them), then checks the price unit: the reference
 * model's input price must be within a factor of two of its known per-1K price. When it is not
 * (or the reference model is missing), the prices are dropped and `pricesTrusted` is `false`:
 * a cost estimate off by a thousand is worse than none.
 *
 * @example
 * ```ts
 * import { parseModelsAnswer } from '@gemgate/core-transport';
 * const registry = parseModelsAnswer({ answer: await (await fetch(url)).json(), fetchedAt: new Date() });
 * registry.pricesTrusted; // true when gemini-2.5-flash costs about $0.0003 per 1K input tokens
 * ```
 */
export function parseModelsAnswer({
  answer,
  fetchedAt,
}: {
  answer: unknown;
  fetchedAt: Date;
}): ModelRegistry {
  const data = (answer as { data?: unknown } | null)?.data;
  if (!Array.isArray(data)) {
    throw new ResponseValidationError('The models API answer has no "data" list.', { path: 'data' });
  }
  const entries: RegistryEntry[] = [];
  for (const item of data) {
    if (!item || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    if (typeof record.model_id !== 'string' || record.model_id.length === 0) continue;
    entries.push({
      id: record.model_id,
      description: typeof record.desc === 'string' ? record.desc : '',
      types: listOf(record.types),
      features: listOf(record.features),
      inputModalities: listOf(record.input_modalities),
      contextLength: numberOf(record.context_length),
      maxOutput: numberOf(record.max_output),
      pricing: pricingOf(record.pricing),
    });
  }
  const reference = entries.find((entry) => entry.id === priceUnitReference.model)?.pricing;
  const ratio = reference ? reference.input / priceUnitReference.input : Number.NaN;
  const pricesTrusted = ratio >= 0.5 && ratio <= 2;
  return {
    fetchedAt: fetchedAt.toISOString(),
    pricesTrusted,
    entries: pricesTrusted ? entries : entries.map((entry) => ({ ...entry, pricing: undefined })),
  };
}

/** A model as gemgate sees it: the local rules first, the registry's facts where local has none. */
export interface DescribedModel {
  id: string;
  /** The catalog's rules; `undefined` for a model the catalog does not know (it passes through). */
  rules: ModelInfo | undefined;
  /** The registry's entry, if the gateway lists the id. */
  registry: RegistryEntry | undefined;
  inputTokenLimit: number | undefined;
  outputTokenLimit: number | undefined;
  pricing: RegistryPricing | undefined;
}

/**
 * Merges the registry under the local rules: limits and thinking rules come from the catalog
 * when it knows the model (Google's documented figures win over the gateway's listing), the
 * registry fills in what the catalog lacks (unknown models' limits, prices, features).
 *
 * @example
 * ```ts
 * import { describeModel } from '@gemgate/core-transport';
 * describeModel({ model: 'gemini-3.8-flash', registry }).pricing?.input; // USD per 1K tokens
 * ```
 */
export function describeModel({
  model,
  registry,
}: {
  model: string;
  registry?: ModelRegistry | undefined;
}): DescribedModel {
  const id = model.startsWith('models/') ? model.slice('models/'.length) : model;
  const rules = lookupModel(id);
  const entry =
    registry?.entries.find((candidate) => candidate.id === id) ??
    (rules ? registry?.entries.find((candidate) => candidate.id === rules.baseId) : undefined);
  return {
    id,
    rules,
    registry: entry,
    inputTokenLimit: rules?.inputTokenLimit ?? entry?.contextLength,
    outputTokenLimit: rules?.outputTokenLimit ?? entry?.maxOutput,
    pricing: entry?.pricing,
  };
}

/** What `loadModelRegistry` takes. */
export interface LoadModelRegistryOptions {
  /** The gateway's origin; the models API is at `/api/v1/models` below it. Default `https://aihubmix.com`. */
  origin?: string | undefined;
  /** A JSON file holding the last answer and its date; read first, written after a fetch. */
  cacheFile?: string | undefined;
  /** How old the cached answer may be before it is fetched again, in ms. Default one day. */
  maxAgeMs?: number | undefined;
  /** Fetch even if the cache is fresh. Default `false`. */
  refresh?: boolean | undefined;
  /** An undici dispatcher (proxies, tests). */
  dispatcher?: Dispatcher | undefined;
  /** The clock, for tests. Default `() => new Date()`. */
  now?: (() => Date) | undefined;
}

const oneDay = 24 * 60 * 60 * 1000;

async function readCache({ cacheFile }: { cacheFile: string }): Promise<ModelRegistry | undefined> {
  try {
    const cached = JSON.parse(await readFile(cacheFile, 'utf8')) as ModelRegistry;
    return typeof cached.fetchedAt === 'string' && Array.isArray(cached.entries) ? cached : undefined;
  } catch {
    // A missing or damaged cache is only a cache: fetch again.
    return undefined;
  }
}

/**
 * Loads the capability registry: from `cacheFile` when it is younger than `maxAgeMs`, else from
 * the gateway's public `GET /api/v1/models` (then written to `cacheFile` with its date). Call it
 * at start-up or from a CLI command, never per request: generation calls only read the
 * catalog, which is in memory.
 *
 * @example
 * ```ts
 * import { loadModelRegistry } from '@gemgate/core-transport';
 * const registry = await loadModelRegistry({ cacheFile: '.gemgate/models.json' });
 * console.log(registry.fetchedAt, registry.entries.length);
 * ```
 */
export async function loadModelRegistry({
  origin = 'https://aihubmix.com',
  cacheFile,
  maxAgeMs = oneDay,
  refresh = false,
  dispatcher,
  now = () => new Date(),
}: LoadModelRegistryOptions = {}): Promise<ModelRegistry> {
  if (!/^https?:\/\//.test(origin)) {
    throw new InvalidArgumentError(
      `origin must be an http(s) URL such as https://aihubmix.com, got ${JSON.stringify(origin)}.`,
      {
        argument: 'origin',
      },
    );
  }
  if (cacheFile && !refresh) {
    const cached = await readCache({ cacheFile });
    if (cached && now().getTime() - Date.parse(cached.fetchedAt) < maxAgeMs) return cached;
  }
  const url = `${origin.replace(/\/+$/, '')}/api/v1/models`;
  const { request } = await import('undici');
  let answer: unknown;
  try {
    const response = await request(url, {
      method: 'GET',
      dispatcher,
      headers: { accept: 'application/json' },
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) {
      throw new UpstreamError(`GET ${url} answered ${response.statusCode}.`, {
        statusCode: response.statusCode,
      });
    }
    answer = JSON.parse(text);
  } catch (error) {
    if (UpstreamError.isInstance(error)) throw error;
    if (error instanceof SyntaxError) {
      throw new ResponseValidationError(`GET ${url} did not answer JSON.`, { cause: error });
    }
    throw new ConnectionError(`Could not reach ${url}: ${String((error as Error)?.message ?? error)}`, {
      cause: error,
    });
  }
  const registry = parseModelsAnswer({ answer, fetchedAt: now() });
  if (cacheFile) {
    await mkdir(dirname(cacheFile), { recursive: true });
    // Written whole, then renamed: a reader never sees half a file.
    const partial = `${cacheFile}.${process.pid}.partial`;
    await writeFile(partial, JSON.stringify(registry));
    await rename(partial, cacheFile);
  }
  return registry;
}
