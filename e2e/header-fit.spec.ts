/**
 * Journey (issue 19.12): the header fits a 768 px portrait tablet and 1024 px for every role — with the
 * console's own labels, and again with long names and Romanian-length labels put in its place: every item
 * inside the viewport, no two overlapping, nothing cut, no sideways scrolling of the strip or the page.
 */
import type { Page } from '@playwright/test';
import { expect, gotoHydrated, signInAs, test, type DemoRole } from './fixtures';

test.use({ storageState: { cookies: [], origins: [] } });

const ROLES: DemoRole[] = ['hostess', 'manager', 'support', 'admin'];
const WIDTHS = [768, 1024];
// What a translation can make of the labels (Romanian runs longer than English).
const LONG_LABELS = [
  'Înregistrează un client potențial',
  'Biroul de fidelizare a clienților',
  'Fluxul de vânzări și oportunități',
  'Analize și rapoarte',
  'Biroul de confidențialitate',
  'Roluri și permisiuni',
  'Jurnalul de audit',
  'Coada de sincronizare',
  'Securitate',
];
const LONG_NAME = 'Maria-Magdalena Constantinescu-Vlădescu Popescu-Bălcescu';

async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const header = document.querySelector('[data-testid="header"]') as HTMLElement;
    const vw = document.documentElement.clientWidth;
    const items = [...header.querySelectorAll<HTMLElement>('a, button, [data-testid="whoami"]')].filter((el) => el.offsetParent !== null);
    const problems: string[] = [];
    const name = (el: HTMLElement) => (el.textContent ?? '').trim().slice(0, 40) || el.tagName;
    const boxes = items.map((el) => ({ el, r: el.getBoundingClientRect() }));
    for (const { el, r } of boxes) {
      if (r.left < -0.5 || r.right > vw + 0.5) problems.push(`outside the viewport: ${name(el)} (${Math.round(r.left)}–${Math.round(r.right)} of ${vw})`);
      if (el.scrollWidth > el.clientWidth + 1) problems.push(`cut: ${name(el)}`);
    }
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i].r;
        const b = boxes[j].r;
        if (boxes[i].el.contains(boxes[j].el) || boxes[j].el.contains(boxes[i].el)) continue;
        const overlap = Math.min(a.right, b.right) - Math.max(a.left, b.left) > 0.5 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 0.5;
        if (overlap) problems.push(`overlap: ${name(boxes[i].el)} / ${name(boxes[j].el)}`);
      }
    }
    for (const strip of [header, ...header.querySelectorAll<HTMLElement>('nav, nav ul, div')]) {
      if (strip.scrollWidth > strip.clientWidth + 1) problems.push(`scrolls sideways: ${strip.tagName}.${strip.className.split(' ')[0] ?? ''}`);
    }
    if (document.documentElement.scrollWidth > vw + 1) problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    return problems;
  });
}

for (const role of ROLES) {
  test(`header of a ${role} fits 768 and 1024 px, also with a long name and long labels`, async ({ page }) => {
    await signInAs(page, role);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: 1024 });
      await gotoHydrated(page, '/');
      const nav = page.getByRole('navigation', { name: 'Main' });
      expect(await nav.getByRole('link').count()).toBeGreaterThan(0);
      expect(await layoutProblems(page), `${role} at ${width} px`).toEqual([]);
      // Every menu item is reachable by keyboard (Tab walks through them).
      for (const link of await nav.getByRole('link').all()) {
        await link.focus();
        await expect(link).toBeFocused();
        await expect(link).toBeInViewport();
      }

      await page.evaluate(
        ({ labels, name }) => {
          document.querySelectorAll('nav[aria-label="Main"] a').forEach((a, i) => (a.textContent = labels[i % labels.length]));
          const who = document.querySelector('[data-testid="whoami"] span');
          if (who) who.textContent = name;
          document.querySelectorAll('[data-testid="header"] button').forEach((b) => {
            if (b.textContent === 'Sign out') b.textContent = 'Deconectare din consolă';
            if (b.textContent === 'Switch hostess') b.textContent = 'Schimbă hostessa de serviciu';
          });
        },
        { labels: LONG_LABELS, name: LONG_NAME },
      );
      expect(await layoutProblems(page), `${role} at ${width} px, long labels`).toEqual([]);
    }
  });
}
