import { PassedDocuments } from './passed-documents';

describe('PassedDocuments: the documents a subgraph need not lex and parse again', () => {
  it('remembers a document once added', () => {
    const d = new PassedDocuments();
    expect(d.has('{ a }')).toBe(false);
    d.add('{ a }');
    expect(d.has('{ a }')).toBe(true);
    expect(d.has('{ b }')).toBe(false);
  });

  it('holds at most MAX documents, dropping the least recently used', () => {
    const d = new PassedDocuments();
    for (let i = 0; i < PassedDocuments.MAX; i++) d.add(`{ f${i} }`);
    expect(d.has('{ f0 }')).toBe(true); // f0 is now the most recent; f1 the least
    d.add('{ extra }');
    expect(d.size).toBe(PassedDocuments.MAX);
    expect(d.has('{ f1 }')).toBe(false);
    expect(d.has('{ f0 }')).toBe(true);
    expect(d.has('{ extra }')).toBe(true);
  });

  it('never keeps a document longer than MAX_LENGTH', () => {
    const d = new PassedDocuments();
    const long = `{ ${'a '.repeat(PassedDocuments.MAX_LENGTH)}}`;
    d.add(long);
    expect(d.has(long)).toBe(false);
    expect(d.size).toBe(0);
  });
});
