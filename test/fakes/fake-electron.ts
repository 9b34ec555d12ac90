import { EventEmitter } from 'node:events';

import type {
  BrowserWindowConstructorOptions,
  IpcMain,
  IpcMainInvokeEvent,
  MenuItemConstructorOptions,
  Protocol,
  Session,
  WebContents,
} from 'electron';

/**
 * Hand-written stand-ins for the parts of Electron ReadyRoom touches. The Electron binary
 * cannot run here, so main-process edge code is exercised against these instead.
 */

/** A frame as an IPC event describes it: its URL and its parent (null for the top frame). */
export interface FakeFrame {
  readonly url: string;
  readonly parent: FakeFrame | null;
}

export const topFrame = (url: string): FakeFrame => ({ url, parent: null });
export const subFrame = (url: string, parentUrl = 'app://bundle/index.html'): FakeFrame => ({
  url,
  parent: topFrame(parentUrl),
});

let nextWebContentsId = 1;

/** A webContents that records what main sends it and which guards were installed. */
export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++;
  readonly sent: { readonly channel: string; readonly args: readonly unknown[] }[] = [];
  windowOpenHandler: Parameters<WebContents['setWindowOpenHandler']>[0] | null = null;
  private destroyed = false;

  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  destroy(): void {
    this.destroyed = true;
  }
  setWindowOpenHandler(handler: Parameters<WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  /** This fake where an API takes Electron's WebContents. */
  asWebContents(): WebContents {
    return this as unknown as WebContents;
  }
}

/** An `ipcMain.handle` event from `sender`, sent by `frame` (null: the frame is gone). */
export function fakeInvokeEvent(sender: FakeWebContents, frame: FakeFrame | null): IpcMainInvokeEvent {
  return {
    sender: sender.asWebContents(),
    senderFrame: frame,
    processId: 1,
    frameId: 1,
  } as unknown as IpcMainInvokeEvent;
}

export type InvokeListener = Parameters<IpcMain['handle']>[1];

/** Records `handle` registrations like Electron does, including its refusal of a second handler. */
export class FakeIpcMain implements Pick<IpcMain, 'handle' | 'removeHandler'> {
  readonly handlers = new Map<string, InvokeListener>();
  /** `ipcMain.on` listeners (electron-store registers one). */
  readonly listeners = new Map<string, ((...args: unknown[]) => void)[]>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
  on(channel: string, listener: (...args: unknown[]) => void): this {
    this.listeners.set(channel, [...(this.listeners.get(channel) ?? []), listener]);
    return this;
  }
  removeAllListeners(channel?: string): this {
    if (channel === undefined) this.listeners.clear();
    else this.listeners.delete(channel);
    return this;
  }
  /** Calls the registered handler as `ipcRenderer.invoke(channel, ...args)` would. */
  async invoke(channel: string, event: IpcMainInvokeEvent, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return (await handler(event, ...args)) as unknown;
  }
}

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type CheckHandler = NonNullable<Parameters<Session['setPermissionCheckHandler']>[0]>;
type DeviceHandler = NonNullable<Parameters<Session['setDevicePermissionHandler']>[0]>;
export type RequestPermission = Parameters<RequestHandler>[1];
export type CheckPermission = Parameters<CheckHandler>[1];
export type RequestDetails = Parameters<RequestHandler>[3];
export type CheckDetails = Parameters<CheckHandler>[3];
export type DeviceDetails = Parameters<DeviceHandler>[0];

/** A session that keeps the permission handlers and lets a test ask them as Chromium would. */
export class FakeSession implements Pick<
  Session,
  'setPermissionRequestHandler' | 'setPermissionCheckHandler' | 'setDevicePermissionHandler'
