/** A short recording held in memory only, as samples (−1…1) of its first channel. Never stored. */
export interface AudioClip {
  readonly samples: Float32Array;
  readonly sampleRate: number;
}

/** The part of MediaRecorder the echo test uses (MediaRecorder itself fits it). */
export interface RecorderLike extends Pick<EventTarget, 'addEventListener' | 'removeEventListener'> {
  readonly state: string;
  readonly mimeType: string;
  start(): void;
  stop(): void;
}

export interface ClipRecordingDeps {
  readonly stream: MediaStream;
  readonly durationMs: number;
  readonly createRecorder: (stream: MediaStream) => RecorderLike;
  /** Decodes the recorded file into samples (AudioContext.decodeAudioData in the app). */
  readonly decode: (
    data: ArrayBuffer,
  ) => Promise<{ readonly sampleRate: number; getChannelData(channel: number): Float32Array }>;
  readonly wait: (ms: number) => Promise<void>;
}

/**
 * Records `durationMs` of the stream with MediaRecorder and decodes it into samples. The recorded
 * chunks are dropped as soon as they are decoded (and on any failure), the recorder's listeners are
 * removed, and no Blob or object URL outlives this call: only the decoded samples come back.
 */
export async function recordAudioClip(deps: ClipRecordingDeps): Promise<AudioClip> {
  const recorder = deps.createRecorder(deps.stream);
  const chunks: Blob[] = [];
  const onData = (event: Event) => {
    const data = (event as Event & { readonly data?: unknown }).data;
    if (data instanceof Blob && data.size > 0) chunks.push(data);
  };
  let onStop: () => void = () => undefined;
  let onError: () => void = () => undefined;
  const stopped = new Promise<void>((resolve, reject) => {
    onStop = () => resolve();
    onError = () => reject(new Error('The recording failed.'));
  });
  recorder.addEventListener('dataavailable', onData);
  recorder.addEventListener('stop', onStop);
  recorder.addEventListener('error', onError);
  try {
    recorder.start();
    await deps.wait(deps.durationMs);
    if (recorder.state !== 'inactive') recorder.stop();
    await stopped;
    const data = await new Blob(chunks, { type: recorder.mimeType }).arrayBuffer();
    // The recorded file is not needed once read: drop it before decoding.
    chunks.length = 0;
    const decoded = await deps.decode(data);
    return { samples: decoded.getChannelData(0).slice(), sampleRate: decoded.sampleRate };
  } finally {
    chunks.length = 0;
    recorder.removeEventListener('dataavailable', onData);
    recorder.removeEventListener('stop', onStop);
    recorder.removeEventListener('error', onError);
    if (recorder.state !== 'inactive') recorder.stop();
  }
}
