import { readdir } from 'node:fs/promises';
import { fileURLToPath, pathToFileURL } from 'node:url';

const workloadsDirectory = fileURLToPath(new URL('./workloads/', import.meta.url));

/**
 * Every workload file in `src/workloads/`, loaded, optionally only those whose name is in `only`.
 * @param {{ only?: string[] }} [options]
 * @returns {Promise<Array<{ file: string, workload: any }>>}
 */
export async function discoverWorkloads({ only = [] } = {}) {
  const files = (await readdir(workloadsDirectory)).filter((name) => name.endsWith('.mjs')).sort();
  const found = [];
  for (const name of files) {
    const file = `${workloadsDirectory}${name}`;
    const { default: workload } = await import(pathToFileURL(file).href);
    validateWorkload({ workload, file });
    if (only.length === 0 || only.includes(workload.name)) found.push({ file, workload });
  }
  return found;
}

function validateWorkload({ workload, file }) {
  const problems = [];
  if (typeof workload?.name !== 'string') problems.push('`name` must be a string');
  if (workload?.kind === 'import') {
    // An import workload names modules to import instead of drivers to run.
    if (typeof workload.modules !== 'object') problems.push('`modules` must map row names to specifiers');
    else if (!(workload.baseline in workload.modules)) problems.push('`baseline` must name one of `modules`');
    if (!Number.isInteger(workload.repeats) || workload.repeats < 1)
      problems.push('`repeats` must be a whole number');
    if (problems.length > 0) throw new Error(`Workload ${file}: ${problems.join('; ')}.`);
    return;
  }
  if (typeof workload?.drivers !== 'object') problems.push('`drivers` must be an object of driver factories');
  else if (!(workload.baseline in workload.drivers)) problems.push('`baseline` must name one of `drivers`');
  if (typeof workload?.check !== 'function') problems.push('`check(answer, driverName)` must be a function');
  if (!['mock-gateway', 'raw-http', 'none'].includes(workload?.upstream)) {
    problems.push("`upstream` must be 'mock-gateway', 'raw-http' or 'none'");
  }
  // A paired workload runs `paired.rounds` batches of `paired.batch` calls, cycling through
  // `paired.processes` processes per driver, instead of `repeats` runs of `iterations`
  // (see run-paired-workload.mjs).
  const counts = workload?.paired
    ? [
        ['warmup', workload.warmup],
        ['paired.batch', workload.paired.batch],
        ['paired.rounds', workload.paired.rounds],
        ['paired.processes', workload.paired.processes ?? 1],
      ]
    : ['iterations', 'warmup', 'repeats'].map((field) => [field, workload?.[field]]);
  for (const [field, value] of counts) {
    if (!Number.isInteger(value) || value < 0) problems.push(`\`${field}\` must be a whole number`);
  }
  if (problems.length > 0) throw new Error(`Workload ${file}: ${problems.join('; ')}.`);
}
