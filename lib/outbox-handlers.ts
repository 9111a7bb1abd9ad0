/**
 * The sync queue's job kinds and the use cases that run them. Features register theirs here, so the
 * worker started in lib/server-start.ts knows every kind.
 */
import 'server-only';
import { registerCaptureHandlers } from '@/lib/capture/delivery';
import { registerMarketingHandlers } from '@/lib/marketing/handlers';
import { registerLoyaltyDeskHandlers } from '@/lib/loyalty/checkin';

export function registerOutboxHandlers(): void {
  // Lead capture (issue 4) and the loyalty desk (issue 6) add their delivery jobs here.
  registerMarketingHandlers();
  registerCaptureHandlers();
  registerLoyaltyDeskHandlers();
}
