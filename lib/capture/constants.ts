/** A captured form's sync state toward Footprints (capture_submissions.sync_state). */
export const CAPTURE_SYNC_STATES = ['waiting', 'sent', 'failed'] as const;
export type CaptureSyncState = (typeof CAPTURE_SYNC_STATES)[number];
