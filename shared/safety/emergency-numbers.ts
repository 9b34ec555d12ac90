import { z } from 'zod';

import { countryCodeSchema, countryName, type CountryCode } from '../geo/countries';

/**
 * Emergency numbers and one crisis line per country, kept offline so the crisis card works with no
 * connection. A crisis line is listed only where its number could be confirmed; elsewhere it is null
 * with a note, and the card tells the therapist to use the emergency number instead of guessing.
 * Each entry names where its numbers come from and when they were last checked.
 */

/** A real calendar day (2026-02-30 is refused, 2028-02-29 allowed). */
const isoDate = z.iso.date('must be a real date YYYY-MM-DD');
/** Digits with optional single spaces or hyphens between them ("116 123", "9-8-8", "0800 111 0 111"). */
const phoneNumber = z
  .string()
  .regex(/^\+?\d+(?:[ -]\d+)*$/, 'must be a phone number made of digits, spaces and hyphens')
  .max(24);

export const numberSourceSchema = z.strictObject({
  /** Who runs the line or publishes the number. */
  organisation: z.string().min(2).max(120),
  url: z.url({ protocol: /^https$/ }),
});
export type NumberSource = z.infer<typeof numberSourceSchema>;

export const crisisLineSchema = z.strictObject({
  name: z.string().min(2).max(120),
  number: phoneNumber,
  /** In words ("24 hours, every day"); null when the hours could not be confirmed. */
  hours: z.string().min(2).max(80).nullable(),
  /** True when adults may call (not a line for children or young people only). */
  forAdults: z.boolean(),
  source: numberSourceSchema,
});
export type CrisisLine = z.infer<typeof crisisLineSchema>;

export const emergencyEntrySchema = z
  .strictObject({
    /** The number(s) that reach emergency services; the first is the one to show largest. */
    emergency: z.array(phoneNumber).min(1).max(3),
    /** Only where police or ambulance have their own number as well. */
    police: phoneNumber.nullable(),
    ambulance: phoneNumber.nullable(),
    crisisLine: crisisLineSchema.nullable(),
    /** Required when there is no crisis line: why (unconfirmed). Otherwise anything worth knowing. */
    note: z.string().min(2).max(300).nullable(),
    source: numberSourceSchema,
    checked: isoDate,
  })
  .refine((entry) => entry.crisisLine !== null || entry.note !== null, {
    message: 'an entry without a crisis line must say why in its note',
    path: ['note'],
  });
export type EmergencyEntry = z.infer<typeof emergencyEntrySchema>;

export const emergencyTableSchema = z.strictObject({
  asOf: isoDate,
  entries: z.record(countryCodeSchema, emergencyEntrySchema),
});
export type EmergencyTable = z.infer<typeof emergencyTableSchema>;

const checked = '2026-12-06';

/** The EU's page on 112, which every EU/EEA entry relies on for the general number. */
const eu112: NumberSource = {
  organisation: 'European Commission (112, the European emergency number)',
  url: 'https://digital-strategy.ec.europa.eu/en/policies/112',
};

const unconfirmed =
  'No crisis line could be confirmed for this country yet, so none is listed: use the emergency number.';

type Draft = Omit<EmergencyEntry, 'checked' | 'police' | 'ambulance' | 'note' | 'source'> &
  Partial<Pick<EmergencyEntry, 'police' | 'ambulance' | 'note' | 'source'>>;

function entry(draft: Draft): EmergencyEntry {
  return {
    police: null,
    ambulance: null,
    note: null,
    source: eu112,
    ...draft,
    checked,
  };
}

/** An EU/EEA country where only 112 is listed and no crisis line is confirmed. */
function only112(extra: Partial<Draft> = {}): EmergencyEntry {
  return entry({ emergency: ['112'], crisisLine: null, note: unconfirmed, ...extra });
}

const allDay = '24 hours, every day';

