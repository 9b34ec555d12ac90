import { useMemo } from 'react';

import { countryOptions, type CountryCode } from '../../../shared/geo/countries';

type SelectProps<T> = {
  readonly id: string;
  readonly value: T | null;
  onChange(value: T | null): void;
  readonly describedBy?: string;
  readonly invalid?: boolean;
  /** The label of the empty choice. */
  readonly emptyLabel?: string;
};

/** Every country, by name (from shared/geo/countries.ts, the one list). */
export function CountrySelect({
  id,
  value,
  onChange,
  describedBy,
  invalid,
  emptyLabel = 'Not set',
}: SelectProps<CountryCode>) {
  // Built once: the same elements each render, so React skips 249 options on every keystroke elsewhere.
  const options = useMemo(
    () =>
      countryOptions().map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      )),
    [],
  );
  return (
    <select
      id={id}
      className="rr-select"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
    >
      <option value="">{emptyLabel}</option>
      {options}
    </select>
  );
}

/** The IANA zones this runtime knows (its own tz data, so every one listed can be used). */
export function timeZoneOptions(): readonly string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

export function TimeZoneSelect({
  id,
  value,
  onChange,
  describedBy,
  invalid,
  emptyLabel = 'Not set',
}: SelectProps<string>) {
  const zones = useMemo(() => {
    const known = timeZoneOptions();
    // A zone saved elsewhere that this runtime does not list is still shown, not silently dropped.
    const listed = value && !known.includes(value) ? [value, ...known] : known;
    return listed.map((zone) => (
      <option key={zone} value={zone}>
        {zone.replace(/_/g, ' ')}
      </option>
    ));
  }, [value]);
  return (
    <select
      id={id}
      className="rr-select"
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value === '' ? null : e.target.value)}
      aria-describedby={describedBy}
      aria-invalid={invalid ? true : undefined}
    >
      <option value="">{emptyLabel}</option>
      {zones}
    </select>
  );
}
