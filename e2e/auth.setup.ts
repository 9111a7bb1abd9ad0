import { test as setup } from '@playwright/test';
import { signInAs, storageStateFor, type DemoRole } from './fixtures';

// One saved sign-in per role, reused by the journeys that do not test sign-in itself.
for (const role of ['hostess', 'manager', 'support', 'admin'] as DemoRole[]) {
  setup(`sign in as ${role}`, async ({ page }) => {
    await signInAs(page, role);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
