import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

/** The leading bytes `file-type` recognises, per kind; the rest of a fixture is random. */
const magic = {
  png: Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a46494600010100000100010000', 'hex'),
  wav: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WAVEfmt ')]),
  pdf: Buffer.from('%PDF-1.7\n'),
  mp4: Buffer.concat([
    Buffer.from([0, 0, 0, 0x18]),
    Buffer.from('ftypmp42'),
    Buffer.from([0, 0, 0, 0]),
    Buffer.from('mp42isom'),
  ]),
  gif: Buffer.from('GIF89a'),
};

/** A PNG chunk header: `file-type` walks the chunks, so the random rest must sit inside one. */
function pngDataChunkHeader({ byteLength }: { byteLength: number }): Buffer {
  const header = Buffer.alloc(8);
  header.writeUInt32BE(byteLength);
  header.write('IDAT', 4);
  return header;
}

/** Bytes of `byteLength` that start like a file of `kind`. */
export function mediaBytes({ kind, byteLength }: { kind: keyof typeof magic; byteLength: number }): Buffer {
  const head =
    kind === 'png'
      ? Buffer.concat([
          magic.png,
          pngDataChunkHeader({ byteLength: Math.max(0, byteLength - magic.png.length - 8) }),
        ])
      : magic[kind];
  return Buffer.concat([head, randomBytes(Math.max(0, byteLength - head.length))]).subarray(0, byteLength);
}

/** A temporary directory for the test file, removed after it. */
export function useTemporaryDirectory(): { write: (name: string, bytes: Uint8Array | string) => string } {
  const directory = mkdtempSync(join(tmpdir(), 'gemgate-media-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  return {
    write: (name, bytes) => {
      const path = join(directory, name);
      writeFileSync(path, bytes);
      return path;
    },
  };
}
