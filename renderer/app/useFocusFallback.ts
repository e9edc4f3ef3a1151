/**
 * Focus must never fall to <body>. When the focused control is removed (its step is done, its
 * form closed, its account deleted), the browser drops focus to <body> and a keyboard or
 * screen-reader user is thrown back to the top of the page. A region that can lose its
 * focused control spreads these handlers on its container; after every render of the
 * component that owns it, if the focus was inside and is now nowhere, the control that had
 * it takes it back when it is still on the page (should React moving it, as in a re-sorted
 * list, drop the focus); otherwise `pick()` says where it goes (the control that opened a
 * closed form, the next heading, ...).
 */
import { useLayoutEffect, useRef, type FocusEvent } from 'react';

/** True when nothing has the focus (a removed element leaves <body> active). */
export function focusLost(): boolean {
  const a = document.activeElement;
  return a === null || a === document.body || a === document.documentElement;
}

/** Focuses `el` (headings and other non-controls get tabIndex -1 first); true when it worked. */
export function focusOn(el: HTMLElement | null | undefined): boolean {
  if (!el || !el.isConnected) return false;
  if (el.tabIndex < 0 && !el.hasAttribute('tabindex')) el.tabIndex = -1;
  el.focus();
  return document.activeElement === el;
}

/**
 * `pick` runs only when focus was lost from inside the container; it is read at that moment,
 * so it may look at refs and the DOM. Child components' own hand-offs run first (their
 * layout effects run before their parent's), so this is the last resort of a screen.
 */
export function useFocusFallback(pick: () => HTMLElement | null | undefined) {
  const inside = useRef(false);
  const last = useRef<HTMLElement | null>(null);
  const latestPick = useRef(pick);
  useLayoutEffect(() => {
    latestPick.current = pick;
  });
  useLayoutEffect(() => {
    if (!inside.current || !focusLost()) return;
    if (!focusOn(last.current)) focusOn(latestPick.current());
  });
  return {
    onFocus: (e: FocusEvent<HTMLElement>) => {
      inside.current = true;
      last.current = e.target;
    },
    onBlur: (e: FocusEvent<HTMLElement>) => {
      const next = e.relatedTarget as Node | null;
      if (next !== null) {
        inside.current = e.currentTarget.contains(next);
        return;
      }
      // Focus went nowhere: a click on empty space (the control is still there, so this is the
      // user's choice) or the control's removal (keep `inside`, the next render hands focus on).
      const left = e.target;
      const container = e.currentTarget;
      queueMicrotask(() => {
        if (left.isConnected) inside.current = container.contains(document.activeElement);
      });
    },
  };
}
