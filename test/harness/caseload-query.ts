/**
 * The caseload page a local authority's case system reads most: children with their placement, plans, deadlines,
 * reviews and notifications, across all four subgraphs. The federation test, the query-planner test and
 * `npm run bench:caseload` all read it.
 */
export const CASELOAD = `query Caseload($n: Int!) {
  children(first: $n) {
    totalCount
    edges { node {
      id name dateOfBirth
      placingAuthority { code name }
      currentPlacement { startedAt isEmergency provider { name } }
      plans { id kind status }
      deadlines { ruleId dueAt status basis { citation } }
      reviews { sequence dueBy }
      nextReview { dueBy }
      notifications { ruleId status }
    } }
  }
}`;
