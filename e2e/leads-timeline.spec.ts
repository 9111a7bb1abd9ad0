/** Manager journey on the lead detail page: an added action appears in the timeline; NPS scores stay as dated events. */
import { FOOTPRINTS_DEMO } from '../lib/sandbox/footprints';
import { expect, gotoHydrated, runTag, test } from './fixtures';
import { freshPipeline } from './leads-support';

const MIHAI = FOOTPRINTS_DEMO.demoLeadIds[1];

test('an added action appears in the timeline, an edit shows, and two NPS scores both stay', async ({ page }) => {
  await freshPipeline(page, 'q=mihai.ionescu');
  await gotoHydrated(page, `/leads/${MIHAI}`);
  const form = page.getByRole('form', { name: 'Add an action' });
  await form.getByLabel('Type', { exact: true }).selectOption({ index: 1 });
  // Unique per run: the console's database keeps the NPS entries and actions of an earlier pass.
  const tag = runTag();
  await form.getByLabel('What happened').fill(`Called about the delivery date ${tag}`);
  await form.getByRole('button', { name: 'Add action' }).click();
  const timeline = page.getByTestId('timeline');
  await expect(timeline).toContainText(`Called about the delivery date ${tag}`);

  await timeline.getByRole('button', { name: `Edit action: Called about the delivery date ${tag}` }).click();
  const edit = page.getByRole('form', { name: 'Edit action' });
  await edit.getByLabel('What happened').fill(`Called: delivery on Friday ${tag}`);
  await edit.getByRole('button', { name: 'Save action' }).click();
  await expect(timeline).toContainText(`Called: delivery on Friday ${tag}`);

  const nps = page.getByRole('form', { name: 'Record an NPS score' });
  await nps.getByLabel('Score (1–10)').selectOption('4');
  await nps.getByLabel('Comment (optional)').fill(`Slow answer ${tag}`);
  await nps.getByRole('button', { name: 'Record NPS' }).click();
  await expect(page.getByTestId('nps-entries')).toContainText(`Slow answer ${tag}`);
  await nps.getByLabel('Score (1–10)').selectOption('9');
  await nps.getByLabel('Comment (optional)').fill(`Quick fix ${tag}`);
  await nps.getByRole('button', { name: 'Record NPS' }).click();
  const entries = page.getByTestId('nps-entries').locator('li', { hasText: tag });
  await expect(entries).toHaveCount(2);
  // The score itself (its own element), not a digit anywhere in a line that starts with a timestamp.
  await expect(entries.filter({ hasText: `Slow answer ${tag}` }).locator('strong')).toHaveText('4');
  await expect(entries.filter({ hasText: `Quick fix ${tag}` }).locator('strong')).toHaveText('9');
  await expect(entries.nth(0)).toContainText(`Slow answer ${tag}`);
});
