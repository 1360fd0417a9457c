import {
  detailedReportEmail,
  executiveSummaryEmail,
  founderAlertEmail,
  implementationKitsEmail,
  paymentReceiptEmail,
  submissionConfirmationEmail,
  type EmailContent,
} from './emails';
import { fixtureContext, validatedFixtureContext, FIXTURE_SUBMITTED_AT } from '../../test/fixtures/delivery';
import { markupProblem } from './test-helpers';

const ctx = fixtureContext();
const base = 'https://app.scalemap.test/assessments/asm_7f3c2a';

function expectBoth(email: EmailContent, ...needles: string[]) {
  for (const n of needles) {
    expect(email.text).toContain(n);
    expect(email.html).toContain(n.replace(/&/g, '&amp;').replace(/'/g, '&#39;'));
  }
  expect(markupProblem(email.html, { html: true })).toBeNull();
  expect(email.subject).not.toMatch(/[\r\n]/);
}

describe('emails', () => {
  it('submission confirmation has the delivery schedule and a progress link', () => {
    const email = submissionConfirmationEmail({
      firstName: 'Eleanor',
      companyName: 'Harbourline Analytics Ltd',
      assessmentId: 'asm_7f3c2a',
      submittedAt: FIXTURE_SUBMITTED_AT,
      dueTimes: ctx.dueTimes,
      appUrl: 'https://app.scalemap.test/',
    });
    expect(email.subject).toBe("We have received Harbourline Analytics Ltd's ScaleMap assessment");
    expectBoth(
      email,
      'Hi Eleanor,',
      'Tuesday 3 June 2025, 10:15 BST',
      'by Wednesday 4 June 2025, 10:15 BST',
      'by Thursday 5 June 2025, 10:15 BST',
      'by Friday 6 June 2025, 10:15 BST',
      base,
    );
    expect(email.text).toContain('Executive summary: by Wednesday 4 June 2025, 10:15 BST');
    expect(email.text).toContain(
      'Detailed report and validation request: by Thursday 5 June 2025, 10:15 BST',
    );
    expect(email.text).toContain('Implementation kits: by Friday 6 June 2025, 10:15 BST');
  });

  it('payment receipt shows the amount and references', () => {
    const email = paymentReceiptEmail({
      firstName: 'Eleanor',
      companyName: 'Harbourline Analytics Ltd',
      assessmentId: 'asm_7f3c2a',
      amountMinor: 750000,
      currency: 'gbp',
      paidAt: new Date('2025-06-02T16:00:00Z'),
      paymentReference: 'pi_3Nx',
      appUrl: 'https://app.scalemap.test',
    });
    expectBoth(email, '£7,500.00', 'pi_3Nx', 'asm_7f3c2a', base);
    expect(email.text).toContain('Amount paid: £7,500.00');
    expect(email.text).toContain('Payment reference: pi_3Nx');
  });

  it('executive summary email links to the deliverable and digests the priorities', () => {
    const email = executiveSummaryEmail(ctx);
    expect(email.subject).toContain('Harbourline Analytics Ltd');
    expectBoth(
      email,
      `${base}/deliverables/executive-summary`,
      '5.3/10',
      'Install a stage-weighted revenue forecast (Revenue Engine & Growth Systems): The sales forecast is unreliable.',
      'Start a 13-week cash-flow forecast',
      'Introduce customer health scoring',
      'Thursday 5 June 2025, 10:15 BST',
    );
    expect(email.text).toContain('\n1. Install a stage-weighted revenue forecast');
    expect(email.text).toContain('\n3. Introduce customer health scoring');
  });

  it('detailed report email carries the validation request, link and deadline', () => {
    const email = detailedReportEmail(ctx);
    expectBoth(
      email,
      `${base}/deliverables/detailed-report`,
      `${base}/validate`,
      'Please reply by Friday 6 June 2025, 09:15 BST',
      'Install a stage-weighted revenue forecast (Revenue Engine & Growth Systems): start with “Define stage exit criteria”.',
      'Start a 13-week cash-flow forecast (Financial Management & Capital Efficiency): a quick win you can start this month.',
    );
  });

  it('implementation kits email follows the validated order and pace', () => {
    const email = implementationKitsEmail(validatedFixtureContext());
    expectBoth(email, `${base}/deliverables/implementation-kits`, 'aggressive pace', 'foundation days 1–11');
    expect(email.text.indexOf('1. Start a 13-week cash-flow forecast')).toBeGreaterThan(0);
    // The rejected priority is dropped, and the email says what changed because of the validation.
    expect(email.text).toContain('What changed because of your validation');
    expect(email.text).toContain('“Install a stage-weighted revenue forecast” is dropped');
    expect(email.text).not.toContain('2. Install a stage-weighted revenue forecast');
    expect(email.text).not.toContain('in the order you confirmed');
    expectBoth(implementationKitsEmail(ctx), 'We did not receive your validation in time');
  });

  it('escapes client data in HTML and keeps the text version readable', () => {
    const email = executiveSummaryEmail(
      fixtureContext({ companyName: '<img src=x onerror=alert(1)>', clientFirstName: 'Bob "Bobby" <b>' }),
    );
    expect(email.html).not.toContain('<img');
    expect(email.html).not.toContain('<b>');
    expect(email.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(email.text).toContain('Hi Bob "Bobby" <b>,');
    expect(email.text).not.toContain('&lt;');
    expect(markupProblem(email.html, { html: true })).toBeNull();
  });

  it('founder alert names the stage and assessment and keeps the subject on one line', () => {
    const email = founderAlertEmail({
      subject: 'stage failed\r\nBcc: attacker@example.com',
      message: 'The detailed report failed three times.\nLast error: timeout',
      assessmentId: 'asm_7f3c2a',
      stage: 'detailed-report',
      occurredAt: new Date('2025-06-05T09:00:00Z'),
    });
    expect(email.subject).toBe(
      '[ScaleMap alert] Stage failed Bcc: attacker@example.com (detailed-report, asm_7f3c2a)',
    );
    expectBoth(email, 'detailed-report', 'asm_7f3c2a', 'Last error: timeout');
    expect(email.text).toContain(
      'Assessment: asm_7f3c2a\nStage: detailed-report\nTime: Thursday 5 June 2025, 10:00 BST',
    );
    expect(email.html).toContain('failed three times.<br>Last error');
  });
});
