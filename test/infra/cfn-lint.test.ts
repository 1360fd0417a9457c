/**
 * cfn-lint (AWS's CloudFormation linter, Python, 1.51 on these machines) on the packaged template of every
 * stage, with the project's .cfnlintrc: no error and no warning outside the rules it ignores, each with its
 * reason. Catches what the resource specification alone does not: dependency cycles, invalid patterns and
 * values, deletion policies without replace policies, deprecated settings.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot, STAGES, stageTemplate, stageTemplateFile } from './helpers/template';

function lint(file: string): { status: number | null; findings: string[]; error?: string } {
  const res = spawnSync(
    'cfn-lint',
    ['--config-file', path.join(repoRoot, '.cfnlintrc'), '-f', 'parseable', '-t', file],
    { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 },
  );
  const findings = `${res.stdout ?? ''}`
    .split('\n')
    .filter(Boolean)
    .map((line) => line.replace(`${file}:`, ''));
  return { status: res.status, findings, error: res.error?.message ?? (res.stderr || undefined) };
}

describe('.cfnlintrc', () => {
  test('ignores no error rule, and gives a reason for every warning rule it ignores', () => {
    const text = fs.readFileSync(path.join(repoRoot, '.cfnlintrc'), 'utf8');
    const lines = text.split('\n');
    const ignored = lines
      .map((l, i) => [/^\s+- ([EWI]\d{4})\s*$/.exec(l)?.[1], i] as const)
      .filter(([r]) => r);
    expect(ignored.length).toBeGreaterThan(0);
    for (const [rule, i] of ignored) {
      expect(rule).not.toMatch(/^E/);
      expect(lines[i - 1]).toMatch(/^\s*#\s*\S/); // the reason, just above
    }
  });
});

describe.each(STAGES)('cfn-lint: %s', (stage) => {
  test('the packaged template has no finding', () => {
    stageTemplate(stage);
    const res = lint(stageTemplateFile(stage));
    expect(res.findings).toEqual([]);
    expect(res.status).toBe(0);
  }, 1_000_000);
});
