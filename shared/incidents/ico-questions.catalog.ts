/**
 * The questions the ICO asks a small organisation to work through when deciding whether a personal
 * data breach must be reported. Content is data; the wording is ours, the source is named. The
 * self-assessment link is opened only by main (incidents:open-ico-guide), never passed from the window.
 */
export interface IcoQuestion {
  readonly id: string;
  readonly question: string;
  /** What to weigh, in one or two plain sentences. */
  readonly help: string;
}

export const icoSource = {
  name: 'ICO, personal data breaches guidance',
  /** The ICO's own step-by-step self-assessment for deciding whether to report. */
  selfAssessmentUrl: 'https://ico.org.uk/for-organisations/report-a-breach/personal-data-breach-assessment/',
} as const;

export const icoQuestions: readonly IcoQuestion[] = [
  {
    id: 'ico.personal-data',
    question: 'Did it involve personal information about a living person?',
    help: 'It counts if information about a client was seen or heard by someone who should not have, sent to the wrong person, lost, changed or destroyed. A session overheard or a link sent to the wrong person can count even if nothing was written down.',
  },
  {
    id: 'ico.risk',
    question: 'Is it likely to harm the people it is about?',
    help: 'Think of distress, embarrassment, damage to relationships or reputation, discrimination or fraud. What is said in therapy is health information, which the law treats as especially sensitive, so even a small slip can carry a real risk.',
  },
  {
    id: 'ico.report',
    question: 'If harm is likely: have you told the ICO within 72 hours of finding out?',
    help: 'The 72 hours start when you discovered it, not when it happened, and include weekends and nights. If you do not yet know everything, report what you know and add the rest later.',
  },
  {
    id: 'ico.high-risk',
    question: 'Is the risk high? Then tell the clients affected as well, without delay.',
    help: 'Tell them plainly what happened, what it may mean for them, what you have done and what they can do to protect themselves.',
  },
  {
    id: 'ico.reduce',
    question: 'What have you done to limit the harm?',
    help: 'For example: asked the wrong recipient to delete the e-mail and confirm it, changed a meeting link, wiped a lost device remotely. Write it under "Actions taken".',
  },
  {
    id: 'ico.record',
    question: 'If you decide not to report: have you written down why?',
    help: 'Every breach is to be recorded, reported or not, with what happened, its effects, what you did, and the reason for your decision. This log is that record.',
  },
];
