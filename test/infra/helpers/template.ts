/**
 * Packages the Serverless service offline (osls, fake credentials) and reads the compiled CloudFormation
 * template, plus small helpers to query it. `.serverless-<stage>/` is the output folder (git-ignored).
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { evaluateCondition } from '../../../scripts/cost/inventory';
import type { Template, TemplateResource } from './cfn-spec';

/** Template fragments are free-form JSON; tests read them structurally. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

/** Environment for a hermetic package run: none of the developer's SCALEMAP_* / AWS settings leak in. */
function packageEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('SCALEMAP_') || k.startsWith('AWS_') || k === 'IMAGE_TAG') continue;
    env[k] = v;
  }
  return {
    ...env,
    AWS_ACCESS_KEY_ID: 'x',
    AWS_SECRET_ACCESS_KEY: 'y',
    SLS_TELEMETRY_DISABLED: '1',
    ...extra,
  };
}

export interface PackageResult {
  status: number | null;
  output: string;
  outDir: string;
}

/** Runs `sls package --stage <stage> --package .serverless-<stage>` and returns its exit status and output. */
export function runPackage(
  stage: string,
  env: Record<string, string> = {},
  outDir = `.serverless-${stage}`,
): PackageResult {
  const bin = path.join(repoRoot, 'node_modules', 'osls', 'bin', 'serverless.js');
  const res = spawnSync(process.execPath, [bin, 'package', '--stage', stage, '--package', outDir], {
    cwd: repoRoot,
    env: packageEnv(env),
    encoding: 'utf8',
    timeout: 900_000, // a loaded machine can take minutes
  });
  return {
    status: res.status,
    output: `${res.stdout ?? ''}${res.stderr ?? ''}`,
    outDir: path.join(repoRoot, outDir),
  };
}

/** Packages a stage and returns its compiled template; throws with the tool's output when packaging fails. */
export function packageStage(stage: string, env: Record<string, string> = {}): Template {
  const res = runPackage(stage, env);
  if (res.status !== 0) throw new Error(`sls package --stage ${stage} failed:\n${res.output}`);
  return readTemplate(res.outDir);
}

export function readTemplate(outDir: string): Template {
  return JSON.parse(
    fs.readFileSync(path.join(outDir, 'cloudformation-template-update-stack.json'), 'utf8'),
  ) as Template;
}

export function resource(t: Template, id: string): TemplateResource {
  const r = t.Resources[id];
  if (!r) throw new Error(`no resource ${id} in the template`);
  return r;
}

export function props(t: Template, id: string): Record<string, Json> {
  return (resource(t, id).Properties ?? {}) as Record<string, Json>;
}

export function ofType(t: Template, type: string): [string, TemplateResource][] {
  return Object.entries(t.Resources).filter(([, r]) => r.Type === type);
}

/** Evaluates a condition of a packaged template (stage params are literals by then). */
export function condition(t: Template, name: string): boolean {
  return evaluateCondition(t, name);
}

/** Whether a resource is created, given its Condition. */
export function created(t: Template, id: string): boolean {
  const r = t.Resources[id];
  return Boolean(r) && (!r.Condition || condition(t, r.Condition));
}

/** Picks a branch of Fn::If using the template's conditions; other values are returned as they are. */
export function resolveIf(t: Template, v: unknown): unknown {
  if (v && typeof v === 'object' && !Array.isArray(v) && 'Fn::If' in v) {
    const [c, a, b] = (v as Record<string, unknown[]>)['Fn::If'];
    return resolveIf(t, condition(t, String(c)) ? a : b);
  }
  return v;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource?: unknown;
  Condition?: unknown;
  Principal?: unknown;
}

/** Every IAM statement in the template: role inline policies, managed policies and resource policies. */
export function allStatements(t: Template): { where: string; statement: Statement }[] {
  const out: { where: string; statement: Statement }[] = [];
  const add = (where: string, doc: unknown) => {
    const stmts = (doc as { Statement?: Statement | Statement[] } | undefined)?.Statement;
    for (const s of ([] as Statement[]).concat(stmts ?? [])) out.push({ where, statement: s });
  };
  for (const [id, r] of Object.entries(t.Resources)) {
    const p = (r.Properties ?? {}) as Record<string, Json>;
    if (r.Type === 'AWS::IAM::Role')
      for (const pol of p.Policies ?? []) add(`${id}.${JSON.stringify(pol.PolicyName)}`, pol.PolicyDocument);
    if (r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy') add(id, p.PolicyDocument);
    if (r.Type.endsWith('BucketPolicy') || r.Type.endsWith('TopicPolicy') || r.Type.endsWith('QueuePolicy'))
      add(id, p.PolicyDocument);
  }
  return out;
}

export function actions(s: Statement): string[] {
  return ([] as string[]).concat(s.Action);
}

/** All statements of one role's inline policies. */
export function roleStatements(t: Template, roleId: string): Statement[] {
  return ((props(t, roleId).Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]).flatMap(
    (p) => p.PolicyDocument.Statement,
  );
}

/** Actions a role may perform on a resource expression (compared as JSON). */
export function roleAllows(t: Template, roleId: string, action: string, resourceExpr?: unknown): boolean {
  return roleStatements(t, roleId).some((s) => {
    if (s.Effect !== 'Allow' || !actions(s).includes(action)) return false;
    if (resourceExpr === undefined) return true;
    const resources = ([] as unknown[]).concat(s.Resource);
    return resources.some((r) => JSON.stringify(r) === JSON.stringify(resourceExpr));
  });
}

/** Every string in a value, deeply (for scanning the template for secret-looking literals). */
export function allStrings(v: unknown, out: string[] = []): string[] {
  if (typeof v === 'string') out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => allStrings(x, out));
  else if (v && typeof v === 'object') Object.values(v).forEach((x) => allStrings(x, out));
  return out;
}

