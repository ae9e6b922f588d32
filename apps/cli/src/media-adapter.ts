// Everything the CLI takes from @gemgate/media goes through this file, so a change of that
// package's API is a fix here only.
import type { Middleware } from '@gemgate/core-transport';
import { inlineMedia, mediaRequestLimits } from '@gemgate/media';

/** Files from this size up get a progress bar while they are sent (on a terminal). */
const progressBarFromBytes = 1024 * 1024;

/**
 * The parts for `--file` paths, for the route: native parts as they are, OpenAI parts through
 * `toOpenAIPart()`. A type Gemini does not read, or a file too large for the gateway, is refused
 * here, before anything is uploaded.
 */
export async function attachmentsOf({
  paths,
  route,
}: {
  paths: readonly string[];
  route: 'native' | 'openai';
  mediaResolution?: 'low' | 'medium' | 'high' | undefined;
}): Promise<unknown[]> {
  const parts: unknown[] = [];
  for (const path of paths) {
    const part = await inlineMedia({ source: path, onProgress: await progressReporter() });
    parts.push(route === 'native' ? part : part.toOpenAIPart());
  }
  return parts;
}

/** The middleware that measures a request with media against the gateway's 20 MB before sending. */
export function mediaLimitsMiddleware(): Middleware {
  return mediaRequestLimits();
}

async function progressReporter() {
  if (!process.stderr.isTTY) return undefined;
  const { SingleBar, Presets } = await import('cli-progress');
  let bar: InstanceType<typeof SingleBar> | undefined;
  return ({
    bytesSent,
    totalBytes,
    fileName,
  }: {
    bytesSent: number;
    totalBytes: number;
    fileName?: string | undefined;
  }) => {
    if (totalBytes < progressBarFromBytes) return;
    if (!bar) {
      bar = new SingleBar(
        {
          format: `uploading ${fileName ?? 'file'} [{bar}] {percentage}% {value}/{total} bytes`,
          stream: process.stderr,
          clearOnComplete: true,
        },
        Presets.shades_classic,
      );
      bar.start(totalBytes, 0);
    }
    bar.update(bytesSent);
    if (bytesSent >= totalBytes) bar.stop();
  };
}
