// @vitest-environment happy-dom
import { act } from 'react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fire, key, must, render } from '@/lib/testing/render';
import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';
import en from '@/messages/en.json';
import ro from '@/messages/ro.json';
import InsightsBarChart from './bar-chart';

/** The chart under the root provider, in a language. */
const inLocale = (node: ReactNode, locale: 'en' | 'ro' = 'en') => (
  <NextIntlClientProvider locale={locale} messages={locale === 'ro' ? ro : en} timeZone="Europe/Bucharest">
    {node}
  </NextIntlClientProvider>
);

// happy-dom lays nothing out: the chart's box is given a width so that it draws.
const width = Object.getOwnPropertyDescriptor(HTMLElement.prototype, 'clientWidth');
beforeAll(() => Object.defineProperty(HTMLElement.prototype, 'clientWidth', { configurable: true, get: () => 640 }));
afterAll(() => {
  if (width) Object.defineProperty(HTMLElement.prototype, 'clientWidth', width);
});
afterEach(cleanup);

const FUNNEL = {
  data: [
    { label: 'Captured', inOrder: 40, anyPoint: 40 },
    { label: 'Contacted', inOrder: 25, anyPoint: 31 },
    { label: 'Customer', inOrder: 4, anyPoint: null },
  ],
  series: [
    { key: 'inOrder', name: 'Reached in order' },
    { key: 'anyPoint', name: 'Reached at any point' },
  ],
  xLabel: 'Step',
  yLabel: 'Leads',
};

const tooltip = (root: ParentNode) => root.querySelector('[data-testid="chart-tooltip"]')?.textContent ?? null;

describe('InsightsBarChart', () => {
  it('draws a bar per value with both axis labels, a legend of the series and a focusable, named chart', () => {
    const { container } = render(inLocale(<InsightsBarChart {...FUNNEL} />));
    const svg = must<SVGSVGElement>(container, '[data-testid="chart-svg"]');
    expect(svg.getAttribute('tabindex')).toBe('0');
    expect(svg.getAttribute('aria-label')).toMatch(/^Leads by step/);
    expect(svg.querySelectorAll('[data-testid="chart-category"]')).toHaveLength(3);
    expect(svg.querySelectorAll('.visx-bar')).toHaveLength(6);
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Step', 'Leads', 'Captured', 'Contacted', 'Customer']));
    expect(must(container, '[data-testid="chart-legend"]').textContent).toBe('Reached in orderReached at any point');
    // A taller bar for a bigger value (the value axis starts at zero at the bottom).
    const heights = Array.from(svg.querySelectorAll('.visx-bar')).map((b) => Number(b.getAttribute('height')));
    expect(heights[0]).toBeGreaterThan(heights[2]);
    expect(heights[4]).toBeGreaterThan(heights[5]);
  });

  it('shows the values of a category on keyboard focus and moves with the arrow keys, Home and End; Escape hides them', () => {
    const { container } = render(inLocale(<InsightsBarChart {...FUNNEL} />));
    const svg = must<SVGSVGElement>(container, '[data-testid="chart-svg"]');
    expect(tooltip(container)).toBeNull();
    act(() => svg.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    expect(tooltip(container)).toBe('CapturedReached in order: 40Reached at any point: 40');
    key(svg, 'ArrowRight');
    expect(tooltip(container)).toBe('ContactedReached in order: 25Reached at any point: 31');
    key(svg, 'End');
    expect(tooltip(container)).toBe('CustomerReached in order: 4Reached at any point: –');
    key(svg, 'ArrowRight');
    expect(tooltip(container)).toMatch(/^Customer/);
    key(svg, 'Home');
    expect(tooltip(container)).toMatch(/^Captured/);
    key(svg, 'ArrowLeft');
    expect(tooltip(container)).toMatch(/^Captured/);
    key(svg, 'Escape');
    expect(tooltip(container)).toBeNull();
  });

  it('shows the values of the category under the pointer, and hides them when the pointer leaves', () => {
    const { container } = render(inLocale(<InsightsBarChart {...FUNNEL} />));
    const second = container.querySelectorAll('[data-testid="chart-category"] rect')[0].parentElement!.nextElementSibling!;
    fire(second.querySelector('rect')!, new MouseEvent('mouseover', { bubbles: true }));
    expect(tooltip(container)).toMatch(/^Contacted/);
    fire(second.querySelector('rect')!, new MouseEvent('mouseout', { bubbles: true }));
    expect(tooltip(container)).toBeNull();
  });

  it('draws rows (horizontal bars) with the categories on the left axis', () => {
    const { container } = render(
      inLocale(<InsightsBarChart layout="rows" xLabel="Reason" yLabel="Lost leads" series={[{ key: 'count', name: 'Lost leads' }]} data={[{ label: 'Price', count: 3 }, { label: 'Timing', count: 1 }]} />),
    );
    const svg = must<SVGSVGElement>(container, '[data-testid="chart-svg"]');
    const bars = Array.from(svg.querySelectorAll('.visx-bar'));
    expect(bars.map((b) => Number(b.getAttribute('width')))).toEqual([expect.any(Number), expect.any(Number)]);
    expect(Number(bars[0].getAttribute('width'))).toBeGreaterThan(Number(bars[1].getAttribute('width')));
    expect(container.querySelector('[data-testid="chart-legend"]')).toBeNull();
    const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
    expect(texts).toEqual(expect.arrayContaining(['Reason', 'Lost leads', 'Price', 'Timing']));
  });

  it('speaks the page\'s language: the name and the values in Romanian ("1.234,5"), in English ("1,234.5")', () => {
    const data = [{ label: 'Preluat', leads: 1234.5 }];
    const ro_ = render(inLocale(<InsightsBarChart xLabel="Pas" yLabel="Lead-uri" series={[{ key: 'leads', name: 'Lead-uri' }]} data={data} />, 'ro'));
    const svg = must<SVGSVGElement>(ro_.container, '[data-testid="chart-svg"]');
    expect(svg.getAttribute('aria-label')).toBe('Lead-uri pe pas: focalizează, apoi tastele săgeți citesc fiecare valoare');
    act(() => svg.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    expect(tooltip(ro_.container)).toContain('Lead-uri: 1.234,5');
    cleanup();
    const en_ = render(inLocale(<InsightsBarChart xLabel="Step" yLabel="Leads" series={[{ key: 'leads', name: 'Leads' }]} data={[{ label: 'Captured', leads: 1234.5 }]} />));
    const svgEn = must<SVGSVGElement>(en_.container, '[data-testid="chart-svg"]');
    act(() => svgEn.dispatchEvent(new FocusEvent('focusin', { bubbles: true })));
    expect(tooltip(en_.container)).toContain('Leads: 1,234.5');
  });
});
