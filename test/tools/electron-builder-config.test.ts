/**
 * electron-builder cannot package here (it downloads Electron and tools from GitHub), so this test checks
 * electron-builder.yml with electron-builder's own code instead: its JSON schema, its config validator and
 * its file matcher, loaded from the installed electron-builder so the versions always agree.
 */
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { allTrayIconFiles } from '../../shared/tray/tray-state';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// app-builder-lib is electron-builder's engine; resolve it, and its own ajv and js-yaml, through electron-builder.
const projectRequire = createRequire(join(root, 'package.json'));
const libRequire = createRequire(
  createRequire(projectRequire.resolve('electron-builder/package.json')).resolve('app-builder-lib/package.json'),
);

type AjvError = { instancePath: string; message?: string; params: Record<string, unknown> };
type ValidateFn = ((data: unknown) => boolean) & { errors?: AjvError[] | null };
type AjvClass = new (options: Record<string, unknown>) => { compile(schema: unknown): ValidateFn };
type Filter = (file: string, stat: Stats) => boolean;
type FileMatcher = { from: string; to: string; createFilter(): Filter };

const Ajv = (libRequire('ajv') as { default: AjvClass }).default;
const yaml = libRequire('js-yaml') as { load(text: string): unknown };
const schema: unknown = libRequire('./scheme.json');
const { validateConfiguration } = libRequire('./out/util/config/config') as {
  validateConfiguration(config: unknown, debugLogger: { isEnabled: boolean; add(): void }): Promise<void>;
};
const { getMainFileMatchers, getFileMatchers } = libRequire('./out/fileMatcher') as {
  getMainFileMatchers(
    appDir: string,
    destination: string,
    macroExpander: (pattern: string) => string,
    platformOptions: object,
    platformPackager: object,
    outDir: string,
    isElectronCompile: boolean,
  ): FileMatcher[];
  getFileMatchers(
    config: object,
    name: 'extraResources',
    destination: string,
    options: {
      macroExpander: (p: string) => string;
      customBuildOptions: object;
      globalOutDir: string;
      defaultSrc: string;
    },
  ): FileMatcher[] | null;
};

type FileSet = { from?: string; to?: string; filter?: string | string[] };
type BuilderConfig = {
  appId?: string;
  productName?: string;
  directories?: { output?: string; buildResources?: string };
  files?: (string | FileSet)[];
  asar?: unknown;
  asarUnpack?: unknown;
  extraResources?: (string | FileSet)[];
  electronFuses?: Record<string, unknown>;
  mac?: {
    target?: { target: string }[];
    hardenedRuntime?: unknown;
    entitlements?: string;
    entitlementsInherit?: string;
    icon?: string;
    extendInfo?: Record<string, unknown>;
  };
  win?: { target?: { target: string }[]; icon?: string };
  nsis?: { deleteAppDataOnUninstall?: unknown };
  linux?: { target?: string[]; icon?: string; category?: string; maintainer?: string };
};

const configText = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
const config = yaml.load(configText) as BuilderConfig;
const platforms = ['mac', 'win', 'linux'] as const;

let compiled: ValidateFn | undefined;

