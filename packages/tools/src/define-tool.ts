import { InvalidArgumentError } from '@gemgate/core-transport';
import {
  checkToolName,
  checkToolSchema,
  isZodSchema,
  type JsonSchema,
  toGeminiSchema,
  toJsonSchema,
  type ZodSchemaLike,
} from '@gemgate/core-transport/json-schema';
import { checkJsonArguments } from './check-json-arguments.js';
import type { Tool, ToolArgumentsCheck, ToolExecuteContext } from './tool.js';

/** The arguments a tool's `execute` receives: zod's output type, or a JSON object. */
export type ToolArguments<Parameters> = Parameters extends {
  readonly _zod: { readonly output: infer Output };
}
  ? Output
  : Record<string, unknown>;

/** What `defineTool` takes. */
export interface DefineToolOptions<Parameters extends ZodSchemaLike | JsonSchema, Output> {
  /** Letters, digits, `_`, `.` or `-`, starting with a letter or `_`, 64 characters at most. */
  name: string;
  /** What the tool does and when to call it: the model reads this to decide. */
  description?: string | undefined;
  /** A zod 4 object schema or a JSON Schema object; default: no parameters. */
  parameters?: Parameters | undefined;
  /** Runs the call; what it returns (any JSON value) goes back to the model, what it throws too, as an error. */
  execute: (arguments_: ToolArguments<Parameters>, context: ToolExecuteContext) => Output | Promise<Output>;
  /** How long one call may run before the model is told it timed out; default: no limit. */
  timeoutMs?: number | undefined;
}

const noParameters: JsonSchema = Object.freeze({ type: 'object', properties: {} });

/**
 * Defines a tool once for both routes: the name and schema are checked now (an
 * `InvalidArgumentError` naming the path, rather than the upstream's vague 400), the schema
 * converted through core's JSON-schema module, and what Gemini's OpenAPI subset cannot say
 * (recursion, tuples, enums of numbers) refused here, so a tool that is accepted runs on either
 * route. The model's arguments are checked against the schema before `execute` runs.
 *
 * @example
 * ```ts
 * import { z } from 'zod';
 * import { defineTool } from '@gemgate/tools';
 * const weather = defineTool({
 *   name: 'get_weather',
 *   description: 'The current weather in a city.',
 *   parameters: z.object({ city: z.string() }),
 *   execute: async ({ city }) => ({ city, celsius: 21 }),
 * });
 * ```
 */
export function defineTool<Parameters extends ZodSchemaLike | JsonSchema = JsonSchema, Output = unknown>({
  name,
  description,
  parameters,
  execute,
  timeoutMs,
}: DefineToolOptions<Parameters, Output>): Tool<ToolArguments<Parameters>, Awaited<Output>> {
  checkToolName({ name, path: 'name' });
  if (typeof execute !== 'function') {
    throw new InvalidArgumentError(`execute of tool "${name}" must be a function that runs the call.`, {
      argument: 'execute',
    });
  }
  if (timeoutMs !== undefined && !(Number.isFinite(timeoutMs) && timeoutMs > 0)) {
    throw new InvalidArgumentError(`timeoutMs of tool "${name}" must be a positive number of milliseconds.`, {
      argument: 'timeoutMs',
    });
  }
  const schema = parameters ?? noParameters;
  const jsonSchema = toJsonSchema({ schema, path: 'parameters' });
  if (jsonSchema.type !== 'object') {
    throw new InvalidArgumentError(
      `parameters of tool "${name}" must describe an object (type "object", e.g. z.object({...})): both routes send arguments as one JSON object.`,
      { argument: 'parameters' },
    );
  }
  checkToolSchema({ schema: jsonSchema, path: 'parameters' });
  // Gemini's OpenAPI subset is the narrower of the two: refused here, it is refused on both routes.
  try {
    toGeminiSchema({ schema: jsonSchema, path: 'parameters' });
  } catch (error) {
    if (!InvalidArgumentError.isInstance(error) || !/refers to itself/.test(error.message)) throw error;
    throw new InvalidArgumentError(
      `${error.argument}: the parameters of tool "${name}" refer to themselves (a recursive schema), which a tool cannot: Gemini's OpenAPI subset has no recursion, and a tool is declared for every route and model. Give the nesting a fixed depth, or take the nested part as a JSON string.`,
      { argument: error.argument, cause: error },
    );
  }
  const zodSchema = isZodSchema(schema) ? schema : undefined;
  return Object.freeze({
    name,
    description,
    parameters: jsonSchema,
    declaration: Object.freeze({
      name,
      ...(description === undefined ? {} : { description }),
      parameters: jsonSchema,
    }),
    timeoutMs,
    checkArguments: (value: unknown): ToolArgumentsCheck<ToolArguments<Parameters>> =>
      zodSchema
        ? checkWithZod({ schema: zodSchema, value })
        : checkWithJsonSchema({ schema: jsonSchema, value }),
    execute: execute as Tool<ToolArguments<Parameters>, Awaited<Output>>['execute'],
  });
}

interface SafeParsing {
  safeParse(
    value: unknown,
  ):
    | { success: true; data: unknown }
    | { success: false; error: { issues: Array<{ path: PropertyKey[]; message: string }> } };
}

function checkWithZod<Arguments>({
  schema,
  value,
}: {
  schema: ZodSchemaLike;
  value: unknown;
}): ToolArgumentsCheck<Arguments> {
  const parsing = schema as Partial<SafeParsing>;
  // zod/mini schemas have no methods: their JSON Schema is checked instead.
  if (typeof parsing.safeParse !== 'function') {
    return checkWithJsonSchema({ schema: toJsonSchema({ schema }), value });
  }
  const result = parsing.safeParse(value);
  if (result.success) return { success: true, arguments: result.data as Arguments };
  const issue = result.error.issues[0];
  const path = ['$', ...(issue?.path ?? []).map(String)].join('.');
  return { success: false, message: `${path}: ${issue?.message ?? 'invalid'}` };
}

function checkWithJsonSchema<Arguments>({
  schema,
  value,
}: {
  schema: JsonSchema;
  value: unknown;
}): ToolArgumentsCheck<Arguments> {
  const message = checkJsonArguments({ schema, value });
  return message === undefined
    ? { success: true, arguments: value as Arguments }
    : { success: false, message };
}
