import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';

import { startTestHost } from './test-host';

/** `npm run e2e:host -- --port P --data-dir DIR [--renderer-dir DIR] [--export-dir DIR]` */
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4173' },
    'data-dir': { type: 'string' },
    'renderer-dir': { type: 'string' },
    /** Where exports land (a stand-in for the save dialog). */
    'export-dir': { type: 'string' },
  },
  strict: true,
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !values['data-dir']) {
  process.stderr.write('Usage: npm run e2e:host -- --port P --data-dir DIR [--renderer-dir DIR] [--export-dir DIR]\n');
  process.exit(2);
}
const dataDir = resolve(values['data-dir']);
mkdirSync(dataDir, { recursive: true, mode: 0o700 });

const host = await startTestHost({
  port,
  dataDir,
  rendererDir: values['renderer-dir'] ? resolve(values['renderer-dir']) : undefined,
  ...(values['export-dir'] ? { exportDir: resolve(values['export-dir']) } : {}),
});
// The token is in the fragment: open exactly this address (anything else gets "Forbidden").
process.stdout.write(`ReadyRoom test host listening: open ${host.pageUrl} (data: ${dataDir})\n`);
const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
