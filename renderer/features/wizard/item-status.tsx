import type { CheckKind } from '../../../shared/catalog/catalog-types';
import { itemStateLabels, type ItemState } from '../../../shared/checks/outcome';
import { Icon, stateIcons } from '../../components/icons';

type ItemStatusProps = {
  readonly state: ItemState | 'pending';
  readonly kind: CheckKind;
  /** No result has come in yet (a media test not run): worded as such, still never as a pass. */
  readonly untested?: boolean;
};

/** A status pill with a glyph and a word; manual items read "Confirmed" rather than "OK". */
export function ItemStatus({ state, kind, untested = false }: ItemStatusProps) {
  const label =
    state === 'pending'
      ? 'Checking…'
      : state === 'pass' && kind === 'manual'
        ? 'Confirmed'
        : state === 'unknown' && untested
          ? 'Not tested yet'
          : itemStateLabels[state];
  const tone = state === 'unconfirmed' ? 'unknown' : state === 'not-applicable' ? 'skipped' : state;
  return (
    <span className={`rr-status rr-status--${tone}`} data-state={state}>
      {/* An icon per state, so status never rests on colour alone. */}
      <Icon icon={stateIcons[state]} />
      <span>{label}</span>
    </span>
  );
}
