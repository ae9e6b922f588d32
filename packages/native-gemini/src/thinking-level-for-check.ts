/**
 * The spelling of a `thinkingLevel` the catalog's rules are checked with: lower case. The
 * upstream takes both the official enum's values (`ThinkingLevel.HIGH` is `'HIGH'`, what
 * `@google/genai` sends) and the lower case of Google's REST docs (`'high'`), so both pass the
 * check and are sent as given. `THINKING_LEVEL_UNSPECIFIED` means "the model's default", so it is
 * checked as no level at all. A mixed spelling (`'High'`) is neither, and is left for the check
 * to refuse.
 *
 * @example
 * ```ts
 * thinkingLevelForCheck('HIGH'); // 'high'
 * thinkingLevelForCheck('THINKING_LEVEL_UNSPECIFIED'); // undefined
 * ```
 */
export function thinkingLevelForCheck(level: string | undefined): string | undefined {
  if (typeof level !== 'string') return level;
  const lower = level.toLowerCase();
  if (lower === 'thinking_level_unspecified' && (level === lower || level === level.toUpperCase())) {
    return undefined;
  }
  return level === level.toUpperCase() ? lower : level;
}
