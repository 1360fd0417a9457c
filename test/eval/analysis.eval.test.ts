import { startTestStack, type TestStack } from '../helpers/stack';
import { CI_COMPANY_KEYS, companiesByKey } from './companies';
import { formatReport, runEvaluation, TARGETS, type EvalReport } from '../../scripts/eval/runner';
import { share } from '../../scripts/eval/metrics';

/**
 * The analysis evaluation's hard targets (issue 8) on the CI subset: three contrasting companies (a D2C brand that
 * already runs a supplier scorecard, a one-seller agency with a concentrated problem, a healthy manufacturer),
 * each through the real pipeline twice (its validation and the opposite one), on the real local stack.
 * Same runner as `npm run eval:analysis`; metrics defined in scripts/eval/metrics.ts.
 */
describe('analysis evaluation (CI subset)', () => {
  let stack: TestStack;
  let report: EvalReport;

  beforeAll(async () => {
    stack = await startTestStack(
      // 8,640×: 72 h in 30 s, and a validation window (23 h) of ~10 s that a busy CI machine can still meet.
      { SCALEMAP_TIME_SCALE: '8640', LOG_LEVEL: 'silent' },
      { runner: { pollMs: 200 } },
    );
    report = await runEvaluation(
      { url: stack.url, outboxDir: stack.app.ctx.outboxDir! },
      companiesByKey(CI_COMPANY_KEYS),
      { pollMs: 200, timeoutMs: 420_000 },
    );
    process.stdout.write(`\n${formatReport(report)}\n`);
  }, 480_000);
  afterAll(() => stack?.stop());

  const perCompany = (pick: (c: EvalReport['companies'][number]) => unknown) =>
    Object.fromEntries(report.companies.map((c) => [c.company, pick(c)]));
  const zeros = () => Object.fromEntries(report.companies.map((c) => [c.company, 0]));

  it('completes every run', () => {
    expect(perCompany((c) => c.status)).toEqual(
      Object.fromEntries(report.companies.map((c) => [c.company, 'completed'])),
    );
  });

  it('never makes a priority of a domain the analysis rates good', () => {
    expect(perCompany((c) => c.goodRated.count)).toEqual(zeros());
  });

  it('never makes a priority of a domain the consultant calls healthy', () => {
    expect(perCompany((c) => c.healthy.count)).toEqual(zeros());
  });

  it('drops every priority the client rejected', () => {
    expect(perCompany((c) => c.rejectedKept.count)).toEqual(zeros());
  });

  it('gives no advice the company’s situation or constraints rule out', () => {
    expect(perCompany((c) => c.violations)).toEqual(
      Object.fromEntries(report.companies.map((c) => [c.company, []])),
    );
  });

  it('shows no internal mechanics in any deliverable or email', () => {
    expect(perCompany((c) => c.mechanics.map((m) => `${m.name}: ${m.match}`))).toEqual(
      Object.fromEntries(report.companies.map((c) => [c.company, []])),
    );
  });

  it('shares at most 20% of kit sentences between companies', () => {
    expect(share(report.overall.shared)).toBeLessThanOrEqual(TARGETS.maxShared);
  });

  it('changes at least 40% of kit sentences under the opposite validation', () => {
    expect(share(report.overall.change)).toBeGreaterThanOrEqual(TARGETS.minChange);
  });
});
