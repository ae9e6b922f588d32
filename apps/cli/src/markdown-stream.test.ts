import { describe, expect, it } from 'vitest';
import { closedBlockEnd, createMarkdownStream } from './markdown-stream.js';

describe('closedBlockEnd', () => {
  it('ends a block after a blank line', () => {
    expect(closedBlockEnd({ text: 'one\n\ntwo' })).toBe('one\n\n'.length);
  });

  it('holds a paragraph that is still open', () => {
    expect(closedBlockEnd({ text: 'one line, no blank line yet\n' })).toBe(0);
  });

  it('never ends a block inside a code fence, and ends it when the fence closes', () => {
    const open = 'Code:\n\n```js\nconst a = 1;\n\nconst b = 2;\n';
    expect(closedBlockEnd({ text: open })).toBe('Code:\n\n'.length);
    const closed = `${open}\`\`\`\nafter`;
    expect(closedBlockEnd({ text: closed })).toBe(closed.length - 'after'.length);
  });
});

describe('createMarkdownStream', () => {
  it('prints each finished block once, rendered, and the rest at the end', async () => {
    const written: string[] = [];
    const stream = await createMarkdownStream({ write: (text) => written.push(text) });
    stream.write('# Title\n\nSome **bold');
    expect(written).toHaveLength(1);
    expect(written[0]).toContain('Title');
    stream.write('** text');
    stream.end();
    expect(written).toHaveLength(2);
    expect(written[1]).toContain('bold');
    expect(written[1]).not.toContain('**');
  });
});
