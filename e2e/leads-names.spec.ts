/**
 * Manager journey (issue 19.7): names sort the Romanian way (Ă, Ș, Ț in their places), the table says what
 * it is sorted by and starts ascending; a 100-character name stays inside its card and the lead's heading.
 */
import { expect, gotoHydrated, test } from './fixtures';
import { addVendorLead, freshPipeline, refreshFromFootprints } from './leads-support';

const LAST_NAMES = ['Zamfir', 'Țurcanu', 'Tudor', 'Ștefănescu', 'Suciu', 'Ălbescu', 'Avram'];

test('Romanian collation, the sort named, ascending first; a long name stays in its box', async ({ page }) => {
  await freshPipeline(page, 'view=board');
  for (const [i, last] of LAST_NAMES.entries()) await addVendorLead(page.request, { first: 'Ana', last, email: `ana${i}@collate.example.com` });
  // Two unbroken 50- and 49-letter words: nothing to wrap at.
  const first = `Maria${'ecaterina'.repeat(5)}`;
  const last = `Bălănescu${'popescu'.repeat(5)}xxxxx`;
  const longName = `${first} ${last}`;
  expect(longName).toHaveLength(100);
  const longId = await addVendorLead(page.request, { first, last, email: 'long@collate.example.com' });
  await refreshFromFootprints(page);

  // The long name: cut to its card, whole in the link's title; the card stays inside its column.
  await gotoHydrated(page, '/leads?q=long%40collate.example.com');
  const column = page.getByTestId('column-lead');
  const card = column.locator(`[data-lead-id="${longId}"]`);
  await expect(card).toBeVisible();
  const link = card.getByTestId('card-name');
  await expect(link).toHaveAttribute('title', longName);
  const [colBox, cardBox, linkBox] = [await column.boundingBox(), await card.boundingBox(), await link.boundingBox()];
  expect(cardBox!.x + cardBox!.width).toBeLessThanOrEqual(colBox!.x + colBox!.width + 0.5);
  expect(linkBox!.x + linkBox!.width).toBeLessThanOrEqual(cardBox!.x + cardBox!.width + 0.5);
  expect(await link.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true); // cut, not spilled

  // A portrait tablet: the heading is narrower than the name.
  await page.setViewportSize({ width: 768, height: 1024 });
  await link.click();
  const heading = page.getByTestId('lead-name');
  await expect(heading).toHaveText(longName);
  const headingFits = await heading.evaluate((el) => el.scrollWidth <= el.clientWidth && el.getBoundingClientRect().right <= el.parentElement!.getBoundingClientRect().right + 0.5);
  expect(headingFits).toBe(true);

  // Sorting by name: ascending first, named, Romanian order.
  await page.setViewportSize({ width: 1280, height: 720 });
  await gotoHydrated(page, '/leads?view=table&q=%40collate.example.com');
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page).toHaveURL(/sort=name/);
  await expect(page.getByTestId('sort-caption')).toHaveText('Leads sorted by last name, A to Z');
  await expect(page.getByRole('columnheader', { name: /Name/ })).toHaveAttribute('aria-sort', 'ascending');
  const names = await page.getByTestId('leads-table').locator('tbody tr td:nth-child(2) a').allTextContents();
  expect(names.filter((n) => n !== longName).map((n) => n.split(' ').pop())).toEqual(['Avram', 'Ălbescu', 'Suciu', 'Ștefănescu', 'Tudor', 'Țurcanu', 'Zamfir']);
  await page.getByRole('button', { name: /^Name/ }).click();
  await expect(page.getByTestId('sort-caption')).toHaveText('Leads sorted by last name, Z to A');
});
