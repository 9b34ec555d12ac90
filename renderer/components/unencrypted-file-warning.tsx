import { useState, type ReactNode } from 'react';

import type { ErrorData } from '../../shared/errors';
import type { IpcResult } from '../../shared/result';

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

/** Where a file save stands: choosing, warned, saving, done (saved or cancelled in the dialog) or failed. */
export type FileSaveStage<T> =
  | { readonly step: 'choose' }
  | { readonly step: 'confirm' }
  | { readonly step: 'saving' }
  | { readonly step: 'done'; readonly outcome: T }
  | { readonly step: 'failed'; readonly error: ErrorData };

export type FileSaveFlow<T> = {
  readonly stage: FileSaveStage<T>;
  /** Back to choosing: a changed choice needs the warning again. */
  reset(): void;
  ask(): void;
  save(): Promise<void>;
};

/** The steps of saving a file that leaves ReadyRoom unencrypted; `write` asks main to save it. */
export function useFileSave<T>(write: () => Promise<IpcResult<T>>): FileSaveFlow<T> {
  const [stage, setStage] = useState<FileSaveStage<T>>({ step: 'choose' });
  return {
    stage,
    reset: () => setStage({ step: 'choose' }),
    ask: () => setStage({ step: 'confirm' }),
    async save() {
      setStage({ step: 'saving' });
      const result = await write();
      setStage(result.ok ? { step: 'done', outcome: result.value } : { step: 'failed', error: result.error });
    },
  };
}

type UnencryptedFileSaveProps<T> = {
  readonly flow: FileSaveFlow<T>;
  /** The button that starts it ("Export…"). */
  readonly buttonLabel: string;
  /** What is at stake for this file (see UnencryptedFileWarning). */
  readonly children: ReactNode;
  /** What was saved, once the dialog saved it. */
  readonly saved: (outcome: T) => ReactNode;
};

/** The button, then the warning, then what happened: saved, nothing saved (the dialog cancelled), or why not. */
export function UnencryptedFileSave<T extends { readonly saved: boolean }>({
  flow,
  buttonLabel,
  children,
  saved,
}: UnencryptedFileSaveProps<T>) {
  const { stage } = flow;
  return (
    <>
      {stage.step === 'confirm' || stage.step === 'saving' ? (
        <UnencryptedFileWarning saving={stage.step === 'saving'} onSave={() => void flow.save()} onCancel={flow.reset}>
          {children}
        </UnencryptedFileWarning>
      ) : (
        <Button onClick={flow.ask}>{buttonLabel}</Button>
      )}
      <div role="status" aria-live="polite">
        {stage.step === 'done' &&
          (stage.outcome.saved ? (
            <p className="rr-alert rr-alert--info">{saved(stage.outcome)}</p>
          ) : (
            <p className="rr-muted">Nothing was saved.</p>
          ))}
      </div>
      {stage.step === 'failed' && (
        <p className="rr-alert rr-alert--error" role="alert">
          {stage.error.message}
        </p>
      )}
    </>
  );
}
