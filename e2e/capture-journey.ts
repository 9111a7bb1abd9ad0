/**
 * The minimal lead with consent, as a person does it on the tablet: the same steps drive the Playwright
 * journey (e2e/capture-quick.spec.ts, which checks they complete a lead on the real form) and the figure
 * `npm run bench` reports (bench/capture-journey.bench.ts). Simulated time: typing at 5 characters a second,
 * one second per tap (a field, a checkbox, a select, a button), plus the server's own time, measured.
 */
export const TYPING_CHARS_PER_SECOND = 5;
export const SECONDS_PER_TAP = 1;
/** The bound for "a lead in under a minute". */
export const JOURNEY_TARGET_SECONDS = 60;

export type JourneyStep =
  | { kind: 'type'; label: string; text: string }
  | { kind: 'check'; label: RegExp }
  | { kind: 'tap'; button: string };

/** `phone` must be unique per e2e run (a saved phone makes the next run's capture a possible duplicate). */
export function minimalLeadJourney(email: string, phone: string): JourneyStep[] {
  return [
    { kind: 'type', label: 'First name', text: 'Ana' },
    { kind: 'type', label: 'Last name', text: 'Popescu' },
    { kind: 'type', label: 'E-mail', text: email },
    { kind: 'type', label: 'Phone', text: phone },
    { kind: 'check', label: /agree to the Terms & Conditions/ },
    { kind: 'check', label: /agree to the Privacy Policy/ },
    { kind: 'check', label: /18 years of age or older/ },
    { kind: 'tap', button: 'Save lead' },
  ];
}

/** The person's own time for the steps: a tap to reach each field or box, then the typing. */
export function personSeconds(steps: readonly JourneyStep[]): number {
  return steps.reduce((total, s) => total + SECONDS_PER_TAP + (s.kind === 'type' ? s.text.length / TYPING_CHARS_PER_SECOND : 0), 0);
}
