/**
 * Timeouts shorter than this get a precise timer of their own. undici's header and body
 * timers tick about every half second and fire up to a second late: nothing next to a
 * minute, but a 2 s timeout that fires at 3 s is not the timeout the caller set.
 */
export const preciseTimeoutBelowMs = 10_000;
