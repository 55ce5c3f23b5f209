import { createHash } from 'node:crypto';
import { resolvePersistedOperation, PersistedOperationsOptions } from './persisted-operations';

const doc = 'query Overdue { overdue { ruleId } }';
const hash = createHash('sha256').update(doc).digest('hex');
const store = { [hash]: doc, 'children-list-v1': '{ children { edges { node { id } } } }' };
const apq = (sha256Hash: string) => ({ persistedQuery: { version: 1, sha256Hash } });
const LA_SYSTEM = ['LA_SYSTEM'];
const SOCIAL_WORKER = ['SOCIAL_WORKER'];

function run(mode: PersistedOperationsOptions['mode'], params: Parameters<typeof resolvePersistedOperation>[0], roles: string[]) {
  const r = resolvePersistedOperation(params, roles, { mode, store });
  return 'error' in r ? r.error.extensions.code : r.query;
}

describe('resolvePersistedOperation', () => {
  it.each([
    { mode: 'off', params: { query: '{ a }' }, roles: LA_SYSTEM, expected: '{ a }', why: 'off: documents from everyone' },
    { mode: 'off', params: { extensions: apq(hash) }, roles: LA_SYSTEM, expected: undefined, why: 'off: hashes are not looked up' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { extensions: apq(hash) }, roles: LA_SYSTEM, expected: doc, why: 'LA_SYSTEM runs a stored operation by Apollo hash' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { documentId: 'children-list-v1' }, roles: LA_SYSTEM, expected: store['children-list-v1'], why: 'LA_SYSTEM runs a stored operation by documentId' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { documentId: `sha256:${hash}` }, roles: LA_SYSTEM, expected: doc, why: 'a sha256: prefixed documentId finds the bare hash' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { query: '{ a }' }, roles: LA_SYSTEM, expected: 'PERSISTED_QUERY_REQUIRED', why: 'LA_SYSTEM may not send documents' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { query: '{ a }', extensions: apq(hash) }, roles: LA_SYSTEM, expected: doc, why: 'LA_SYSTEM: the stored document wins over text sent with the hash' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { query: '{ a }', extensions: apq('0'.repeat(64)) }, roles: LA_SYSTEM, expected: 'PERSISTED_QUERY_NOT_FOUND', why: 'LA_SYSTEM: an unknown hash is refused even with a document' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { query: '{ a }' }, roles: SOCIAL_WORKER, expected: '{ a }', why: 'other roles may send documents' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { extensions: apq(hash) }, roles: SOCIAL_WORKER, expected: doc, why: 'other roles may use stored operations' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { query: '{ a }', extensions: apq('0'.repeat(64)) }, roles: SOCIAL_WORKER, expected: '{ a }', why: 'other roles: an unknown hash falls back to the document (APQ retry)' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { extensions: apq('0'.repeat(64)) }, roles: SOCIAL_WORKER, expected: 'PERSISTED_QUERY_NOT_FOUND', why: 'other roles: an unknown hash alone is not found' },
    { mode: 'allow-listed-for-LA_SYSTEM', params: { query: '{ a }' }, roles: ['SOCIAL_WORKER', 'LA_SYSTEM'], expected: 'PERSISTED_QUERY_REQUIRED', why: 'holding LA_SYSTEM among other roles restricts' },
    { mode: 'required', params: { query: '{ a }' }, roles: SOCIAL_WORKER, expected: 'PERSISTED_QUERY_REQUIRED', why: 'required: applies to every role' },
    { mode: 'required', params: { documentId: 'children-list-v1' }, roles: SOCIAL_WORKER, expected: store['children-list-v1'], why: 'required: stored operations run' },
    { mode: 'required', params: { documentId: 'toString' }, roles: SOCIAL_WORKER, expected: 'PERSISTED_QUERY_NOT_FOUND', why: 'required: inherited object keys are not operations' },
  ] as const)('$why', ({ mode, params, roles, expected }) => {
    expect(run(mode, params, [...roles])).toBe(expected);
  });

  it('names the id it could not find', () => {
    const r = resolvePersistedOperation({ documentId: 'nope' }, LA_SYSTEM, { mode: 'required', store });
    expect('error' in r && r.error.extensions).toMatchObject({ code: 'PERSISTED_QUERY_NOT_FOUND', documentId: 'nope' });
  });
});
