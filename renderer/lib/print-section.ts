/** The parts of the app that can be printed on their own. */
export type PrintSection = 'recovery' | 'report' | 'crisis';

/**
 * Prints one section alone: the body gets `rr-printing-<section>` while the print dialog is
 * open, and each section's print CSS applies only under its own class, so they never collide.
 */
export function printSection(section: PrintSection): void {
  const className = `rr-printing-${section}`;
  document.body.classList.add(className);
  try {
    window.print();
  } finally {
    document.body.classList.remove(className);
  }
}
