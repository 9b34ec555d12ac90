import { describe, expect, it } from 'vitest';

import { trayMenuModel, type TrayMenuItem } from '../../../shared/tray/tray-menu-model';

const labels = (items: TrayMenuItem[]) => items.map((item) => (item.kind === 'separator' ? '—' : item.label));
const base = { nextSession: null, quickCheckRunning: false, vaultUnlocked: true };

describe('trayMenuModel', () => {
  it('lists the checks, the screens, Lock logs and Quit, in order', () => {
    expect(labels(trayMenuModel(base))).toEqual([
      'Check readiness now…',
      'Quick check',
      'Crisis card…',
      '—',
      'Past logs',
      'Settings',
      'Lock logs',
      '—',
      'Quit ReadyRoom',
    ]);
  });

  it('shows the next scheduled session when there is one, after the checks', () => {
    const items = trayMenuModel({ ...base, nextSession: { label: 'today at 14:00' } });
    expect(labels(items).slice(0, 4)).toEqual([
      'Check readiness now…',
      'Quick check',
      '—',
      'Next session: today at 14:00',
    ]);
    expect(items[3]).toMatchObject({ kind: 'item', command: 'next-session', enabled: true });
  });

  it('always offers the crisis card, after the next session when there is one', () => {
    const items = trayMenuModel({ ...base, nextSession: { label: 'today at 14:00' } });
    expect(labels(items)[4]).toBe('Crisis card…');
    expect(items[4]).toMatchObject({ kind: 'item', command: 'crisis', enabled: true });
  });

  it('has no session entry when none is planned', () => {
    expect(trayMenuModel(base).some((item) => item.kind === 'item' && item.command === 'next-session')).toBe(false);
  });

  it('greys out Quick check while one is running, saying so', () => {
    const quick = trayMenuModel({ ...base, quickCheckRunning: true }).find(
      (item) => item.kind === 'item' && item.command === 'quick',
    );
    expect(quick).toEqual({ kind: 'item', command: 'quick', label: 'Quick check: checking…', enabled: false });
  });

  it('greys out Lock logs while the logs are locked or not set up', () => {
    const lock = trayMenuModel({ ...base, vaultUnlocked: false }).find(
      (item) => item.kind === 'item' && item.command === 'lock',
    );
    expect(lock).toEqual({ kind: 'item', command: 'lock', label: 'Lock logs', enabled: false });
  });

  it('gives every entry a distinct command', () => {
    const commands = trayMenuModel({ ...base, nextSession: { label: 'x' } }).flatMap((item) =>
      item.kind === 'item' ? [item.command] : [],
    );
    expect(new Set(commands).size).toBe(commands.length);
  });
});
