import type { ReactNode } from 'react';

import { Button } from './button';

type UnencryptedFileWarningProps = {
  /** What is at stake for this file, after the plain "This file will not be encrypted." */
  readonly children: ReactNode;
  readonly saving: boolean;
  onSave(): void;
  onCancel(): void;
};

/**
 * Shown before anything leaves ReadyRoom as a file: the therapist reads, plainly, that the file is not
 * encrypted, then chooses where to save (main opens the system's dialog) or cancels.
 */
export function UnencryptedFileWarning({ children, saving, onSave, onCancel }: UnencryptedFileWarningProps) {
  return (
    <div className="rr-alert rr-alert--warn">
      <p role="alert">
        <strong>This file will not be encrypted.</strong> {children}
      </p>
      <div className="rr-actions">
        <Button variant="primary" disabled={saving} onClick={onSave}>
          {saving ? 'Saving…' : 'Choose where to save'}
        </Button>
        <Button disabled={saving} onClick={onCancel}>
          Cancel
        </Button>
      </div>
    </div>
  );
}
