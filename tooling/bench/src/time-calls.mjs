/**
 * Runs `iterations` calls of a driver one after another and times them: CPU (user + system of
 * this process) and wall time. Answers are kept and checked after the clock stops, so checking
 * costs no driver anything; a wrong answer throws.
 * @param {{ driver: { once: () => Promise<unknown> }, iterations: number, check: (answer: unknown) => void }} options
 * @returns {Promise<{ iterations: number, cpuMicroseconds: number, wallMicroseconds: number }>}
 */
export async function timeCalls({ driver, iterations, check }) {
  const answers = new Array(iterations);
  const cpuStart = process.cpuUsage();
  const wallStart = process.hrtime.bigint();
  for (let index = 0; index < iterations; index++) answers[index] = await driver.once();
  const wallNanoseconds = Number(process.hrtime.bigint() - wallStart);
  const cpu = process.cpuUsage(cpuStart);
  for (const answer of answers) check(answer);
  return { iterations, cpuMicroseconds: cpu.user + cpu.system, wallMicroseconds: wallNanoseconds / 1000 };
}
