import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { startE2eSession, type E2eSession } from './support/e2e-session';
import { screenshot, seriousAxeViolations, tabTo } from './support/wizard-e2e-helpers';

const run = promisify(execFile);
const autoplay = '--autoplay-policy=no-user-gesture-required';

/**
 * Watches, from inside the page, what the echo test does with the recording: every MediaRecorder and a weak
 * reference to every chunk it hands out, object URLs, the microphone opened for it and playbacks. Installed before the
 * app loads; it changes nothing the app sees.
 */
function installProbe(): void {
  const probe = {
    recorders: [] as MediaRecorder[],
    chunks: [] as WeakRef<Blob>[],
    objectUrls: 0,
    /** Streams opened without the call apps' audio processing: the echo test's own. */
    rawAudio: [] as MediaStream[],
    playbacks: 0,
  };
  (window as unknown as { __echoProbe: typeof probe }).__echoProbe = probe;
  const Recorder = window.MediaRecorder;
  window.MediaRecorder = class extends Recorder {
    constructor(...args: ConstructorParameters<typeof MediaRecorder>) {
      super(...args);
      probe.recorders.push(this);
      this.addEventListener('dataavailable', (event) => probe.chunks.push(new WeakRef(event.data)));
    }
  } as typeof MediaRecorder;
  const createObjectURL = URL.createObjectURL.bind(URL);
  URL.createObjectURL = (object: Blob | MediaSource) => {
    probe.objectUrls += 1;
    return createObjectURL(object);
  };
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    const audio = constraints?.audio;
    if (typeof audio === 'object' && audio.echoCancellation === false) probe.rawAudio.push(stream);
    return stream;
  };
  const start = AudioBufferSourceNode.prototype.start;
  AudioBufferSourceNode.prototype.start = function (this: AudioBufferSourceNode, ...args: Parameters<typeof start>) {
    probe.playbacks += 1;
    return start.apply(this, args);
  };
}

interface ProbeView {
  recorders: string[];
  liveChunks: number;
  chunks: number;
  objectUrls: number;
  rawAudio: string[][];
  playbacks: number;
}

describe('echo test ("hear yourself") in Chromium with the fake microphone', () => {
  let session: E2eSession;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'readyroom-echo-'));
    // Speech-like: 0.4 s of voice, 0.2 s of near-silence, so the recording has words and pauses.
    const voice = join(dir, 'voice.wav');
    await run('ffmpeg', [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      'sine=frequency=220:duration=6:sample_rate=48000',
      '-af',
      "volume='if(lt(mod(t,0.6),0.4),0.4,0.0005)':eval=frame",
      voice,
    ]);
    session = await startE2eSession({
      chromiumArgs: [autoplay, `--use-file-for-fake-audio-capture=${voice}`, '--js-flags=--expose-gc'],
    });
    await session.context.addInitScript(installProbe);
    await session.page.reload();
  });

  afterAll(async () => {
    await session?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('records, plays back and grades with the keyboard, passes axe, and leaves no recording anywhere', async () => {
    const { page } = session;
    // To the media step of the full check: the session details, then on through the steps.
    await page.getByRole('button', { name: 'Check readiness now' }).click();
    await page.getByLabel('Client code').fill('EC-001');
    for (const heading of ['Internet connection', 'Other programs', 'Privacy and listening devices']) {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.rr-wizard__step h2', { hasText: heading }).waitFor();
    }
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.rr-wizard__step h2', { hasText: 'Camera, microphone and headphones' }).waitFor();

    const record = page.getByRole('button', { name: 'Record and play back 3 seconds' });
    await tabTo(page, record);
    await page.keyboard.press('Enter');
    await page.getByText('Recording: say a sentence').waitFor();
    const yes = page.getByRole('button', { name: 'Yes, I sounded clear' });
    await yes.waitFor({ timeout: 20_000 });
    const heard = await page.locator('.rr-echo .rr-alert li').allTextContents();
    await tabTo(page, yes);
    await page.keyboard.press('Enter');
    await page.locator('[data-check-id="media.echo"] [data-state="pass"]').waitFor();
    await screenshot(page, 'echo-done');
    expect(await seriousAxeViolations(page)).toEqual([]);
    // The fake voice is clear: a good level, words and pauses, no distortion.
    expect(heard).toEqual(['The recording has a good level, no distortion and little background noise.']);

    // Let the garbage collector run, then look at what is left.
    for (let i = 0; i < 3; i += 1) {
      await page.evaluate(() => (window as unknown as { gc: () => void }).gc());
      await page.waitForTimeout(100);
    }
    const view = await page.evaluate((): ProbeView => {
      const p = (
        window as unknown as {
          __echoProbe: {
            recorders: MediaRecorder[];
            chunks: WeakRef<Blob>[];
            objectUrls: number;
            rawAudio: MediaStream[];
            playbacks: number;
          };
        }
      ).__echoProbe;
      return {
        recorders: p.recorders.map((r) => r.state),
        chunks: p.chunks.length,
        liveChunks: p.chunks.filter((c) => c.deref() !== undefined).length,
        objectUrls: p.objectUrls,
        rawAudio: p.rawAudio.map((s) => s.getTracks().map((t) => t.readyState)),
        playbacks: p.playbacks,
      };
    });
    expect(view.recorders).toEqual(['inactive']);
    expect(view.chunks).toBeGreaterThan(0);
    expect(view.liveChunks).toBe(0);
    expect(view.objectUrls).toBe(0);
    // The microphone the recording used is released (the live meter and the camera keep theirs).
    expect(view.rawAudio).toEqual([['ended']]);
    expect(view.playbacks).toBe(1);

    const storage = await page.evaluate(async () => ({
      local: localStorage.length,
      // The test host's own per-run token is the one entry the app did not write.
      session: Object.keys(sessionStorage).filter((key) => key !== 'readyroom-test-host-token').length,
      indexedDb: (await indexedDB.databases()).length,
      caches: (await caches.keys()).length,
    }));
    expect(storage).toEqual({ local: 0, session: 0, indexedDb: 0, caches: 0 });
    expect(session.pageErrors).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });
});
