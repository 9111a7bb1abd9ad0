/** axe on the loyalty pages, in the states staff see: picker, code card, confirmation dialog, history, code list. */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, resetSandbox, signInAs, test } from './fixtures';
import { CAMPAIGNS, PEOPLE, checkCode, pickCampaign } from './loyalty-helpers';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.describe('hostess desk', () => {
  test('desk, code card, block dialog and history have no serious or critical violations', async ({ page }) => {
    await resetSandbox(page);
    await signInAs(page, 'hostess');
    await gotoHydrated(page, '/loyalty');
    await pickCampaign(page, CAMPAIGNS.family);
    expect(await seriousViolations(page)).toEqual([]);

    await checkCode(page, PEOPLE.mihai);
    await expect(page.getByTestId('code-value')).toHaveText('FAMMIH01');
    await page.getByRole('button', { name: 'Show prize history' }).click();
    await expect(page.getByTestId('history-table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);

    await page.getByTestId('code-card').getByRole('button', { name: 'Block…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Block this code?' });
    await dialog.getByRole('button', { name: 'Block FAMMIH01' }).click();
    await expect(dialog.getByText('Choose why the code is blocked')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await checkCode(page, { email: 'nobody@example.com', phone: '0700000000' });
    await expect(page.getByTestId('loyalty-notice')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test.describe('manager code list', () => {
  test('the code list and the all-campaigns picker have no serious or critical violations', async ({ page }) => {
    await resetSandbox(page);
    await signInAs(page, 'manager');
    await gotoHydrated(page, '/loyalty/codes');
    await expect(page.getByTestId('codes-table')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    await gotoHydrated(page, '/loyalty');
    await page.getByLabel('Show all campaigns (past ones too)').check();
    await expect(page.getByTestId('campaign-sdwinter00c')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});
