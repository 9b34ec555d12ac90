type DeviceProblemAlertProps = {
  /** From explainDeviceProblem; nothing is shown when null. */
  readonly problem: { readonly title: string; readonly advice: string } | null;
};

/** Why the camera or microphone could not be used, and what to do, announced to screen readers. */
export function DeviceProblemAlert({ problem }: DeviceProblemAlertProps) {
  if (!problem) return null;
  return (
    <div className="rr-alert rr-alert--warn" role="alert">
      <p>
        <strong>{problem.title}</strong>
      </p>
      <p>{problem.advice}</p>
    </div>
  );
}
