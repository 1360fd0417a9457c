import { formatTable, runChaos, SHORT } from '../../scripts/chaos/chaos';

/**
 * The short fault-injection run (`npm run chaos` runs them all, longer): a private stack, assessments paid and
 * submitted while an agent is killed, the database frozen, the whole stack killed and restarted, and duplicate
 * events and webhooks delivered; then malformed requests. Nothing lost, nothing twice, no 5xx but 503 while down.
 */
describe('fault injection (short)', () => {
  it('loses nothing, duplicates nothing, answers 503 only while a dependency is down', async () => {
    const result = await runChaos(SHORT);
    const table = formatTable(result);
    expect({ problems: result.problems, table }).toEqual({ problems: [], table: expect.any(String) });
    expect(result.rows.map((r) => r.ok)).toEqual(result.rows.map(() => true));
    for (const row of result.rows.filter((r) => r.assessments > 0)) {
      expect(row.completed).toBe(row.assessments);
      expect(row.deliverablesEach).toBe('1');
      expect(row.clientEmailsEach).toBe('1');
    }
    expect(result.rows.at(-1)).toMatchObject({ rowsChanged: 0, fiveXx: 0 });
  }, 300_000);
});
