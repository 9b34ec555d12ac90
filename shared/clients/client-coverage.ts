import { countryName, type CountryCode } from '../geo/countries';

export type Coverage =
  | { readonly kind: 'covered' }
  | { readonly kind: 'not-covered'; readonly message: string }
  /** The therapist has not listed the countries they are covered in: not a pass, so it is said. */
  | { readonly kind: 'not-set'; readonly message: string }
  | { readonly kind: 'no-country' };

/**
 * Whether a session with a client in `country` falls within the countries the therapist's
 * insurance and registration cover (Settings > Sessions). A warning, never a block: the therapist
 * may have cover this list does not show.
 */
export function sessionCoverage(country: CountryCode | null | undefined, covered: readonly CountryCode[]): Coverage {
  if (!country) return { kind: 'no-country' };
  if (covered.length === 0)
    return {
      kind: 'not-set',
      message:
        'You have not listed the countries your insurance and professional registration cover (Settings, Sessions), so ReadyRoom cannot say whether this session is covered.',
    };
  if (covered.includes(country)) return { kind: 'covered' };
  return {
    kind: 'not-covered',
    message: `Your client is in ${countryName(country)}, which is not among the countries you listed as covered by your insurance and registration (Settings, Sessions). Working with a client in another country can need cover or registration there: check before the session. You can still go ahead.`,
  };
}
