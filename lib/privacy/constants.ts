/** The privacy desk's enumerations, shared by the tables (schema.ts) and browser code (no drizzle here). */
export const PRIVACY_CASE_STATUSES = ['open', 'in_progress', 'answered', 'closed'] as const;
export type PrivacyCaseStatus = (typeof PRIVACY_CASE_STATUSES)[number];

export const PRIVACY_CHANNELS = ['email', 'sms'] as const;
export type PrivacyChannel = (typeof PRIVACY_CHANNELS)[number];

export const LOOKUP_MODES = ['single', 'split'] as const;
export type LookupMode = (typeof LOOKUP_MODES)[number];

/** never_asked → pending (a request is in flight) → answered | failed (with a reason). */
export const WINDOW_STATES = ['never_asked', 'pending', 'answered', 'failed'] as const;
export type WindowState = (typeof WINDOW_STATES)[number];

/** The bound: at most three Netcore requests in flight per lookup (the desk's pool; the e2e measures it). */
export const MAX_IN_FLIGHT = 3;
