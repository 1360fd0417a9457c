/**
 * `npm run cost -- --stage prod --assessments 100 [--model gpt-4o-mini] [--refresh] [--template FILE] [--json]`
 *
 * What a month of ScaleMap will cost, before deploying: reads the packaged CloudFormation template of the
 * stage (`.serverless-<stage>/cloudformation-template-update-stack.json`, packaging it offline first when it
 * is missing or with --refresh), counts what it bills for, and prices it with scripts/cost/prices-eu-west-1.json
 * under the usage assumptions of scripts/cost/model.ts - for the stage as packaged (the PRD's sizing, for
 * prod) and for the lean profile (no NAT gateway, API on Lambda, smallest database), side by side.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { inventoryFromTemplate, type CfnTemplate, type Inventory } from './cost/inventory';
import {
  budgetStanding,
  DEFAULT_USAGE,
  estimate,
  leanProfile,
  PRD_BUDGET,
  type Estimate,
  type Prices,
  type Usage,
} from './cost/model';

const root = path.resolve(__dirname, '..');

interface Options {
  stage: string;
  assessments: number;
  model: string;
  refresh: boolean;
  template?: string;
  json: boolean;
  /** Lean profile options: agent tasks on ARM64 (Graviton) and/or Fargate Spot. */
  leanArm64: boolean;
  leanSpot: boolean;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    stage: 'prod',
    assessments: DEFAULT_USAGE.assessmentsPerMonth,
    model: DEFAULT_USAGE.model,
    refresh: false,
    json: false,
    leanArm64: false,
    leanSpot: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split('=', 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--stage':
        opts.stage = value();
        break;
      case '--assessments':
        opts.assessments = Number(value());
        break;
      case '--model':
        opts.model = value();
        break;
      case '--template':
        opts.template = value();
        break;
      case '--refresh':
        opts.refresh = true;
        break;
      case '--json':
        opts.json = true;
        break;
      case '--lean-arm64':
        opts.leanArm64 = true;
        break;
      case '--lean-spot':
        opts.leanSpot = true;
        break;
      case '--help':
      case '-h':
        console.log(
          'usage: npm run cost -- [--stage prod] [--assessments 100] [--model gpt-4o-mini] [--refresh] [--template FILE] [--json] [--lean-arm64] [--lean-spot]',
        );
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option ${argv[i]}`);
    }
  }
  if (!Number.isFinite(opts.assessments) || opts.assessments < 0)
    throw new Error('--assessments must be a number >= 0');
  return opts;
}

/** Packages the stage offline (fake credentials; placeholder account settings, which do not change the bill). */
function packageStage(stage: string, outDir: string): void {
  console.error(`Packaging stage ${stage} into ${path.relative(root, outDir)} (sls package, offline) ...`);
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID ?? 'x',
    AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY ?? 'y',
    SCALEMAP_ALERT_EMAIL: process.env.SCALEMAP_ALERT_EMAIL ?? 'cost-estimate@example.com',
    SCALEMAP_SES_FROM: process.env.SCALEMAP_SES_FROM ?? 'cost-estimate@example.com',
    SCALEMAP_CERTIFICATE_ARN:
      process.env.SCALEMAP_CERTIFICATE_ARN ??
      'arn:aws:acm:eu-west-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
    SCALEMAP_API_DOMAIN: process.env.SCALEMAP_API_DOMAIN ?? 'api.cost-estimate.example.com',
    IMAGE_TAG: process.env.IMAGE_TAG ?? 'cost-estimate',
  };
  const bin = path.join(root, 'node_modules', 'osls', 'bin', 'serverless.js');
  const res = spawnSync(process.execPath, [bin, 'package', '--stage', stage, '--package', outDir], {
    cwd: root,
    env,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (res.status !== 0) throw new Error(`sls package --stage ${stage} failed (exit ${res.status})`);
}

function stageOf(t: CfnTemplate): string {
  return inventoryFromTemplate(t).stage;
}

function loadTemplate(opts: Options): { template: CfnTemplate; file: string } {
  const read = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as CfnTemplate;
  if (opts.template) return { template: read(opts.template), file: opts.template };
  const outDir = path.join(root, `.serverless-${opts.stage}`);
  const file = path.join(outDir, 'cloudformation-template-update-stack.json');
  if (!opts.refresh && !fs.existsSync(file)) {
    // `sls package --stage X` without --package writes to .serverless/: use it when it is the same stage.
    const plain = path.join(root, '.serverless', 'cloudformation-template-update-stack.json');
    if (fs.existsSync(plain) && stageOf(read(plain)) === opts.stage)
      return { template: read(plain), file: plain };
  }
  if (opts.refresh || !fs.existsSync(file)) packageStage(opts.stage, outDir);
  return { template: read(file), file };
}

const usd = (n: number) => `$${n.toFixed(2)}`;
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function describe(inv: Inventory): string {
  const api = inv.apiService
    ? `API on Fargate ${inv.apiService.vcpu} vCPU/${inv.apiService.memoryGb} GB x ${inv.apiService.minTasks}-${inv.apiService.maxTasks} behind ${inv.loadBalancers} ALB`
    : 'API on Lambda behind an HTTP API';
  const nat =
    inv.natGateways > 0
      ? 'NAT gateway'
      : `NAT instance ${inv.natInstances.map((n) => n.instanceType).join(', ')}`;
  const db = inv.database ? `${inv.database.instanceClass} ${inv.database.storageGb} GB` : 'no database';
  return `${api}; ${nat}; ${db}; ${inv.functions.length} functions; ${inv.alarms} alarms; ${inv.secrets} secrets; logs ${inv.logRetentionDays} d`;
}

function printTable(title: [string, string], profiles: [Estimate, Estimate]): void {
  const keys = new Map<string, { service: string; item: string[] }>();
  for (const e of profiles)
    for (const l of e.lines) keys.set(`${l.service}|${l.item}`, { service: l.service, item: [l.item] });
  const rows: string[][] = [];
  const services = [...new Set(profiles.flatMap((e) => e.lines.map((l) => l.service)))];
  for (const service of services) {
    const cell = (e: Estimate, k: 'firstYear' | 'afterFreeTier') =>
      usd(e.lines.filter((l) => l.service === service).reduce((n, l) => n + l[k], 0));
    const items = profiles.map((e) =>
      e.lines
        .filter((l) => l.service === service)
        .map((l) => l.item)
        .join('; '),
    );
    rows.push([
      service,
      cell(profiles[0], 'firstYear'),
      cell(profiles[0], 'afterFreeTier'),
      cell(profiles[1], 'firstYear'),
      cell(profiles[1], 'afterFreeTier'),
      items[0] || items[1],
    ]);
  }
  const head = [
    'service',
    `${title[0]} yr 1`,
    `${title[0]} after`,
    `${title[1]} yr 1`,
    `${title[1]} after`,
    `what (${title[0]})`,
  ];
  const widths = [16, 14, 14, 14, 14];
  const line = (r: string[]) =>
    r.map((c, i) => (i === 0 ? pad(c, widths[0]) : i < 5 ? lpad(c, widths[i]) : `  ${c}`)).join(' ');
  console.log(line(head));
  console.log('-'.repeat(120));
  for (const r of rows) console.log(line(r));
  console.log('-'.repeat(120));
  console.log(
    line([
      'AWS total',
      usd(profiles[0].aws.firstYear),
      usd(profiles[0].aws.afterFreeTier),
      usd(profiles[1].aws.firstYear),
      usd(profiles[1].aws.afterFreeTier),
      '',
    ]),
  );
  console.log(
    line([
      'OpenAI',
      usd(profiles[0].openai),
      usd(profiles[0].openai),
      usd(profiles[1].openai),
      usd(profiles[1].openai),
      '(billed by OpenAI)',
    ]),
  );
}

function main(): void {
  const opts = parseArgs(process.argv.slice(2));
  const prices = JSON.parse(
    fs.readFileSync(path.join(__dirname, 'cost', 'prices-eu-west-1.json'), 'utf8'),
  ) as Prices;
  const { template, file } = loadTemplate(opts);
  const stageInv = inventoryFromTemplate(template);
  const leanInv = leanProfile(stageInv, { arm64: opts.leanArm64, fargateSpot: opts.leanSpot });
  const usage: Usage = { ...DEFAULT_USAGE, assessmentsPerMonth: opts.assessments, model: opts.model };
  const stageEst = estimate(stageInv, usage, prices);
  const leanEst = estimate(leanInv, usage, prices);

  if (opts.json) {
    console.log(
      JSON.stringify(
        {
          template: file,
          usage,
          prices: { asOf: prices.asOf, region: prices.region },
          profiles: {
            [stageInv.stage]: { inventory: stageInv, estimate: stageEst },
            lean: { inventory: leanInv, estimate: leanEst },
          },
        },
        null,
        2,
      ),
    );
    return;
  }

  const name = `${stageInv.stage}`;
  console.log(`ScaleMap monthly cost estimate - ${prices.region}, list prices as of ${prices.asOf} (USD)`);
  console.log(`Template: ${path.relative(root, file)}`);
  console.log(`  ${name}: ${describe(stageInv)}`);
  console.log(`  lean: ${describe(leanInv)}`);
  const d = stageEst.derived;
  console.log(
    `Usage: ${opts.assessments} assessments/month; per assessment ${usage.specialistsPerAssessment} specialists, ${d.agentTaskMinutesPerAssessment} agent task-minutes, ` +
      `${d.lambdaInvocationsPerAssessment} Lambda invocations, ${d.stateTransitionsPerAssessment} state transitions, ` +
      `${d.tokensPerAssessment.input.toLocaleString('en-US')} input + ${d.tokensPerAssessment.output.toLocaleString('en-US')} output tokens (${usage.model})`,
  );
  console.log('');
  printTable([name, 'lean'], [stageEst, leanEst]);
  console.log('');
  for (const [label, e] of [
    [name, stageEst],
    ['lean', leanEst],
  ] as const) {
    const s = budgetStanding(e);
    console.log(
      `Per assessment (${label}): AWS variable ${usd(e.perAssessment.variableAws)} + OpenAI ${usd(e.perAssessment.openai)}; ` +
        `all-in ${usd(e.perAssessment.allInFirstYear)} in year 1, ${usd(e.perAssessment.allInAfterFreeTier)} after`,
    );
    console.log(
      `  PRD budget (AWS): year 1 ${usd(e.aws.firstYear)} is ${s.firstYear} $${PRD_BUDGET.firstYear.min}-${PRD_BUDGET.firstYear.max}; ` +
        `after the free tier ${usd(e.aws.afterFreeTier)} is ${s.afterFreeTier === 'within' ? 'within' : 'above'} the $${PRD_BUDGET.afterFreeTier.max} cap`,
    );
  }
  console.log('');
  console.log(`Prices: ${prices.source}`);
  console.log(`Free tier: ${prices.freeTier.note}`);
}

try {
  main();
} catch (err) {
  console.error((err as Error).message);
  process.exit(1);
}
