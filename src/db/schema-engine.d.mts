export const schemaPath: string;
export const migrationsDir: string;
export function applyMigrations(connectionString: string): Promise<string[]>;
export const snapshotPath: string;
export function diffSchema(connectionString: string): Promise<string>;
export function writeSnapshot(): void;
