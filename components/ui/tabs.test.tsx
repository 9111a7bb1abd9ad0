// @vitest-environment happy-dom
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, click, key, must, render } from '@/lib/testing/render';
import { Tabs } from './tabs';

afterEach(cleanup);

const ITEMS = [
  { id: 'codes', label: 'Codes', content: <p>codes panel</p> },
  { id: 'history', label: 'History', content: <p>history panel</p> },
  { id: 'prizes', label: 'Prizes', content: <p>prizes panel</p> },
];

const tabs = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLButtonElement>('[role="tab"]'));
const selected = (root: ParentNode) => tabs(root).filter((t) => t.getAttribute('aria-selected') === 'true').map((t) => t.textContent);
const visiblePanel = (root: ParentNode) => Array.from(root.querySelectorAll<HTMLElement>('[role="tabpanel"]')).filter((p) => !p.hidden);

describe('Tabs', () => {
  it('is a named tab list with one tab stop; each panel is named by its tab and only the selected one is shown', () => {
    const { container } = render(<Tabs label="Loyalty views" items={ITEMS} />);
    expect(must(container, '[role="tablist"]').getAttribute('aria-label')).toBe('Loyalty views');
    expect(selected(container)).toEqual(['Codes']);
    expect(tabs(container).map((t) => t.tabIndex)).toEqual([0, -1, -1]);
    const panels = visiblePanel(container);
    expect(panels).toHaveLength(1);
    expect(panels[0].textContent).toBe('codes panel');
    const tab = tabs(container)[0];
    expect(tab.getAttribute('aria-controls')).toBe(panels[0].id);
    expect(panels[0].getAttribute('aria-labelledby')).toBe(tab.id);
  });

  it('starts on defaultValue and selects a tab on click', () => {
    const onChange = vi.fn();
    const { container } = render(<Tabs label="v" items={ITEMS} defaultValue="history" onChange={onChange} />);
    expect(selected(container)).toEqual(['History']);
    click(tabs(container)[2]);
    expect(selected(container)).toEqual(['Prizes']);
    expect(visiblePanel(container)[0].textContent).toBe('prizes panel');
    expect(onChange).toHaveBeenCalledWith('prizes');
  });

  it('moves and selects with the arrow keys (wrapping), Home and End, taking focus along', () => {
    const { container } = render(<Tabs label="v" items={ITEMS} />);
    const [first, second, third] = tabs(container);
    first.focus();
    key(first, 'ArrowRight');
    expect(selected(container)).toEqual(['History']);
    expect(document.activeElement).toBe(second);
    key(second, 'ArrowRight');
    key(third, 'ArrowRight');
    expect(selected(container)).toEqual(['Codes']);
    expect(document.activeElement).toBe(first);
    key(first, 'ArrowLeft');
    expect(selected(container)).toEqual(['Prizes']);
    key(third, 'Home');
    expect(selected(container)).toEqual(['Codes']);
    key(first, 'End');
    expect(selected(container)).toEqual(['Prizes']);
    expect(tabs(container).map((t) => t.tabIndex)).toEqual([-1, -1, 0]);
    // Other keys do nothing.
    key(third, 'a');
    expect(selected(container)).toEqual(['Prizes']);
  });

  it('controlled: shows value and asks the owner to change it', () => {
    function Owner() {
      const [value, setValue] = useState('codes');
      return (
        <>
          <output>{value}</output>
          <Tabs label="v" items={ITEMS} value={value} onChange={(id) => (id === 'prizes' ? undefined : setValue(id))} />
        </>
      );
    }
    const { container } = render(<Owner />);
    click(tabs(container)[2]);
    // The owner refused: the selection stays where the owner keeps it.
    expect(selected(container)).toEqual(['Codes']);
    click(tabs(container)[1]);
    expect(selected(container)).toEqual(['History']);
    expect(must(container, 'output').textContent).toBe('history');
  });
});
