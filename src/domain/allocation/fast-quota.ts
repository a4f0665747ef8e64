/**
 * The quota rule in O(log m) per decision, for simulations and the benchmark. It picks exactly what
 * `Allocator.pick('quota')` picks (a property test compares them step by step).
 *
 * Why it works: with E_i = base_i + s_i·n, the deadline (1000·c·(r_i+1) − 1000 − c·E_i)/s_i equals
 * A_i/s_i − c·n with A_i = 1000·c·(r_i+1) − 1000 − c·base_i, so the order of deadlines does not depend on n. And a
 * municipality becomes eligible once n + 1 ≥ T_i = ⌈(1000 + c·(1000·r_i − base_i)) / (c·s_i)⌉, and stays eligible
 * while n grows. Both keys change only when r_i does, i.e. when the municipality is assigned children.
 */
import type { Allocator } from './allocator.ts';

class Heap<T> {
  private readonly items: T[] = [];
  constructor(private readonly before: (a: T, b: T) => boolean) {}
  get size(): number {
    return this.items.length;
  }
  peek(): T | undefined {
    return this.items[0];
  }
  push(item: T): void {
    const items = this.items;
    items.push(item);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(items[i] as T, items[parent] as T)) break;
      [items[i], items[parent]] = [items[parent] as T, items[i] as T];
      i = parent;
    }
  }
  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length > 0 && last !== undefined) {
      items[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < items.length && this.before(items[l] as T, items[m] as T)) m = l;
        if (r < items.length && this.before(items[r] as T, items[m] as T)) m = r;
        if (m === i) break;
        [items[i], items[m]] = [items[m] as T, items[i] as T];
        i = m;
      }
    }
    return top;
  }
}

interface Entry {
  readonly i: number;
  readonly version: number;
  /** The eligibility threshold T_i (waiting heap) or the deadline numerator A_i (ready heap). */
  readonly key: number;
  readonly share: number;
}

/** ⌈a / b⌉ for integers, b > 0, exact within the safe-integer range. */
function ceilDiv(a: number, b: number): number {
  let q = Math.trunc(a / b);
  while (q * b < a) q++;
  while ((q - 1) * b >= a) q--;
  return q;
}

export class FastQuota {
  private versions = new Int32Array(0);
  private waiting = new Heap<Entry>((a, b) => a.key < b.key);
  private ready = new Heap<Entry>(() => false);

  private readonly position: ReadonlyMap<string, number>;

  constructor(private readonly allocator: Allocator) {
    this.position = new Map(allocator.codes.map((code, i) => [code, i]));
    this.rebuild();
  }

  /** After the shares changed (c and every key change): start over. */
  rebuild(): void {
    const { shares } = this.allocator.internals();
    this.versions = new Int32Array(shares.length);
    this.waiting = new Heap<Entry>((a, b) => a.key < b.key);
    // Earlier deadline A_i/s_i first (cross-multiplied), then larger share, then lower index (codes are sorted).
    this.ready = new Heap<Entry>((a, b) => {
      const cmp = a.key * b.share - b.key * a.share;
      return cmp !== 0 ? cmp < 0 : a.share !== b.share ? a.share > b.share : a.i < b.i;
    });
    for (let i = 0; i < shares.length; i++) if ((shares[i] ?? 0) > 0) this.enqueue(i);
  }

  private enqueue(i: number): void {
    const { shares, base, r, c } = this.allocator.internals();
    const s = shares[i] ?? 0;
    const threshold = ceilDiv(1000 + c * (1000 * (r[i] ?? 0) - (base[i] ?? 0)), c * s);
    this.waiting.push({ i, version: this.versions[i] ?? 0, key: threshold, share: s });
  }

  private deadlineEntry(i: number): Entry {
    const { shares, base, r, c } = this.allocator.internals();
    return {
      i,
      version: this.versions[i] ?? 0,
      key: 1000 * c * ((r[i] ?? 0) + 1) - 1000 - c * (base[i] ?? 0),
      share: shares[i] ?? 0,
    };
  }

  /** Call after `allocator.assign(code, k)` (either kind of decision): that municipality's keys changed. */
  assigned(code: string): void {
    const i = this.position.get(code);
    if (i === undefined || (this.allocator.internals().shares[i] ?? 0) === 0) return;
    this.versions[i] = (this.versions[i] ?? 0) + 1;
    this.enqueue(i);
  }

  private current(entry: Entry | undefined): boolean {
    return entry !== undefined && entry.version === this.versions[entry.i];
  }

  pick(): string {
    const { n } = this.allocator.internals();
    for (
      let top = this.waiting.peek();
      top !== undefined && (!this.current(top) || top.key <= n + 1);
      top = this.waiting.peek()
    ) {
      this.waiting.pop();
      if (this.current(top)) this.ready.push(this.deadlineEntry(top.i));
    }
    while (this.ready.size > 0 && !this.current(this.ready.peek())) this.ready.pop();
    const best = this.ready.peek();
    // None eligible: all candidates are (the plain rule's fallback), by the same order.
    const i = best !== undefined ? best.i : this.scanAll();
    return this.allocator.codes[i] ?? '';
  }

  private scanAll(): number {
    const { shares } = this.allocator.internals();
    const order = new Heap<Entry>((a, b) => {
      const cmp = a.key * b.share - b.key * a.share;
      return cmp !== 0 ? cmp < 0 : a.share !== b.share ? a.share > b.share : a.i < b.i;
    });
    for (let i = 0; i < shares.length; i++) if ((shares[i] ?? 0) > 0) order.push(this.deadlineEntry(i));
    return order.peek()?.i ?? -1;
  }
}
