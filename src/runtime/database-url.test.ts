import { composeDatabaseUrl, withDatabaseUrl } from './database-url';

describe('DATABASE_URL composed at run time from the secret fields', () => {
  const parts = { DATABASE_HOST: 'db.example.internal', DATABASE_PORT: '5432', DATABASE_NAME: 'scalemap' };

  test('user and password from the secret JSON, encoded; TLS verified', () => {
    // Act
    const url = composeDatabaseUrl({
      ...parts,
      DATABASE_CREDENTIALS: JSON.stringify({ username: 'scalemap_app', password: 'p@ss/w:rd' }),
    });
    // Assess
    expect(url).toBe(
      'postgresql://scalemap_app:p%40ss%2Fw%3Ard@db.example.internal:5432/scalemap?sslmode=verify-full',
    );
    expect(new URL(url!).password).toBe('p%40ss%2Fw%3Ard');
  });

  test('no credentials: a URL without any (for processes that never query)', () => {
    expect(composeDatabaseUrl(parts)).toBe(
      'postgresql://db.example.internal:5432/scalemap?sslmode=verify-full',
    );
  });

  test('a malformed secret is reported by name, without its value', () => {
    expect(() => composeDatabaseUrl({ ...parts, DATABASE_CREDENTIALS: 'hunter2' })).toThrow(
      /DATABASE_CREDENTIALS is not the JSON/,
    );
    expect(() => composeDatabaseUrl({ ...parts, DATABASE_CREDENTIALS: '{"username":"x"}' })).toThrow(
      /lacks a username or a password/,
    );
  });

  test('an explicit DATABASE_URL wins; nothing is composed without a host', () => {
    expect(withDatabaseUrl({ ...parts, DATABASE_URL: 'postgresql://local/x' }).DATABASE_URL).toBe(
      'postgresql://local/x',
    );
    expect(withDatabaseUrl({}).DATABASE_URL).toBeUndefined();
  });
});
