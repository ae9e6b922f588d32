import { describe, expect, it } from 'vitest';
import { createToolCallAssembler } from './assemble-tool-calls.js';

describe('createToolCallAssembler', () => {
  it('joins index-based argument fragments, keeping parallel calls apart', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ index: 0, id: 'a', type: 'function', function: { name: 'first', arguments: '{"x"' } });
    assembler.add({ index: 1, id: 'b', type: 'function', function: { name: 'second', arguments: '' } });
    assembler.add({ index: 0, function: { arguments: ':1}' } });
    assembler.add({ index: 1, function: { arguments: '{}' } });
    expect(assembler.toolCalls()).toEqual([
      { id: 'a', type: 'function', function: { name: 'first', arguments: '{"x":1}' } },
      { id: 'b', type: 'function', function: { name: 'second', arguments: '{}' } },
    ]);
  });

  it('takes whole calls without index as separate calls', () => {
    const assembler = createToolCallAssembler();
    assembler.add({
      id: 'a',
      type: 'function',
      function: { name: 'first', arguments: '{"x":1}' },
      extra_content: { google: { thought_signature: 'sig-a' } },
    });
    assembler.add({ id: 'b', type: 'function', function: { name: 'second', arguments: '{"y":2}' } });
    expect(assembler.toolCalls()).toEqual([
      {
        id: 'a',
        type: 'function',
        function: { name: 'first', arguments: '{"x":1}' },
        extra_content: { google: { thought_signature: 'sig-a' } },
      },
      { id: 'b', type: 'function', function: { name: 'second', arguments: '{"y":2}' } },
    ]);
  });

  it('treats a repeated index with a new id as a new call', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ index: 0, id: 'a', function: { name: 'first', arguments: '{}' } });
    assembler.add({ index: 0, id: 'b', function: { name: 'second', arguments: '{}' } });
    expect(assembler.toolCalls().map((call) => call.function.name)).toEqual(['first', 'second']);
  });

  it('does not double a name repeated on every fragment', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ index: 0, id: 'a', type: 'function', function: { name: 'lookup', arguments: '{"x"' } });
    assembler.add({ index: 0, function: { name: 'lookup', arguments: ':1}' } });
    expect(assembler.toolCalls()).toEqual([
      { id: 'a', type: 'function', function: { name: 'lookup', arguments: '{"x":1}' } },
    ]);
  });

  it('keeps whole calls that come without index and without id apart', () => {
    const assembler = createToolCallAssembler();
    assembler.add({ type: 'function', function: { name: 'first', arguments: '{"x":1}' } });
    assembler.add({ type: 'function', function: { name: 'second', arguments: '{"y":2}' } });
    // A nameless fragment still continues the call before it.
    assembler.add({ function: { arguments: '' } });
    expect(assembler.toolCalls().map((call) => [call.function.name, call.function.arguments])).toEqual([
      ['first', '{"x":1}'],
      ['second', '{"y":2}'],
    ]);
  });
});
