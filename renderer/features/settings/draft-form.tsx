import type { ReactNode } from 'react';

import { Button } from '../../components/button';
import { useDraft } from './settings-draft';

/** A section's preferences: its own form, whose "Save settings" saves every section's changes. */
export function DraftForm({ children }: { readonly children: ReactNode }) {
  const { save } = useDraft();
  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {children}
      <div className="rr-actions">
        <Button type="submit" variant="primary">
          Save settings
        </Button>
      </div>
    </form>
  );
}
