import { sessionPlatforms, type SessionPlatformId } from '../../shared/session/platforms';

type PlatformSelectProps = {
  readonly id: string;
  readonly value: SessionPlatformId;
  onChange(platform: SessionPlatformId): void;
};

/** The video platforms that can be chosen today, in the catalog's order (closed ones are never offered). */
export function PlatformSelect({ id, value, onChange }: PlatformSelectProps) {
  return (
    <select id={id} className="rr-select" value={value} onChange={(e) => onChange(e.target.value as SessionPlatformId)}>
      {sessionPlatforms.map((p) => (
        <option key={p.id} value={p.id}>
          {p.name}
        </option>
      ))}
    </select>
  );
}
