/** What losing both secrets means, in plain words; shown at setup and next to the security settings. */
export function LostKeysNotice() {
  return (
    <p className="rr-vault__lost">
      Only you hold the keys. If you forget your passphrase, your recovery key opens your logs. If you lose both, nobody
      can open them again: not you, not your IT person, and not the makers of ReadyRoom. Your logs would still be on
      this computer, but unreadable.
    </p>
  );
}
