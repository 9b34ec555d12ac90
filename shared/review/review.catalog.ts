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
    title: 'A separate e-mail address for work, with an encrypted option for session details',
    detail:
      'Keeping work mail apart protects boundaries; session links and details are safest sent by an encrypted service that both sides use.',
    sources: [acto],
  },
  {
    id: 'review.work-phone',
    title: 'A separate phone for client work',
    detail: 'Clients then never have your personal number, and the work phone can be put away outside working hours.',
    sources: [acto],
  },
  {
    id: 'review.encrypted-messaging',
    title: 'Messages with clients go through an encrypted messaging app',
    detail:
      'Ordinary texts are kept by phone companies; an end-to-end encrypted app keeps the content out of those records. Keep messages to practical matters.',
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
