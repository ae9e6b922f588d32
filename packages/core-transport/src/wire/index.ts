/**
 * The wire shapes of both routes, each written once as a lenient zod schema (unknown fields
 * kept) with its TypeScript type inferred from it (subpath `@gemgate/core-transport/wire`).
 * Needs `zod`, an optional peer of this package.
 *
 * @module
 */
export {};
