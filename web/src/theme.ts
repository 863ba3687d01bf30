// Applies the theme setting to <html data-theme>; 'system' follows prefers-color-scheme in CSS.
import type { Settings } from './api.js';

const KEY = 'pyprep-theme';

export function applyTheme(theme: Settings['theme']): void {
  if (theme === 'system') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Storage may be disabled; the server keeps the setting anyway.
  }
}

/** The last theme seen, applied before the settings request answers (avoids a flash). */
export function applyStoredTheme(): void {
  try {
    const t = localStorage.getItem(KEY);
    if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
  } catch {
    // Ignore: no storage.
  }
}
