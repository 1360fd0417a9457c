import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Answer, Assessment, Questionnaire } from '../api/types';
import { ME, makeAssessment, makeQuestionnaire, mockFetch, renderRoute, type FetchCall } from '../test/utils';
import { QuestionnairePage } from './QuestionnairePage';
import { lastDomainKey } from './QuestionnairePage';

const SAVE_TIMEOUT = { timeout: 4000 };

interface Setup {
  questionnaire?: () => Questionnaire;
  answers?: Answer[];
  /** Status codes the PUT /answers calls answer, in order (then 200). */
  saveStatuses?: number[];
  /** Error bodies for those statuses, in the same order (default: a 500 `internal`). */
  saveErrors?: unknown[];
}

function setup({
  questionnaire = () => makeQuestionnaire(),
  answers = [],
  saveStatuses = [],
  saveErrors = [],
  status = 'draft',
  fakeTimers = false,
}: Setup & { status?: Assessment['status']; fakeTimers?: boolean } = {}) {
  const statuses = [...saveStatuses];
  const errors = [...saveErrors];
  const calls = mockFetch([
    { method: 'GET', path: '/api/me', respond: () => ({ body: ME }) },
    { method: 'GET', path: '/api/questionnaire', respond: () => ({ body: questionnaire() }) },
    {
      method: 'GET',
      path: '/api/assessments/a1',
      respond: () => ({ body: makeAssessment({ answers, status }) }),
    },
    {
      method: 'PUT',
      path: '/api/assessments/a1/answers',
      respond: (call) => {
        const status = statuses.shift() ?? 200;
        if (status !== 200)
          return {
            status,
            body: errors.shift() ?? { error: { code: 'internal', message: 'Database unavailable' } },
          };
        const batch = (call.body as { answers: Answer[] }).answers;
        return { body: { saved: batch.length, progress: { overall: 0.5, complete: false, domains: [] } } };
      },
    },
  ]);
  const user = userEvent.setup(fakeTimers ? { advanceTimers: jest.advanceTimersByTime } : {});
  const view = renderRoute(<QuestionnairePage />, {
    path: '/assessments/:id/questionnaire',
    url: '/assessments/a1/questionnaire',
  });
  return { calls, user, ...view };
}

const puts = (calls: FetchCall[]) => calls.filter((c) => c.method === 'PUT');

function question(name: RegExp) {
  return within(screen.getByRole('radiogroup', { name }));
}

