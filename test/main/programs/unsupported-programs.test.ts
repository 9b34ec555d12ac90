import { describe, expect, it } from 'vitest';

import { createDefaultProgramsService } from '../../../main/cli/cli-services';
import { createUnsupportedProgramsService } from '../../../main/programs/unsupported-programs';

describe('programs on an unsupported OS', () => {
  it('refuses every request with a plain UNAVAILABLE error instead of an empty list', async () => {
    const service = createUnsupportedProgramsService('freebsd');
    for (const call of [
      () => service.list(),
      () => service.close([]),
      () => service.closed(),
      () => service.reopen(),
    ]) {
      await expect(call()).rejects.toMatchObject({ code: 'UNAVAILABLE', message: expect.stringContaining('freebsd') });
    }
  });

  it('is what the CLI gets on such an OS, so it prints the reason rather than a generic failure', async () => {
    const service = createDefaultProgramsService({ dataDir: '/nonexistent', platform: 'aix', env: {} });
    await expect(service.list()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});
