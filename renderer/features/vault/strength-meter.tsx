import { useEffect, useState } from 'react';

import { loadStrengthChecker, type Strength } from './passphrase-strength';

type StrengthMeterProps = {
  readonly passphrase: string;
  /** Told whenever the verdict changes; null while the checker loads. */
  readonly onStrength: (strength: Strength | null) => void;
};

/** A bar and a word (never colour alone), with one hint; read out politely as it changes. */
export function StrengthMeter({ passphrase, onStrength }: StrengthMeterProps) {
  const [strength, setStrength] = useState<Strength | null>(null);
  useEffect(() => {
    let live = true;
    void loadStrengthChecker().then((check) => {
      if (!live) return;
      const next = check(passphrase);
      setStrength(next);
      onStrength(next);
    });
    return () => {
      live = false;
    };
  }, [passphrase, onStrength]);

  if (passphrase === '') return null;
  if (!strength) return <p className="rr-field__hint">Checking how strong it is…</p>;
  return (
    <div className="rr-vault__strength" data-level={strength.level}>
      <meter
        className="rr-vault__meter"
        min={0}
        max={4}
        low={2}
        high={3}
        optimum={4}
        value={strength.level}
        aria-hidden="true"
      />
      <p aria-live="polite" className="rr-vault__strength-text">
        Strength: <strong>{strength.label}</strong>
        {strength.hint ? `. ${strength.hint}` : '.'}
      </p>
    </div>
  );
}
