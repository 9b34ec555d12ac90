import { ChangePassphrase } from './change-passphrase';
import { KeyRenewal } from './key-renewal';
import { KeychainToggle } from './keychain-toggle';
import { LockButton } from './lock-button';
import { LostKeysNotice } from './lost-keys-notice';
import './vault.css';

/** Passphrase, keychain, new keys and locking, in one place; for the logs page and for Settings. */
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
      <KeyRenewal />
    </section>
  );
}
