import { InvalidArgumentError } from '../errors.js';

/**
 * The function names gemgate sends, on both routes: a letter or `_`, then up to 63 letters,
 * digits, `_`, `.` or `-`. Google's AI Studio reference also allows `:`, but the gateway routes
 * calls between AI Studio and Vertex AI on its own, and Vertex's `FunctionDeclaration.name`
 * (aiplatform v1) allows only letters, digits, `_`, `.` and `-`; the gateway's OpenAI route checks
 * this same rule. A name with `:` would work or 400 depending on where the call lands, so the
 * rule is the part every upstream accepts.
 */
export const toolNamePattern: RegExp = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;

/**
 * Checks one function (tool) name against `toolNamePattern`, so a bad name fails here, naming
 * where it sits, rather than as a vague upstream 400. Both clients and `@gemgate/tools` use it.
 *
 * @example
 * ```ts
 * import { checkToolName } from '@gemgate/core-transport/json-schema';
 * checkToolName({ name: 'get_weather', path: 'tools.0.function.name' }); // passes
 * checkToolName({ name: 'get weather', path: 'tools.0.function.name' }); // throws InvalidArgumentError
 * ```
 */
export function checkToolName({ name, path }: { name: unknown; path: string }): void {
  if (typeof name === 'string' && toolNamePattern.test(name)) return;
  throw new InvalidArgumentError(
    `${path} ${JSON.stringify(name)} is not a valid function name: start with a letter or _, then use up to 63 letters, digits, _, . or - (64 characters at most).`,
    { argument: path },
  );
}
