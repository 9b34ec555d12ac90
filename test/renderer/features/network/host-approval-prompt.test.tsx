import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeEach, describe, expect, it } from 'vitest';

import { AppError } from '../../../../shared/errors';
import type { HostApprovalRequest, ScanRequest } from '../../../../shared/ipc/scan.contract';
import { defaultSettings, type Settings } from '../../../../shared/settings/settings';
import { HostApprovalPrompt } from '../../../../renderer/features/network/host-approval-prompt';
import { useScanStore } from '../../../../renderer/stores/scan-store';
import { useSettingsStore } from '../../../../renderer/stores/settings-store';
import { createFakeBridge, installFakeBridge, type FakeBridge } from '../../../fakes/fake-bridge';

const meet: HostApprovalRequest = {
  target: 'meet.example.org:443',
  host: 'meet.example.org',
  port: 443,
  purpose: 'connection',
  checkIds: ['connection.quality'],
};
const speed: HostApprovalRequest = {
  target: 'speed.example.net:443',
  host: 'speed.example.net',
  port: 443,
  purpose: 'speed-test',
  checkIds: ['connection.throughput'],
};

let bridge: FakeBridge;
let approved: string[];
let scans: ScanRequest[];

beforeEach(() => {
  approved = [];
  scans = [];
  bridge = createFakeBridge({
    'scan:start': (request) => {
      scans.push(request);
      // Main answers "needs approval" until the address is approved.
      const waiting = [meet, speed].filter(
        (a) => !approved.includes(a.target) && (!request.only || a.checkIds.some((id) => request.only?.includes(id))),
      );
      return {
        scanId: `scan-${scans.length}`,
        checkIds: request.only ?? ['connection.quality', 'connection.throughput'],
        needsApproval: waiting,
      };
    },
    'settings:approve-host': ({ target }) => {
      approved.push(target);
      return { ...defaultSettings, approvedHosts: [...approved] } satisfies Settings;
    },
  });
  installFakeBridge(bridge);
});

async function scanFromWindow() {
  await act(() => useScanStore.getState().start({ platform: 'other', target: 'meet.example.org' }));
}

describe('HostApprovalPrompt', () => {
  it('asks nothing when main contacted only addresses it knows', () => {
    const { container } = render(<HostApprovalPrompt />);
    expect(container.textContent).toBe('');
  });

  it('names the address and why, in plain words, and has no accessibility violations', async () => {
    await scanFromWindow();
    const { container } = render(<HostApprovalPrompt />);
    const prompt = screen.getByRole('region', { name: 'Allow ReadyRoom to contact meet.example.org?' });
    expect(prompt.textContent).toMatch(
      /To time your connection before the session, ReadyRoom opens a few short connections to meet\.example\.org \(port 443\)/,
    );
    expect(prompt.textContent).toMatch(/Nothing about you or your clients is sent/);
    expect(prompt.textContent).toMatch(/withdraw it in Settings/);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('on "Allow and check", remembers the address and runs the waiting check again, then asks about the next', async () => {
    const user = userEvent.setup();
    await scanFromWindow();
    render(<HostApprovalPrompt />);
    await user.click(screen.getByRole('button', { name: 'Allow and check' }));
    expect(bridge.calls.filter((c) => c.channel === 'settings:approve-host').map((c) => c.request)).toEqual([
      { target: 'meet.example.org:443' },
    ]);
    // Run as a re-check of the first scan, so main times the same target and the log takes the new result.
    expect(scans.at(-1)).toEqual({
      platform: 'other',
      target: 'meet.example.org',
      only: ['connection.quality'],
      recheckOf: 'scan-1',
    });
    expect(useSettingsStore.getState().settings.approvedHosts).toEqual(['meet.example.org:443']);
    const next = await screen.findByRole('region', { name: 'Allow ReadyRoom to contact speed.example.net?' });
    expect(next.textContent).toMatch(/For the speed test you turned on in Settings/);
  });

  it('on "Not now", contacts nothing and stops asking about that address', async () => {
    const user = userEvent.setup();
    await scanFromWindow();
    render(<HostApprovalPrompt checkIds={['connection.quality']} />);
    await user.click(screen.getByRole('button', { name: 'Not now' }));
    expect(screen.queryByRole('region')).toBeNull();
    expect(bridge.calls.some((c) => c.channel === 'settings:approve-host')).toBe(false);
    expect(scans).toHaveLength(1);
  });

  it('shows only the addresses the given checks wait for', async () => {
    await scanFromWindow();
    render(<HostApprovalPrompt checkIds={['connection.throughput']} />);
    expect(screen.getByRole('region', { name: 'Allow ReadyRoom to contact speed.example.net?' })).toBeTruthy();
  });

  it('keeps asking, and says why, when the answer could not be saved', async () => {
    bridge.handle('settings:approve-host', () => {
      throw new AppError('DISK_FULL', 'Your settings could not be saved because the disk is full.');
    });
    const user = userEvent.setup();
    await scanFromWindow();
    render(<HostApprovalPrompt />);
    await user.click(screen.getByRole('button', { name: 'Allow and check' }));
    const prompt = screen.getByRole('region', { name: 'Allow ReadyRoom to contact meet.example.org?' });
    expect(await within(prompt).findByRole('alert')).toHaveProperty(
      'textContent',
      'Your settings could not be saved because the disk is full.',
    );
    expect(scans).toHaveLength(1);
  });

  it('forgets earlier questions when a new whole scan starts', async () => {
    await scanFromWindow();
    approved.push('meet.example.org:443', 'speed.example.net:443');
    await scanFromWindow();
    expect(useScanStore.getState().needsApproval).toEqual([]);
  });
});
