/**
 * The yearly practice review: arrangements that are not checked before each session but lapse
 * unless someone looks again. Content is data; the text is ours, each item naming where the advice
 * comes from. Ids are stored in the vault: never rename or reuse one.
 */
export interface ReviewSource {
  readonly name: string;
  readonly url?: string;
}

export interface ReviewItem {
  readonly id: string;
  /** What the therapist confirms, as a short statement. */
  readonly title: string;
  /** Why it matters and what to look at, in one or two plain sentences. */
  readonly detail: string;
  readonly sources: readonly ReviewSource[];
}

const acto: ReviewSource = { name: 'ACTO guidance, 2020' };
const ico: ReviewSource = { name: 'ICO', url: 'https://ico.org.uk/for-organisations/data-protection-fee/' };
const icoBreach: ReviewSource = {
  name: 'ICO: personal data breaches',
  url: 'https://ico.org.uk/for-organisations/report-a-breach/',
};
const ncsc: ReviewSource = {
  name: 'NCSC Small Business Guide',
  url: 'https://www.ncsc.gov.uk/collection/small-business-guide',
};
const bacp: ReviewSource = { name: 'BACP Ethical Framework (supervision)' };
const ukcp: ReviewSource = { name: 'UKCP Code of Ethics and Professional Practice' };

export const reviewCatalog: readonly ReviewItem[] = [
  {
    id: 'review.ico-registration',
    title: 'Registered with the ICO (or your local data-protection authority) as a data controller',
    detail:
      'Holding notes and contact details about clients makes you a data controller. In the UK that means paying the ICO data-protection fee each year; elsewhere, check what your regulator asks.',
    sources: [ico, acto],
  },
  {
    id: 'review.insurance-online',
    title: 'Insurance covers online work, including clients who are abroad',
    detail:
      'Ask your insurer in writing whether your cover includes sessions by video and clients who join from another country, even for a short while.',
    sources: [acto, ukcp],
  },
  {
    id: 'review.cyber-cover',
    title: 'Cyber cover: you know whether you are insured against attacks such as ransomware',
    detail: 'Professional indemnity policies often leave this out. Decide whether you need separate cover.',
    sources: [acto],
  },
  {
    id: 'review.work-email',
    title: 'Work e-mail is its own account, and session links go by an encrypted route',
    detail:
      'Look at where this year’s session invitations actually went. If any went from a personal account or as plain e-mail, move them to a work account with encryption your clients can use too.',
    sources: [acto],
  },
  {
    id: 'review.work-phone',
    title: 'Clients reach you on a work number only',
    detail:
      'Check which number clients have. A work-only phone (or a second line) keeps your own number private and lets you switch work off when you stop for the day.',
    sources: [acto],
  },
  {
    id: 'review.encrypted-messaging',
    title: 'Messages with clients use an end-to-end encrypted app',
    detail:
      'Plain SMS passes through, and is stored by, the phone network. Check that appointment messages go through an end-to-end encrypted app instead, and that they stay about arrangements, not therapy.',
    sources: [acto],
  },
  {
    id: 'review.supervision-online',
    title: 'Your supervision covers your online work',
    detail:
      'Talk with your supervisor about working by video and the risks that come with it, especially if online work is new to you.',
    sources: [acto, bacp],
  },
  {
    id: 'review.contract-platform-risks',
    title: 'Your contract tells clients about the privacy risks of the video platform',
    detail:
      'You cannot promise what a platform does with the data it can reach. Say so in your contract, and tell clients about their rights over their data.',
    sources: [acto, ico],
  },
  {
    id: 'review.lost-device-plan',
    title: 'A written plan for a lost or stolen laptop or phone',
    detail:
      'Write down how you would lock or wipe the device, change passwords, and judge whether to report a personal data breach to the ICO (within 72 hours when it must be reported).',
    sources: [icoBreach, ncsc],
  },
];

export function getReviewItem(id: string): ReviewItem | undefined {
  return reviewCatalog.find((item) => item.id === id);
}

export function reviewSourceText(item: ReviewItem): string {
  return item.sources.map((s) => s.name).join('; ');
}
