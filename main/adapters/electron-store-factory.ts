import ElectronStore from 'electron-store';

import { baseStoreOptions, type KeyValueStore, type StoreFactory, type StoreOptions } from '../store/store-factory';

/** electron-store in the app, with exactly the options conf gets in Node. */
export const electronStoreFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) =>
  new ElectronStore<T>(baseStoreOptions(options)) as unknown as KeyValueStore<T>;
