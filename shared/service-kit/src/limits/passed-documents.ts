/**
 * Documents that passed the token, depth and alias limits (which depend on the document's text alone), most
 * recent last: at most {@link PassedDocuments.MAX} of them, each at most {@link PassedDocuments.MAX_LENGTH}
 * characters, so a caller sending endless distinct documents cannot grow it.
 */
export class PassedDocuments {
  static readonly MAX = 500;
  static readonly MAX_LENGTH = 20_000;
  private readonly docs = new Set<string>();

  has(query: string): boolean {
    if (!this.docs.has(query)) return false;
    // Most recently used last.
    this.docs.delete(query);
    this.docs.add(query);
    return true;
  }

  add(query: string): void {
    if (query.length > PassedDocuments.MAX_LENGTH) return;
    this.docs.add(query);
    if (this.docs.size > PassedDocuments.MAX) this.docs.delete(this.docs.values().next().value as string);
  }

  get size(): number {
    return this.docs.size;
  }
}
