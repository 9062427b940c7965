// 大字模式: a root font-size switch (all portal CSS is in rem) persisted in localStorage.
import { useCallback, useState } from 'react';

const STORAGE_KEY = 'xinyong.portal.largeText';
const CLASS_NAME = 'large-text';

function read(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === '1';
  } catch {
    return false;
  }
}

function apply(on: boolean): void {
  document.documentElement.classList.toggle(CLASS_NAME, on);
}

/** Applies the stored preference before the first render (no flash of small text). */
export function applyStoredLargeText(): void {
  apply(read());
}

export function useLargeText(): [boolean, () => void] {
  const [on, setOn] = useState(read);
  const toggle = useCallback(() => {
    setOn((previous) => {
      const next = !previous;
      apply(next);
      try {
        window.localStorage.setItem(STORAGE_KEY, next ? '1' : '0');
      } catch {
        // Private mode or storage disabled: the switch still works for this page view.
      }
      return next;
    });
  }, []);
  return [on, toggle];
}
