import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DataRefusal } from '../../src/data/copy';

/** Argument parsing and exit codes shared by the data commands: 0 = done and verified, 1 = differences, 2 = refused. */
export function args<T extends z.ZodRawShape>(
  usage: string,
  options: Record<string, { type: 'string' | 'boolean' }>,
  shape: T,
): z.infer<z.ZodObject<T>> {
  try {
    const { values } = parseArgs({ options, strict: true, allowPositionals: false });
    const parsed = z.object(shape).strict().safeParse(values);
    if (!parsed.success)
      throw new Error(parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
    return parsed.data;
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\nusage: ${usage}\n`);
    process.exit(2);
  }
}

export const postgresUrl = z.string().regex(/^postgres(ql)?:\/\/.+/, 'expected a postgresql:// URL');

export function run(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      if (err instanceof DataRefusal) {
        process.stderr.write(`refused: ${err.message}\n`);
        for (const d of err.differences) process.stderr.write(`  ${d.check} ${d.name}: ${d.a} / ${d.b}\n`);
        process.exit(2);
      }
      process.stderr.write(`failed: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(3);
    },
  );
}

export const print = (line: string) => process.stdout.write(`${line}\n`);
