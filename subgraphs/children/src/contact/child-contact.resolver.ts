import { Arg, Ctx, FieldResolver, Mutation, Resolver, Root } from 'type-graphql';
import { ForbiddenError } from '@hub/service-kit';
import type { ChildrenContext } from '../context';
import { Child } from '../child/child.type';
import { ChildContactEntity } from './child-contact.entity';
import { ChildContact, RecordChildContactInput, toChildContact } from './child-contact.type';
import { ChildContactService } from './child-contact.service';

/** The child's contacts (CPPCR reg 8 recipients): recorded by the authority, read by the authority and the IRO. */
@Resolver(() => Child)
export class ChildContactResolver {
  @Mutation(() => ChildContact, { description: "Records a person told of decisions about the child's contact (CPPCR reg 8): the child, a parent, a carer under an earlier order, or another relevant person, with their address." })
  async recordChildContact(@Arg('input', () => RecordChildContactInput) input: RecordChildContactInput, @Ctx() ctx: ChildrenContext): Promise<ChildContact> {
    const row = await ctx.transactional(async (em) => {
      const recorded = await new ChildContactService(em, ctx.principal).record(input);
      ctx.audit.note('WRITE', recorded.childId, 'recordChildContact');
      return recorded;
    });
    return toChildContact(row);
  }

  @FieldResolver(() => [ChildContact], { nullable: true, description: 'People told of decisions about contact (reg 8), with their addresses. The authority and the IRO only.' })
  async contacts(@Root() child: Child, @Ctx() ctx: ChildrenContext): Promise<ChildContact[] | null> {
    const relation = await ctx.relationTo(child.id);
    if (relation !== 'AUTHORITY' && relation !== 'IRO') throw new ForbiddenError('your role may not see the child\'s contacts', { field: 'contacts' });
    const rows = await ctx.em.find(ChildContactEntity, { childId: child.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
    return rows.map(toChildContact);
  }
}
