// Peak memory and CPU of one large inline image upload, on both routes, beside the peers, in one
// run (issue 10). Each mode runs in a fresh process (repeated, medians reported) against the
// raw-http upstream (its own process, which drains the body and answers small; the OpenAI route
// answers a short stream). Figures: peak RSS above what the process held just before the upload
// (the kernel's high-water mark reset after the warmed-up process settled: see peak-rss.mjs),
// and the CPU (user + system) of
// the upload itself, as a ratio to the floor measured in the same run: raw `undici.request`
// with the body built by `readFileSync(...).toString('base64')`.
//
//   node src/media-upload-memory.mjs [--megabytes 15] [--repeats 5] [--no-write]
//
// Unless --no-write is given, the rows go to results/memory.json and the memory table of
// results/latest.md.
//
// Targets (issue 10): `@gemgate/media` peak RSS added <= 1.5x the file size on both routes, CPU
// <= 1.2x the floor. The children load the workspace sources through tsx (`gemgate-source`), so
// no build is needed; a loader's overhead is paid at warm-up, before anything is measured.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measurePeakRss } from './peak-rss.mjs';
import { startUpstream } from './start-upstream.mjs';
import { writeMemoryResults } from './write-results.mjs';

const self = fileURLToPath(import.meta.url);
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));
const option = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index === -1 ? fallback : Number(process.argv[index + 1]);
};
const megabytes = option('megabytes', 15);
const repeats = option('repeats', 5);
const prompt = 'Describe the image.';

const modes = {
  native: [
    'undici.request + toString(base64)',
    '@google/genai',
    '@gemgate/native-gemini + base64 string',
    '@gemgate/media',
  ],
  openai: [
    'undici.request + toString(base64)',
    'openai',
    '@gemgate/openai-compat + base64 string',
    '@gemgate/media',
  ],
};

/** A PNG of `byteLength` bytes: a real signature and header, then one data chunk of random bytes. */
function makePng({ byteLength }) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    return Buffer.concat([length, Buffer.from(type, 'ascii'), data, Buffer.alloc(4)]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const filler = randomBytes(byteLength - 8 - 25 - 12 - 12);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', filler),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

async function runParent() {
  const directory = mkdtempSync(join(tmpdir(), 'gemgate-media-upload-'));
  const path = join(directory, 'photo.png');
  const fileBytes = Math.round(megabytes * 1_000_000);
  writeFileSync(path, makePng({ byteLength: fileBytes }));
  const upstream = await startUpstream({ kind: 'raw-http' });
  const fileMiB = fileBytes / 2 ** 20;
  const rows = [];
  try {
    for (const route of ['native', 'openai']) {
      const runs = Object.fromEntries(modes[route].map((mode) => [mode, []]));
      for (let repeat = 0; repeat < repeats; repeat++) {
        // Interleaved, order reversed every other repeat, as run-bench.mjs does.
        const order = repeat % 2 ? [...modes[route]].reverse() : modes[route];
        for (const mode of order) runs[mode].push(await runInChild({ route, mode, path, url: upstream.url }));
      }
      const floorCpu = median(runs[modes[route][0]].map((run) => run.cpuMs));
      for (const mode of modes[route]) {
        const peak = median(runs[mode].map((run) => run.peakAboveStartMiB));
        const cpuMs = median(runs[mode].map((run) => run.cpuMs));
        rows.push({
          route,
          mode,
          peakAddedMiB: Number(peak.toFixed(1)),
          peakToFile: Number((peak / fileMiB).toFixed(2)),
          cpuMs: Number(cpuMs.toFixed(1)),
          cpuToFloor: Number((cpuMs / floorCpu).toFixed(2)),
        });
      }
    }
  } finally {
    await upstream.stop();
    rmSync(directory, { recursive: true, force: true });
  }
  console.log(
    `file: ${megabytes} MB (${fileMiB.toFixed(2)} MiB), ${repeats} fresh processes per mode, medians`,
  );
  console.log('| route | mode | peak RSS added (MiB) | × file | CPU (ms) | CPU × floor |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: |');
  for (const row of rows) {
    const target =
      row.mode === '@gemgate/media'
        ? ` ${row.peakToFile <= 1.5 && row.cpuToFloor <= 1.2 ? '(targets met)' : '(target MISSED: ≤1.5× file, ≤1.2× CPU)'}`
        : '';
    console.log(
      `| ${row.route} | ${row.mode}${target} | ${row.peakAddedMiB} | ${row.peakToFile} | ${row.cpuMs} | ${row.cpuToFloor} |`,
    );
  }
  console.log(JSON.stringify({ fileMegabytes: megabytes, repeats, rows }));
  if (!process.argv.includes('--no-write'))
    await writeMemoryResults({ rows, fileMegabytes: megabytes, repeats });
}

function runInChild({ route, mode, path, url }) {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, ['--conditions=gemgate-source', self, '--child', route, mode, path, url], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`The ${route} ${mode} run exited with ${code}.`));
      resolve(JSON.parse(output.trim().split('\n').at(-1)));
    });
  });
}

