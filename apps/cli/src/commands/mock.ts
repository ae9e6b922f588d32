/** `gemgate mock`: the mock gateway in the foreground until SIGINT or SIGTERM. */
export async function runMock({ port, host }: { port: number; host: string }): Promise<void> {
  const { startMockGateway } = await import('@gemgate/mock-gateway');
  const gateway = await startMockGateway({ port, host, maxRecordedRequests: 1000 });
  process.stdout.write(
    `gemgate mock listening on ${gateway.url} (native: ${gateway.nativeBaseURL}, OpenAI: ${gateway.openaiBaseURL})\n` +
      `Try: AIHUBMIX_API_KEY=any AIHUBMIX_BASE_URL=${gateway.url} gemgate chat "Hello"\n`,
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await gateway.close();
}
