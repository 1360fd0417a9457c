import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoute } from '../../test/utils';
import { RegisterPage } from './RegisterPage';

describe('RegisterPage form behaviour', () => {
  it('moves focus to the first field in error, and clears each error as the field is corrected', async () => {
    mockFetch([]);
    const user = userEvent.setup();
    renderRoute(<RegisterPage />, { path: '/register', url: '/register' });
    const first = screen.getByRole('textbox', { name: /First name/ });
    const email = screen.getByRole('textbox', { name: /Work email address/ });
    const password = screen.getByLabelText(/^Password/);

    await user.type(email, 'not-an-email');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(first).toHaveFocus();
    expect(first).toBeInvalid();
    expect(screen.getByText('Enter your first name.')).toBeInTheDocument();
    expect(screen.getByText(/Enter a valid email address/)).toBeInTheDocument();

    // Correcting a field clears its error at once; other errors stay until they are corrected in turn.
    await user.type(first, 'Ada');
    expect(first).not.toBeInvalid();
    expect(screen.queryByText('Enter your first name.')).not.toBeInTheDocument();
    expect(screen.getByText(/Enter a valid email address/)).toBeInTheDocument();
    await user.clear(email);
    await user.type(email, 'ada@example.com');
    expect(screen.queryByText(/Enter a valid email address/)).not.toBeInTheDocument();

    // The password's error (shown on submit) stays while the rules are unmet and goes once they are.
    const rulesError = 'The password does not meet the rules below.';
    await user.type(password, 'short');
    expect(screen.getByText(rulesError)).toBeInTheDocument();
    await user.type(password, 'Er1x-harbour');
    expect(screen.queryByText(rulesError)).not.toBeInTheDocument();
  });

  it('shows the password rules once, as a checklist without bullets', async () => {
    mockFetch([]);
    const user = userEvent.setup();
    renderRoute(<RegisterPage />, { path: '/register', url: '/register' });
    expect(screen.getAllByText('At least 12 characters')).toHaveLength(1);
    expect(document.body.textContent).not.toMatch(/[•○]/);
    await user.type(screen.getByLabelText(/^Password/), 'Sc4leMap-test');
    expect(screen.getByText('At least 12 characters').closest('li')).toHaveAttribute('data-met', 'true');
  });
});
