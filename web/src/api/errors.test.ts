import { ApiError } from './client';
import { errorMessage, fieldErrorsFromDetails } from './errors';

describe('errorMessage', () => {
  it('prefers the screen’s wording, then the API message for validation errors, then generic wording', () => {
    const wrongPassword = new ApiError(401, 'unauthorized', 'Incorrect username or password.');
    expect(
      errorMessage(wrongPassword, { unauthorized: 'The email address or password is not correct.' }),
    ).toBe('The email address or password is not correct.');
    expect(errorMessage(new ApiError(400, 'validation_error', 'Password must contain a digit'))).toBe(
      'Password must contain a digit',
    );
    expect(errorMessage(new ApiError(500, 'internal', 'stack trace...'))).toMatch(/on our side/);
    expect(errorMessage(new ApiError(429, 'rate_limited', 'slow down', undefined, 30))).toBe(
      'Too many attempts. Please wait 30 seconds and try again.',
    );
    expect(errorMessage(new ApiError(0, 'network', 'x'))).toMatch(/could not be reached/);
  });

  it('spells out the problems of a validation_error from its details (the API’s message is generic)', () => {
    const err = new ApiError(400, 'validation_error', 'The request body is not valid', [
      { path: 'password', message: 'The password needs a digit' },
      { path: 'email', message: 'A valid email address is required' },
    ]);
    expect(errorMessage(err)).toBe('The password needs a digit. A valid email address is required.');
  });
});

describe('fieldErrorsFromDetails', () => {
  it('reads the API’s [{path, message}], zod issues, {issues} and flattened {fieldErrors}', () => {
    expect(fieldErrorsFromDetails([{ path: ['email'], message: 'Invalid email' }])).toEqual({
      email: 'Invalid email',
    });
    expect(fieldErrorsFromDetails({ issues: [{ path: ['password'], message: 'Too short' }] })).toEqual({
      password: 'Too short',
    });
    expect(fieldErrorsFromDetails({ fieldErrors: { companyName: ['Required'] } })).toEqual({
      companyName: 'Required',
    });
    expect(fieldErrorsFromDetails('nothing useful')).toEqual({});
  });
});
