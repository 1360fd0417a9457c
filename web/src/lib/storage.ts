/** localStorage helpers that never throw (private browsing, storage full, disabled cookies). */
export function readStorage(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function writeStorage(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage unavailable: the feature that uses it degrades gracefully.
  }
}

export function readJson<T>(key: string): T | null {
  const raw = readStorage(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

export function writeJson(key: string, value: unknown): void {
  writeStorage(key, value === null || value === undefined ? null : JSON.stringify(value));
}

const SESSION_HINT = 'scalemap:signed-in';
const LOCAL_MODE_HINT = 'scalemap:local-mode';

/**
 * A non-secret hint that this browser has signed in. The session itself is an httpOnly cookie the app cannot
 * read; the hint only lets public pages skip GET /api/me (and its 401) for visitors who never signed in.
 */
export function hasSessionHint(): boolean {
  if (!storageWorks()) return true; // Unknown: ask the server.
  return readStorage(SESSION_HINT) === '1';
}

let storageOk: boolean | null = null;
function storageWorks(): boolean {
  if (storageOk === null) {
    try {
      window.localStorage.setItem('scalemap:probe', '1');
      window.localStorage.removeItem('scalemap:probe');
      storageOk = true;
    } catch {
      storageOk = false;
    }
  }
  return storageOk;
}

export function setSessionHint(signedIn: boolean): void {
  writeStorage(SESSION_HINT, signedIn ? '1' : null);
}

/** Remembers whether the API last said it runs in local mode (used to point at the dev outbox while signed out). */
export function localModeHint(): boolean {
  return readStorage(LOCAL_MODE_HINT) === '1';
}

export function setLocalModeHint(localMode: boolean): void {
  writeStorage(LOCAL_MODE_HINT, localMode ? '1' : null);
}
