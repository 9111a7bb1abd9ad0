/** Footprints for Retail: typed client (server-only), its schemas, input types and date helpers. */
export * from './client';
export * from './schemas';
export * from './encode';
export * from './dates';
