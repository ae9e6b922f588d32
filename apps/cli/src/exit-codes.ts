/**
 * The exit codes of `gemgate`, documented in the README. Scripts branch on them, so they never
 * change meaning.
 */
export const exitCodes = {
  success: 0,
  failure: 1,
  usage: 2,
  auth: 3,
  rateLimit: 4,
  network: 5,
  upstream: 6,
  interrupted: 130,
} as const;