function validateAgainstSchema(candidate: unknown): string[] {
  // No type coercion (electron-builder coerces): a quoted "true" should fail here, not be read as true.
  compiled ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  const validate = compiled;
  if (validate(candidate)) return [];
  return (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`);
}

/** Walks a folder the way electron-builder's copier does: a directory the filter rejects is not entered. */
function selectedFiles(matcher: FileMatcher): string[] {
  const filter = matcher.createFilter();
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      const stat = statSync(full);
      if (!filter(full, stat)) continue;
      if (stat.isDirectory()) walk(full);
      else found.push(relative(matcher.from, full).split(sep).join('/'));
    }
  };
  walk(matcher.from);
  return found;
}

function appFileMatcher(projectDir: string, platform: (typeof platforms)[number]): FileMatcher {
  const packager = {
    info: {
      isPrepackedAppAsar: false,
      config,
      projectDir,
      buildResourcesDir: join(projectDir, config.directories?.buildResources ?? 'build'),
      debugLogger: { isEnabled: false, add: () => undefined },
    },
  };
  const outDir = join(projectDir, config.directories?.output ?? 'dist');
  const matchers = getMainFileMatchers(projectDir, '/app', (p) => p, config[platform] ?? {}, packager, outDir, false);
  expect(matchers).toHaveLength(1);
  return matchers[0]!;
}

describe('electron-builder.yml', () => {
  it("is valid against electron-builder's JSON schema (scheme.json)", () => {
    expect(validateAgainstSchema(config)).toEqual([]);
  });

  it("passes electron-builder's own configuration check, the one a build runs", async () => {
    await expect(
      validateConfiguration(structuredClone(config), { isEnabled: false, add: () => undefined }),
    ).resolves.toBeUndefined();
  });

  it('would catch a misspelt option, so the schema check is not vacuous', () => {
    const misspelt = structuredClone(config) as BuilderConfig & { mac: Record<string, unknown> };
    misspelt.mac.hardenedRuntme = true;
    expect(validateAgainstSchema(misspelt).join('\n')).toMatch(/\/mac .*hardenedRuntme/);
    const badFuse = structuredClone(config) as BuilderConfig & {
      electronFuses: Record<string, unknown>;
    };
    badFuse.electronFuses.runAsnode = false;
    expect(validateAgainstSchema(badFuse).join('\n')).toMatch(/runAsnode/);
    expect(validateAgainstSchema({ ...config, asar: 'yes' })).not.toEqual([]);
  });

  it('is the configuration electron-builder reads: package.json has no "build" key to override it', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(pkg).not.toHaveProperty('build');
  });

  it('has the package.json metadata the deb target requires (homepage, maintainer email)', () => {
    // Without a homepage electron-builder stops the deb build with "Please specify project homepage".
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      homepage?: unknown;
    };
    expect(typeof pkg.homepage, 'package.json needs a "homepage" for the deb target').toBe('string');
    expect(config.linux?.maintainer).toMatch(/<[^@\s>]+@[^@\s>]+>/);
  });

  it('names the app and writes packages to release/', () => {
    expect(config.appId).toBe('org.readyroom.app');
    expect(config.productName).toBe('ReadyRoom');
    expect(config.directories?.output).toBe('release');
  });

  it('sets the release fuses from the security checklist', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('packs the app into an asar archive with nothing unpacked', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack).toBeUndefined();
  });

  it('configures no publishing or update feed anywhere, since the app never checks for updates', () => {
    const publishValues: unknown[] = [];
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(visit);
      else if (node && typeof node === 'object') {
        for (const [key, value] of Object.entries(node)) {
          if (key === 'publish') publishValues.push(value);
          visit(value);
        }
      }
    };
    visit(config);
    expect(publishValues).toEqual([null]);
    expect(configText).not.toMatch(/https?:\/\//);
  });

  it('builds nsis for Windows, dmg for macOS, AppImage and deb for Linux', () => {
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis']);
    expect(config.mac?.target?.map((t) => t.target)).toEqual(['dmg']);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBeTruthy();
  });

  it('keeps the readiness log when the app is uninstalled on Windows', () => {
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('points at icon files that exist', () => {
    for (const icon of [config.mac?.icon, config.win?.icon, config.linux?.icon]) {
      expect(icon).toBeTruthy();
      expect(statSync(join(root, icon!)).size).toBeGreaterThan(0);
    }
  });
});

describe('macOS signing settings', () => {
  const entitlementKeys = (file: string): Record<string, boolean> => {
    const xml = readFileSync(join(root, file), 'utf8').replace(/<!--[\s\S]*?-->/g, '');
    const keys: Record<string, boolean> = {};
    for (const match of xml.matchAll(/<key>([^<]+)<\/key>\s*<(true|false)\s*\/>/g))
      keys[match[1]!] = match[2] === 'true';
    return keys;
  };

  it('signs with the hardened runtime and our entitlements for the app and its helpers', () => {
    expect(config.mac?.hardenedRuntime).toBe(true);
    expect(config.mac?.entitlements).toBe('assets/entitlements.mac.plist');
    // Without entitlementsInherit electron-builder signs helpers with its template, which is far broader.
    expect(config.mac?.entitlementsInherit).toBe('assets/entitlements.mac.plist');
  });

  it('grants JIT, camera, microphone and Apple Events, and none of the broad exceptions', () => {
    expect(entitlementKeys('assets/entitlements.mac.plist')).toEqual({
      'com.apple.security.cs.allow-jit': true,
      'com.apple.security.device.camera': true,
      'com.apple.security.device.audio-input': true,
      'com.apple.security.automation.apple-events': true,
    });
  });

  it.each(['NSCameraUsageDescription', 'NSMicrophoneUsageDescription', 'NSAppleEventsUsageDescription'])(
    'explains %s to the user in a full sentence',
    (key) => {
      const text = config.mac?.extendInfo?.[key];
      expect(typeof text).toBe('string');
      expect(text as string).toMatch(/^ReadyRoom .{30,}\.$/s);
    },
  );

  it('starts as a menu-bar app without a Dock icon', () => {
    expect(config.mac?.extendInfo?.LSUIElement).toBe(true);
  });
});

describe('files packed into app.asar', () => {
  const fixtureRoot = mkdtempSync(join(tmpdir(), 'readyroom-builder-files-'));
  afterAll(() => rmSync(fixtureRoot, { recursive: true, force: true }));

  // A project tree with one file of each kind that must stay out, plus the build output that must go in.
  const tree = [
    'package.json',
    'package-lock.json',
    'electron-builder.yml',
    'tsconfig.json',
    'vitest.config.ts',
    'eslint.config.mjs',
    'README.md',
    '.ci/run',
    '.env',
    'main/index.ts',
    'main/tsconfig.json',
    'main/preload/index.ts',
    'renderer/index.html',
    'renderer/main.tsx',
    'shared/ipc/contract.ts',
    'test/main/index.test.ts',
    'test/fixtures/exec/linux-ps.txt',
    'docs/architecture.md',
    'assets/icon.png',
    'assets/tray-readyTemplate.png',
    'assets/src/icon.svg',
    'release/linux-unpacked/readyroom',
    'coverage/index.html',
    'out/main/index.js',
    'out/main/index.js.map',
    'out/main/chunks/vault-abc123.js',
    'out/preload/index.cjs',
    'out/preload/index.cjs.map',
    'out/renderer/index.html',
    'out/renderer/assets/index-abc123.js',
    'out/renderer/assets/index-abc123.js.map',
    'out/renderer/assets/index-abc123.css',
    'out/main/leaked-source.ts',
  ];
  for (const file of tree) {
    mkdirSync(dirname(join(fixtureRoot, file)), { recursive: true });
    writeFileSync(join(fixtureRoot, file), file === 'package.json' ? '{}' : 'x');
  }

  it.each(platforms)('selects only the build output and package.json (%s)', (platform) => {
    expect(selectedFiles(appFileMatcher(fixtureRoot, platform))).toEqual([
      'out/main/chunks/vault-abc123.js',
      'out/main/index.js',
      'out/preload/index.cjs',
      'out/renderer/assets/index-abc123.css',
      'out/renderer/assets/index-abc123.js',
      'out/renderer/index.html',
      'package.json',
    ]);
  });

  it('selects nothing but out/ and package.json from the real checkout', () => {
    const files = selectedFiles(appFileMatcher(root, 'linux'));
    expect(files).toContain('package.json');
    const unexpected = files.filter((f) => f !== 'package.json' && !(f.startsWith('out/') && !f.endsWith('.map')));
    expect(unexpected).toEqual([]);
  });
});

describe('tray icons shipped as extra resources', () => {
  const expected = [...allTrayIconFiles()].sort();

  it.each(platforms)('copies every tray icon to <resources>/assets (%s)', (platform) => {
    const resources = join(root, 'fake-resources');
    const matchers = getFileMatchers(config, 'extraResources', resources, {
      macroExpander: (p) => p,
      customBuildOptions: config[platform] ?? {},
      globalOutDir: join(root, 'release'),
      defaultSrc: root,
    });
    expect(matchers).toHaveLength(1);
    const matcher = matchers![0]!;
    expect(relative(resources, matcher.to)).toBe('assets');
    expect(selectedFiles(matcher)).toEqual(expected);
  });
});
