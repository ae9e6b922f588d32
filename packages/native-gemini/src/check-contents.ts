import { InvalidArgumentError, isBinarySlot } from '@gemgate/core-transport';
import { checkJsonValue } from '@gemgate/core-transport/json-schema';

/** The roles the upstream takes in `contents`; `function` is the older name of a tool-result turn. */
const roles = new Set(['user', 'model', 'function']);

/**
 * Fields that only accompany a part's data. A part made of these alone carries nothing, and the
 * upstream refuses it with a vague "required oneof field 'data'" 400. `thoughtSignature` is not
 * among them: a chat sends the model's signature-only parts back as received.
 */
const companionFields = new Set(['thought', 'videoMetadata', 'mediaResolution', 'partMetadata']);

function refuse(argument: string, advice: string): never {
  throw new InvalidArgumentError(`${argument} ${advice}`, { argument });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return 'bytes';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function checkString({ value, argument }: { value: unknown; argument: string }): void {
  if (value !== undefined && typeof value !== 'string') {
    refuse(argument, `must be a string, got ${describe(value)}.`);
  }
}

function checkObject({ value, argument }: { value: unknown; argument: string }): Record<string, unknown> {
  if (!isPlainObject(value)) refuse(argument, `must be an object, got ${describe(value)}.`);
  return value;
}

function checkInlineData({ value, argument }: { value: unknown; argument: string }): void {
  const blob = checkObject({ value, argument });
  if (typeof blob.mimeType !== 'string' || blob.mimeType.length === 0) {
    refuse(`${argument}.mimeType`, 'is required: give the data\'s media type, e.g. "image/png".');
  }
  const data = blob.data;
  if (typeof data === 'string' || isBinarySlot(data)) return;
  if (ArrayBuffer.isView(data) || data instanceof ArrayBuffer) {
    refuse(
      `${argument}.data`,
      "must be a base64 string, got bytes: encode them with Buffer.from(bytes).toString('base64'), or pass a file or stream through @gemgate/media's inlineMedia (or core's binarySource), which streams the base64 while sending.",
    );
  }
  refuse(`${argument}.data`, `must be a base64 string, got ${describe(data)}.`);
}

function checkFunctionCall({ value, argument }: { value: unknown; argument: string }): void {
  const call = checkObject({ value, argument });
  checkString({ value: call.name, argument: `${argument}.name` });
  if (call.args !== undefined) {
    checkObject({ value: call.args, argument: `${argument}.args` });
    checkJsonValue({ value: call.args, path: `${argument}.args` });
  }
}

function checkFunctionResponse({ value, argument }: { value: unknown; argument: string }): void {
  const result = checkObject({ value, argument });
  if (typeof result.name !== 'string') {
    refuse(
      `${argument}.name`,
      `must be the name of the function called (a string), got ${describe(result.name)}.`,
    );
  }
  if (result.response !== undefined) {
    checkObject({ value: result.response, argument: `${argument}.response` });
    checkJsonValue({ value: result.response, path: `${argument}.response` });
  }
}

/**
 * Checks one part as `checkContents` does, for a part given loose (`contents: [{ text: 'a' }]`),
 * so the error names the path the caller wrote.
 *
 * @example
 * ```ts
 * checkPart({ part: { text: 5 }, argument: 'contents[1]' }); // throws InvalidArgumentError (argument 'contents[1].text')
 * ```
 */
export function checkPart({ part, argument }: { part: unknown; argument: string }): void {
  if (typeof part === 'string')
    refuse(argument, `must be a part object: write { text: ${JSON.stringify(part)} }.`);
  if (!isPlainObject(part))
    refuse(argument, `must be a part object like { text: "..." }, got ${describe(part)}.`);
  let carriesData = false;
  for (const key in part) {
    const value = part[key];
    if (value === undefined) continue;
    if (!companionFields.has(key)) carriesData = true;
    const at = `${argument}.${key}`;
    switch (key) {
      case 'text':
      case 'thoughtSignature':
        checkString({ value, argument: at });
        break;
      case 'thought':
        if (typeof value !== 'boolean') refuse(at, `must be true or false, got ${describe(value)}.`);
        break;
      case 'inlineData':
        checkInlineData({ value, argument: at });
        break;
      case 'fileData':
        if (typeof checkObject({ value, argument: at }).fileUri !== 'string') {
          refuse(`${at}.fileUri`, "must be the file's URI (a string), e.g. from files.upload.");
        }
        break;
      case 'functionCall':
        checkFunctionCall({ value, argument: at });
        break;
      case 'functionResponse':
        checkFunctionResponse({ value, argument: at });
        break;
      case 'executableCode':
      case 'codeExecutionResult':
        checkObject({ value, argument: at });
        break;
    }
  }
  if (!carriesData) {
    refuse(
      argument,
      'carries nothing: give one of text, inlineData, fileData, functionCall or functionResponse.',
    );
  }
}

/**
 * Checks one content as `checkContents` does, at the path the caller wrote (`contents` for a
 * single content, `config.systemInstruction`). A system instruction's role is not checked: the
 * upstream ignores it, and `@google/genai` code often says `system`.
 *
 * @example
 * ```ts
 * checkContent({ content: { parts: 'x' }, argument: 'contents' }); // throws InvalidArgumentError (argument 'contents.parts')
 * ```
 */
export function checkContent({
  content,
  argument,
  isSystemInstruction = false,
}: {
  content: unknown;
  argument: string;
  isSystemInstruction?: boolean | undefined;
}): void {
  if (!isPlainObject(content)) {
    refuse(
      argument,
      `must be a content like { role: "user", parts: [{ text: "..." }] }, got ${describe(content)}.`,
    );
  }
  const { role, parts } = content;
  if (!isSystemInstruction && role !== undefined && !(typeof role === 'string' && roles.has(role))) {
    const given = typeof role === 'string' ? JSON.stringify(role) : describe(role);
    refuse(`${argument}.role`, `must be "user" or "model", got ${given}.`);
  }
  if (!Array.isArray(parts)) {
    refuse(`${argument}.parts`, `must be a list of parts like [{ text: "..." }], got ${describe(parts)}.`);
  }
  if (parts.length === 0)
    refuse(`${argument}.parts`, 'is empty: give at least one part, e.g. [{ text: "..." }].');
  parts.forEach((part, position) => {
    checkPart({ part, argument: `${argument}.parts[${position}]` });
  });
}

/**
 * Checks the wire contents before they are sent, so a malformed turn fails here, naming its
 * path (`contents[0].parts[1].text`), rather than as a vague upstream 400 or a `TypeError` while
 * the body is written. A hand-written walk over the fields the upstream types strictly: one
 * look per field, no schema parse; fields it does not know pass through, as the wire is open.
 *
 * @example
 * ```ts
 * checkContents({ contents: [{ role: 'user', parts: [{ text: 5 }] }], argument: 'contents' });
 * // throws InvalidArgumentError (argument 'contents[0].parts[0].text')
 * ```
 */
export function checkContents({
  contents,
  argument,
}: {
  contents: readonly unknown[];
  argument: string;
}): void {
  contents.forEach((content, index) => {
    checkContent({ content, argument: `${argument}[${index}]` });
  });
}
