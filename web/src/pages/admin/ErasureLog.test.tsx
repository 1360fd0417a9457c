import { screen } from '@testing-library/react';
import { mockFetch, renderRoute } from '../../test/utils';
import { ErasureLog } from './ErasureLog';

test('lists who, when, by whom and what was removed or kept', async () => {
  mockFetch([
    {
      method: 'GET',
      path: '/api/admin/erasures',
      respond: () => ({
        body: {
          erasures: [
            {
              id: 'e1',
              userId: '3f0c2a9e-1111-4222-8333-444455556666',
              actor: 'client',
              at: '2026-11-28T10:00:00.000Z',
              removed: { documents: 4, deliverables: 6, objects: 10, answers: 0, userPoolAccount: 1 },
              kept: [{ what: 'paid invoice', reason: 'Kept for accounting.', count: 1 }],
            },
          ],
        },
      }),
    },
  ]);
  renderRoute(<ErasureLog />, { path: '/admin', url: '/admin' });
  const row = (await screen.findByText('account 3f0c2a9e')).closest('tr')!;
  expect(row).toHaveTextContent('The client (self-service)');
  expect(row).toHaveTextContent('4 documents, 6 deliverables, 10 stored files, 1 sign-in account');
  expect(row).not.toHaveTextContent('0 answers');
  expect(row).toHaveTextContent('1 paid invoice: Kept for accounting.');
});
