import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { findClientTextViolations } from '../../../../src/domain/client-text';
import { mockFetch, renderRoute } from '../../test/utils';
import { YourData } from './YourData';

const EMAIL = 'ada@example.com';

test('the download link points at the export', () => {
  mockFetch([]);
  renderRoute(<YourData email={EMAIL} />, { path: '/profile', url: '/profile' });
  expect(screen.getByRole('link', { name: 'Download my data' })).toHaveAttribute('href', '/api/me/export');
});

test('deleting needs the email typed again; a 409 says when, and a success says what was kept', async () => {
  let answer = 409;
  const calls = mockFetch([
    {
      method: 'DELETE',
      path: '/api/me',
      respond: () =>
        answer === 409
          ? {
              status: 409,
              body: {
                error: {
                  code: 'assessment_in_progress',
                  message:
                    'Your assessment is being prepared. You can delete your account once the implementation kits are delivered, after 2026-12-01 09:00 UTC.',
                },
              },
            }
          : {
              body: {
                erased: true,
                message:
                  'Your account and data are deleted. A record of your paid invoice is kept for accounting, without your name, email or assessment content.',
                kept: [{ what: 'paid invoice', reason: 'accounting', count: 1 }],
              },
            },
    },
  ]);
  const user = userEvent.setup();
  renderRoute(<YourData email={EMAIL} />, { path: '/profile', url: '/profile' });
  await user.click(screen.getByRole('button', { name: 'Delete my account' }));
  const dialog = await screen.findByRole('dialog', { name: 'Delete your account?' });
  const confirm = within(dialog).getByRole('button', { name: 'Delete my account' });
  expect(confirm).toBeDisabled();
  await user.type(within(dialog).getByLabelText('Type your email address to confirm'), 'ada@example.co');
  expect(confirm).toBeDisabled();
  await user.type(within(dialog).getByLabelText('Type your email address to confirm'), 'm');
  expect(confirm).toBeEnabled();
  await user.click(confirm);
  const alert = await within(dialog).findByRole('alert');
  expect(alert).toHaveTextContent('Your account was not deleted');
  expect(alert).toHaveTextContent('after 2026-12-01 09:00 UTC');
  expect(calls.filter((c) => c.method === 'DELETE')).toEqual([
    expect.objectContaining({ body: { confirmEmail: EMAIL } }),
  ]);

  answer = 200;
  await user.click(confirm);
  await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Your account is deleted'));
  expect(screen.getByRole('status')).toHaveTextContent('paid invoice is kept for accounting');
  expect(findClientTextViolations(screen.getByRole('status').textContent ?? '')).toEqual([]);
});
