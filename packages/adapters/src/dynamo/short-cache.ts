/**
 * How long a container trusts configuration it read (form mappings, the working calendar). An edit
 * clears the cache of the container that made it at once; other warm containers see it within this
 * time. For the calendar the recompute job then corrects every open deadline anyway (docs/RULES.md).
 */
export const READ_CACHE_MS = 10_000;

/**
 * A value read at most once per `ttlMs`; concurrent readers share one read, and a failed read is not
 * kept (the next caller tries again).
 */
export class ShortCache<T> {
  private entry?: { at: number; value: Promise<T> };

  constructor(
    private readonly ttlMs: number,
    private readonly read: () => Promise<T>,
    private readonly now = () => performance.now(),
  ) {}

  get(): Promise<T> {
    const now = this.now();
    if (this.entry && now - this.entry.at < this.ttlMs) return this.entry.value;
    const value = this.read();
    const entry = { at: now, value };
    this.entry = entry;
    value.catch(() => {
      if (this.entry === entry) this.entry = undefined;
    });
    return value;
  }

  clear() {
    this.entry = undefined;
  }
}
