import { ChangePassphrase } from './change-passphrase';
import { KeychainToggle } from './keychain-toggle';
import { LockButton } from './lock-button';
import { LostKeysNotice } from './lost-keys-notice';
import './vault.css';

/** Passphrase, keychain and locking, in one place; for the logs page and for Settings. */
export function VaultSecurityPanel() {
  return (
    <section className="rr-card rr-vault" aria-labelledby="rr-vault-security-title">
      <h2 id="rr-vault-security-title">Protecting your logs</h2>
      <LostKeysNotice />
      <div className="rr-actions">
        <LockButton />
      </div>
      <KeychainToggle />
      <ChangePassphrase />
    </section>
  );
}
