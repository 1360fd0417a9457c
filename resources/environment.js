'use strict';
/**
 * The environment of every ScaleMap process on AWS, in one place (names from src/config.ts):
 * - `lambda`: provider.environment of serverless.yml (an object),
 * - `api`, `triage`, `specialist`: the `Environment` list of each ECS container definition.
 * Secret values are never here: containers get them through task definition `Secrets`, Lambdas get the
 * secret ARNs as `<NAME>_SECRET_ARN` (set per function in serverless.yml) and read them at cold start.
 * Loaded by the Serverless Framework as `${file(./resources/environment.js):NAME}`.
 */

async function shared({ resolveVariable }) {
  const suffix = await resolveVariable('param:nameSuffix');
  const stage = await resolveVariable('sls:stage');
  const origin = await module.exports.webOrigin({ resolveVariable });
  return {
    NODE_ENV: 'production',
    SCALEMAP_RUNTIME: 'aws',
    LOG_LEVEL: await resolveVariable('param:logLevel'),
    EVENT_BUS_NAME: { Ref: 'EventBus' },
    AGENT_QUEUE_URL: { Ref: 'AgentQueue' },
    AGENT_DLQ_URL: { Ref: 'AgentDeadLetterQueue' },
    ECS_CLUSTER: { Ref: 'Cluster' },
    // Families, not ARNs: RunTask takes the latest revision, and no task definition has to name itself.
    AGENT_TASK_DEFINITION: `scalemap-agent${suffix}`,
    TRIAGE_TASK_DEFINITION: `scalemap-triage${suffix}`,
    AGENT_SUBNETS: { 'Fn::Join': [',', [{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }]] },
    AGENT_SECURITY_GROUPS: { Ref: 'AgentTaskSecurityGroup' },
    // Built from the fixed name: a Ref would make every function the state machine calls depend on it (a cycle).
    STATE_MACHINE_ARN: {
      'Fn::Sub': `arn:\${AWS::Partition}:states:\${AWS::Region}:\${AWS::AccountId}:stateMachine:scalemap-delivery-${stage}`,
    },
    S3_BUCKET: { Ref: 'DocumentsBucket' },
    // DATABASE_URL is composed at run time (src/runtime/database-url.ts) from these and the credentials of the
    // application role (DATABASE_CREDENTIALS: the app-database secret's JSON), so a password change needs no deploy.
    DATABASE_HOST: { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] },
    DATABASE_PORT: { 'Fn::GetAtt': ['Database', 'Endpoint.Port'] },
    DATABASE_NAME: 'scalemap',
    SES_FROM_ADDRESS: await resolveVariable('param:sesFromAddress'),
    FOUNDER_ALERT_TOPIC_ARN: { Ref: 'FounderAlertTopic' },
    COGNITO_USER_POOL_ID: { Ref: 'UserPool' },
    COGNITO_CLIENT_ID: { Ref: 'UserPoolClient' },
    AGENT_CONCURRENCY_CAP: '5',
    PUBLIC_URL: origin,
    CORS_ORIGINS: origin,
  };
}

/**
 * The browser origin: the custom web domain when the stage has one (with its us-east-1 certificate: the
 * HasWebDomain condition of web.yml), else the CloudFront domain.
 */
module.exports.webOrigin = async ({ resolveVariable }) => {
  const domain = await resolveVariable('param:webDomain');
  const certificate = await resolveVariable('param:webCertificateArn');
  return domain && certificate ? `https://${domain}` : { 'Fn::Sub': 'https://${WebDistribution.DomainName}' };
};

/** CloudFront's aliases and certificate: the custom web domain when it has its us-east-1 certificate. */
async function webDomain({ resolveVariable }) {
  const domain = await resolveVariable('param:webDomain');
  const certificate = await resolveVariable('param:webCertificateArn');
  return domain && certificate ? { domain, certificate } : undefined;
}
module.exports.webAliases = async (ctx) => {
  const web = await webDomain(ctx);
  return web ? [web.domain] : { Ref: 'AWS::NoValue' };
};
module.exports.viewerCertificate = async (ctx) => {
  const web = await webDomain(ctx);
  return web
    ? {
        AcmCertificateArn: web.certificate,
        SslSupportMethod: 'sni-only',
        MinimumProtocolVersion: 'TLSv1.2_2021',
      }
    : { CloudFrontDefaultCertificate: true };
};

function toList(env) {
  return Object.entries(env).map(([Name, Value]) => ({ Name, Value }));
}

/**
 * `sls invoke local` against the local stack (`npm run invoke:local -- -f NAME --data '{...}'` sets
 * SCALEMAP_INVOKE_LOCAL=1): no CloudFormation references, the local runtime, which finds the running
 * `npm start` stack through SCALEMAP_DATA_DIR/stack.json.
 */
