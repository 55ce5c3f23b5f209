import { endOfLondonDay } from '@hub/statutory';
import type { ChildAccess, ProviderWindow } from './child-access.entity';
import type { Principal } from './principal';
import { ChildRelation, relationToChild } from './policy';
import { ForbiddenError } from '../graphql/errors';
import { now } from '../clock';

/**
 * When a record happened: an instant (a Date or an ISO instant), a London calendar date (`YYYY-MM-DD`, the
 * whole day), or a span of either (`to` null while it runs).
 */
export type RecordTime = Date | string | { from: Date | string; to: Date | string | null };

/**
 * What the scope needs to know about one record of a child. Every part given must hold for a provider:
 *  - `placementId`: the record belongs to that placement (it must be one of the caller's placements);
 *  - `providerId`: the record belongs to that provider (it must be the caller's organisation);
 *  - `at`: when it happened (an instant or date inside one of the caller's placement windows; a span
 *    overlapping one).
 * A stamp with none of them is not tied to a placement or a time, and is refused to a provider.
 */
export interface RecordStamp {
  at?: RecordTime | null;
  placementId?: string | null;
  providerId?: string | null;
}

const DAY_RE = /^\d{4}-\d{2}-\d{2}$/;

/** [start, end) in epoch milliseconds; a London date covers its whole day. */
function bounds(t: Date | string, side: 'from' | 'to'): number {
  if (t instanceof Date) return t.getTime();
  if (DAY_RE.test(t)) {
    // The day's first instant for a start, its last for an end (inclusive days).
    const end = Date.parse(endOfLondonDay(t));
    return side === 'to' ? end : Date.parse(endOfLondonDay(prevDay(t))) + 1;
  }
  const ms = Date.parse(t);
  if (Number.isNaN(ms)) throw new Error(`not a date or instant: ${t}`);
  return ms;
}

function prevDay(d: string): string {
  const x = new Date(`${d}T12:00:00Z`);
  x.setUTCDate(x.getUTCDate() - 1);
  return x.toISOString().slice(0, 10);
}

function span(t: RecordTime): [number, number] {
  if (t instanceof Date || typeof t === 'string') return [bounds(t, 'from'), bounds(t, 'to')];
  return [bounds(t.from, 'from'), t.to === null ? Number.POSITIVE_INFINITY : bounds(t.to, 'to')];
}

/**
 * What one caller may read of one child: THE policy every list field and every entity lookup of every subgraph
 * goes through. The placing authority's staff and the assigned IRO read the whole record; a provider reads,
 * while a placement with it runs, only its own placements and what happened during its placements (records
 * dated inside one of its placement windows, spans overlapping one); anyone else reads nothing.
 */
export class ChildReadScope {
  /** The caller's own placement windows with the child (providers only). */
  readonly windows: readonly ProviderWindow[];

  constructor(
    readonly principal: Principal,
    readonly childId: string,
    readonly relation: ChildRelation,
    access: ChildAccess | null,
  ) {
    this.windows = relation === 'PROVIDER' && access ? access.providerWindows.filter((w) => w.providerId === principal.org) : [];
  }

  /** Whether the caller may read anything of the child. */
  get readable(): boolean {
    return this.relation !== 'NONE';
  }

  /**
   * Throws FORBIDDEN unless the caller may read the child.
   * @param what - what was read, for the message
   * @returns this scope
   */
  require(what = 'read this child'): this {
    if (!this.readable) throw new ForbiddenError(`not permitted to ${what}`, { childId: this.childId });
    return this;
  }

  /**
   * Whether one record of the child is visible to the caller.
   * @param stamp - the record's placement, provider and time
   * @returns true when visible
   */
  sees(stamp: RecordStamp): boolean {
    if (this.relation === 'AUTHORITY' || this.relation === 'IRO') return true;
    if (this.relation !== 'PROVIDER') return false;
    const { at, placementId, providerId } = stamp;
    if (at == null && placementId == null && providerId == null) return false;
    if (providerId != null && providerId !== this.principal.org) return false;
    if (placementId != null && !this.windows.some((w) => w.placementId === placementId)) return false;
    if (at != null) return this.windows.some((w) => overlaps(span(at), windowSpan(w)));
    return true;
  }

  /**
   * The part of a span inside the caller's windows, for hiding a span's ends outside them: each end is kept
   * when it falls inside a window, else null. The whole span for the authority and the IRO.
   * @param from - the span's start
   * @param to - the span's end (null while it runs)
   * @returns which ends the caller may see
   */
  ends(from: Date | string, to: Date | string | null): { from: boolean; to: boolean } {
    if (this.relation === 'AUTHORITY' || this.relation === 'IRO') return { from: true, to: true };
    const inside = (t: Date | string) => this.sees({ at: t });
    return { from: inside(from), to: to !== null && inside(to) };
  }

  /**
   * Keeps the rows the caller may see.
   * @param rows - a child's records
   * @param stamp - each record's stamp
   * @returns the visible rows, in order
   */
  filter<T>(rows: readonly T[], stamp: (row: T) => RecordStamp): T[] {
    if (this.relation === 'AUTHORITY' || this.relation === 'IRO') return [...rows];
    if (this.relation !== 'PROVIDER') return [];
    return rows.filter((r) => this.sees(stamp(r)));
  }
}

function windowSpan(w: ProviderWindow): [number, number] {
  return [Date.parse(w.from), w.to === null ? Number.POSITIVE_INFINITY : Date.parse(w.to)];
}

function overlaps(a: [number, number], b: [number, number]): boolean {
  // A window is [from, to): a record at the placement's end instant is after it; a record's span is inclusive.
  return a[0] < b[1] && a[1] >= b[0];
}

/**
 * The caller's read scope of a child.
 * @param p - the caller
 * @param childId - the child
 * @param access - the child's access facts (null when unknown here)
 * @param at - the instant of the read (a provider's placement must be running then). @default now
 * @returns the scope
 */
export function childReadScope(p: Principal, childId: string, access: ChildAccess | null, at: Date = now()): ChildReadScope {
  return new ChildReadScope(p, childId, relationToChild(p, access, at), access);
}
