import { contextBridge, ipcRenderer } from 'electron';

import { createBridge } from '../../shared/ipc/bridge';

/**
 * Exposes only the contract-derived bridge. ipcRenderer itself and the raw IPC event never
 * reach the page: listeners get the payload alone.
 */
contextBridge.exposeInMainWorld(
  'readyroom',
  createBridge({
    invoke: (channel, request) => ipcRenderer.invoke(channel, request),
    subscribe: (event, listener) => {
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipcRenderer.on(event, wrapped);
      return () => {
        ipcRenderer.removeListener(event, wrapped);
      };
    },
  }),
);
