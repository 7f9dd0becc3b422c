import { TurnQueue } from '../../src/bot/turnQueue';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('TurnQueue', () => {
  it('runs turns of one conversation one at a time, in arrival order', async () => {
    const queue = new TurnQueue();
    const events: string[] = [];
    const turn = (name: string, ms: number) => async () => {
      events.push(`start ${name}`);
      await tick(ms);
      events.push(`end ${name}`);
    };
    await Promise.all([queue.run('c1', turn('a', 30)), queue.run('c1', turn('b', 1)), queue.run('c1', turn('c', 1))]);
    expect(events).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('runs different conversations in parallel', async () => {
    const queue = new TurnQueue();
    const events: string[] = [];
    await Promise.all([
      queue.run('c1', async () => {
        events.push('start 1');
        await tick(30);
        events.push('end 1');
      }),
      queue.run('c2', async () => {
        events.push('start 2');
        await tick(1);
        events.push('end 2');
      }),
    ]);
    expect(events.indexOf('end 2')).toBeLessThan(events.indexOf('end 1'));
  });

  it('carries on after a failed turn, and passes the failure to its caller', async () => {
    const queue = new TurnQueue();
    const failed = queue.run('c1', async () => {
      throw new Error('boom');
    });
    const next = queue.run('c1', async () => 'ok');
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBe('ok');
  });

  it('tells when every turn has finished', async () => {
    const queue = new TurnQueue();
    let done = false;
    void queue.run('c1', async () => {
      await tick(20);
      done = true;
    });
    expect(queue.size).toBe(1);
    await queue.idle();
    expect(done).toBe(true);
    expect(queue.size).toBe(0);
  });
});
