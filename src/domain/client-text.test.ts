import { findClientTextViolations } from './client-text';

describe('forbidden client-visible patterns', () => {
  it.each([
    'We read it... then, e.g., the board pack.',
    'Supply-chain risk and partnerships need attention.',
    'Cash at bank: £1.2M.',
    'Validate at https://app.scalemap.example/a/financial-management',
    'On time: delivered 12:30, 28 November.',
  ])('accepts ordinary prose: %s', (text) => {
    expect(findClientTextViolations(text)).toEqual([]);
  });

  it.each([
    ['see rev-01', 'question id'],
    ['the financial-management domain', 'domain id'],
    ['Reason: NoSuchBucket: the bucket', 'raw error name'],
    ['TypeError: x is not a function', 'raw error name'],
    ['value undefined', 'undefined / null / NaN'],
    ['they said “fast”.”.', 'double punctuation'],
    ['done..', 'double punctuation'],
    ['two document(s)', '"(s)" plural shortcut'],
    ['assessment 3f1c2a4e-1b2c-4d5e-8f90-1234567890ab', 'uuid'],
    ['Revenue was rated high impact', 'internal mechanics'],
    ['Dear {{name}}', 'template placeholder'],
  ])('catches %s', (text, name) => {
    expect(findClientTextViolations(text).map((v) => v.name)).toContain(name);
  });
});
