import dns from 'node:dns';
import { isIP } from 'node:net';
import { constants } from 'node:os';

/**
 * An in-process tripwire at the lowest socket layer: every TCP connect (the libuv handle's connect and
 * connect6, which is where a resolved address finally goes) and every DNS lookup is recorded. A connect to
 * anything but loopback fails with ENETUNREACH before any system call, and a DNS lookup fails with
 * EAI_AGAIN, so a test can prove a refusal by showing that no attempt was made, and a bug cannot send a
 * packet off the machine.
 */
export interface Tripwire {
  /** Every TCP connect attempted, loopback or not: "address port". */
  connects: string[];
  /** Connects to a non-loopback address (each was stopped). */
  offMachine: string[];
  /** Host names given to the system resolver (each was stopped). */
  lookups: string[];
  reset(): void;
  restore(): void;
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function installTripwire(): Tripwire {
  // process.binding is deprecated but is the one place every TCP connection of this process passes.
  const { TCP } = (process as unknown as { binding(name: string): { TCP: { prototype: Record<string, (...args: unknown[]) => number> } } }).binding('tcp_wrap');
  const state: Tripwire = {
    connects: [],
    offMachine: [],
    lookups: [],
    reset() {
      state.connects.length = 0;
      state.offMachine.length = 0;
      state.lookups.length = 0;
    },
    restore: () => undefined,
  };
  const restores: (() => void)[] = [];
  for (const name of ['connect', 'connect6']) {
    const real = TCP.prototype[name];
    TCP.prototype[name] = function connect(this: unknown, req: unknown, address: unknown, port: unknown, ...rest: unknown[]) {
      state.connects.push(`${String(address)} ${String(port)}`);
      if (!LOOPBACK.test(String(address))) {
        state.offMachine.push(`${String(address)} ${String(port)}`);
        return -constants.errno.ENETUNREACH;
      }
      return real.call(this, req, address, port, ...rest);
    };
    restores.push(() => (TCP.prototype[name] = real));
  }
  const realLookup = dns.lookup;
  const realPromisesLookup = dns.promises.lookup;
  const refuse = (host: string) => {
    state.lookups.push(host);
    const error: NodeJS.ErrnoException = new Error(`getaddrinfo EAI_AGAIN ${host} (blocked by the test tripwire)`);
    error.code = 'EAI_AGAIN';
    return error;
  };
  // IP literals never reach a DNS server (the server under test listens on one), so they pass.
  (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => {
    if (isIP(host)) return (realLookup as (...args: unknown[]) => void)(host, ...rest);
    const callback = rest[rest.length - 1] as (e: Error) => void;
    process.nextTick(() => callback(refuse(host)));
  };
  (dns.promises as { lookup: unknown }).lookup = async (host: string, ...rest: unknown[]) => {
    if (isIP(host)) return (realPromisesLookup as (...args: unknown[]) => unknown)(host, ...rest);
    throw refuse(host);
  };
  restores.push(() => {
    (dns as { lookup: unknown }).lookup = realLookup;
    (dns.promises as { lookup: unknown }).lookup = realPromisesLookup;
  });
  state.restore = () => restores.forEach((r) => r());
  return state;
}
