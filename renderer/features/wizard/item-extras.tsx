import type { ReactNode } from 'react';

import { AcousticTestPanel } from '../media/acoustic-test-panel';
import { CameraTest } from '../media/camera-test';
import { EchoTest } from '../media/echo-test';
import { MicrophoneTest } from '../media/microphone-test';
import { OutputTest } from '../media/output-test';
import { ProgramsPanel } from './programs-panel';

/**
 * Interactive parts that belong to a particular check, wherever the catalog puts it. Steps stay
 * generic: they render catalog entries, and an entry with an id here gets its controls.
 */
export const itemExtras: Readonly<Record<string, () => ReactNode>> = {
  'programs.background': () => <ProgramsPanel />,
  'media.camera': () => <CameraTest />,
  'media.microphone': () => <MicrophoneTest />,
  'media.output': () => <OutputTest />,
  'media.echo': () => <EchoTest />,
  'audio.headphones': () => <AcousticTestPanel />,
};
