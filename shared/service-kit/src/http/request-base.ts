import type { Principal } from '../auth/principal';

/** What every request gets before the service adds its own parts. */
export interface RequestBase {
  requestId: string;
  principal: Principal;
  /** Operation name, when the client named it (for audit). */
  operationName?: string;
}
