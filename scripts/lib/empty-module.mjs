// Stands in for the `server-only` package under Vitest (see vitest.config.ts): the real
// one throws outside a React Server Components bundle, which a unit test never is.
export {};
