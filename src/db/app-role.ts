import { Client } from 'pg';

/**
 * The application's database role: LOGIN, no ownership, only DML on the app's tables (and their sequences),
 * now and for tables later migrations create (default privileges of the migrating role). Created or updated
 * by the migration task, which runs as the RDS master user, with the password of the app-database secret.
 * The API, Lambdas and agents connect as this role; only migrations can change the schema.
 */
export async function ensureAppRole(
  adminUrl: string,
  credentialsJson: string,
): Promise<{ username: string }> {
  const creds = JSON.parse(credentialsJson) as { username?: unknown; password?: unknown };
  if (typeof creds.username !== 'string' || !/^[a-z_][a-z0-9_]{0,62}$/.test(creds.username))
    throw new Error('the app-database secret needs a username of lower-case letters, digits and _');
  if (typeof creds.password !== 'string' || creds.password.length < 16)
    throw new Error('the app-database secret needs a password of at least 16 characters');
  const role = creds.username;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const db = (await client.query<{ db: string }>('SELECT current_database() AS db')).rows[0].db;
    const exists = (await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role])).rowCount;
    // The password is a literal in DDL (no bind parameters there): quoted with the server's own function.
    const pw = (await client.query<{ q: string }>('SELECT quote_literal($1) AS q', [creds.password])).rows[0]
      .q;
    await client.query(
      `${exists ? 'ALTER' : 'CREATE'} ROLE ${role} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${pw}`,
    );
    await client.query(`GRANT CONNECT ON DATABASE "${db.replace(/"/g, '""')}" TO ${role}`);
    await client.query(`GRANT USAGE ON SCHEMA public TO ${role}`);
    await client.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role}`);
    await client.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${role}`);
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${role}`,
    );
    await client.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${role}`,
    );
    // Migrations' bookkeeping is not the app's business.
    await client.query(`REVOKE ALL ON TABLE _prisma_migrations FROM ${role}`).catch(() => undefined);
    return { username: role };
  } finally {
    await client.end();
  }
}
