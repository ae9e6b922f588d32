/** Reads all of stdin as UTF-8 text (a piped prompt). */
export async function readStdin({
  input = process.stdin,
}: {
  input?: NodeJS.ReadableStream;
} = {}): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of input)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}
