import { screen } from '@testing-library/react';
import { findClientTextViolations } from '../../../src/domain/client-text';
import type { Assessment } from '../api/types';
import { ME, makeAssessment, mockFetch, renderRoute } from '../test/utils';
import { StatusPage } from './StatusPage';

const H = 3600_000;
const TOLERANCES = { executiveSummary: H, detailedReport: 2 * H, implementationKits: H };

function setup(a: Assessment) {
  // EventSource is not in jsdom: the page falls back to polling, which is all this test needs.
  mockFetch([
    { method: 'GET', path: '/api/me', respond: () => ({ body: ME }) },
    { method: 'GET', path: '/api/assessments/a1', respond: () => ({ body: a }) },
  ]);
  return renderRoute(<StatusPage />, { path: '/assessments/:id/status', url: '/assessments/a1/status' });
}

describe('StatusPage', () => {
  it('reads "on time" for a delivery inside its tolerance, and "arriving now" (never overdue) just after the due time', async () => {
    const now = Date.now();
    const submittedAt = new Date(now - 24 * H - 10 * 60_000).toISOString();
    const summaryDue = new Date(now - 10 * 60_000).toISOString(); // due 10 min ago
    const a = makeAssessment({
      status: 'analysing',
      submittedAt,
      tolerances: TOLERANCES,
      dueTimes: {
        executiveSummary: summaryDue,
        detailedReport: new Date(now + 24 * H).toISOString(),
        implementationKits: new Date(now + 48 * H).toISOString(),
      },
    });
    setup(a);
    expect(await screen.findByText('on time, arriving now')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/overdue/i);

    setup({
      ...a,
      status: 'summary_delivered',
      deliverables: [
        {
          stage: 'executive-summary',
          formats: ['html', 'pdf'],
          dueAt: summaryDue,
          // 5 minutes after the due time, inside the 1-hour tolerance.
          deliveredAt: new Date(now - 5 * 60_000).toISOString(),
          onTime: true,
        },
      ],
    });
    expect(await screen.findByText('on time')).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/after the promised time|overdue/i);
  });

  it('shows a calm delay message, no technical reason, no scoring, and AI specialists', async () => {
    setup(
      makeAssessment({
        status: 'failed',
        submittedAt: new Date(Date.now() - 30 * H).toISOString(),
        failure: {
          stage: 'detailed-report',
          at: new Date().toISOString(),
          message:
            'Preparing the detailed report is taking longer than planned. Our team has been alerted and is on it; you do not need to do anything.',
        },
        triage: { activatedDomains: ['financial-management', 'people-organization', 'revenue-engine'] },
        analyses: [
          {
            domain: 'financial-management',
            analyst: 'Claire Donnelly',
            healthScore: 4,
            band: 'warning',
            summary: '',
            confidence: 8,
            needsReview: false,
          },
        ],
      }),
    );
    expect(await screen.findByText('Taking longer than planned')).toBeInTheDocument();
    expect(screen.getByText(/taking longer than planned\. Our team has been alerted/)).toBeInTheDocument();
    const text = screen.getByRole('heading', { level: 1 }).parentElement?.textContent ?? '';
    expect(text).toMatch(/analysed by its AI specialist/);
    expect(text).not.toMatch(/Claire Donnelly|confidence|Score \d|Reason:/);
    expect(findClientTextViolations(text)).toEqual([]);
  });
});
