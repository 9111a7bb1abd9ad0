'use client';

import { useEffect, useId, useLayoutEffect, useRef, useSyncExternalStore, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';

/** Focusable descendants, in tab order of the document. */
const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"]), [contenteditable="true"]';
const FIELDS = 'input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled])';

// The open dialogs, innermost last: only the top one answers Escape and keeps Tab inside.
const stack: symbol[] = [];

const noSubscription = () => () => undefined;
const clientSnapshot = () => true;
const serverSnapshot = () => false;

export interface DialogProps {
  open: boolean;
  /** Escape, or a Cancel button that calls it. Not called on confirm: the caller closes by setting open=false. */
  onClose: () => void;
  title: ReactNode;
  /** Rendered under the title and named by aria-describedby. */
  description?: ReactNode;
  /** alertdialog for warnings that need an answer (idle, sign-out). */
  role?: 'dialog' | 'alertdialog';
  /** What receives focus on open: a ref, or by default the first field, else the first control, else the panel. */
  initialFocus?: RefObject<HTMLElement | null>;
  /**
   * Where focus goes when the dialog closes. By default the element that had focus when it opened (its
   * opener); pass a ref, or a function called at close time with the opener, to send it to the result
   * instead (a null answer falls back to the opener).
   */
  returnFocus?: RefObject<HTMLElement | null> | ((opener: HTMLElement | null) => HTMLElement | null | undefined);
  /** False while a request is pending: Escape then does nothing. */
  dismissible?: boolean;
  size?: 'sm' | 'md' | 'lg';
  testId?: string;
  children?: ReactNode;
}

const SIZES = { sm: 'max-w-md', md: 'max-w-lg', lg: 'max-w-2xl' } as const;

/**
 * The one modal dialog: rendered in a portal on document.body (so it is never inside a page's form), focus
 * kept inside while open, Escape closes, focus returns to the opener (or `returnFocus`) on close. The
 * focus effect runs when `open` changes only (callbacks are read through refs), so a parent re-render
 * never moves focus back to the first field.
 */
export function Dialog({
  open,
  onClose,
  title,
  description,
  role = 'dialog',
  initialFocus,
  returnFocus,
  dismissible = true,
  size = 'md',
  testId,
  children,
}: DialogProps) {
  const titleId = useId();
  const descriptionId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  // False on the server and in the hydrating render, true after (the portal needs document.body).
  const mounted = useSyncExternalStore(noSubscription, clientSnapshot, serverSnapshot);

  // Latest props, read by the effects below without being their dependencies.
  const latest = useRef({ onClose, dismissible, initialFocus, returnFocus });
  // Stored after each render commits (never during render), before the focus effect below runs.
  useLayoutEffect(() => {
    latest.current = { onClose, dismissible, initialFocus, returnFocus };
  });

  const visible = open && mounted;
  useEffect(() => {
    if (!visible) return;
    const panel = panelRef.current;
    if (!panel) return;
    const me = Symbol('dialog');
    stack.push(me);
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const target = latest.current.initialFocus?.current ?? panel.querySelector<HTMLElement>(FIELDS) ?? panel.querySelector<HTMLElement>(FOCUSABLE) ?? panel;
    target.focus();

    const onKeyDown = (e: KeyboardEvent) => {
      if (stack[stack.length - 1] !== me) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        if (latest.current.dismissible) latest.current.onClose();
        return;
      }
      if (e.key !== 'Tab') return;
      const focusables = Array.from(panel.querySelectorAll<HTMLElement>(FOCUSABLE)).filter((el) => el.offsetParent !== null || el === document.activeElement);
      if (focusables.length === 0) {
        e.preventDefault();
        panel.focus();
        return;
      }
      const first = focusables[0];
      const last = focusables[focusables.length - 1];
      const active = document.activeElement;
      if (e.shiftKey && (active === first || !panel.contains(active))) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && (active === last || !panel.contains(active))) {
        e.preventDefault();
        first.focus();
      }
    };
    // Focus that escapes (a click on the backdrop, a script) is brought back in.
    const onFocusIn = (e: FocusEvent) => {
      if (stack[stack.length - 1] !== me) return;
      if (e.target instanceof Node && !panel.contains(e.target)) panel.focus();
    };
    document.addEventListener('keydown', onKeyDown);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      document.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
      stack.splice(stack.indexOf(me), 1);
      const chosen = latest.current.returnFocus;
      const live = (el: HTMLElement | null | undefined) => (el && el.isConnected && el !== document.body ? el : null);
      const target = () => live(typeof chosen === 'function' ? chosen(opener) : chosen?.current) ?? live(opener);
      target()?.focus();
      // The result may appear a frame later (a list re-rendering after the change): try once more if focus fell to the page.
      requestAnimationFrame(() => {
        const el = target();
        if (el && (document.activeElement === document.body || document.activeElement === null)) el.focus();
      });
    };
  }, [visible]);

  if (!visible) return null;
  return createPortal(
    <div
      className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/50 p-4"
      data-dialog-backdrop=""
      // React events bubble through portals to the React parent: keep a submit inside the dialog from
      // reaching a form the dialog was declared in.
      onSubmit={(e) => e.stopPropagation()}
    >
      <div
        ref={panelRef}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={description ? descriptionId : undefined}
        tabIndex={-1}
        data-testid={testId}
        className={`max-h-[90vh] w-full ${SIZES[size]} overflow-y-auto rounded-2xl bg-white p-6 shadow-xl outline-none`}
      >
        <h2 id={titleId} className="text-xl font-bold">
          {title}
        </h2>
        {description ? (
          <div id={descriptionId} className="mt-2 text-base text-slate-700">
            {description}
          </div>
        ) : null}
        {children}
      </div>
    </div>,
    document.body,
  );
}
