/**
 * Renders a component into a happy-dom document for component tests (files that start with
 * `// @vitest-environment happy-dom`): React's own client renderer, every update inside act().
 */
import { act, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  container: HTMLElement;
  rerender: (ui: ReactNode) => void;
  unmount: () => void;
}

const mounted: Root[] = [];

export function render(ui: ReactNode): Rendered {
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  mounted.push(root);
  act(() => root.render(ui));
  return {
    container,
    rerender: (next) => act(() => root.render(next)),
    unmount: () => act(() => root.unmount()),
  };
}

/** Unmounts everything rendered so far and empties the document (call in afterEach). */
export function cleanup(): void {
  for (const root of mounted.splice(0)) act(() => root.unmount());
  document.body.innerHTML = '';
}

/** A click, a key or a change, dispatched inside act() so React has rendered its result on return. */
export function fire(target: Element, event: Event): void {
  act(() => {
    target.dispatchEvent(event);
  });
}

export const click = (el: Element) => fire(el, new MouseEvent('click', { bubbles: true, cancelable: true }));

export const key = (el: Element, k: string) => fire(el, new KeyboardEvent('keydown', { key: k, bubbles: true, cancelable: true }));

/** Sets an input's, select's or textarea's value the way typing does, so React's onChange runs. */
export function change(el: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, value: string): void {
  const proto = Object.getPrototypeOf(el) as object;
  const setter = Object.getOwnPropertyDescriptor(proto, 'value')?.set;
  act(() => {
    if (setter) setter.call(el, value);
    else el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** The element, or a failed test saying what was looked for. */
export function must<T extends Element>(root: ParentNode, selector: string): T {
  const el = root.querySelector<T>(selector);
  if (!el) throw new Error(`no element matches ${selector}`);
  return el;
}
