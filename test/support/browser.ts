/**
 * Plays the user's browser for "Sign in with Plannr": opens the authorise page the app asked for, and
 * follows Plannr's redirect to the app's loopback callback, as a browser would. `tamper` stands in for
 * an attacker or a confused browser rewriting the callback on the way.
 */
export interface BrowserVisit {
  /** Where Plannr sent the browser (the app's callback, with code or error and state). */
  callback: URL | null
  /** What the app's callback page answered; null when Plannr did not redirect. */
  status: number | null
}

export async function followAuthorize(authorizeUrl: string, tamper?: (callback: URL) => URL | Promise<URL>): Promise<BrowserVisit> {
  const plannr = await fetch(authorizeUrl, { redirect: 'manual' })
  await plannr.body?.cancel()
  const location = plannr.headers.get('location')
  if (!location) return { callback: null, status: null }
  const callback = tamper ? await tamper(new URL(location)) : new URL(location)
  const page = await fetch(callback)
  await page.text()
  return { callback, status: page.status }
}

/** A code Plannr issued to some other authorise request (another challenge): what an attacker would inject. */
export async function codeForAnotherRequest(authorizeUrl: string): Promise<string> {
  const url = new URL(authorizeUrl)
  url.searchParams.set('code_challenge', 'A'.repeat(43))
  const answer = await fetch(url, { redirect: 'manual' })
  await answer.body?.cancel()
  const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code')
  if (!code) throw new Error('the sandbox issued no code')
  return code
}
