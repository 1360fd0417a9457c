import fs from 'node:fs';
import YAML from 'yaml';
import { DEFINITION_FILE, loadDefinition } from '../../src/local/runner';
import { STATE_MACHINE_FUNCTIONS } from '../../src/local/functions';
import { DELIVERY_OFFSETS_HOURS, VALIDATION_WINDOW_HOURS } from '../../src/domain/schedule';

const aslValidator = require('asl-validator');

type State = Record<string, unknown> & { Type: string };
const raw = YAML.parse(fs.readFileSync(DEFINITION_FILE, 'utf8')) as {
  StartAt: string;
  States: Record<string, State>;
};
const states = Object.entries(raw.States);
const tasks = states.filter(([, s]) => s.Type === 'Task');

describe('stepfunctions/delivery.asl.yml', () => {
  it('is valid ASL (asl-validator), with the GetAtt references resolved as CloudFormation would', () => {
    const result = aslValidator(loadDefinition());
    expect(result.errors).toEqual([]);
    expect(result.isValid).toBe(true);
  });

  it('gives every Task state the 1 s / 2 s / 4 s retry and a failure path', () => {
    expect(tasks.length).toBeGreaterThanOrEqual(12);
    for (const [name, state] of tasks) {
      const retry = (state.Retry as Record<string, unknown>[]) ?? [];
      expect({ name, retry: retry.find((r) => (r.ErrorEquals as string[]).includes('States.ALL')) }).toEqual({
        name,
        retry: expect.objectContaining({ IntervalSeconds: 1, BackoffRate: 2, MaxAttempts: 3 }),
      });
      const catchAll = ((state.Catch as Record<string, unknown>[]) ?? []).find((c) =>
        (c.ErrorEquals as string[]).includes('States.ALL'),
      );
      expect({ name, next: catchAll?.Next }).toEqual({ name, next: expect.any(String) });
    }
  });

  it('routes every failure to marking the assessment failed and alerting the founder', () => {
    const reachesFailure = (start: string, seen = new Set<string>()): boolean => {
      if (seen.has(start)) return false;
      seen.add(start);
      if (start === 'MarkFailed') return true;
      const s = raw.States[start];
      return typeof s?.Next === 'string' && reachesFailure(s.Next, seen);
    };
    for (const [name, state] of tasks.filter(([n]) => !['MarkFailed', 'AlertFounder'].includes(n))) {
      const target = ((state.Catch as { ErrorEquals: string[]; Next: string }[]) ?? []).find((c) =>
        c.ErrorEquals.includes('States.ALL'),
      )!.Next;
      expect({ name, reaches: reachesFailure(target) }).toEqual({ name, reaches: true });
    }
    expect(raw.States.MarkFailed.Next).toBe('AlertFounder');
    expect(raw.States.AlertFounder.Next).toBe('PipelineFailed');
    expect(raw.States.PipelineFailed.Type).toBe('Fail');
  });

  it('generates each deliverable before its due time and releases it when the due time comes', () => {
    for (const [generate, wait, release] of [
      ['GenerateExecutiveSummary', 'WaitUntilSummaryDue', 'ReleaseExecutiveSummary'],
      // The report, then the kits composed ahead (see below), then the report's due time.
      ['GenerateImplementationKits', 'WaitUntilReportDue', 'ReleaseDetailedReport'],
      ['ApplyValidationToKits', 'WaitUntilKitsDue', 'ReleaseImplementationKits'],
    ]) {
      expect([raw.States[generate].Next, raw.States[wait].Next]).toEqual([wait, release]);
      expect(raw.States[wait].Type).toBe('Wait');
    }
    expect(raw.States.AnalysesDone.Choices).toEqual([
      expect.objectContaining({ Next: 'GenerateExecutiveSummary' }),
    ]);
    expect(raw.States.ReleaseExecutiveSummary.Next).toBe('GenerateDetailedReport');
    expect(raw.States.ReleaseDetailedReport.Next).toBe('AwaitValidation');
    expect(raw.States.AwaitValidation.Next).toBe('ApplyValidationToKits');
    expect(raw.States.ReleaseImplementationKits.Next).toBe('Delivered');
  });

  it('composes the kits ahead with the report, and again (same function) once the validation step is over', () => {
    // The kits are ready long before the window closes: the report's release waits behind their composition,
    // not the kits' release behind the validation window.
    expect(raw.States.GenerateDetailedReport.Next).toBe('GenerateImplementationKits');
    expect(raw.States.GenerateImplementationKits.Next).toBe('WaitUntilReportDue');
    expect(raw.States.ApplyValidationToKits.Resource).toEqual(raw.States.GenerateImplementationKits.Resource);
    expect(raw.States.ApplyValidationToKits.Catch).toEqual(raw.States.GenerateImplementationKits.Catch);
  });

  it('waits on absolute due times and bounds its polling loops', () => {
    const timestampWaits = states
      .filter(([, s]) => s.Type === 'Wait' && s.TimestampPath)
      .map(([, s]) => s.TimestampPath);
    expect(timestampWaits).toEqual([
      '$.pipeline.dueTimes.executiveSummary',
      '$.pipeline.dueTimes.detailedReport',
      '$.pipeline.dueTimes.implementationKits',
    ]);
    for (const poll of ['CheckTriage', 'CheckAnalyses']) {
      const params = raw.States[poll].Parameters as Record<string, unknown>;
      expect(params.maxPolls).toEqual(expect.any(Number));
      expect(params['polls.$']).toMatch(/\.polls$/);
    }
  });

  it('waits for the validation with a task token until an hour before the kits are due, then goes on with the report’s priorities', () => {
    const v = raw.States.AwaitValidation;
    expect(v.Resource).toBe('arn:aws:states:::lambda:invoke.waitForTaskToken');
    expect(v.TimeoutSeconds).toBe(VALIDATION_WINDOW_HOURS * 3600);
    expect(VALIDATION_WINDOW_HOURS).toBeLessThan(
      DELIVERY_OFFSETS_HOURS.implementationKits - DELIVERY_OFFSETS_HOURS.detailedReport,
    );
    expect((v.Parameters as { Payload: Record<string, string> }).Payload['taskToken.$']).toBe(
      '$$.Task.Token',
    );
    const timeout = (v.Catch as { ErrorEquals: string[]; Next: string }[]).find((c) =>
      c.ErrorEquals.includes('States.Timeout'),
    );
    expect(timeout?.Next).toBe('ValidationTimedOut');
    expect(raw.States.ValidationTimedOut.Next).toBe('ApplyValidationToKits');
    expect((v.Retry as { ErrorEquals: string[]; MaxAttempts: number }[])[0]).toEqual({
      ErrorEquals: ['States.Timeout'],
      MaxAttempts: 0,
    });
  });

  it('maps every Lambda it calls to a local handler', () => {
    const referenced = JSON.stringify(raw)
      .match(/"(\w+LambdaFunction)"/g)!
      .map((s) => s.replace(/"/g, ''));
    for (const fn of new Set(referenced)) expect(Object.keys(STATE_MACHINE_FUNCTIONS)).toContain(fn);
  });
});
