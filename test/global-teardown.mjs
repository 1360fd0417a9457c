import fs from 'node:fs';

export default async function globalTeardown() {
  const server = globalThis.__SCALEMAP_PG__;
  if (!server) return;
  await server.stop();
  fs.rmSync(server.dataDir, { recursive: true, force: true });
}
