import { ProcessedEvent, QUEUES, SubgraphDefinition } from '@hub/service-kit';
import { childrenEventHandlers } from './events/handlers';
import { createChildrenContext, ChildrenContext } from './context';
import { buildChildrenSchema } from './schema';
import { migrations } from './migrations';
import { ChildEntity } from './child/child.entity';
import { PlacementEntity } from './placement/placement.entity';
import { PeriodOfCareEntity } from './period-of-care/period-of-care.entity';
import { LegalStatusEntity } from './period-of-care/legal-status.entity';
import { SignificantEventEntity } from './significant-event/significant-event.entity';
import { VisitEntity } from './visit/visit.entity';
import { ChildContactEntity } from './contact/child-contact.entity';
import { AuthorityEntity } from './reference-data/authority.entity';
import { ProviderEntity } from './reference-data/provider.entity';
import { ssda903Entities } from './ssda903/ssda903.entity';

/** The children service's entities. */
export const childrenEntities = [
  ChildEntity, PlacementEntity, PeriodOfCareEntity, LegalStatusEntity, SignificantEventEntity, VisitEntity, AuthorityEntity, ProviderEntity, ChildContactEntity,
  ProcessedEvent, ...ssda903Entities,
];

/** The children subgraph: owns Child, Placement, Authority, Provider and the chronology. */
export const childrenSubgraph: SubgraphDefinition<ChildrenContext> = {
  name: 'children',
  schema: 'children',
  entities: childrenEntities,
  migrations,
  buildSchema: buildChildrenSchema,
  extendContext: (base) => createChildrenContext(base),
  // IroAssigned from reviews: the kit keeps the IRO's access to the child, as it keeps access facts in every
  // service; children has no handling of its own (README, Architecture: the one event routed back).
  consumes: { queue: QUEUES.eventsChildren, ...childrenEventHandlers },
};