const invokeLocal = () => process.env.SCALEMAP_INVOKE_LOCAL === '1';
const LOCAL_ENV = { SCALEMAP_RUNTIME: 'local', SCALEMAP_SERVICE: 'lambda-local' };

/**
 * The secret ARNs each database function reads at cold start (none when invoked locally): only the
 * application role's credentials. SESSION_SECRET goes only where sessions are handled (the API).
 */
module.exports.dbSecretEnv = async () =>
  invokeLocal() ? {} : { DATABASE_CREDENTIALS_SECRET_ARN: { Ref: 'AppDatabaseSecret' } };

/**
 * IMAGE_TAG: the commit SHA of the images in ECR, required by every stage (`scripts/deploy-stage.sh` builds and
 * pushes them, dev included, and passes it; `bootstrap` only for the very first deployment of a stack, which
 * the script does itself). A plain `sls deploy` without it would point the agent tasks at no image.
 */
module.exports.imageTag = async () => {
  if (invokeLocal()) return 'local';
  const tag = process.env.IMAGE_TAG;
  if (!tag)
    throw new Error(
      'IMAGE_TAG is not set: deploy with scripts/deploy-stage.sh (it builds the images and sets it), or set IMAGE_TAG to an image tag that is in ECR',
    );
  return tag;
};

/**
 * How the task definitions name their image: by digest when the deployment promotes an image that was built
 * once and tested in staging (API_IMAGE_DIGEST / AGENT_IMAGE_DIGEST, set by scripts/deploy-stage.sh), else by
 * the immutable tag.
 */
function imageRef(digestVar) {
  return async () => {
    const digest = process.env[digestVar];
    if (digest) {
      if (!/^sha256:[0-9a-f]{64}$/.test(digest))
        throw new Error(`${digestVar} must be sha256:<64 hex digits>`);
      return `@${digest}`;
    }
    return `:${await module.exports.imageTag()}`;
  };
}
module.exports.apiImageRef = imageRef('API_IMAGE_DIGEST');
module.exports.agentImageRef = imageRef('AGENT_IMAGE_DIGEST');

/** SCALEMAP_SES_FROM: a sender SES accepts (an address of the verified identity), required by every stage. */
module.exports.sesFromAddress = async () => {
  if (invokeLocal()) return 'assessments@scalemap.local';
  const from = process.env.SCALEMAP_SES_FROM;
  if (!from || !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(from) || /\.local$/i.test(from))
    throw new Error(
      'SCALEMAP_SES_FROM must be set to an address of a verified SES identity (e.g. assessments@example.com)',
    );
  return from;
};

/** The SES identity the sender is verified through: SCALEMAP_SES_IDENTITY, else the sender's domain. */
module.exports.sesIdentity = async () => {
  if (process.env.SCALEMAP_SES_IDENTITY) return process.env.SCALEMAP_SES_IDENTITY;
  const from = await module.exports.sesFromAddress();
  return from.split('@')[1];
};

module.exports.lambda = async (ctx) => {
  if (invokeLocal()) return LOCAL_ENV;
  return {
    ...(await shared(ctx)),
    SCALEMAP_SERVICE: 'lambda',
    // One connection per function instance: Lambdas scale out by instances, not by pool size.
    DATABASE_POOL_MAX: '1',
    // Node 20+ Lambda runtimes do not load the Amazon RDS CAs unless told to (needed for sslmode=verify-full).
    NODE_EXTRA_CA_CERTS: '/var/runtime/ca-cert.pem',
  };
};

module.exports.api = async (ctx) =>
  toList({
    ...(await shared(ctx)),
    AWS_REGION: { Ref: 'AWS::Region' },
    SCALEMAP_SERVICE: 'api',
    PORT: '3000',
    HOST: '0.0.0.0',
    DATABASE_POOL_MAX: '10',
    SECURE_COOKIES: 'true',
    // Proxies in front of the app: CloudFront and the load balancer (src/config.ts TRUST_PROXY).
    TRUST_PROXY: '2',
  });

module.exports.triage = async (ctx) =>
  toList({
    ...(await shared(ctx)),
    AWS_REGION: { Ref: 'AWS::Region' },
    SCALEMAP_SERVICE: 'triage-agent',
    AGENT_MODE: 'triage',
    DATABASE_POOL_MAX: '5',
  });

module.exports.specialist = async (ctx) =>
  toList({
    ...(await shared(ctx)),
    AWS_REGION: { Ref: 'AWS::Region' },
    SCALEMAP_SERVICE: 'specialist-agent',
    AGENT_MODE: 'specialist',
    DATABASE_POOL_MAX: '5',
  });
