'use strict';
/**
 * Loaded with `node --require` in front of impact-pack by no-network.test.ts. Every way out of the machine
 * (TCP and TLS sockets, UDP, DNS, http/https/fetch, child processes that could run curl) is replaced by a
 * tripwire that appends what was attempted to the file named by IMPACT_PACK_TRIPWIRE_LOG and then fails,
 * so an attempt is both recorded and stopped.
 */
const fs = require('node:fs');

const log = process.env.IMPACT_PACK_TRIPWIRE_LOG;
function trip(what) {
  if (log) fs.appendFileSync(log, `${process.argv.slice(2).join(' ')} :: ${what}\n`);
  const error = new Error(`network access blocked by the test tripwire: ${what}`);
  error.code = 'ENETUNREACH';
  throw error;
}

const net = require('node:net');
const realConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connect(...args) {
  const target = args[0];
  // Local IPC (a pipe path) is not the network; everything with a port or host is.
  if (typeof target === 'object' && target && target.path && !target.port) return realConnect.apply(this, args);
  if (typeof target === 'string' && !/^\d+$/.test(target)) return realConnect.apply(this, args);
  return trip(`socket connect ${JSON.stringify(target)}`);
};

const tls = require('node:tls');
tls.connect = (...args) => trip(`tls connect ${JSON.stringify(args[0])}`);

const dgram = require('node:dgram');
dgram.Socket.prototype.send = function send() {
  return trip('udp send');
};

const dns = require('node:dns');
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveCname', 'resolveMx', 'resolveTxt', 'reverse']) {
  const real = dns[name];
  // Listening on the loopback address (impact-pack review) looks the literal 127.0.0.1 up: no query leaves the machine.
  if (typeof real === 'function') dns[name] = (host, ...rest) => (name === 'lookup' && host === '127.0.0.1' ? real.call(dns, host, ...rest) : trip(`dns ${name} ${host}`));
  if (dns.promises && typeof dns.promises[name] === 'function') dns.promises[name] = async (host) => trip(`dns ${name} ${host}`);
}

for (const module of ['node:http', 'node:https']) {
  const lib = require(module);
  lib.request = (target) => trip(`${module} request ${String(target && target.href ? target.href : target)}`);
  lib.get = (target) => trip(`${module} get ${String(target && target.href ? target.href : target)}`);
}

globalThis.fetch = async (target) => trip(`fetch ${String(target)}`);

const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  const real = childProcess[name];
  childProcess[name] = function guarded(command, ...rest) {
    if (log) fs.appendFileSync(log, `${process.argv.slice(2).join(' ')} :: child process ${name} ${command}\n`);
    return real.call(this, command, ...rest);
  };
}
