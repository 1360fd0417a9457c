/**
 * Supply chain and deployment gates (issue 10): base images pinned by digest, GitHub Actions pinned by commit
 * SHA, deploys only after CI passed on the same commit, images built once and promoted to prod by digest,
 * one OIDC role per GitHub environment.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './helpers/template';

const read = (p: string) => fs.readFileSync(path.join(repoRoot, p), 'utf8');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('container images', () => {
  for (const file of ['containers/api/Dockerfile', 'containers/agent/Dockerfile']) {
    test(`${file}: every FROM is a digest-pinned image (directly or through an ARG default)`, () => {
      const text = read(file);
      const args = Object.fromEntries(
        [...text.matchAll(/^ARG\s+(\w+)=(\S+)/gm)].map((m) => [m[1], m[2]] as [string, string]),
      );
      const froms = [...text.matchAll(/^FROM\s+(\S+)/gm)].map((m) => m[1]);
      expect(froms.length).toBeGreaterThan(0);
      for (const from of froms) {
        const image = from.replace(/^\$\{?(\w+)\}?$/, (_, name: string) => args[name] ?? from);
        expect({ from, image }).toEqual({ from, image: expect.stringMatching(/@sha256:[0-9a-f]{64}$/) });
      }
    });
  }

  test('the API image checks liveness, not the database', () => {
    expect(read('containers/api/Dockerfile')).toMatch(/HEALTHCHECK .*\/api\/health\/live/);
  });
});

describe('GitHub workflows', () => {
  const workflows = fs
    .readdirSync(path.join(repoRoot, '.github/workflows'))
    .map((f) => [f, read(`.github/workflows/${f}`)] as const);

  test('every action is pinned by a full commit SHA', () => {
    const uses = workflows.flatMap(([f, text]) =>
      [...text.matchAll(/uses:\s*(\S+)/g)].map((m) => ({ f, uses: m[1] })),
    );
    expect(uses.length).toBeGreaterThan(5);
    for (const u of uses)
      expect(u).toEqual({
        f: u.f,
        uses: expect.stringMatching(/^[\w.-]+\/[\w.-]+(\/[\w./-]+)?@[0-9a-f]{40}$/),
      });
  });

  test('deploy runs only after CI succeeded on a push to main, and deploys that commit', () => {
    const deploy: Json = parse(read('.github/workflows/deploy.yml'));
    expect(Object.keys(deploy.on)).toEqual(['workflow_run']);
    expect(deploy.on.workflow_run).toMatchObject({
      workflows: ['CI'],
      types: ['completed'],
      branches: ['main'],
    });
    const ci: Json = parse(read('.github/workflows/ci.yml'));
    expect(ci.name).toBe('CI');
    expect(deploy.jobs.web.if).toMatch(/workflow_run\.conclusion == 'success'/);
    expect(deploy.env.SHA).toMatch(/workflow_run\.head_sha/);
    for (const job of Object.values(deploy.jobs) as Json[]) {
      const checkout = job.steps.find((s: Json) => String(s.uses).startsWith('actions/checkout@'));
      expect(checkout.with.ref).toBe('${{ env.SHA }}');
    }
  });

  test('prod promotes staging’s images by digest (no build) in its own environment and role', () => {
    const deploy: Json = parse(read('.github/workflows/deploy.yml'));
    const { staging, prod } = deploy.jobs;
    expect(staging.environment).toBe('staging');
    expect(prod.environment).toBe('production');
    expect(prod.needs).toBe('staging');
    expect(prod.env).toMatchObject({
      API_IMAGE_DIGEST: '${{ needs.staging.outputs.api_digest }}',
      AGENT_IMAGE_DIGEST: '${{ needs.staging.outputs.agent_digest }}',
      PROMOTE_FROM_REGISTRY: '${{ needs.staging.outputs.registry }}',
    });
    for (const job of [staging, prod]) {
      const creds = job.steps.find((s: Json) =>
        String(s.uses).startsWith('aws-actions/configure-aws-credentials@'),
      );
      expect(creds.with['role-to-assume']).toBe('${{ vars.AWS_DEPLOY_ROLE_ARN }}'); // an environment variable
      expect(job.permissions['id-token']).toBe('write');
    }
    const script = read('scripts/deploy-stage.sh');
    expect(script).toMatch(/docker buildx imagetools create/);
    expect(script).toMatch(/PROMOTE_FROM_REGISTRY/);
  });
});
