/**
 * Storage that never throws. A browser with storage disabled (privacy
 * mode, blocked cookies, a full quota) still plays: values then live in
 * memory for the page's lifetime.
 */

/** The small part of the Web Storage API the game uses. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** A store that never throws, and says whether it persists. */
export interface SafeStorage {
  get(key: string): string | null;
  /** Returns false when the value could not be stored. */
  set(key: string, value: string): boolean;
  remove(key: string): void;
  /** True when values survive a reload. */
  readonly persistent: boolean;
}

/** A store in memory only. */
export function memoryStorage(): SafeStorage {
  const m = new Map<string, string>();
  return {
    get: (k) => m.get(k) ?? null,
    set: (k, v) => {
      m.set(k, v);
      return true;
    },
    remove: (k) => {
      m.delete(k);
    },
    persistent: false,
  };
}

/**
 * Wraps a Web Storage (or anything like it). `getStore` is called inside
 * a try: reading `window.localStorage` itself throws in some browsers.
 */
export function safeStorage(getStore: () => KeyValueStore | null | undefined): SafeStorage {
  let store: KeyValueStore | null = null;
  try {
    const s = getStore();
    if (s) {
      const probe = '__backchannel_probe__';
      s.setItem(probe, '1');
      s.removeItem(probe);
      store = s;
    }
  } catch {
    store = null;
  }
  if (!store) return memoryStorage();
  const fallback = memoryStorage();
  const real = store;
  return {
    get(k) {
      try {
        const v = real.getItem(k);
        return v ?? fallback.get(k);
      } catch {
        return fallback.get(k);
      }
    },
    set(k, v) {
      try {
        real.setItem(k, v);
        fallback.remove(k);
        return true;
      } catch {
        fallback.set(k, v);
        return false;
      }
    },
    remove(k) {
      try {
        real.removeItem(k);
      } catch {
        /* ignore */
      }
      fallback.remove(k);
    },
    persistent: true,
  };
}
