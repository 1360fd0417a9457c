/**
 * The AWS SDK v3 modules, each loaded on first use. A Lambda bundle leaves `@aws-sdk/*` to the runtime, and
 * requiring a client module costs its load time at every cold start (about 45 ms for the first, 5–10 ms for each
 * further one on a 2-core machine): with these loaders a function pays only for the services it calls, when it
 * first calls them. Adapters import the SDK for types only and take their client as an instance (tests) or as a
 * factory that runs on first use (the composition root), so each process builds one client per service, lazily.
 */
import type * as CognitoIdp from '@aws-sdk/client-cognito-identity-provider';
import type * as Ecs from '@aws-sdk/client-ecs';
import type * as EventBridge from '@aws-sdk/client-eventbridge';
import type * as S3 from '@aws-sdk/client-s3';
import type * as SecretsManager from '@aws-sdk/client-secrets-manager';
import type * as Sesv2 from '@aws-sdk/client-sesv2';
import type * as Sfn from '@aws-sdk/client-sfn';
import type * as Sns from '@aws-sdk/client-sns';
import type * as Sqs from '@aws-sdk/client-sqs';
import type * as S3Presigner from '@aws-sdk/s3-request-presigner';

/** `make` run once, on the first call; its value kept. */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}

/** A client given ready-made, or a factory run once, on first use. */
export type ClientSource<C> = C | (() => C);

/** The client of a ClientSource, built on the first call. */
export function lazyClient<C extends object>(source: ClientSource<C>): () => C {
  return typeof source === 'function' ? once(source as () => C) : () => source;
}

// `require` with a literal name: esbuild leaves these external requires where they are (inside the function);
// Node caches each module after its first load.
export const sdk = {
  cognitoIdp: () => require('@aws-sdk/client-cognito-identity-provider') as typeof CognitoIdp,
  ecs: () => require('@aws-sdk/client-ecs') as typeof Ecs,
  eventBridge: () => require('@aws-sdk/client-eventbridge') as typeof EventBridge,
  s3: () => require('@aws-sdk/client-s3') as typeof S3,
  s3Presigner: () => require('@aws-sdk/s3-request-presigner') as typeof S3Presigner,
  secretsManager: () => require('@aws-sdk/client-secrets-manager') as typeof SecretsManager,
  sesv2: () => require('@aws-sdk/client-sesv2') as typeof Sesv2,
  sfn: () => require('@aws-sdk/client-sfn') as typeof Sfn,
  sns: () => require('@aws-sdk/client-sns') as typeof Sns,
  sqs: () => require('@aws-sdk/client-sqs') as typeof Sqs,
};
