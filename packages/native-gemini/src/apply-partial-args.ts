import { ResponseValidationError } from '@gemgate/core-transport';
import type { PartialArg } from './wire-types.js';

type JsonContainer = Record<string, unknown> | unknown[];

/** `$.a.b[0]['c d']` -> `['a', 'b', 0, 'c d']` (the subset of RFC 9535 that names one value). */
function parseJsonPath(jsonPath: string): Array<string | number> | undefined {
  if (!jsonPath.startsWith('$')) return undefined;
  const segments: Array<string | number> = [];
  const pattern = /\.([^.[\]]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]|\["((?:[^"\\]|\\.)*)"\]/y;
  pattern.lastIndex = 1;
  while (pattern.lastIndex < jsonPath.length) {
    const match = pattern.exec(jsonPath);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push((match[3] ?? match[4] ?? '').replace(/\\(.)/g, '$1'));
  }
  return segments;
}

function pieceValue(piece: PartialArg): unknown {
  if (piece.stringValue !== undefined) return piece.stringValue;
  if (piece.numberValue !== undefined) return piece.numberValue;
  if (piece.boolValue !== undefined) return piece.boolValue;
  return null;
}

/**
 * The arguments of one function call whose arguments stream in as Vertex AI `partialArgs`
 * pieces: each piece sets the value at its JSON path, and a string piece that follows a piece
 * of the same path marked `willContinue` is appended to it. Throws `ResponseValidationError`
 * when two pieces need different shapes at one path, rather than silently dropping data.
 *
 * @example
 * ```ts
 * const args = createPartialArgsBuilder();
 * args.add({ jsonPath: '$.city', stringValue: 'Bos', willContinue: true });
 * args.add({ jsonPath: '$.city', stringValue: 'ton' });
 * args.args; // { city: 'Boston' }
 * ```
 */
export function createPartialArgsBuilder({ args = {} }: { args?: Record<string, unknown> } = {}) {
  const root: Record<string, unknown> = { ...args };
  const continuing = new Set<string>();

  function refuse(jsonPath: string, why: string): ResponseValidationError {
    return new ResponseValidationError(`A streamed function-call argument at ${jsonPath} ${why}.`, {
      path: `functionCall.partialArgs.${jsonPath}`,
    });
  }

  return {
    get args(): Record<string, unknown> {
      return root;
    },
    add(piece: PartialArg): void {
      const jsonPath = piece.jsonPath ?? '$';
      const segments = parseJsonPath(jsonPath);
      if (!segments) throw refuse(jsonPath, 'has a JSON path gemgate cannot follow');
      if (segments.length === 0) throw refuse(jsonPath, 'replaces the whole arguments object');
      let container: JsonContainer = root;
      for (let position = 0; position < segments.length - 1; position += 1) {
        const key = segments[position]!;
        const wantsArray = typeof segments[position + 1] === 'number';
        let next = (container as Record<string | number, unknown>)[key];
        if (next === undefined) {
          next = wantsArray ? [] : {};
          (container as Record<string | number, unknown>)[key] = next;
        } else if (typeof next !== 'object' || next === null || Array.isArray(next) !== wantsArray) {
          throw refuse(jsonPath, 'needs a different shape than an earlier piece gave it');
        }
        container = next as JsonContainer;
      }
      const last = segments.at(-1)!;
      const target = container as Record<string | number, unknown>;
      const value = pieceValue(piece);
      const previous = target[last];
      if (continuing.has(jsonPath) && typeof previous === 'string' && typeof value === 'string') {
        target[last] = previous + value;
      } else {
        target[last] = value;
      }
      if (piece.willContinue === true) continuing.add(jsonPath);
      else continuing.delete(jsonPath);
    },
  };
}
