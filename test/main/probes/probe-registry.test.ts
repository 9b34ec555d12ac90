import { describe, expect, it } from 'vitest';

import { createProbes } from '../../../main/probes/probe-registry';
import { automaticCheckIds } from '../../../shared/checks/check-ids';

describe('probe registry', () => {
  it('registers exactly one probe per automatic check id, in catalog order', () => {
    expect(createProbes().map((p) => p.id)).toEqual(automaticCheckIds);
  });

  it('gives the speed test more time than the default per-probe limit', () => {
    const throughput = createProbes().find((p) => p.id === 'connection.throughput');
    expect(throughput?.timeoutMs).toBeGreaterThan(4000);
  });
});
