import type { DeviceState } from '../../stores/media-store';

/** Maps a getUserMedia failure to the state we explain; DOMException names per the Media Capture spec. */
export function classifyMediaError(error: unknown): Extract<DeviceState, 'denied' | 'no-device' | 'busy' | 'error'> {
  const name =
    error instanceof Error || (typeof error === 'object' && error !== null && 'name' in error)
      ? String((error as { name: unknown }).name)
      : '';
  switch (name) {
    case 'NotAllowedError':
    case 'PermissionDeniedError':
    case 'SecurityError':
      return 'denied';
    case 'NotFoundError':
    case 'DevicesNotFoundError':
    case 'OverconstrainedError':
      return 'no-device';
    case 'NotReadableError':
    case 'TrackStartError':
    case 'AbortError':
      return 'busy';
    default:
      return 'error';
  }
}

type Device = 'camera' | 'microphone';

/** What happened and what to do, in plain words, for each failure state. */
export function explainDeviceProblem(
  device: Device,
  state: DeviceState,
): { readonly title: string; readonly advice: string } | null {
  const thing = device === 'camera' ? 'camera' : 'microphone';
  switch (state) {
    case 'denied':
      return {
        title: `ReadyRoom is not allowed to use the ${thing}.`,
        advice: `Allow ReadyRoom to use the ${thing} in your computer's privacy settings, then press "Try again". Your video platform needs the same permission.`,
      };
    case 'no-device':
      return {
        title: `No ${thing} was found.`,
        advice: `Plug in or connect your ${thing} (or headset), then press "Try again".`,
      };
    case 'busy':
      return {
        title: `The ${thing} is being used by another program.`,
        advice: `Close other video or call programs that may be using the ${thing}, then press "Try again".`,
      };
    case 'error':
      return {
        title: `The ${thing} could not be started.`,
        advice: `Unplug and reconnect it, or restart your computer if this keeps happening, then press "Try again".`,
      };
    default:
      return null;
  }
}
