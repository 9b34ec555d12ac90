import {
  ArrowLeft,
  Ban,
  Check,
  Circle,
  CircleQuestionMark,
  Ellipsis,
  Lock,
  Minus,
  PenLine,
  TriangleAlert,
  X,
  type LucideIcon,
} from 'lucide-react';

import type { CheckStatus } from '../../shared/checks/check-result';
import type { ItemState } from '../../shared/checks/outcome';
import type { Outcome } from '../../shared/logs/readiness-log';

/**
 * Icons from lucide-react, drawn as SVG, so they look the same everywhere (a font glyph or emoji
 * showed as an empty box on some Linux desktops). Each sits beside words that say the same, so it
 * is hidden from screen readers; with `label` it stands alone and is read as that label.
 */
export function Icon({ icon: Shape, label }: { readonly icon: LucideIcon; readonly label?: string }) {
  return label ? (
    <Shape className="rr-icon" size="1em" role="img" aria-label={label} />
  ) : (
    <Shape className="rr-icon" size="1em" aria-hidden="true" focusable="false" />
  );
}

export const stateIcons: Record<ItemState | CheckStatus | 'pending', LucideIcon> = {
  pass: Check,
  warn: TriangleAlert,
  fail: X,
  unknown: CircleQuestionMark,
  skipped: Minus,
  unconfirmed: Circle,
  confirmed: PenLine,
  'not-applicable': Ban,
  pending: Ellipsis,
};

export const outcomeIcons: Record<Outcome, LucideIcon> = {
  ready: Check,
  'ready-with-advice': TriangleAlert,
  'not-ready': X,
};

export { ArrowLeft, Check, Lock, TriangleAlert, X };