const entries: Record<CountryCode, EmergencyEntry> = {
  // European Union
  AT: entry({
    emergency: ['112'],
    police: '133',
    ambulance: '144',
    crisisLine: {
      name: 'TelefonSeelsorge',
      number: '142',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'TelefonSeelsorge Österreich', url: 'https://www.telefonseelsorge.at/' },
    },
  }),
  BE: entry({
    emergency: ['112'],
    police: '101',
    crisisLine: {
      name: 'Zelfmoordlijn 1813 (Dutch)',
      number: '1813',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Centrum ter Preventie van Zelfmoord', url: 'https://www.zelfmoord1813.be/' },
    },
    note: 'The 1813 line answers in Dutch. French speakers: Centre de Prévention du Suicide (preventionsuicide.be).',
  }),
  BG: only112(),
  HR: only112({ police: '192', ambulance: '194' }),
  CY: only112({ emergency: ['112', '199'] }),
  CZ: only112({ police: '158', ambulance: '155' }),
  DK: entry({
    emergency: ['112'],
    crisisLine: {
      name: 'Livslinien',
      number: '70 201 201',
      hours: null,
      forAdults: true,
      source: { organisation: 'Livslinien', url: 'https://www.livslinien.dk/' },
    },
  }),
  EE: only112(),
  FI: entry({
    emergency: ['112'],
    crisisLine: {
      name: 'MIELI Crisis Helpline (Finnish)',
      number: '09 2525 0111',
      hours: allDay,
      forAdults: true,
      source: {
        organisation: 'MIELI Mental Health Finland',
        url: 'https://mieli.fi/en/support-and-help/crisis-helpline/',
      },
    },
    note: 'MIELI also answers in Swedish on 09 2525 0112 and in English at set hours on 09 2525 0113.',
  }),
  FR: entry({
    emergency: ['112'],
    police: '17',
    ambulance: '15',
    crisisLine: {
      name: '3114, national suicide prevention line',
      number: '3114',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Ministère de la Santé (3114)', url: 'https://3114.fr/' },
    },
  }),
  DE: entry({
    emergency: ['112'],
    police: '110',
    crisisLine: {
      name: 'TelefonSeelsorge',
      number: '0800 111 0 111',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'TelefonSeelsorge Deutschland', url: 'https://www.telefonseelsorge.de/' },
    },
    note: 'TelefonSeelsorge also answers on 0800 111 0 222 and 116 123.',
  }),
  GR: entry({
    emergency: ['112'],
    police: '100',
    ambulance: '166',
    crisisLine: {
      name: 'Klimaka suicide prevention line',
      number: '1018',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Klimaka', url: 'https://www.klimaka.org.gr/' },
    },
  }),
  HU: entry({
    emergency: ['112'],
    police: '107',
    ambulance: '104',
    crisisLine: {
      name: 'Lelki Elsősegély (emotional first aid)',
      number: '116 123',
      hours: allDay,
      forAdults: true,
      source: {
        organisation: 'Lelki Elsősegély Telefonszolgálatok Országos Szövetsége',
        url: 'https://progress.guide/atlas/europe/hungary',
      },
    },
  }),
  IE: entry({
    emergency: ['112', '999'],
    crisisLine: {
      name: 'Samaritans',
      number: '116 123',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Samaritans Ireland', url: 'https://www.samaritans.org/ireland/' },
    },
  }),
  IT: entry({
    emergency: ['112'],
    police: '113',
    ambulance: '118',
    crisisLine: {
      name: 'Telefono Amico Italia',
      number: '02 2327 2327',
      hours: null,
      forAdults: true,
      source: { organisation: 'Telefono Amico Italia', url: 'https://www.telefonoamico.it/' },
    },
    note: 'Telefono Amico is a listening line and may not answer at every hour.',
  }),
  LV: only112({ police: '110', ambulance: '113' }),
  LT: entry({
    emergency: ['112'],
    crisisLine: {
      name: 'Vilties linija (line of hope, for adults)',
      number: '116 123',
      hours: allDay,
      forAdults: true,
      source: {
        organisation: 'Lietuvos telefoninių psichologinės pagalbos tarnybų asociacija',
        url: 'https://sc.bns.lt/view/item/pasikeite-dvieju-pagalbos-telefonu-numeriai-108766',
      },
    },
  }),
  LU: entry({
    emergency: ['112'],
    police: '113',
    crisisLine: {
      name: 'SOS Détresse',
      number: '45 45 45',
      hours: null,
      forAdults: true,
      source: { organisation: 'SOS Détresse', url: 'https://www.454545.lu/' },
    },
    note: 'SOS Détresse is a listening line, not open around the clock at last check.',
  }),
  MT: only112(),
  NL: entry({
    emergency: ['112'],
    crisisLine: {
      name: '113 Zelfmoordpreventie',
      number: '0800 0113',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Stichting 113 Zelfmoordpreventie', url: 'https://www.113.nl/' },
    },
    note: 'The same line answers on 113 (normal call charges).',
  }),
  PL: entry({
    emergency: ['112'],
    police: '997',
    ambulance: '999',
    crisisLine: {
      name: 'Centrum Wsparcia (support centre for adults in crisis)',
      number: '800 70 2222',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Fundacja ITAKA', url: 'https://centrumwsparcia.pl/' },
    },
  }),
  PT: entry({
    emergency: ['112'],
    crisisLine: {
      name: 'SOS Voz Amiga',
      number: '213 544 545',
      hours: null,
      forAdults: true,
      source: { organisation: 'Associação SOS Voz Amiga', url: 'https://sosvozamiga.org/' },
    },
    note: 'SOS Voz Amiga is not open around the clock. SNS 24 (808 24 24 24) is the national health line.',
  }),
  RO: only112(),
  SK: only112({ police: '158', ambulance: '155' }),
  SI: entry({
    emergency: ['112'],
    police: '113',
    crisisLine: {
      name: 'Zaupni telefon Samarijan',
      number: '116 123',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Slovensko društvo Samarijan', url: 'https://progress.guide/atlas/europe/slovenia' },
    },
  }),
  ES: entry({
    emergency: ['112'],
    police: '091',
    crisisLine: {
      name: 'Línea 024 (suicidal behaviour line)',
      number: '024',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Ministerio de Sanidad', url: 'https://www.sanidad.gob.es/' },
    },
  }),
  SE: entry({
    emergency: ['112'],
    crisisLine: {
      name: 'Självmordslinjen',
      number: '90101',
      hours: null,
      forAdults: true,
      source: { organisation: 'Mind', url: 'https://mind.se/' },
    },
  }),

  // Elsewhere in Europe
  GB: entry({
    emergency: ['999', '112'],
    crisisLine: {
      name: 'Samaritans',
      number: '116 123',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Samaritans', url: 'https://www.samaritans.org/' },
    },
    note: 'NHS 111 gives urgent medical and mental health advice when it is not an emergency.',
    source: { organisation: 'GOV.UK (emergency services)', url: 'https://www.gov.uk/contact-the-emergency-services' },
  }),
  CH: entry({
    emergency: ['112'],
    police: '117',
    ambulance: '144',
    crisisLine: {
      name: 'Die Dargebotene Hand / La Main Tendue',
      number: '143',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Die Dargebotene Hand', url: 'https://www.143.ch/' },
    },
  }),
  LI: only112({ police: '117', ambulance: '144' }),
  NO: entry({
    emergency: ['112'],
    police: '112',
    ambulance: '113',
    crisisLine: {
      name: 'Mental Helse hjelpetelefonen',
      number: '116 123',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Mental Helse', url: 'https://mentalhelse.no/' },
    },
    note: 'In Norway 112 is the police and 113 is the ambulance.',
  }),
  IS: entry({
    emergency: ['112'],
    crisisLine: {
      name: 'Hjálparsíminn 1717 (Red Cross helpline)',
      number: '1717',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Icelandic Red Cross', url: 'https://www.raudikrossinn.is/' },
    },
  }),

  // Outside Europe
  US: entry({
    emergency: ['911'],
    crisisLine: {
      name: '988 Suicide & Crisis Lifeline',
      number: '988',
      hours: allDay,
      forAdults: true,
      source: { organisation: '988 Suicide & Crisis Lifeline', url: 'https://988lifeline.org/' },
    },
    source: { organisation: '911.gov', url: 'https://www.911.gov/' },
  }),
  CA: entry({
    emergency: ['911'],
    crisisLine: {
      name: '9-8-8 Suicide Crisis Helpline',
      number: '9-8-8',
      hours: allDay,
      forAdults: true,
      source: { organisation: '9-8-8 Suicide Crisis Helpline', url: 'https://988.ca/' },
    },
    source: { organisation: 'Government of Canada', url: 'https://www.canada.ca/' },
  }),
  AU: entry({
    emergency: ['000', '112'],
    crisisLine: {
      name: 'Lifeline',
      number: '13 11 14',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Lifeline Australia', url: 'https://www.lifeline.org.au/' },
    },
    note: '112 also works from mobile phones.',
    source: { organisation: 'Triple Zero (Australian Government)', url: 'https://www.triplezero.gov.au/' },
  }),
  NZ: entry({
    emergency: ['111'],
    crisisLine: {
      name: 'Need to talk? 1737',
      number: '1737',
      hours: allDay,
      forAdults: true,
      source: { organisation: 'Whakarongorau Aotearoa (1737)', url: 'https://1737.org.nz/' },
    },
    source: { organisation: 'New Zealand Police (111)', url: 'https://www.police.govt.nz/' },
  }),
};

/** The table, checked against its own schema when first read. */
export const emergencyTable: EmergencyTable = emergencyTableSchema.parse({ asOf: checked, entries });

/** The countries the issue requires: the EU, the UK, the US, Canada, Australia, New Zealand and the EEA/EFTA. */
export const requiredCountries: readonly CountryCode[] = [
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE',
  'GB US CA AU NZ CH NO IS LI',
]
  .join(' ')
  .split(' ');

/** The entry for a country; null when ReadyRoom holds none. */
export function getEmergencyEntry(code: CountryCode): EmergencyEntry | null {
  return Object.hasOwn(emergencyTable.entries, code) ? (emergencyTable.entries[code] ?? null) : null;
}

/** Codes that have an entry, sorted by country name (for pickers). */
export function coveredCountries(): readonly CountryCode[] {
  return Object.keys(emergencyTable.entries).sort((a, b) => countryName(a).localeCompare(countryName(b), 'en-GB'));
}

/** Said plainly wherever a country has no confirmed crisis line. */
export const noCrisisLineText = 'No crisis line confirmed for this country: use the emergency number.';
