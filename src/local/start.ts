import './quiet';
import 'dotenv/config';
import { ConfigError } from '../config';
import { startScaleMap } from './server';
import { WEB_DIR } from './server';
import fs from 'node:fs';

/** `npm start`: ScaleMap on this machine, with no AWS account and no other set-up. */
async function main() {
  const app = await startScaleMap();
  const lines = [
    '',
    `ScaleMap is running: ${app.url}`,
    `  API            ${app.url}/api/health`,
    `  web app        ${fs.existsSync(WEB_DIR) ? app.url : '(not built: run `npm run build:web`)'}`,
    `  PostgreSQL     ${app.stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`,
    `  object store   ${app.stack.s3Endpoint} (bucket ${app.config.S3_BUCKET})`,
    `  user pool      ${app.stack.cognitoEndpoint}/${app.stack.userPoolId}`,
    `  outbox         ${app.ctx.outboxDir}`,
    `  time scale     ${app.config.SCALEMAP_TIME_SCALE}x (24 h pass in ${Math.round((24 * 3600) / app.config.SCALEMAP_TIME_SCALE)} s)`,
    `  data           ${app.stack.dataDir}`,
    'Press Ctrl+C to stop.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping ScaleMap...\n`);
    app.stop().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    console.error(err.message);
  } else {
    console.error('ScaleMap could not start:', err);
  }
  process.exit(1);
});