> {
  requestHandler: RequestHandler | null = null;
  checkHandler: CheckHandler | null = null;
  deviceHandler: DeviceHandler | null = null;

  setPermissionRequestHandler(handler: RequestHandler | null): void {
    this.requestHandler = handler;
  }
  setPermissionCheckHandler(handler: CheckHandler | null): void {
    this.checkHandler = handler;
  }
  setDevicePermissionHandler(handler: DeviceHandler | null): void {
    this.deviceHandler = handler;
  }
  /** Resolves with what the request handler answered (Chromium's default is to grant when no handler is set). */
  request(contents: FakeWebContents, permission: RequestPermission, details: RequestDetails): Promise<boolean> {
    const handler = this.requestHandler;
    if (!handler) return Promise.resolve(true);
    return new Promise((resolve) => handler(contents.asWebContents(), permission, resolve, details));
  }
  check(contents: FakeWebContents | null, permission: CheckPermission, origin: string, details: CheckDetails): boolean {
    if (!this.checkHandler) return true;
    return this.checkHandler(contents ? contents.asWebContents() : null, permission, origin, details);
  }
  device(details: DeviceDetails): boolean {
    return this.deviceHandler ? this.deviceHandler(details) : true;
  }
}

type ProtocolHandler = Parameters<Protocol['handle']>[1];
type PrivilegedSchemes = Parameters<Protocol['registerSchemesAsPrivileged']>[0];

export class FakeProtocol implements Pick<Protocol, 'handle' | 'registerSchemesAsPrivileged'> {
  readonly handlers = new Map<string, ProtocolHandler>();
  readonly privileged: PrivilegedSchemes[number][] = [];
  constructor(private readonly log: string[] = []) {}

  registerSchemesAsPrivileged(schemes: PrivilegedSchemes): void {
    this.log.push('protocol.registerSchemesAsPrivileged');
    this.privileged.push(...schemes);
  }
  handle(scheme: string, handler: ProtocolHandler): void {
    this.log.push('protocol.handle');
    this.handlers.set(scheme, handler);
  }
  /** Fetches a URL through the registered handler of its scheme. */
  async fetch(url: string): Promise<Response> {
    const scheme = new URL(url).protocol.slice(0, -1);
    const handler = this.handlers.get(scheme);
    if (!handler) throw new Error(`No handler for ${scheme}:`);
    return handler(new Request(url));
  }
}

/** A window: `close()` runs the 'close' listeners and only closes when none prevented it. */
export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  readonly loadedUrls: string[] = [];
  visible = false;
  minimized = false;
  focused = false;
  maximized = false;
  bounds = { x: 80, y: 60, width: 980, height: 760 };
  minimumSize: [number, number] = [640, 560];
  alwaysOnTop: { readonly flag: boolean; readonly level?: string } = { flag: false };
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrls.push(url);
    return Promise.resolve();
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  unmaximize(): void {
    this.maximized = false;
  }
  getBounds(): { x: number; y: number; width: number; height: number } {
    return { ...this.bounds };
  }
  setBounds(bounds: Partial<{ x: number; y: number; width: number; height: number }>): void {
    this.bounds = { ...this.bounds, ...bounds };
  }
  getMinimumSize(): number[] {
    return [...this.minimumSize];
  }
  setMinimumSize(width: number, height: number): void {
    this.minimumSize = [width, height];
  }
  setAlwaysOnTop(flag: boolean, level?: string): void {
    this.alwaysOnTop = level === undefined ? { flag } : { flag, level };
  }
  restore(): void {
    this.minimized = false;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Returns true when the window really closed. */
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => void (prevented = true) });
    if (prevented) return false;
    this.destroyed = true;
    this.webContents.destroy();
    this.emit('closed');
    return true;
  }
}

export interface FakeMenu {
  readonly template: readonly MenuItemConstructorOptions[];
}

export interface FakeImage {
  readonly path: string;
  template: boolean;
  setTemplateImage(value: boolean): void;
}

