export * from './client';
export type { UploadFailure } from './schemas';
