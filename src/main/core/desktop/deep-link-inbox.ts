/**
 * Where deep links arrive. A link can come before anything can open it — the app started by clicking
 * one — so the latest waits until the window attaches; links that are not ours are logged and dropped.
 */
import type { CoreLog } from '../log'
import { parseDeepLink, type DeepLinkTarget } from './deep-link'

export class DeepLinkInbox {
  private waiting: DeepLinkTarget | undefined
  private handler: ((target: DeepLinkTarget) => void) | undefined

  constructor(private readonly log: CoreLog) {}

  receive(link: string): void {
    const result = parseDeepLink(link)
    if (!result.ok) {
      this.log.warn(`Ignored a link: ${result.reason}`)
      return
    }
    if (this.handler) this.handler(result.target)
    else this.waiting = result.target
  }

  /** Delivers the waiting link, if any, then each new one; returns how to stop. */
  attach(handler: (target: DeepLinkTarget) => void): () => void {
    this.handler = handler
    const waiting = this.waiting
    this.waiting = undefined
    if (waiting) handler(waiting)
    return () => {
      if (this.handler === handler) this.handler = undefined
    }
  }
}
