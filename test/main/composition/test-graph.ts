import {
  createServiceGraph,
  type ServiceGraph,
  type ServiceGraphOptions,
} from '../../../main/composition/service-graph';
import { runCommand } from '../../../main/platform/exec';
import { confStoreFactory } from '../../../main/store/store-factory';
import { testKdf } from '../vault/vault-test-kit';

/** The real service graph over `dataDir`, as the test host builds it, with a cheap key derivation. */
export function testGraph(dataDir: string, extra: Partial<ServiceGraphOptions> = {}): ServiceGraph {
  return createServiceGraph({
    dataDir,
    platform: process.platform,
    appVersion: '0.0.0-test',
    exec: runCommand,
    storeFactory: confStoreFactory,
    testHost: true,
    idleLock: false,
    vaultOverrides: { kdf: testKdf },
    ...extra,
  });
}
