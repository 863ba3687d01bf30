// The store's public surface: open a store, and the error it throws.
export { StoreError, type StoreErrorCode } from './errors.js';
export type { Store } from './kysely-repository.js';
export { type OpenStoreOptions, openStore, resolveStoreTarget, type StoreTarget } from './open.js';
export { DEFAULT_USER_ID } from './schema.js';
export { defaultDbPath } from './sqlite.js';
