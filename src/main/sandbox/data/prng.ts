/**
 * A small seeded PRNG (mulberry32). Everything the sandbox invents — names, ids, timestamps, which
 * requests fail — comes from one of these, so a given seed always yields the same world and the same
 * fault pattern.
 */
export class Prng {
  private state: number

  constructor(seed: number) {
    this.state = seed >>> 0
  }

  /** An unsigned 32-bit integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0
    let t = this.state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** A float in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('pick from an empty list')
    return item
  }

  /** `count` distinct items (fewer if the list is shorter), in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice()
    const n = Math.min(count, copy.length)
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.next() * (copy.length - i))
      const a = copy[i] as T
      copy[i] = copy[j] as T
      copy[j] = a
    }
    return copy.slice(0, n)
  }

  /** A random permutation of 0..n-1. */
  permutation(n: number): number[] {
    return this.sample(
      Array.from({ length: n }, (_, i) => i),
      n,
    )
  }

  /** A version-4-shaped UUID drawn from this generator, so ids repeat with the seed. */
  uuid(): string {
    const a = this.uint32()
    const b = this.uint32()
    const c = (this.uint32() & 0x3fffffff) | 0x80000000
    const d = this.uint32()
    return (
      hex8(a) + '-' + hex8(b).slice(0, 4) + '-4' + hex8(b).slice(5, 8) + '-' + hex8(c).slice(0, 4) + '-' + hex8(c).slice(4, 8) + hex8(d)
    )
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

function hex8(n: number): string {
  return (HEX[n >>> 24] as string) + (HEX[(n >>> 16) & 0xff] as string) + (HEX[(n >>> 8) & 0xff] as string) + (HEX[n & 0xff] as string)
}

/** Mixes a seed with a label so separate streams (world, runtime ids, faults) do not overlap. */
export function deriveSeed(seed: number, label: string): number {
  let h = (seed ^ 0x9e3779b9) >>> 0
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193) >>> 0
  }
  return h
}
