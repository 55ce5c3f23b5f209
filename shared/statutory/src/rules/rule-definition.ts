import type { RuleId } from './rule-ids';

/**
 * Where a rule comes from (DOMAIN §0.1): national law (an Act or regulations), national statutory guidance, or an
 * organisation's own local practice.
 */
export type RuleClass = 'NAT-REG' | 'NAT-GUID' | 'LOCAL';

/** How a rule's period is counted (DOMAIN §1). */
export type RuleUnit = 'WORKING_DAY' | 'CALENDAR_DAY' | 'WEEK' | 'MONTH' | 'HOUR' | 'IMMEDIATE';

/** One clock of a rule that runs in stages (e.g. visits: one week, then six-weekly). */
export interface RulePhase {
  /** Machine name of the stage, e.g. `first-year`. */
  phase: string;
  /** When this stage applies, in words. */
  description: string;
  /** Machine name of the anchor fact for this stage. */
  anchor: string;
  /** The anchor fact in words. */
  anchorDescription: string;
  unit: RuleUnit;
  count: number;
  direction: 'after' | 'before';
}

/**
 * A timed rule in the registry. The top-level `anchor`/`unit`/`count`/`direction` are the rule's main clock; a rule
 * that runs in stages also lists them in `phases` (the first phase is the main clock).
 */
export interface RuleDefinition {
  /** Catalogue id, verbatim. */
  id: RuleId;
  /** Short human title. */
  title: string;
  /**
   * Class of the rule's clock. Where DOMAIN.md gives two markers, the first one listed for the timing is used and
   * the full text is kept in `markers`.
   */
  class: RuleClass;
  /** The class column of DOMAIN.md, verbatim (e.g. `LOCAL + NAT-GUID`). */
  markers: string;
  /** Machine name of the anchor fact, e.g. `placementStart`, `becameLookedAfter`, `reviewHeld`. */
  anchor: string;
  /** The anchor fact in words. */
  anchorDescription: string;
  unit: RuleUnit;
  /** Number of units; for IMMEDIATE rules, a target in hours (0 = due at the event itself). */
  count: number;
  /** Whether the deadline falls after the anchor (default) or before it. */
  direction?: 'after' | 'before';
  /** Statutory or local reference, e.g. `CPPCR 2010 reg 4(2)`; `[R]` marks a reference not verified against the text. */
  citation: string;
  /** legislation.gov.uk page, gov.uk publication, or seed file name. */
  sourceUrl?: string;
  /** LOCAL rules and NAT-GUID good-practice clocks may be switched off or re-timed per organisation; NAT-REG never. */
  configurable: boolean;
  /** Date the provision came into force, where known. */
  effectiveFrom?: string;
  /** How the wording was checked (DOMAIN §0.1): `[V]` verified, `[S]` secondary source, `[R]` not verified. */
  verification: 'V' | 'S' | 'R';
  /** Why the count is what it is, when no source fixes it (a configurable default). */
  countNote?: string;
  /** Stages of a rule that runs in more than one clock. */
  phases?: readonly RulePhase[];
}
