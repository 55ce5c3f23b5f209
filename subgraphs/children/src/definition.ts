import type { EntityManager } from '@mikro-orm/postgresql';
import { applyAccessEvent, QUEUES, SubgraphDefinition } from '@hub/service-kit';
import { createChildrenContext, ChildrenContext } from './context';
import { buildChildrenSchema } from './schema';
import { migrations } from './migrations';
import { ChildEntity } from './child/child.entity';
import { PlacementEntity } from './placement/placement.entity';
import { PeriodOfCareEntity } from './period-of-care/period-of-care.entity';
import { LegalStatusEntity } from './period-of-care/legal-status.entity';
import { SignificantEventEntity } from './significant-event/significant-event.entity';
import { VisitEntity } from './visit/visit.entity';
import { AuthorityEntity } from './reference-data/authority.entity';
import { ProviderEntity } from './reference-data/provider.entity';

/** The children service's entities. */
export const childrenEntities = [
  ChildEntity, PlacementEntity, PeriodOfCareEntity, LegalStatusEntity, SignificantEventEntity, VisitEntity, AuthorityEntity, ProviderEntity,
];

/** The children subgraph: owns Child, Placement, Authority, Provider and the chronology. */
export const childrenSubgraph: SubgraphDefinition<ChildrenContext> = {
  name: 'children',
  schema: 'children',
  entities: childrenEntities,
  migrations,
  buildSchema: buildChildrenSchema,
  extendContext: (base) => createChildrenContext(base),
  consumes: {
    queue: QUEUES.eventsChildren,
    // IroAssigned from reviews: the IRO's access to the child.
    handle: async (orm, event) => {
      const em = orm.em.fork() as EntityManager;
      await em.transactional((tem) => applyAccessEvent(tem, event));
    },
  },
};
