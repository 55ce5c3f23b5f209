import { FieldNode, FragmentDefinitionNode, Kind, OperationDefinitionNode, parse, visit } from 'graphql';
import { LEAN_BASIS_OMITS, leanDeadlinesSuffice } from './deadline-selection';

/** The resolve info of the `deadlines` field(s) in a document. */
function infoOf(document: string) {
  const doc = parse(document);
  const fieldNodes: FieldNode[] = [];
  visit(doc, { Field: (node) => void (node.name.value === 'deadlines' && fieldNodes.push(node)) });
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const d of doc.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
  expect(doc.definitions.some((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)).toBe(true);
  return { fieldNodes, fragments };
}

describe('leanDeadlinesSuffice: which deadline selections the lean ledger rows answer', () => {
  it.each([
    ['the caseload page', '{ child(id: "x") { deadlines { ruleId dueAt status basis { citation } } } }'],
    ['no basis at all', '{ child(id: "x") { deadlines { id title class subjectKey dueAt dueDate status metAt notApplicableReason } } }'],
    ['every basis field but the omitted ones', '{ child(id: "x") { deadlines { basis { anchor unit count direction citation sourceUrl class overridden provisional inclusiveAlternative practicalDate } } } }'],
    ['fields through fragments', '{ child(id: "x") { deadlines { ...D } } } fragment D on Deadline { status basis { ... on DeadlineBasis { citation } } }'],
  ])('lean: %s', (_why, document) => {
    expect(leanDeadlinesSuffice(infoOf(document))).toBe(true);
  });

  it.each([
    ...LEAN_BASIS_OMITS.map((k) => [`basis.${k}`, `{ child(id: "x") { deadlines { status basis { ${k === 'skipped' ? 'skipped { date }' : k} } } } }`]),
    ['reason (it shows the explanation past the calendar)', '{ child(id: "x") { deadlines { status reason } } }'],
    ['an omitted field through a fragment', '{ child(id: "x") { deadlines { ...D } } } fragment D on Deadline { basis { ...B } } fragment B on DeadlineBasis { explanation }'],
    ['an omitted field under an alias', '{ child(id: "x") { deadlines { why: basis { text: explanation } } } }'],
    ['a second selection of deadlines that needs it', '{ child(id: "x") { deadlines { status } again: deadlines { reason } } }'],
    ['a fragment that is not there', '{ child(id: "x") { deadlines { ...Missing } } }'],
  ])('full: %s', (_why, document) => {
    expect(leanDeadlinesSuffice(infoOf(document))).toBe(false);
  });
});
