// Loaded with `node --import` before the CLI: reports (on stderr, "ISOLATION: …") and refuses every
// command, network use, host figure, and file access outside READYROOM_GUARD_ALLOW.
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve, sep } from 'node:path';

const require = createRequire(import.meta.url);
const allowed = (process.env.READYROOM_GUARD_ALLOW ?? '')
  .split(delimiter)
  .filter(Boolean)
  .map((p) => resolve(p));
const tsxCache = join(tmpdir(), 'tsx-');

function refuse(what: string): never {
  process.stderr.write(`ISOLATION: ${what}\n`);
  throw new Error(`isolation guard: ${what}`);
}

type AnyFn = (...args: unknown[]) => unknown;
function wrap(target: Record<string, unknown>, name: string, check: (args: unknown[]) => void): void {
  const original = target[name];
  if (typeof original !== 'function') return;
  target[name] = function guarded(this: unknown, ...args: unknown[]) {
    check(args);
    return (original as AnyFn).apply(this, args);
  };
}

const checkPath = (args: unknown[]) => {
  const first = args[0];
  if (typeof first !== 'string' && !(first instanceof URL) && !Buffer.isBuffer(first)) return;
  const path = resolve(first instanceof URL ? first.pathname : String(first));
  if (path.startsWith(tsxCache)) return;
  if (!allowed.some((a) => path === a || path.startsWith(a + sep))) refuse(`file ${path}`);
};
const never = (what: string) => (args: unknown[]) => refuse(`${what} ${String(args[0] ?? '')}`);

const fs = require('node:fs') as Record<string, unknown> & { promises: Record<string, unknown> };
const fileCalls = ['readFile', 'readdir', 'stat', 'lstat', 'open', 'access', 'realpath', 'opendir', 'readlink'];
for (const name of fileCalls) {
  wrap(fs, name, checkPath);
  wrap(fs, `${name}Sync`, checkPath);
  wrap(fs.promises, name, checkPath);
}
wrap(fs, 'existsSync', checkPath);
wrap(fs, 'createReadStream', checkPath);

const cp = require('node:child_process') as Record<string, unknown>;
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  wrap(cp, name, never(`child_process.${name}`));
}
const net = require('node:net') as Record<string, unknown> & { Socket: { prototype: Record<string, unknown> } };
wrap(net, 'connect', never('net.connect'));
wrap(net, 'createConnection', never('net.createConnection'));
wrap(net.Socket.prototype, 'connect', never('socket.connect'));
const dns = require('node:dns') as Record<string, unknown> & { promises: Record<string, unknown> };
for (const name of ['lookup', 'resolve', 'resolve4', 'resolve6']) {
  wrap(dns, name, never(`dns.${name}`));
  wrap(dns.promises, name, never(`dns.${name}`));
}
for (const mod of ['node:http', 'node:https']) {
  const m = require(mod) as Record<string, unknown>;
  wrap(m, 'request', never(`${mod} request`));
  wrap(m, 'get', never(`${mod} get`));
}
wrap(require('node:dgram') as Record<string, unknown>, 'createSocket', never('dgram.createSocket'));
const os = require('node:os') as Record<string, unknown>;
for (const name of ['cpus', 'networkInterfaces', 'loadavg', 'freemem', 'totalmem', 'uptime'])
  wrap(os, name, never(`os.${name}`));
globalThis.fetch = (async (input: unknown) => refuse(`fetch ${String(input)}`)) as typeof fetch;
syncBuiltinESMExports();
