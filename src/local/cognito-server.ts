import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import type http from 'node:http';
import pino from 'pino';
import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
} from '@aws-sdk/client-cognito-identity-provider';

/* cognito-local's building blocks, assembled with our own data folder and message sender
   (its default server always uses ./.cognito in the working directory and prints codes to the console). */
/* eslint-disable @typescript-eslint/no-explicit-any */
const services = require('cognito-local/lib/services');
const { CognitoServiceFactoryImpl } = require('cognito-local/lib/services/cognitoService');
const { CryptoService } = require('cognito-local/lib/services/crypto');
const { StormDBDataStoreFactory } = require('cognito-local/lib/services/dataStore/stormDb');
const { MessageDeliveryService } = require('cognito-local/lib/services/messageDelivery/messageDelivery');
const { otp } = require('cognito-local/lib/services/otp');
const { JwtTokenGenerator } = require('cognito-local/lib/services/tokenGenerator');
const { UserPoolServiceFactoryImpl } = require('cognito-local/lib/services/userPoolService');
const { DefaultConfig } = require('cognito-local/lib/server/config');
const { Router } = require('cognito-local/lib/server/Router');
const { createServer } = require('cognito-local/lib/server/server');
const { UserNotFoundError } = require('cognito-local/lib/errors');

export interface CodeDelivery {
  /** Why the code was sent: SignUp, ForgotPassword, ResendCode, ... */
  source: string;
  username: string;
  destination: string;
  code: string;
  subject?: string;
}

export interface CognitoLocal {
  endpoint: string;
  stop(): Promise<void>;
}

/** Starts cognito-local on 127.0.0.1, storing pools and users under `directory`. */
export async function startCognitoLocal(opts: {
  directory: string;
  port: number;
  onCode?: (delivery: CodeDelivery) => void;
}): Promise<CognitoLocal> {
  fs.mkdirSync(opts.directory, { recursive: true });
  const logger = pino({ level: 'silent' });
  const ctx = { logger };
  const host = '127.0.0.1';
  const config = {
    ...DefaultConfig,
    TokenConfig: { IssuerDomain: `http://${host}:${opts.port}` },
    ServerConfig: { port: opts.port, hostname: host, development: false, https: false },
  };
  const clock = new services.DateClock();
  const dataStoreFactory = new StormDBDataStoreFactory(opts.directory);
  const cognito = await new CognitoServiceFactoryImpl(
    opts.directory,
    dataStoreFactory,
    new UserPoolServiceFactoryImpl(clock, dataStoreFactory),
  ).create(ctx, config.UserPoolDefaults);
  const triggers = new services.TriggersService(
    clock,
    cognito,
    { enabled: () => false, invoke: async () => ({}) },
    new CryptoService(config.KMSConfig),
  );
  let source = 'unknown';
  const sender = {
    sendEmail: (_c: any, user: any, destination: string, message: any) => {
      opts.onCode?.({
        source,
        username: user.Username,
        destination,
        code: message.__code,
        subject: message.emailSubject,
      });
      return Promise.resolve();
    },
    sendSms: () => Promise.resolve(),
  };
  const svc = {
    clock,
    cognito,
    config,
    messages: withSource(
      new services.MessagesService(triggers, new MessageDeliveryService(sender)),
      (s: string) => {
        source = s;
      },
    ),
    otp,
    tokenGenerator: new JwtTokenGenerator(clock, triggers, config.TokenConfig),
    triggers,
  };
  const server = createServer(withGlobalSignOut(Router(svc), svc), logger, config.ServerConfig, svc);
  const httpServer: http.Server = await server.start();
  const { port } = httpServer.address() as AddressInfo;
  return {
    endpoint: `http://${host}:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        httpServer.closeAllConnections?.();
        httpServer.close(() => resolve());
      }),
  };
}

/**
 * cognito-local has RevokeToken but not AdminUserGlobalSignOut: this adds it with Cognito's effect on refresh
 * tokens (all of the user's are forgotten, so none refreshes any more).
 */
function withGlobalSignOut(router: (target: string) => any, svc: any) {
  return (target: string) => {
    if (target !== 'AdminUserGlobalSignOut') return router(target);
    return async (ctx: any, req: { UserPoolId: string; Username: string }) => {
      const userPool = await svc.cognito.getUserPool(ctx, req.UserPoolId);
      const user = await userPool.getUserByUsername(ctx, req.Username);
      if (!user) throw new UserNotFoundError();
      await userPool.saveUser(ctx, { ...user, RefreshTokens: [] });
      return {};
    };
  };
}

/** Notes the `source` of each delivery (SignUp, ForgotPassword ...) before cognito-local sends it. */
function withSource(messages: any, note: (source: string) => void) {
  const deliver = messages.deliver.bind(messages);
  messages.deliver = (ctx: unknown, src: string, ...rest: unknown[]) => {
    note(src);
    return deliver(ctx, src, ...rest);
  };
  return messages;
}

export interface PoolIds {
  userPoolId: string;
  clientId: string;
}

/** Creates the user pool, app client and `founders` group on first start; reuses them afterwards. */
export async function ensureUserPool(endpoint: string, stateFile: string): Promise<PoolIds> {
  const client = new CognitoIdentityProviderClient({
    endpoint,
    region: 'eu-west-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  try {
    if (fs.existsSync(stateFile)) {
      const saved = JSON.parse(fs.readFileSync(stateFile, 'utf8')) as PoolIds;
      try {
        await client.send(new DescribeUserPoolCommand({ UserPoolId: saved.userPoolId }));
        return saved;
      } catch {
        // the pool data was removed: create it again below
      }
    }
    const pool = await client.send(
      new CreateUserPoolCommand({
        PoolName: 'scalemap-local',
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
      }),
    );
    const userPoolId = pool.UserPool!.Id!;
    const app = await client.send(
      new CreateUserPoolClientCommand({
        UserPoolId: userPoolId,
        ClientName: 'scalemap-web',
        GenerateSecret: false,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    await client.send(
      new CreateGroupCommand({
        UserPoolId: userPoolId,
        GroupName: 'founders',
        Description: 'ScaleMap founders (admins)',
      }),
    );
    const ids = { userPoolId, clientId: app.UserPoolClient!.ClientId! };
    fs.writeFileSync(stateFile, JSON.stringify(ids, null, 2));
    return ids;
  } finally {
    client.destroy();
  }
}
