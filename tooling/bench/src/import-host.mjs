// Imports one module in a fresh process and prints the CPU and wall time the import took.
// Usage: node import-host.mjs <specifier>. Specifiers resolve from this package, so workspace
// packages load from their built `dist/`, as a user's project would load them.
const [specifier] = process.argv.slice(2);
const cpuStart = process.cpuUsage();
const wallStart = performance.now();
await import(specifier);
const wallMilliseconds = performance.now() - wallStart;
const cpu = process.cpuUsage(cpuStart);
process.stdout.write(
  `${JSON.stringify({ specifier, cpuMicroseconds: cpu.user + cpu.system, wallMicroseconds: wallMilliseconds * 1000 })}\n`,
);
