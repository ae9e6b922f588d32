import { Utf8ChunkDecoder } from './utf8-chunk-decoder.js';

const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;

/**
 * A push-style decoder for a streamed top-level JSON array (Gemini's
 * `:streamGenerateContent` without `alt=sse`): `[{...}\n,\r\n{...}]`. Each element is
 * parsed as soon as its last byte arrives; strings holding brackets or escaped quotes
 * are tracked so they never end an element early. A body that is one JSON object instead
 * of an array (an error answered in place of the stream) is yielded as one element.
 */
export class JsonArrayDecoder {
  private readonly textDecoder = new Utf8ChunkDecoder();
  private buffer = '';
  /** Where scanning resumes in `buffer`. */
  private scanIndex = 0;
  /** Where the element being read starts in `buffer`, or -1 between elements. */
  private elementStart = -1;
  /** Nesting inside the current element: 0 means a bare value (number, string, literal). */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private state: 'before-array' | 'in-array' | 'after-array' | 'bare-object' = 'before-array';

  /** Whether the array's closing `]` (or the end of a lone object) has been read. */
  get closed(): boolean {
    return this.state === 'after-array';
  }

  /** Decodes one chunk; returns the elements it completed. */
  push(chunk: Uint8Array | string): unknown[] {
    this.buffer += this.textDecoder.decode(chunk);
    const elements: unknown[] = [];
    const text = this.buffer;
    const length = text.length;
    let index = this.scanIndex;
    // Where the next quote and backslash are (`length` for none): found once, not per character.
    let nextQuote = -1;
    let nextBackslash = -1;
    while (index < length) {
      let code = text.charCodeAt(index);
      if (this.elementStart === -1) {
        if (this.state === 'before-array') {
          if (code === OPEN_BRACKET) this.state = 'in-array';
          else if (code === OPEN_BRACE) {
            this.state = 'bare-object';
            this.startElement(index, code);
          } else if (code === 0xfeff || isWhitespace(code)) {
            // Leading whitespace or BOM.
          } else throw new SyntaxError(`Expected a JSON array, got "${text[index]}"`);
        } else if (this.state === 'in-array') {
          if (code === CLOSE_BRACKET) this.state = 'after-array';
          else if (code !== COMMA && !isWhitespace(code)) this.startElement(index, code);
        }
        index++;
        continue;
      }
      if (this.inString) {
        if (this.escaped) {
          this.escaped = false;
          index++;
          continue;
        }
        // Skip ahead to the next quote or backslash: string bodies are most of the bytes.
        if (nextQuote < index) nextQuote = indexOrEnd(text, '"', index);
        if (nextBackslash < index) nextBackslash = indexOrEnd(text, '\\', index);
        index = Math.min(nextQuote, nextBackslash);
        if (index === length) break;
        code = text.charCodeAt(index);
        if (code === BACKSLASH) this.escaped = true;
        else {
          this.inString = false;
          if (this.depth === 0) this.finishElement(index + 1, elements);
        }
        index++;
        continue;
      }
      if (code === QUOTE) this.inString = true;
      else if (code === OPEN_BRACE || code === OPEN_BRACKET) this.depth++;
      else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
        if (this.depth === 0) {
          // A bare value ended by the array's closing bracket.
          this.finishElement(index, elements);
          this.state = 'after-array';
        } else {
          this.depth--;
          if (this.depth === 0) this.finishElement(index + 1, elements);
        }
      } else if (this.depth === 0 && (code === COMMA || isWhitespace(code))) {
        this.finishElement(index, elements);
      }
      index++;
    }
    if (this.elementStart === -1) {
      this.buffer = '';
      this.scanIndex = 0;
    } else {
      this.buffer = text.slice(this.elementStart);
      this.scanIndex = index - this.elementStart;
      this.elementStart = 0;
    }
    return elements;
  }

  /** Ends the stream; `incomplete` when it stopped inside an element or before the closing `]`. */
  end(): { incomplete: boolean } {
    const tail = this.textDecoder.flush();
    // A body that ends before the array opened (an empty 200) is as cut short as one that
    // stops inside it: Gemini always sends the brackets, even for zero elements.
    const incomplete =
      this.elementStart !== -1 ||
      tail.trim() !== '' ||
      this.state === 'in-array' ||
      this.state === 'before-array';
    this.buffer = '';
    this.elementStart = -1;
    return { incomplete };
  }

  private startElement(index: number, code: number): void {
    this.elementStart = index;
    this.escaped = false;
    if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      this.depth = 1;
      this.inString = false;
    } else {
      this.depth = 0;
      this.inString = code === QUOTE;
    }
  }

  private finishElement(end: number, elements: unknown[]): void {
    elements.push(JSON.parse(this.buffer.slice(this.elementStart, end)));
    this.elementStart = -1;
    this.depth = 0;
    if (this.state === 'bare-object') this.state = 'after-array';
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const found = text.indexOf(search, from);
  return found === -1 ? text.length : found;
}

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}
