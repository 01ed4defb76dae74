/**
 * Reads ahead of a consumer: calls `read` for the entries of a list, keeping at most `ahead` reads in
 * flight, and yields the results in list order. Reading ten thousand evidence files one `await` at a
 * time leaves the disk and the thread pool idle while each file is parsed, and parsing idle while each
 * file is read; reading a bounded window ahead overlaps the two without holding every file in memory.
 * `read` should report problems in its result rather than reject; a rejection is re-thrown in order.
 */
export async function* readAhead<T, R>(list: readonly T[], ahead: number, read: (entry: T) => Promise<R>): AsyncGenerator<R> {
  const pending: Promise<R>[] = [];
  let next = 0;
  const start = () => {
    const promise = read(list[next++]);
    // Awaited in order below; this only stops a rejection that is not awaited yet from counting as unhandled.
    promise.catch(() => undefined);
    pending.push(promise);
  };
  while (next < list.length && pending.length < Math.max(1, ahead)) start();
  while (pending.length > 0) {
    const result = await pending.shift()!;
    if (next < list.length) start();
    yield result;
  }
}
