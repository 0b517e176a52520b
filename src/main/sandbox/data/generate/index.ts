/**
 * Builds the demo world from a seed: the fixed cast (fixed.ts) plus a generated client book for
 * Harbour & Vale (scaled by size) and a small one for Northgate. Every random choice comes from one
 * seeded stream in a fixed order, so a seed and an anchor always give the same world: reordering the
 * steps below (or the draws inside them) changes every seeded world.
 */
import { EMPLOYEES, FIRMS, NORTHGATE_BOOK, type BookSize } from '../fixed'
import { Prng, deriveSeed } from '../prng'
import { World } from '../world'
import { addBook } from './book'
import { addConnections } from './connections'
import { GenerationContext } from './context'
import { addLongThread } from './long-thread'
import { addDelegate, addEmployee, addFirm, addUsers } from './staff'

export interface GenerateOptions {
  seed: number
  size: BookSize
  /** The instant the generated history leads up to. */
  anchor: number
}

export function generateWorld(options: GenerateOptions): World {
  const world = new World(options.anchor)
  const ctx = new GenerationContext(world, new Prng(deriveSeed(options.seed, 'world')), options.anchor)
  for (const firm of FIRMS) addFirm(ctx, firm.key, firm.name, firm.brandColour)
  for (const employee of EMPLOYEES) addEmployee(ctx, employee)
  addUsers(ctx)
  addBook(ctx, 'harbour', options.size, 'sophie', 0.25)
  // The preferred user signs straight in to Northgate: give their account there a fuller inbox.
  addBook(ctx, 'northgate', NORTHGATE_BOOK, 'callum', 0.6)
  addConnections(ctx)
  // Last, so their draws leave every record above as it was.
  addLongThread(ctx, 'harbour', 'sophie')
  addDelegate(ctx)
  return world
}
