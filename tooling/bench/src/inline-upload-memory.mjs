// Peak memory of one large inline upload through the native client: the file as a base64 string
// (what a caller without binary slots does) against the file streamed through a `BinarySlot`.
// Each mode runs in a fresh process against the raw-http upstream (its own process, which drains
// the body); the figure is the process's peak RSS above what it held just before the upload (the
// kernel's high-water mark reset after the warmed-up process settled: see peak-rss.mjs).
//
//   node src/inline-upload-memory.mjs [--megabytes 15]
//
// The children load the workspace sources (`gemgate-source` condition, through tsx), so no build
// is needed. Memory, not CPU: a loader's overhead is the same in both modes and is subtracted.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePeakRss } from './peak-rss.mjs';
import { startUpstream } from './start-upstream.mjs';

const self = fileURLToPath(import.meta.url);
// The tsx binary linked into this package's node_modules/.bin (it comes with the mock gateway).
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const megabytesArgument = process.argv.indexOf('--megabytes');
const megabytes = megabytesArgument === -1 ? 15 : Number(process.argv[megabytesArgument + 1]);

if (process.argv[2] === '--child')
  await runChild({ mode: process.argv[3], path: process.argv[4], url: process.argv[5] });
else await runParent();

async function runParent() {
  const directory = mkdtempSync(join(tmpdir(), 'gemgate-inline-upload-'));
  const path = join(directory, 'file.bin');
  writeFileSync(path, randomBytes(Math.round(megabytes * 1_000_000)));
  const upstream = await startUpstream({ kind: 'raw-http' });
  try {
    const results = {};
    for (const mode of ['base64-string', 'binary-slot'])
      results[mode] = await runInChild({ mode, path, url: upstream.url });
    const ratio = results['binary-slot'].peakAboveStartMiB / results['base64-string'].peakAboveStartMiB;
    const summary = { fileMegabytes: megabytes, ...results, slotToStringRatio: Number(ratio.toFixed(3)) };
    console.log(JSON.stringify(summary, null, 2));
  } finally {
    await upstream.stop();
    rmSync(directory, { recursive: true, force: true });
  }
}

function runInChild({ mode, path, url }) {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--conditions=gemgate-source', self, '--child', mode, path, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`The ${mode} run exited with ${code}.`));
      resolve(JSON.parse(output.trim().split('\n').at(-1)));
    });
  });
}

async function runChild({ mode, path, url }) {
  const { readFileSync, statSync, createReadStream } = await import('node:fs');
  const { binarySource } = await import('@gemgate/core-transport');
  const { createGemini } = await import('@gemgate/native-gemini');
  const gemini = createGemini({ apiKey: 'sk-bench', baseURL: `${url}/gemini`, env: {} });
  // Warm the client and its connection so only the upload's memory is left to measure.
  await gemini.models.generateContent({ model: 'gemini-2.5-flash', contents: 'warm up' });
  const peak = await measurePeakRss(async () => {
    const data =
      mode === 'binary-slot'
        ? binarySource({ byteLength: statSync(path).size, open: () => createReadStream(path) })
        : readFileSync(path).toString('base64');
    const response = await gemini.models.generateContent({
      model: 'gemini-2.5-flash',
      contents: [
        { role: 'user', parts: [{ text: 'Describe it.' }, { inlineData: { mimeType: 'image/png', data } }] },
      ],
    });
    if (response.text !== 'pong') throw new Error(`Unexpected answer: ${response.text}`);
  });
  await gemini.close();
  console.log(JSON.stringify(peak));
}
