// A module resolve hook for the workspace: adds the `gemgate-source` export condition, so that
// `@gemgate/*` packages resolve to their TypeScript sources instead of an unbuilt `dist/`.
export async function resolve(specifier, context, nextResolve) {
  const conditions = context.conditions.includes('gemgate-source')
    ? context.conditions
    : [...context.conditions, 'gemgate-source'];
  return nextResolve(specifier, { ...context, conditions });
}