/** Builds the mode's `upload()` (one call with the image) and `close()`, warmed up. */
async function driverFor({ route, mode, path, url }) {
  const { readFileSync } = await import('node:fs');
  const apiKey = 'sk-bench';
  if (mode === 'undici.request + toString(base64)') {
    const { Agent, request } = await import('undici');
    const dispatcher = new Agent();
    const send = async (data) => {
      const body =
        route === 'native'
          ? JSON.stringify({
              contents: [
                { role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data } }, { text: prompt }] },
              ],
            })
          : JSON.stringify({
              model: 'gemini-2.5-flash',
              stream: true,
              messages: [
                {
                  role: 'user',
                  content: [
                    { type: 'image_url', image_url: { url: `data:image/png;base64,${data}` } },
                    { type: 'text', text: prompt },
                  ],
                },
              ],
            });
      const response = await request(
        route === 'native'
          ? `${url}/gemini/v1beta/models/gemini-2.5-flash:generateContent`
          : `${url}/v1/chat/completions`,
        {
          method: 'POST',
          dispatcher,
          headers: {
            'content-type': 'application/json',
            ...(route === 'native' ? { 'x-goog-api-key': apiKey } : { authorization: `Bearer ${apiKey}` }),
          },
          body,
        },
      );
      const text = await response.body.text();
      if (response.statusCode !== 200 || text.length === 0)
        throw new Error(`Unexpected answer ${response.statusCode}`);
    };
    await send('aGk=');
    return { upload: () => send(readFileSync(path).toString('base64')), close: () => dispatcher.close() };
  }
  if (mode === '@google/genai') {
    const { GoogleGenAI } = await import('@google/genai');
    const ai = new GoogleGenAI({ apiKey, httpOptions: { baseUrl: `${url}/gemini` } });
    const send = async (data) => {
      const response = await ai.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [
          { role: 'user', parts: [{ inlineData: { mimeType: 'image/png', data } }, { text: prompt }] },
        ],
      });
      if (response.text !== 'pong') throw new Error(`Unexpected answer: ${response.text}`);
    };
    await send('aGk=');
    return { upload: () => send(readFileSync(path).toString('base64')), close: async () => {} };
  }
  if (mode === 'openai') {
    const { default: OpenAI } = await import('openai');
    const client = new OpenAI({ apiKey, baseURL: `${url}/v1` });
    const send = async (url) => {
      const stream = await client.chat.completions.create({
        model: 'gemini-2.5-flash',
        stream: true,
        messages: [
          {
            role: 'user',
            content: [
              { type: 'image_url', image_url: { url } },
              { type: 'text', text: prompt },
            ],
          },
        ],
      });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      if (text.length === 0) throw new Error('Empty answer');
    };
    await send('data:image/png;base64,aGk=');
    return {
      upload: () => send(`data:image/png;base64,${readFileSync(path).toString('base64')}`),
      close: async () => {},
    };
  }
  const { inlineMedia, mediaRequestLimits } = await import('@gemgate/media');
  const middleware = [mediaRequestLimits()];
  // Warm the detector and the encoder on a tiny file, so only the upload is left to measure.
  const warm = join(mkdtempSync(join(tmpdir(), 'gemgate-media-warm-')), 'warm.png');
  writeFileSync(warm, makePng({ byteLength: 5_000 }));
  const part = async ({ source, fromString }) =>
    fromString ? readFileSync(source).toString('base64') : await inlineMedia({ source });
  const fromString = mode.endsWith('base64 string');
  if (route === 'native') {
    const { createGemini } = await import('@gemgate/native-gemini');
    const gemini = createGemini({ apiKey, baseURL: `${url}/gemini`, env: {}, middleware });
    const send = async (source) => {
      const media = await part({ source, fromString });
      const image = fromString ? { inlineData: { mimeType: 'image/png', data: media } } : media;
      const response = await gemini.models.generateContent({
        model: 'gemini-2.5-flash',
        contents: [image, prompt],
      });
      if (response.text !== 'pong') throw new Error(`Unexpected answer: ${response.text}`);
    };
    await send(warm);
    return { upload: () => send(path), close: () => gemini.close() };
  }
  const { createOpenAICompat } = await import('@gemgate/openai-compat');
  const openai = createOpenAICompat({ apiKey, baseURL: `${url}/v1`, env: {}, middleware });
  const send = async (source) => {
    const media = await part({ source, fromString });
    const image = fromString
      ? { type: 'image_url', image_url: { url: `data:image/png;base64,${media}` } }
      : media.toOpenAIPart();
    const stream = await openai.chat.completions.create({
      model: 'gemini-2.5-flash',
      stream: true,
      messages: [{ role: 'user', content: [image, { type: 'text', text: prompt }] }],
    });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    if (text.length === 0) throw new Error('Empty answer');
  };
  await send(warm);
  return { upload: () => send(path), close: () => openai.close() };
}

async function runChild({ route, mode, path, url }) {
  const driver = await driverFor({ route, mode, path, url });
  let cpuMs = 0;
  const peak = await measurePeakRss(async () => {
    const cpuBefore = process.cpuUsage();
    await driver.upload();
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs = (cpu.user + cpu.system) / 1000;
  });
  await driver.close();
  console.log(JSON.stringify({ ...peak, cpuMs }));
}

// Last, so every helper above is initialised before either side runs.
if (process.argv[2] === '--child')
  await runChild({
    route: process.argv[3],
    mode: process.argv[4],
    path: process.argv[5],
    url: process.argv[6],
  });
else await runParent();
