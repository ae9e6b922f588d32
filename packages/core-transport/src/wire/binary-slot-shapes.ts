/**
 * Where a request takes base64, it also takes a `BinarySlot` (bytes streamed as base64 while
 * the body is sent). The prefix must fit the field: a data-URL head where the wire wants a data
 * URL, nothing where it wants bare base64, or the upstream reads corrupt data.
 */
import { z } from 'zod';
import { type BinarySlot, isBinarySlot } from '../binary-slot.js';
import { defineWireShape } from './wire-shape.js';

const dataUrl = /^data:[\w.+-]+\/[\w.+-]+(;[\w-]+=[^;,]+)*;base64,/;

/** Base64 text, or a `BinarySlot` without prefix (`inlineData.data`, `input_audio.data`). */
export const base64ValueShape = defineWireShape({
  build: () =>
    z.union([
      z.string(),
      z.custom<BinarySlot>(isBinarySlot).refine((slot) => slot.prefix === '', {
        message: 'this field takes bare base64: give the binary source no prefix',
      }),
    ]),
});

/** A base64 data URL as text, or a `BinarySlot` whose prefix is the URL's head (`data:image/png;base64,`). */
export const dataUrlValueShape = defineWireShape({
  build: () =>
    z.union([
      z.string(),
      z.custom<BinarySlot>(isBinarySlot).refine((slot) => dataUrl.test(slot.prefix), {
        message: 'give the binary source a data URL prefix, e.g. prefix: "data:image/png;base64,"',
      }),
    ]),
});

export { dataUrl as dataUrlPattern };
