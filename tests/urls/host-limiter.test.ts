import { HostLimiter } from '../../src/urls/host-limiter';

describe('HostLimiter', () => {
  it('bounds the tasks running at once, in total and per host, and runs them all', async () => {
    const limiter = new HostLimiter(3, 2);
    const running = new Map<string, number>();
    let total = 0;
    let mostTotal = 0;
    const mostPerHost = new Map<string, number>();
    const hosts = ['a', 'a', 'a', 'a', 'b', 'b', 'c', 'a', 'c', 'b'];
    const results = await Promise.all(
      hosts.map((host, i) =>
        limiter.run(host, async () => {
          total++;
          running.set(host, (running.get(host) ?? 0) + 1);
          mostTotal = Math.max(mostTotal, total);
          mostPerHost.set(host, Math.max(mostPerHost.get(host) ?? 0, running.get(host)!));
          for (let k = 0; k < 3; k++) await new Promise((r) => setImmediate(r));
          running.set(host, running.get(host)! - 1);
          total--;
          return i;
        }),
      ),
    );
    expect(results).toEqual(hosts.map((_, i) => i));
    expect(mostTotal).toBe(3);
    expect(Math.max(...mostPerHost.values())).toBe(2);
  });

  it('passes a task failure to its caller and keeps going', async () => {
    const limiter = new HostLimiter(1, 1);
    const failing = limiter.run('a', async () => {
      throw new Error('boom');
    });
    const next = limiter.run('a', async () => 'after');
    await expect(failing).rejects.toThrow('boom');
    await expect(next).resolves.toBe('after');
  });
});
