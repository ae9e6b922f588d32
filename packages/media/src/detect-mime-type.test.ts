import { describe, expect, it } from 'vitest';
import { mediaBytes } from '../test/fixtures.js';
import { detectMimeType } from './detect-mime-type.js';

const head = (kind: Parameters<typeof mediaBytes>[0]['kind']) => mediaBytes({ kind, byteLength: 4_100 });
const csv = new TextEncoder().encode('a,b\n1,2\n');

describe('detectMimeType', () => {
  it('trusts the bytes over the extension', async () => {
    expect(await detectMimeType({ head: head('jpeg'), fileName: 'photo.png' })).toEqual({
      mimeType: 'image/jpeg',
      family: 'image',
    });
  });

  it('takes a caller type in the same container as the bytes (an m4a reads as mp4)', async () => {
    expect((await detectMimeType({ head: head('mp4'), mimeType: 'audio/aac' })).mimeType).toBe('audio/aac');
    expect((await detectMimeType({ head: head('mp4') })).family).toBe('video');
  });

  it('agrees with a caller spelling the same type another way', async () => {
    expect((await detectMimeType({ head: head('wav'), mimeType: 'audio/x-wav' })).mimeType).toBe('audio/wav');
  });

  it('where the bytes say nothing: the caller, then the extension, then the stated type, then text', async () => {
    expect((await detectMimeType({ head: csv, fileName: 'a.txt', mimeType: 'text/csv' })).mimeType).toBe(
      'text/csv',
    );
    expect((await detectMimeType({ head: csv, fileName: 'a.csv' })).mimeType).toBe('text/csv');
    expect((await detectMimeType({ head: csv, statedMimeType: 'text/csv; charset=utf-8' })).mimeType).toBe(
      'text/csv',
    );
    expect((await detectMimeType({ head: csv, statedMimeType: 'application/octet-stream' })).mimeType).toBe(
      'text/plain',
    );
  });

  it('ignores a stated type the bytes contradict', async () => {
    expect((await detectMimeType({ head: head('png'), statedMimeType: 'text/plain' })).mimeType).toBe(
      'image/png',
    );
  });

  it('asks for mimeType when nothing tells the type', async () => {
    await expect(detectMimeType({ head: new Uint8Array([0, 159, 146, 150]) })).rejects.toThrow(
      /pass mimeType/,
    );
  });
});
