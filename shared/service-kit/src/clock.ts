/**
 * The hub's notion of "now". Production reads the system clock; tests that replay dated scenarios (the
 * worked examples of Christmas 2026 and Easter 2027) set a fixed instant instead of faking timers.
 */
let source: () => Date = () => new Date();

/** The current instant. @returns now */
export function now(): Date {
  return source();
}

/**
 * Replaces the clock (tests only). Pass nothing to restore the system clock.
 * @param fixed - an instant or a function returning one
 */
export function setClock(fixed?: Date | string | (() => Date)): void {
  if (fixed === undefined) source = () => new Date();
  else if (typeof fixed === 'function') source = fixed;
  else {
    const d = new Date(fixed);
    source = () => new Date(d);
  }
}
