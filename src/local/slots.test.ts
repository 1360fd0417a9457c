import { Slots } from './runner';

/** The local runner's generation slots: a bounded number at once, the one due soonest first. */
describe('Slots', () => {
  function gate() {
    let open!: () => void;
    const opened = new Promise<void>((resolve) => (open = resolve));
    return { open, opened };
  }
  const tick = () => new Promise((r) => setImmediate(r));

  it('runs at most `limit` at once and hands a freed slot to the lowest priority waiting', async () => {
    const slots = new Slots(2);
    const started: string[] = [];
    let active = 0;
    let peak = 0;
    const gates = new Map<string, ReturnType<typeof gate>>();
    const job = (name: string, priority: number) => {
      const g = gate();
      gates.set(name, g);
      return slots.run(priority, async () => {
        started.push(name);
        peak = Math.max(peak, ++active);
        await g.opened;
        active--;
        return name;
      });
    };

    const all = [job('a', 5), job('b', 6), job('kits', 300), job('summary', 100), job('report', 200)];
    await tick();
    expect(started).toEqual(['a', 'b']);

    gates.get('a')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'summary']);

    gates.get('b')!.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'summary', 'report']);

    for (const name of ['summary', 'report', 'kits']) gates.get(name)!.open();
    expect(await Promise.all(all)).toEqual(['a', 'b', 'kits', 'summary', 'report']);
    expect(started).toEqual(['a', 'b', 'summary', 'report', 'kits']);
    expect(peak).toBe(2);
  });

  it('frees the slot when the work fails', async () => {
    const slots = new Slots(1);
    await expect(
      slots.run(1, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(slots.run(1, async () => 'next')).resolves.toBe('next');
  });
});
