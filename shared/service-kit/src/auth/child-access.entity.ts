import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Each service's local copy of who may see a child: the placing authority, the provider placement windows
 * and the assigned IROs. The children service writes it with the facts it owns; the others keep it from
 * domain events (ChildRegistered, PlacementStarted/Ended, IroAssigned), so no service reads another's tables.
 */
@Entity({ tableName: 'child_access' })
export class ChildAccess {
  @PrimaryKey({ type: 'string', length: 64 })
  childId!: string;

  @Index()
  @Property({ type: 'string', length: 40 })
  placingAuthority!: string;

  /** Provider placement windows, `to` null while the placement runs. */
  @Property({ type: 'json' })
  providerWindows: ProviderWindow[] = [];

  /** The IRO currently assigned (their subject id), if any. */
  @Index()
  @Property({ type: 'string', length: 64, nullable: true })
  iroSub?: string | null;

  @Property({ type: 'datetime', columnType: 'timestamptz(3)', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** A placement's provider and its period. */
export interface ProviderWindow {
  placementId: string;
  providerId: string;
  from: string;
  to: string | null;
}
