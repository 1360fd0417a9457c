import { z } from 'zod';

/**
 * Configuration, read from the environment once and checked with zod.
 * `loadConfig()` throws a ConfigError naming every missing or malformed variable.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    /** `local` runs the embedded stack and local adapters; `aws` uses the AWS adapters. */
    SCALEMAP_RUNTIME: z.enum(['local', 'aws']).default('local'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    SCALEMAP_DATA_DIR: z.string().min(1).default('.scalemap'),
    DATABASE_URL: optionalString.pipe(z.string().url('DATABASE_URL must be a postgresql:// URL').optional()),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
    /** How long to wait for a new database connection before the request fails with 503. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(120000).default(5000),
    /** Longest a statement may run (server-side statement_timeout; the client gives up 2 s later). */
    DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(10000),
    /** Idle pooled connections are closed after this long. */
    DATABASE_IDLE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(3600000).default(30000),
    /** Readiness (`/api/health/ready`) answers 503 when a dependency has not answered within this time. */
    HEALTH_CHECK_TIMEOUT_MS: z.coerce.number().int().min(50).max(60000).default(2000),
    /** Open progress streams (`/events`) allowed per user at once; the next one gets 429. */
    EVENT_STREAMS_PER_USER: z.coerce.number().int().min(1).max(1000).default(10),
    /** A comment line is sent on an idle progress stream this often, so proxies keep it open. */
    EVENT_STREAM_KEEPALIVE_MS: z.coerce.number().int().min(100).max(120000).default(15000),
    SCALEMAP_TIME_SCALE: z.coerce.number().positive('SCALEMAP_TIME_SCALE must be > 0').default(1440),
    PUBLIC_URL: optionalString.pipe(z.string().url().optional()),
    SESSION_SECRET: optionalString.pipe(
      z.string().min(16, 'SESSION_SECRET must be at least 16 characters').optional(),
    ),
    CORS_ORIGINS: csv,
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),

    STRIPE_SECRET_KEY: optionalString,
    STRIPE_WEBHOOK_SECRET: optionalString,
    STRIPE_PRICE_GBP: z.coerce.number().int().positive().default(750000),
    /** Another Stripe API endpoint (stripe-mock, a test stand-in); Stripe's own unless set. */
    STRIPE_API_BASE_URL: optionalString.pipe(z.string().url().optional()),

    OPENAI_API_KEY: optionalString,
    OPENAI_BASE_URL: optionalString.pipe(z.string().url().optional()),
    OPENAI_MODEL: z.string().default('gpt-4o-mini'),
    OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(60000),

    AWS_REGION: z.string().default('eu-west-1'),
    S3_BUCKET: z.string().default('scalemap-documents'),
    S3_ENDPOINT: optionalString.pipe(z.string().url().optional()),
    COGNITO_USER_POOL_ID: optionalString,
    COGNITO_CLIENT_ID: optionalString,
    COGNITO_ENDPOINT: optionalString.pipe(z.string().url().optional()),
    EVENT_BUS_NAME: z.string().default('scalemap-events'),
    AGENT_QUEUE_URL: optionalString,
    AGENT_DLQ_URL: optionalString,
    ECS_CLUSTER: z.string().default('scalemap-cluster'),
    AGENT_TASK_DEFINITION: optionalString,
    TRIAGE_TASK_DEFINITION: optionalString,
    AGENT_SUBNETS: csv,
    AGENT_SECURITY_GROUPS: csv,
    STATE_MACHINE_ARN: optionalString,
    SES_FROM_ADDRESS: z.string().email().default('assessments@scalemap.local'),
    FOUNDER_ALERT_TOPIC_ARN: optionalString,
    FOUNDER_EMAIL: z.string().email().default('founders@scalemap.local'),
    /** Shown to clients on the contact, privacy and refund pages (GET /api/settings). */
    SUPPORT_EMAIL: z.string().email().default('hello@scalemap.local'),
    AGENT_CONCURRENCY_CAP: z.coerce.number().int().min(1).max(50).default(5),
    AGENT_VISIBILITY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(43200).default(900),
    AGENT_EMPTY_POLLS_BEFORE_EXIT: z.coerce.number().int().min(1).max(100).default(3),
    AGENT_TEST_DELAY_MS: z.coerce.number().int().min(0).max(600000).default(0),
    /** Documents of completed assessments are deleted this many months after completion (retention job). */
    DOCUMENT_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(12),
    AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(100000).default(30),
    SECURE_COOKIES: bool.optional(),
    /** Proxy hops in front of the API whose X-Forwarded-For entries are trusted (0 = none, the default). */
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    /** How long an admin request may reuse a founder's group membership read from the user pool. */
    ROLE_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(10),
  })
  .superRefine((c, ctx) => {
    if (c.SCALEMAP_RUNTIME === 'aws') {
      const required = [
        'DATABASE_URL',
        // SESSION_SECRET only where sessions are handled: the API entrypoints check it themselves.
        'COGNITO_USER_POOL_ID',
        'COGNITO_CLIENT_ID',
        'AGENT_QUEUE_URL',
        'AGENT_DLQ_URL',
        'AGENT_TASK_DEFINITION',
        'TRIAGE_TASK_DEFINITION',
        'STATE_MACHINE_ARN',
        'FOUNDER_ALERT_TOPIC_ARN',
      ] as const;
      for (const key of required) {
        if (!c[key])
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${key} is required when SCALEMAP_RUNTIME=aws`,
          });
      }
      if (c.AGENT_SUBNETS.length === 0)
        ctx.addIssue({
          code: 'custom',
          path: ['AGENT_SUBNETS'],
          message: 'AGENT_SUBNETS is required when SCALEMAP_RUNTIME=aws',
        });
    }
    if (Boolean(c.STRIPE_SECRET_KEY) !== Boolean(c.STRIPE_WEBHOOK_SECRET)) {
      ctx.addIssue({
        code: 'custom',
        path: [c.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY'],
        message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET must be set together',
      });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((i) => {
        const key = i.path.join('.') || '(environment)';
        return i.message.startsWith(key) ? i.message : `${key}: ${i.message}`;
      }),
    );
  }
  return parsed.data;
}

/**
 * Local mode (embedded stack, outbox of emails readable in the app, cognito-local) is for one developer's
 * machine: it refuses to start when NODE_ENV says production.
 */
export function assertLocalModeAllowed(config: Pick<Config, 'SCALEMAP_RUNTIME' | 'NODE_ENV'>): void {
  if (config.SCALEMAP_RUNTIME === 'local' && config.NODE_ENV === 'production')
    throw new ConfigError([
      'SCALEMAP_RUNTIME: local mode (the default) is for development only and refuses to run with NODE_ENV=production; set SCALEMAP_RUNTIME=aws or another NODE_ENV',
    ]);
}

/** A host name or address that only this machine can reach. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

export function paymentsEnabled(config: Config): boolean {
  return Boolean(config.STRIPE_SECRET_KEY && config.STRIPE_WEBHOOK_SECRET);
}
