/**
 * Brings a step the person just opened into view and gives its heading focus, so a keyboard or
 * screen reader continues there and a phone shows it (a new step otherwise appears below the
 * fold). Waits a frame: the step renders with the state change that calls this.
 */
export function focusStep(headingId: string): void {
  requestAnimationFrame(() => {
    const heading = document.getElementById(headingId);
    if (!heading) return;
    heading.focus({ preventScroll: true });
    const reduceMotion = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
    heading.scrollIntoView?.({ block: 'start', behavior: reduceMotion ? 'auto' : 'smooth' });
  });
}
