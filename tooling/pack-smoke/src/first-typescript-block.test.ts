import { describe, expect, it } from 'vitest';
import { firstTypeScriptBlock } from './first-typescript-block.js';

describe('firstTypeScriptBlock', () => {
  it('takes the first ts block only, skipping other languages', () => {
    const markdown =
      '# t\n\n```sh\nnpm i\n```\n\n```ts\nconst a = 1;\nconsole.log(a);\n```\n\n```ts\nsecond();\n```\n';
    expect(firstTypeScriptBlock({ markdown })).toBe('const a = 1;\nconsole.log(a);\n');
  });

  it('throws when there is no ts block', () => {
    expect(() => firstTypeScriptBlock({ markdown: '# nothing\n```sh\nls\n```\n' })).toThrow(/no ```ts block/);
  });
});
