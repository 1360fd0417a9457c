import { findClientTextViolations } from './client-text';

describe('forbidden client-visible patterns', () => {
  it.each([
    'We read it... then, e.g., the board pack.',
    'Supply-chain risk and partnerships need attention.',
    'Your change-management playbook for the first 90 days.',
    'Validate at https://app.example/assessments/3f1c2a4e-1b2c-4d5e-8f90-1234567890ab/validate',
    'Cash at bank: £1.2M.',
    'We will share the share of teams with goals.',
    'Likelihood Impact Medium Medium; Name a sponsor for each major change Change Management',
    'Validate at https://app.scalemap.example/a/financial-management',
    'On time: delivered 12:30, 28 November.',
    'Text/phone follow-ups and image-led campaigns: “fast onboarding” beats “fast delivery”.',
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
    ['We will share share of teams with goals every week.', 'repeated word'],
    ['assessment 3f1c2a4e-1b2c-4d5e-8f90-1234567890ab', 'uuid'],
    ['Revenue was rated high impact', 'internal mechanics'],
    ['Dear {{name}}', 'template placeholder'],
    ['health 5/10, from 9 questions (mean 3.1 on the 1–5 concern scale)', 'internal mechanics'],
    ['Document board-pack.pdf: “application/pdf supplied for Finance”', 'file type code'],
    [
      'In your words: “We noticed when the cancellation email arrived.” Evidence: follow-up: “We noticed when the cancellation email arrived.”',
      'same quote twice',
    ],
  ])('catches %s', (text, name) => {
    expect(findClientTextViolations(text).map((v) => v.name)).toContain(name);
  });
});