describe('QuestionnairePage', () => {
  it('autosaves changed answers in one debounced batch: saving, then saved', async () => {
    // Fake timers: the debounce window is the test's clock, not the machine's speed.
    jest.useFakeTimers();
    try {
      await debouncedBatch();
    } finally {
      jest.useRealTimers();
    }
  });

  async function debouncedBatch() {
    const { calls, user } = setup({ fakeTimers: true });
    // (The first render of the file loads the most: allow for a busy machine.)
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' }, SAVE_TIMEOUT);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Answers save automatically.');

    await user.click(
      question(/How clear is your three-year vision/).getByRole('radio', { name: '2 – Mostly fine' }),
    );
    await user.click(
      question(/How well do priorities guide/).getByRole('radio', { name: '1 – A clear strength' }),
    );

    expect(screen.getByText('Saving…')).toBeInTheDocument();
    expect(puts(calls)).toHaveLength(0); // still debouncing
    await act(() => jest.advanceTimersByTimeAsync(600));
    await screen.findByText(/All changes saved/);

    expect(puts(calls)).toHaveLength(1);
    expect(puts(calls)[0].body).toEqual({
      answers: [
        { questionId: 'sa-01', score: 2 },
        { questionId: 'sa-02', score: 1 },
      ],
    });
    expect(screen.getByText('2 of 2 answered · complete')).toBeInTheDocument();
  }

  it('shows a failed save with Retry, which then succeeds and resends the same answers', async () => {
    const { calls, user } = setup({ saveStatuses: [500] });
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });

    await user.click(
      question(/How clear is your three-year vision/).getByRole('radio', { name: '3 – Average' }),
    );
    await screen.findByText(/Not saved yet:/, undefined, SAVE_TIMEOUT);
    expect(screen.getByText(/Something went wrong on our side/)).toBeInTheDocument();
    // The unsaved answer is kept on the device meanwhile.
    expect(JSON.parse(localStorage.getItem('scalemap:unsaved:a1') ?? '[]')).toEqual([
      { questionId: 'sa-01', score: 3 },
    ]);

    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await screen.findByText(/All changes saved/, undefined, SAVE_TIMEOUT);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
    expect(puts(calls)).toHaveLength(2);
    expect(puts(calls)[1].body).toEqual({ answers: [{ questionId: 'sa-01', score: 3 }] });
    expect(localStorage.getItem('scalemap:unsaved:a1')).toBeNull();
  });

  it('drops an answer the API refuses (no longer applicable) and saves the rest of the batch', async () => {
    const refused = {
      error: {
        code: 'validation_error',
        message: 'Some answers were rejected; nothing was saved',
        details: { answers: [{ questionId: 'sa-02', message: 'does not apply to this company profile' }] },
      },
    };
    // Fake timers: both clicks land inside one debounce window however slow the machine is.
    jest.useFakeTimers();
    try {
      const { calls, user } = setup({ saveStatuses: [400], saveErrors: [refused], fakeTimers: true });
      await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
      await user.click(
        question(/How clear is your three-year vision/).getByRole('radio', { name: '2 – Mostly fine' }),
      );
      await user.click(question(/How well do priorities guide/).getByRole('radio', { name: '3 – Average' }));
      await act(() => jest.advanceTimersByTimeAsync(600)); // the debounce: one batch of two
      await act(() => jest.advanceTimersByTimeAsync(600)); // the refused answer dropped, the rest saved
      await screen.findByText(/All changes saved/);
      refusedBatchChecks(calls);
    } finally {
      jest.useRealTimers();
    }
  });

  function refusedBatchChecks(calls: FetchCall[]) {
    expect(puts(calls).map((c) => c.body)).toEqual([
      {
        answers: [
          { questionId: 'sa-01', score: 2 },
          { questionId: 'sa-02', score: 3 },
        ],
      },
      { answers: [{ questionId: 'sa-01', score: 2 }] },
    ]);
    expect(screen.queryByRole('button', { name: 'Retry' })).not.toBeInTheDocument();
  }

  it('shows and hides conditional questions when the questionnaire data changes', async () => {
    let withConditional = false;
    const { queryClient } = setup({
      questionnaire: () => makeQuestionnaire({ conditional: withConditional }),
    });
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
    expect(screen.queryByRole('radiogroup', { name: /regulatory change/ })).not.toBeInTheDocument();
    expect(screen.getAllByRole('radiogroup')).toHaveLength(2);

    // What the profile page does after saving a profile that makes the question apply.
    withConditional = true;
    await act(() => queryClient.invalidateQueries({ queryKey: ['questionnaire'] }));
    const conditional = await screen.findByRole('radiogroup', { name: /regulatory change/ });
    expect(conditional).toHaveAccessibleDescription('Asked because of your company profile.');
    expect(screen.getByText('0 of 3 answered · about a minute left')).toBeInTheDocument();

    withConditional = false;
    await act(() => queryClient.invalidateQueries({ queryKey: ['questionnaire'] }));
    await waitFor(() =>
      expect(screen.queryByRole('radiogroup', { name: /regulatory change/ })).not.toBeInTheDocument(),
    );
    expect(screen.getAllByRole('radiogroup')).toHaveLength(2);
  });

  it('opens the follow-up boxes of a trigger question on a score of 4 or 5, not on 3', async () => {
    const { user, calls } = setup();
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
    const trigger = question(/How clear is your three-year vision/);

    await user.click(trigger.getByRole('radio', { name: '3 – Average' }));
    expect(screen.queryByRole('textbox', { name: 'What have you tried so far?' })).not.toBeInTheDocument();

    await user.click(trigger.getByRole('radio', { name: '4 – A real problem' }));
    expect(screen.getByRole('textbox', { name: 'What have you tried so far?' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'What does it cost you?' })).toBeInTheDocument();

    await user.click(trigger.getByRole('radio', { name: '3 – Average' }));
    expect(screen.queryByRole('textbox', { name: 'What have you tried so far?' })).not.toBeInTheDocument();

    await user.click(trigger.getByRole('radio', { name: '5 – A critical problem' }));
    await user.type(
      screen.getByRole('textbox', { name: 'What have you tried so far?' }),
      'Quarterly offsites',
    );

    // A question without follow-ups opens nothing, whatever the score.
    await user.click(
      question(/How well do priorities guide/).getByRole('radio', { name: '5 – A critical problem' }),
    );
    expect(screen.getAllByRole('textbox')).toHaveLength(2);

    await screen.findByText(/All changes saved/, undefined, SAVE_TIMEOUT);
    const sent = puts(calls).flatMap((c) => (c.body as { answers: Answer[] }).answers);
    expect(sent).toEqual(
      expect.arrayContaining([
        { questionId: 'sa-01', score: 5 },
        { questionId: 'sa-01-f1', text: 'Quarterly offsites' },
        { questionId: 'sa-02', score: 5 },
      ]),
    );
  });

  it('resumes at the first incomplete domain, or at the domain last visited on this device', async () => {
    const answers = [
      { questionId: 'sa-01', score: 2 },
      { questionId: 'sa-02', score: 2 },
    ];
    const first = setup({ answers });
    expect(
      await screen.findByRole('heading', { name: 'Financial Management & Capital Efficiency' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Financial Management/ })).toHaveAttribute(
      'aria-current',
      'step',
    );
    // Domains the API leaves out (no applicable question) are named as not applicable.
    expect(screen.getByText(/^Not applicable to your company:/)).toHaveTextContent(
      'Supply Chain & Operations',
    );
    first.unmount();

    localStorage.setItem(lastDomainKey('a1'), 'strategic-alignment');
    setup({ answers });
    expect(await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' })).toBeInTheDocument();
  });

  it('is operable with the keyboard: arrow keys move through a question’s options', async () => {
    const { user } = setup();
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
    const group = question(/How clear is your three-year vision/);
    await user.click(group.getByRole('radio', { name: '1 – A clear strength' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(group.getByRole('radio', { name: '3 – Average' })).toBeChecked();
    expect(group.getByRole('radio', { name: '3 – Average' })).toHaveFocus();
  });

  describe('autosave after a failure', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    it('retries by itself with backoff (1 s, then 2 s) until the API is back', async () => {
      const { calls, user } = setup({ saveStatuses: [503, 503], fakeTimers: true });
      await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
      await user.click(
        question(/How clear is your three-year vision/).getByRole('radio', { name: '3 – Average' }),
      );
      await act(() => jest.advanceTimersByTimeAsync(600)); // the debounce
      // (no findBy here: its polling would move the fake clock on)
      expect(screen.getByText(/Trying again in 1 s/)).toBeInTheDocument();
      expect(puts(calls)).toHaveLength(1);

      await act(() => jest.advanceTimersByTimeAsync(999));
      expect(puts(calls)).toHaveLength(1);
      await act(() => jest.advanceTimersByTimeAsync(1));
      expect(puts(calls)).toHaveLength(2);
      expect(screen.getByText(/Trying again in 2 s/)).toBeInTheDocument();

      await act(() => jest.advanceTimersByTimeAsync(1999));
      expect(puts(calls)).toHaveLength(2);
      await act(() => jest.advanceTimersByTimeAsync(1));
      expect(puts(calls)).toHaveLength(3);
      expect(screen.getByText(/All changes saved/)).toBeInTheDocument();
      expect(puts(calls)[2].body).toEqual({ answers: [{ questionId: 'sa-01', score: 3 }] });
      expect(localStorage.getItem('scalemap:unsaved:a1')).toBeNull();
    });

    it('retries at once when the browser comes back online', async () => {
      const { calls, user } = setup({ saveStatuses: [503], fakeTimers: true });
      await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
      await user.click(
        question(/How clear is your three-year vision/).getByRole('radio', { name: '2 – Mostly fine' }),
      );
      await act(() => jest.advanceTimersByTimeAsync(600));
      await screen.findByText(/Not saved yet/);
      expect(puts(calls)).toHaveLength(1);

      await act(async () => {
        window.dispatchEvent(new Event('online'));
      });
      await screen.findByText(/All changes saved/);
      expect(puts(calls)).toHaveLength(2);
    });

    it('does not retry by itself what cannot pass (the assessment was submitted elsewhere)', async () => {
      const conflict = { error: { code: 'conflict', message: 'The assessment is already submitted' } };
      const { calls, user } = setup({ saveStatuses: [409], saveErrors: [conflict], fakeTimers: true });
      await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
      await user.click(
        question(/How clear is your three-year vision/).getByRole('radio', { name: '2 – Mostly fine' }),
      );
      await act(() => jest.advanceTimersByTimeAsync(600));
      await screen.findByText(/Not saved yet/);
      await act(() => jest.advanceTimersByTimeAsync(60_000));
      expect(puts(calls)).toHaveLength(1);
      expect(screen.queryByText(/Trying again/)).not.toBeInTheDocument();
    });
  });

  it('answers the question in focus with the keys 1 to 5 and moves focus to the next question', async () => {
    const { user, calls } = setup();
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
    const first = question(/How clear is your three-year vision/);
    const second = question(/How well do priorities guide/);
    first.getByRole('radio', { name: '1 – A clear strength' }).focus();

    await user.keyboard('2');
    expect(first.getByRole('radio', { name: '2 – Mostly fine' })).toBeChecked();
    expect(second.getByRole('radio', { name: '1 – A clear strength' })).toHaveFocus();

    await user.keyboard('3');
    expect(second.getByRole('radio', { name: '3 – Average' })).toBeChecked();

    // 5 on a trigger question opens its follow-ups and keeps the focus there; digits typed in them are text.
    first.getByRole('radio', { name: '2 – Mostly fine' }).focus();
    await user.keyboard('5');
    expect(first.getByRole('radio', { name: '5 – A critical problem' })).toBeChecked();
    expect(first.getByRole('radio', { name: '5 – A critical problem' })).toHaveFocus();
    await user.type(screen.getByRole('textbox', { name: 'What have you tried so far?' }), '2 hires');
    expect(first.getByRole('radio', { name: '5 – A critical problem' })).toBeChecked();

    await screen.findByText(/All changes saved/, undefined, SAVE_TIMEOUT);
    expect(puts(calls).flatMap((c) => (c.body as { answers: Answer[] }).answers)).toEqual(
      expect.arrayContaining([
        { questionId: 'sa-02', score: 3 },
        { questionId: 'sa-01', score: 5 },
        { questionId: 'sa-01-f1', text: '2 hires' },
      ]),
    );
  });

  it('keeps progress, time left and the save status together in one sticky bar', async () => {
    const { user, container } = setup();
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
    const bar = container.querySelector('.qn-sticky') as HTMLElement;
    expect(bar).not.toBeNull();
    expect(within(bar).getByTestId('save-status')).toBeInTheDocument();
    expect(bar).toHaveTextContent('Overall: 0 of 3 answered (0%) · about a minute left');
    expect(screen.getByText(/\(about a minute left in this domain\)/)).toBeInTheDocument();
    await user.click(
      question(/How clear is your three-year vision/).getByRole('radio', { name: '3 – Average' }),
    );
    await user.click(question(/How well do priorities guide/).getByRole('radio', { name: '3 – Average' }));
    expect(bar).toHaveTextContent('Overall: 2 of 3 answered (67%) · about a minute left');
    expect(screen.queryByText(/in this domain/)).not.toBeInTheDocument();
  });

  it('shows the chosen answer apart from the others once the answers are locked', async () => {
    setup({ status: 'submitted', answers: [{ questionId: 'sa-01', score: 4 }] });
    await screen.findByRole('heading', { name: 'Strategic Alignment & Vision' });
    const group = question(/How clear is your three-year vision/);
    const chosen = group.getByRole('radio', { name: '4 – A real problem' });
    expect(chosen).toBeChecked();
    expect(chosen).toBeEnabled();
    expect(chosen).toHaveAccessibleDescription('Your answer');
    expect(group.getByRole('radio', { name: '3 – Average' })).not.toHaveAccessibleDescription('Your answer');
    expect(screen.queryByTestId('save-status')).not.toBeInTheDocument();
  });
});
