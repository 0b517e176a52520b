import { PlannrError } from './errors'

/**
 * How much of an answer the client will hold. Plannr's largest pages (500 circles with their accounts) are
 * a few megabytes; a misbehaving server or proxy could otherwise fill the process's memory.
 */
export const MAX_BODY_BYTES = 50 * 1024 * 1024

export const TOO_LARGE_MESSAGE =
  'Plannr sent an answer far larger than Plannr Desktop expects, so it was not read. Please try again; if it keeps happening, tell your support team.'

function tooLarge(response: Response, serverMessage: string): PlannrError {
  return new PlannrError('server', TOO_LARGE_MESSAGE, { status: response.status, serverMessage })
}

/**
 * The body as text, refused as a `server` error when it is larger than `maxBytes`: at once when its
 * Content-Length says so, otherwise as soon as the bytes streamed pass the limit (the rest is not read).
 */
export async function readBodyText(response: Response, maxBytes = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN)
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined)
    throw tooLarge(response, `Content-Length ${declared} is over the ${maxBytes}-byte limit`)
  }
  if (!response.body) return ''
  const reader = response.body.getReader()
  const decoder = new TextDecoder()
  let text = ''
  let received = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    received += value.byteLength
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined)
      throw tooLarge(response, `the body passed the ${maxBytes}-byte limit while streaming`)
    }
    text += decoder.decode(value, { stream: true })
  }
  return text + decoder.decode()
}