/** The container definitions' environment as a map (values may be CloudFormation expressions). */
export function containerEnv(t: Template, taskDefId: string, container = 0): Record<string, unknown> {
  const def = props(t, taskDefId).ContainerDefinitions[container];
  return Object.fromEntries(
    (def.Environment ?? []).map((e: { Name: string; Value: unknown }) => [e.Name, e.Value]),
  );
}

/** The state machine definition as an object (the plugin emits Fn::Sub [json, placeholders]). */
export function stateMachineDefinition(
  t: Template,
  id = 'DeliveryStateMachine',
): {
  definition: { States: Record<string, Json> };
  placeholders: Record<string, unknown>;
} {
  const def = props(t, id).DefinitionString;
  if (typeof def === 'string') return { definition: JSON.parse(def), placeholders: {} };
  const [json, placeholders] = def['Fn::Sub'] as [string, Record<string, unknown>];
  return { definition: JSON.parse(json), placeholders: placeholders ?? {} };
}

/** The account-specific settings each stage is packaged with in the tests (CI sets them per environment). */
export const STAGE_ENV: Record<'dev' | 'staging' | 'prod', Record<string, string>> = {
  dev: {
    SCALEMAP_SES_FROM: 'assessments@dev.example.com',
    IMAGE_TAG: '0123456789abcdef0123456789abcdef01234567',
  },
  staging: {
    SCALEMAP_ALERT_EMAIL: 'founders@example.com',
    SCALEMAP_SES_FROM: 'assessments@staging.example.com',
    SCALEMAP_SES_IDENTITY: 'staging.example.com',
    SCALEMAP_CERTIFICATE_ARN:
      'arn:aws:acm:eu-west-1:123456789012:certificate/aaaaaaaa-2222-3333-4444-555555555555',
    SCALEMAP_API_DOMAIN: 'api.staging.example.com',
    IMAGE_TAG: '0123456789abcdef0123456789abcdef01234567',
  },
  prod: {
    SCALEMAP_ALERT_EMAIL: 'founders@example.com',
    SCALEMAP_SES_FROM: 'assessments@example.com',
    SCALEMAP_SES_IDENTITY: 'example.com',
    SCALEMAP_SES_CREATE_IDENTITY: 'true',
    SCALEMAP_CERTIFICATE_ARN:
      'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
    SCALEMAP_API_DOMAIN: 'api.example.com',
    SCALEMAP_WEB_DOMAIN: 'app.example.com',
    SCALEMAP_WEB_CERTIFICATE_ARN:
      'arn:aws:acm:us-east-1:123456789012:certificate/66666666-7777-8888-9999-000000000000',
    IMAGE_TAG: '0123456789abcdef0123456789abcdef01234567',
  },
};
export const STAGES = ['dev', 'staging', 'prod'] as const;
export type Stage = (typeof STAGES)[number];

/** What a packaged template depends on: the service definition, its fragments and the stage settings. */
function packageKey(stage: string, env: Record<string, string>): string {
  const hash = crypto.createHash('sha256');
  const walk = (p: string) => {
    const full = path.join(repoRoot, p);
    if (!fs.existsSync(full)) return;
    if (fs.statSync(full).isDirectory()) for (const e of fs.readdirSync(full).sort()) walk(path.join(p, e));
    else hash.update(p).update(fs.readFileSync(full));
  };
  ['serverless.yml', 'resources', 'stepfunctions', 'functions', 'package.json'].forEach(walk);
  hash.update(stage).update(JSON.stringify(env));
  return hash.digest('hex');
}

/**
 * The packaged template of a stage with its STAGE_ENV, packaged at most once per change of its inputs:
 * test files (in parallel Jest workers) share `.serverless-<stage>/`, keyed by a hash of the inputs.
 * SCALEMAP_INFRA_TEMPLATE_DIR=<dir> reads `<dir>/<stage>/` instead (to run the checks on another
 * revision's templates).
 */
export function stageTemplate(stage: Stage): Template {
  const other = process.env.SCALEMAP_INFRA_TEMPLATE_DIR;
  if (other) return readTemplate(path.join(other, stage));
  const env = STAGE_ENV[stage];
  const outDir = path.join(repoRoot, `.serverless-${stage}`);
  const keyFile = path.join(outDir, '.package-key');
  const key = packageKey(stage, env);
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, 'utf8') === key) return readTemplate(outDir);
  const tmp = `.serverless-${stage}-${process.pid}`;
  const res = runPackage(stage, env, tmp);
  if (res.status !== 0) throw new Error(`sls package --stage ${stage} failed:\n${res.output}`);
  fs.writeFileSync(path.join(res.outDir, '.package-key'), key);
  fs.rmSync(outDir, { recursive: true, force: true });
  try {
    fs.renameSync(res.outDir, outDir);
  } catch {
    // another worker finished first: its copy has the same inputs
    fs.rmSync(res.outDir, { recursive: true, force: true });
  }
  return readTemplate(fs.existsSync(outDir) ? outDir : res.outDir);
}

/** The directory of a stage's packaged template (after stageTemplate). */
export function stageTemplateFile(stage: Stage): string {
  const other = process.env.SCALEMAP_INFRA_TEMPLATE_DIR;
  const dir = other ? path.join(other, stage) : path.join(repoRoot, `.serverless-${stage}`);
  return path.join(dir, 'cloudformation-template-update-stack.json');
}
