/**
 * A captured form's sync state toward Footprints (capture_submissions.sync_state). `checking`: an add-lead may
 * have reached Footprints but its answer was lost; the console looks for the lead before sending it again.
 */
export const CAPTURE_SYNC_STATES = ['waiting', 'sent', 'failed', 'checking'] as const;
export type CaptureSyncState = (typeof CAPTURE_SYNC_STATES)[number];
