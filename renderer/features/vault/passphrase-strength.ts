import { minPassphraseLength } from '../../../shared/ipc/vault.contract';

export type StrengthLevel = 0 | 1 | 2 | 3 | 4;

export interface Strength {
  readonly level: StrengthLevel;
  readonly label: string;
  /** Strong enough to protect client records: the setup screen asks for this. */
  readonly acceptable: boolean;
  /** One plain hint, or null when there is nothing to add. */
  readonly hint: string | null;
}

export const strengthLabels: Record<StrengthLevel, string> = {
  0: 'Very weak',
  1: 'Weak',
  2: 'Fair',
  3: 'Strong',
  4: 'Very strong',
};

/** Words an attacker would try first against a therapist's ReadyRoom. */
const contextWords = [
  'readyroom',
  'ready room',
  'therapy',
  'therapist',
  'counselling',
  'counseling',
  'session',
  'client',
  'zoom',
];

type Checker = (passphrase: string) => Strength;
let checker: Promise<Checker> | null = null;

/**
 * zxcvbn-ts with the common and English dictionaries. They are large, so they load on first
 * use (a separate chunk), not with the app.
 */
export function loadStrengthChecker(): Promise<Checker> {
  checker ??= Promise.all([
    import('@zxcvbn-ts/core'),
    import('@zxcvbn-ts/language-common'),
    import('@zxcvbn-ts/language-en'),
  ]).then(([core, common, en]) => {
    const zxcvbn = new core.ZxcvbnFactory({
      translations: en.translations,
      graphs: common.adjacencyGraphs,
      dictionary: { ...common.dictionary, ...en.dictionary },
    });
    return (passphrase: string): Strength => {
      if (passphrase === '') return { level: 0, label: strengthLabels[0], acceptable: false, hint: null };
      const result = zxcvbn.check(passphrase, contextWords);
      const level = result.score as StrengthLevel;
      const long = [...passphrase].length >= minPassphraseLength;
      const hint = !long
        ? `Use at least ${minPassphraseLength} characters.`
        : (result.feedback.warning ??
          result.feedback.suggestions[0] ??
          (level < 3 ? 'Add another word or two that have nothing to do with each other.' : null));
      return { level, label: strengthLabels[level], acceptable: long && level >= 3, hint };
    };
  });
  return checker;
}
