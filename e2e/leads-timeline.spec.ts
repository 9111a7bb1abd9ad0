/** Manager journey on the lead detail page: an added action appears in the timeline; NPS scores stay as dated events. */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, test } from './fixtures';
import { freshPipeline } from './leads-support';

const MIHAI = FOOTPRINTS_DEMO.demoLeadIds[1];

test('an added action appears in the timeline, an edit shows, and two NPS scores both stay', async ({ page }) => {
  await freshPipeline(page, 'q=mihai.ionescu');
  await gotoHydrated(page, `/leads/${MIHAI}`);
  const form = page.getByRole('form', { name: 'Add an action' });
  await form.getByLabel('Type', { exact: true }).selectOption({ index: 1 });
  await form.getByLabel('What happened').fill('Called about the delivery date');
  await form.getByRole('button', { name: 'Add action' }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText('Called about the delivery date');

  await timeline.getByRole('button', { name: 'Edit action: Called about the delivery date' }).click();
  const edit = page.getByRole('form', { name: 'Edit action' });
  await edit.getByLabel('What happened').fill('Called: delivery on Friday');
  await edit.getByRole('button', { name: 'Save action' }).click();
  await expect(timeline).toContainText('Called: delivery on Friday');

  const nps = page.getByRole('form', { name: 'Record an NPS score' });
  await nps.getByLabel('Score (1–10)').selectOption('4');
  await nps.getByLabel('Comment (optional)').fill('Slow answer');
  await nps.getByRole('button', { name: 'Record NPS' }).click();
  await expect(page.getByTestId('nps-entries')).toContainText('Slow answer');
  await nps.getByLabel('Score (1–10)').selectOption('9');
  await nps.getByRole('button', { name: 'Record NPS' }).click();
  const entries = page.getByTestId('nps-entries').locator('li', { hasText: 'by ' });
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText('4');
  await expect(entries.nth(1)).toContainText('9');
});
