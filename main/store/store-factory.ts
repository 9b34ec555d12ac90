import Conf from 'conf';

/** The options ReadyRoom uses for every store, in the app (electron-store) and in Node (conf). */
export interface StoreOptions<T extends Record<string, unknown>> {
  /** File name without extension. */
  readonly name: string;
  /** Folder the file lives in. */
  readonly cwd: string;
  readonly defaults?: T;
  readonly fileExtension?: string;
  readonly serialize?: (value: T) => string;
  readonly deserialize?: (text: string) => T;
}

/** The part of a store ReadyRoom uses; both electron-store and conf provide it. */
export interface KeyValueStore<T extends Record<string, unknown>> {
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
  readonly store: T;
  readonly path: string;
}

export type StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) => KeyValueStore<T>;

/** Settings shared by both engines: user-only file mode, and never wipe a file that fails to parse. */
export function baseStoreOptions<T extends Record<string, unknown>>(options: StoreOptions<T>) {
  return {
    ...options,
    projectName: 'readyroom',
    configFileMode: 0o600,
    clearInvalidConfig: false,
    watch: false,
  } as const;
}

/** conf in plain Node (CLI, test host, tests): the engine under electron-store. */
export const confStoreFactory: StoreFactory = <T extends Record<string, unknown>>(options: StoreOptions<T>) => {
  // electron-store calls the file `name`; its engine conf calls it `configName`.
  const { name, ...rest } = baseStoreOptions(options);
  return new Conf<T>({ ...rest, configName: name }) as unknown as KeyValueStore<T>;
};
