/**
 * "If the video drops": what the therapist does, in order, when a session is cut off. Content is data
 * so the crisis card, the CLI and tests all read the same words. The minute marks are ReadyRoom's own
 * suggestion (the guidance asks for an agreed plan but sets no times), and the card says so.
 */

export type PlanSectionId = 'before' | 'reconnect' | 'phone' | 'escalate' | 'after';

export interface PlanSection {
  readonly id: PlanSectionId;
  readonly heading: string;
  readonly steps: readonly string[];
}

export interface ContinuityPlan {
  readonly title: string;
  /** The one idea the rest hangs on: silence may be an emergency. */
  readonly principle: string;
  readonly sections: readonly PlanSection[];
  /** Where the plan comes from, in the words the card prints. */
  readonly sources: readonly string[];
  /** Which parts are ReadyRoom's own suggestion rather than the guidance's. */
  readonly disclaimer: string;
}

export const continuityPlan: ContinuityPlan = {
  title: 'If the video drops',
  principle:
    'A frozen picture or sudden silence is not proof of a bad connection. Until you hear from your client, act as though something may have happened to them.',
  sections: [
    {
      id: 'before',
      heading: 'Agree before the session',
      steps: [
        'Confirm where your client is today and the phone number you will ring if the call fails.',
        'Agree who rejoins: you both rejoin the same link; neither of you starts a new call.',
        'Agree what your client will do if someone comes into the room, and whether it is safe to ring or text them afterwards.',
      ],
    },
    {
      id: 'reconnect',
      heading: 'Reconnect (first 3 minutes)',
      steps: [
        'Rejoin the same call from your side straight away and stay in it.',
        'If the picture will not come back, carry on with sound only.',
        'Do not assume the problem is the internet: note the time and what was happening when the call stopped.',
      ],
    },
    {
      id: 'phone',
      heading: 'Phone the back-up number',
      steps: [
        'Ring the back-up number if the call has not come back within about 3 minutes.',
        'Ring at once, without waiting, if your client was distressed, spoke of harming themselves, or the call ended as someone came in.',
        'If nobody answers, leave a short message that does not mention therapy, and text only if your client agreed it is safe.',
      ],
    },
    {
      id: 'escalate',
      heading: 'When to get emergency help',
      steps: [
        'If you believe your client is in danger and you cannot reach them, call the emergency services for the place your client is today, giving the location they told you.',
        'An emergency number only reaches the services of the country the call is made from. If your client is in another country, ring their emergency contact, or ask your own emergency service how to reach the service where your client is.',
        'If you could not reach your client within about 10 minutes after a call that ended while they were at risk, treat it as an emergency rather than waiting for them to get in touch.',
      ],
    },
    {
      id: 'after',
      heading: 'Afterwards',
      steps: [
        'Write down what happened, when, and what you did, without details that identify your client.',
        'If someone overheard the session or saw your client’s details, record it as an incident.',
        'Talk it through with your supervisor.',
      ],
    },
  ],
  sources: [
    'ACTO guidance, 2020 (know your client’s exact location and have alternative contacts for emergencies; continuity of service is part of security)',
    'APA Guidelines for the Practice of Telepsychology, 2013 (plan ahead for a technology failure and for emergencies)',
    'BACP Good Practice in Action: working online (agree with clients what happens if contact is lost)',
  ],
  disclaimer:
    'The 3- and 10-minute marks are ReadyRoom’s suggestion; agree your own with each client and follow your professional body’s guidance.',
};

/** The plan as plain text, for the CLI and the text export. */
export function continuityPlanText(plan: ContinuityPlan = continuityPlan): string {
  const lines: string[] = [plan.title.toUpperCase(), '', plan.principle, ''];
  for (const section of plan.sections) {
    lines.push(section.heading);
    section.steps.forEach((step, i) => lines.push(`  ${i + 1}. ${step}`));
    lines.push('');
  }
  lines.push(plan.disclaimer, '', 'Sources:');
  for (const source of plan.sources) lines.push(`  - ${source}`);
  return `${lines.join('\n')}\n`;
}
