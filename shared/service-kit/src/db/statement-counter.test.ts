import { randomUUID } from 'node:crypto';
import { attributeStatements, countStatement, requestStatementCount, statementCount } from './statement-counter';

describe('statement counter', () => {
  it('counts nothing issued outside a request (relay, consumers, timers)', () => {
    const schema = `s${randomUUID().slice(0, 8)}`;
    countStatement(schema);
    countStatement(schema);
    expect(statementCount(schema)).toBe(0);
  });

  it("attributes a request's statements to it, through awaits, timers and concurrent requests", async () => {
    const schema = `s${randomUUID().slice(0, 8)}`;
    const a = randomUUID();
    const b = randomUUID();
    const work = (n: number) => async () => {
      for (let i = 0; i < n; i++) {
        await new Promise((r) => setTimeout(r, 1));
        countStatement(schema);
      }
      await Promise.all([Promise.resolve().then(() => countStatement(schema))]);
    };
    const background = setInterval(() => countStatement(schema), 1);
    try {
      await Promise.all([attributeStatements(a, work(3)), attributeStatements(b, work(7))]);
    } finally {
      clearInterval(background);
    }
    expect(requestStatementCount(a)).toBe(4);
    expect(requestStatementCount(b)).toBe(8);
    expect(statementCount(schema)).toBe(12);
  });

  it('sums the parts of one request id served in several scopes (one per subgraph)', async () => {
    const id = randomUUID();
    await attributeStatements(id, async () => countStatement('x'));
    await attributeStatements(id, async () => countStatement('y'));
    expect(requestStatementCount(id)).toBe(2);
    expect(requestStatementCount(randomUUID())).toBe(0);
  });
});
