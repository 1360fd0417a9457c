/**
 * `npm run founder -- add|remove|list EMAIL`: makes an account a founder (the `founders` group).
 * Locally: the user pool of `.scalemap/` (SCALEMAP_DATA_DIR), through the running `npm start` if there is one,
 * else a cognito-local started on the same folder for the command. With `--aws` (or SCALEMAP_RUNTIME=aws) and
 * COGNITO_USER_POOL_ID plus AWS credentials in the environment: the real Cognito pool.
 */
import '../src/local/quiet';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { parseFounderArgs, runFounderCommand } from '../src/local/founders';
import { startCognitoLocal } from '../src/local/cognito-server';

async function reachable(endpoint: string): Promise<boolean> {
  const url = new URL(endpoint);
  return new Promise((resolve) => {
    const socket = net.connect(Number(url.port), url.hostname);
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.once('error', reject);
  });
}

async function main() {
  const argv = process.argv.slice(2);
  const cmd = parseFounderArgs(argv);
  const aws = argv.includes('--aws') || process.env.SCALEMAP_RUNTIME === 'aws';
  if (aws) {
    const userPoolId = process.env.COGNITO_USER_POOL_ID;
    if (!userPoolId)
      throw new Error('COGNITO_USER_POOL_ID is not set (the pool of the stage, see serverless.yml)');
    const client = new CognitoIdentityProviderClient({ region: process.env.AWS_REGION ?? 'eu-west-1' });
    try {
      (await runFounderCommand(client, userPoolId, cmd)).forEach((l) => console.log(l));
    } finally {
      client.destroy();
    }
    return;
  }

  const dataDir = path.resolve(process.env.SCALEMAP_DATA_DIR ?? '.scalemap');
  const stackFile = path.join(dataDir, 'stack.json');
  const poolFile = path.join(dataDir, 'cognito', 'pool.json');
  if (!fs.existsSync(poolFile))
    throw new Error(
      `No local user pool in ${dataDir}: run \`npm start\` once and register the account first.`,
    );
  const { userPoolId } = JSON.parse(fs.readFileSync(poolFile, 'utf8')) as { userPoolId: string };
  const saved = fs.existsSync(stackFile)
    ? (JSON.parse(fs.readFileSync(stackFile, 'utf8')) as { COGNITO_ENDPOINT?: string })
    : {};
  let endpoint = saved.COGNITO_ENDPOINT;
  let stop: (() => Promise<void>) | undefined;
  if (!endpoint || !(await reachable(endpoint))) {
    // `npm start` is not running: serve the same pool folder for this command only.
    const port = endpoint ? Number(new URL(endpoint).port) : await freePort();
    const cognito = await startCognitoLocal({ directory: path.join(dataDir, 'cognito'), port });
    endpoint = cognito.endpoint;
    stop = cognito.stop;
  }
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    (await runFounderCommand(client, userPoolId, cmd)).forEach((l) => console.log(l));
  } finally {
    client.destroy();
    await stop?.();
  }
}

main().then(
  () => process.exit(0),
  (err: Error) => {
    console.error(err.message);
    process.exit(1);
  },
);
