/**
 * An update feed on 127.0.0.1, laid out as electron-builder publishes one: `latest.yml` (Windows),
 * `latest-linux.yml`, `latest-mac.yml` and the installers they name. Each file can be replaced, removed
 * or made to fail while the server runs; `close()` takes the feed down.
 */
import { createHash } from 'node:crypto'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { dump } from 'js-yaml'

export interface FeedFile {
  status: number
  body: Buffer | string
}

export interface Release {
  version: string
  /** The installer's bytes. */
  payload: Buffer
  stagingPercentage?: number
  /** Publish this sha512 instead of the payload's (a corrupted upload or a tampered file). */
  sha512?: string
}

export const CHANNEL_FILES = ['latest.yml', 'latest-linux.yml', 'latest-mac.yml'] as const

export function sha512(data: Buffer): string {
  return createHash('sha512').update(data).digest('base64')
}

export class UpdateFeed {
  readonly files = new Map<string, FeedFile>()
  readonly requests: string[] = []
  url = ''
  private readonly server: Server

  private constructor() {
    this.server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname.replace(/^\/+/, ''))
      this.requests.push(path)
      const file = this.files.get(path)
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found')
        return
      }
      const body = typeof file.body === 'string' ? Buffer.from(file.body) : file.body
      res.writeHead(file.status, { 'content-type': path.endsWith('.yml') ? 'text/yaml' : 'application/octet-stream', 'content-length': body.length })
      res.end(body)
    })
  }

  static async start(): Promise<UpdateFeed> {
    const feed = new UpdateFeed()
    await new Promise<void>((resolve, reject) => {
      feed.server.once('error', reject)
      feed.server.listen(0, '127.0.0.1', () => resolve())
    })
    feed.url = `http://127.0.0.1:${(feed.server.address() as AddressInfo).port}/desktop`
    return feed
  }

  /** Publishes a release under every channel file, as electron-builder would for each platform. */
  publish(release: Release): void {
    const name = `Plannr-Desktop-${release.version}.AppImage`
    this.files.set(`desktop/${name}`, { status: 200, body: release.payload })
    const info = {
      version: release.version,
      files: [{ url: name, sha512: release.sha512 ?? sha512(release.payload), size: release.payload.length }],
      path: name,
      sha512: release.sha512 ?? sha512(release.payload),
      releaseDate: '2026-11-30T10:00:00.000Z',
      ...(release.stagingPercentage === undefined ? {} : { stagingPercentage: release.stagingPercentage }),
    }
    this.setChannelText(dump(info))
  }

  /** Puts the same text in every channel file (a malformed feed, for instance). */
  setChannelText(text: string, status = 200): void {
    for (const channel of CHANNEL_FILES) this.files.set(`desktop/${channel}`, { status, body: text })
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.server.close(() => resolve())
      this.server.closeAllConnections()
    })
  }
}
