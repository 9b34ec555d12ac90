import { createBridge } from '../../shared/ipc/bridge';

/**
 * Test-only: provides window.readyroom in a plain browser, over HTTP to the test host.
 * Requests go to the same handler table the Electron main process registers.
 */
// The host's per-run token arrives in the page's fragment (never sent to a server); it is kept for
// this tab only, so a reload still works, and taken out of the address bar.
const tokenKey = 'readyroom-test-host-token';
const fromFragment = new URLSearchParams(window.location.hash.slice(1)).get('readyroom-token');
if (fromFragment) {
  sessionStorage.setItem(tokenKey, fromFragment);
  history.replaceState(null, '', window.location.pathname + window.location.search);
}
const token = sessionStorage.getItem(tokenKey) ?? '';

const listeners = new Map<string, Set<(payload: unknown) => void>>();
const source = new EventSource(`/__readyroom/events?token=${encodeURIComponent(token)}`);
// Requests wait until the event stream is open, so no pushed event (a scan result) is missed.
const connected = new Promise<void>((resolve) => {
  source.addEventListener('open', () => resolve(), { once: true });
  setTimeout(resolve, 2000);
});
source.addEventListener('message', (message) => {
  const { event, payload } = JSON.parse((message as MessageEvent<string>).data) as { event: string; payload: unknown };
  for (const listener of listeners.get(event) ?? []) listener(payload);
});

const bridge = createBridge({
  async invoke(channel, request) {
    await connected;
    const response = await fetch(`/__readyroom/ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-readyroom-token': token },
      body: JSON.stringify(request),
    });
    return response.json() as Promise<unknown>;
  },
  subscribe(event, listener) {
    const set = listeners.get(event) ?? new Set();
    set.add(listener);
    listeners.set(event, set);
    return () => {
      set.delete(listener);
    };
  },
});

Object.defineProperty(window, 'readyroom', { value: bridge, writable: false, configurable: false });