export class FakeTray extends EventEmitter {
  tooltip = '';
  menu: FakeMenu | null = null;
  private destroyed = false;
  constructor(public image: FakeImage) {
    super();
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setContextMenu(menu: FakeMenu): void {
    this.menu = menu;
  }
  setImage(image: FakeImage): void {
    this.image = image;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

/** A native notification: records what was shown; `emit('click')` is the user clicking it. */
export class FakeNotification extends EventEmitter {
  static supported = true;
  static readonly instances: FakeNotification[] = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  shown = false;
  constructor(readonly options: { readonly title: string; readonly body: string; readonly silent?: boolean }) {
    super();
    FakeNotification.instances.push(this);
  }
  show(): void {
    this.shown = true;
  }
  static reset(): void {
    FakeNotification.supported = true;
    FakeNotification.instances.length = 0;
  }
}

/** Electron's login item settings as the OS keeps them, with every call recorded. */
export class FakeLoginItems {
  readonly setCalls: Record<string, unknown>[] = [];
  readonly getCalls: (Record<string, unknown> | undefined)[] = [];
  openAtLogin = false;
  wasOpenedAtLogin = false;
  status: 'not-registered' | 'enabled' | 'requires-approval' | 'not-found' = 'not-registered';
  /** Turned off in Task Manager's Startup tab (Windows). */
  disabledByUser = false;
  setLoginItemSettings(settings: Record<string, unknown>): void {
    this.setCalls.push(settings);
    this.openAtLogin = settings.openAtLogin === true;
    this.status = this.openAtLogin ? 'enabled' : 'not-registered';
  }
  getLoginItemSettings(options?: Record<string, unknown>) {
    this.getCalls.push(options);
    return {
      openAtLogin: this.openAtLogin,
      wasOpenedAtLogin: this.wasOpenedAtLogin,
      status: this.status,
      executableWillLaunchAtLogin: this.openAtLogin && !this.disabledByUser,
      launchItems: [],
    };
  }
}

/** Records what the preload exposes to the page. */
export class FakeContextBridge {
  readonly exposed = new Map<string, unknown>();
  exposeInMainWorld(key: string, api: unknown): void {
    if (this.exposed.has(key)) throw new Error(`Cannot bind an API on top of an existing property: ${key}`);
    this.exposed.set(key, api);
  }
}

/** ipcRenderer: `invoke` answers from `answer` and records; `on`/`removeListener` are real listeners. */
export class FakeIpcRenderer extends EventEmitter {
  readonly invocations: { readonly channel: string; readonly args: readonly unknown[] }[] = [];
  answer: (channel: string, ...args: unknown[]) => unknown = () => ({ ok: true, value: null });
  readonly sendCalls: unknown[][] = [];

  invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    this.invocations.push({ channel, args });
    return Promise.resolve(this.answer(channel, ...args));
  }
  send(...args: unknown[]): void {
    this.sendCalls.push(args);
  }
}

export interface FakeElectronOptions {
  /** What `app.getPath('userData')` returns: give it a temp dir. */
  readonly userData: string;
  readonly appPath?: string;
  /** What `app.requestSingleInstanceLock()` returns. */
  readonly gotLock?: boolean;
  /** Resolves `app.whenReady()`; already resolved by default. */
  readonly ready?: Promise<void>;
  readonly isPackaged?: boolean;
  readonly version?: string;
  /** safeStorage's Linux backend; 'none' means encryption is unavailable. */
  readonly keychainBackend?: string;
}

/** The whole electron module, fresh per scenario. `module` is what `vi.doMock('electron', …)` returns. */
export function createFakeElectron(options: FakeElectronOptions) {
  /** Notable calls in order, to assert what happens before `ready`. */
  const calls: string[] = [];
  /** Errors thrown by whatever ran after `whenReady()` (the start-up code), caught so they do not go unhandled. */
  const startupErrors: unknown[] = [];
  const windows: FakeBrowserWindow[] = [];
  const trays: FakeTray[] = [];
  const ready = options.ready ?? Promise.resolve();
  let exitCode: number | null = null;
  let quitCount = 0;
  const loginItems = new FakeLoginItems();

  const app = Object.assign(new EventEmitter(), {
    setLoginItemSettings: (settings: Record<string, unknown>) => loginItems.setLoginItemSettings(settings),
    getLoginItemSettings: (loginOptions?: Record<string, unknown>) => loginItems.getLoginItemSettings(loginOptions),
    isPackaged: options.isPackaged ?? false,
    enableSandbox(): void {
      calls.push('app.enableSandbox');
    },
    requestSingleInstanceLock(): boolean {
      calls.push('app.requestSingleInstanceLock');
      return options.gotLock ?? true;
    },
    /** A thenable, so the callbacks main chains on it can be observed. */
    whenReady() {
      calls.push('app.whenReady');
      return {
        then<A, B = never>(onReady?: () => A | PromiseLike<A>, onError?: (error: unknown) => B | PromiseLike<B>) {
          const derived = ready.then(
            onReady
              ? () => {
                  calls.push('ready');
                  return onReady();
                }
              : undefined,
            onError,
          );
          derived.catch((error: unknown) => void startupErrors.push(error));
          return derived;
        },
      };
    },
    getPath(name: string): string {
      return name === 'userData' ? options.userData : `${options.userData}/${name}`;
    },
    getVersion: (): string => options.version ?? '1.2.3',
    getName: (): string => 'ReadyRoom',
    getAppPath: (): string => options.appPath ?? process.cwd(),
    quit(): void {
      quitCount += 1;
      calls.push('app.quit');
    },
    exit(code = 0): void {
      exitCode = code;
      calls.push('app.exit');
    },
    focus(): void {
      calls.push('app.focus');
    },
    getAppMetrics: (): { pid: number }[] => [{ pid: process.pid }],
  });

  const protocol = new FakeProtocol(calls);
  const session = { defaultSession: new FakeSession() };
  const ipcMain = new FakeIpcMain();
  const opened: string[] = [];
  const shell = {
    openExternal: (url: string): Promise<void> => {
      opened.push(url);
      return Promise.resolve();
    },
    openPath: (): Promise<string> => Promise.resolve(''),
  };
  const nativeTheme = Object.assign(new EventEmitter(), { shouldUseDarkColors: false });
  const nativeImage = {
    createFromPath: (path: string): FakeImage => ({
      path,
      template: false,
      setTemplateImage(value: boolean) {
        this.template = value;
      },
    }),
  };
  const Menu = { buildFromTemplate: (template: MenuItemConstructorOptions[]): FakeMenu => ({ template }) };
  class BrowserWindow extends FakeBrowserWindow {
    constructor(windowOptions?: BrowserWindowConstructorOptions) {
      super(windowOptions);
      windows.push(this);
    }
  }
  class Tray extends FakeTray {
    constructor(image: FakeImage) {
      super(image);
      trays.push(this);
    }
  }
  const powerMonitor = new EventEmitter();
  /** safeStorage as on a Linux desktop with a keyring; base64 stands in for real encryption. */
  const safeStorage = {
    isEncryptionAvailable: (): boolean => options.keychainBackend !== 'none',
    getSelectedStorageBackend: (): string => options.keychainBackend ?? 'gnome_libsecret',
    encryptString: (plain: string): Buffer => Buffer.from(`sealed:${plain}`),
    decryptString: (cipher: Buffer): string => cipher.toString().replace(/^sealed:/, ''),
  };
  const dialogPaths: { save: string | null; open: string | null } = { save: null, open: null };
  const dialog = {
    showSaveDialog: (): Promise<{ canceled: boolean; filePath?: string }> =>
      Promise.resolve(dialogPaths.save ? { canceled: false, filePath: dialogPaths.save } : { canceled: true }),
    showOpenDialog: (): Promise<{ canceled: boolean; filePaths: string[] }> =>
      Promise.resolve(
        dialogPaths.open ? { canceled: false, filePaths: [dialogPaths.open] } : { canceled: true, filePaths: [] },
      ),
  };
  const contextBridge = new FakeContextBridge();
  const ipcRenderer = new FakeIpcRenderer();

  const members = {
    app,
    protocol,
    session,
    ipcMain,
    shell,
    nativeTheme,
    nativeImage,
    Menu,
    BrowserWindow,
    Tray,
    contextBridge,
    ipcRenderer,
    powerMonitor,
    safeStorage,
    dialog,
    Notification: FakeNotification,
  };
  return {
    loginItems,
    ...members,
    dialogPaths,
    calls,
    startupErrors,
    windows,
    trays,
    opened,
    get exitCode() {
      return exitCode;
    },
    get quitCount() {
      return quitCount;
    },
    /** The module object for `vi.mock`/`vi.doMock`: electron-store imports the default export. */
    module: { default: members, ...members },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
