/**
 * `PLANNR_API_URL`: the Plannr server the app talks to. The token travels with every request, so only
 * https will do — except a server on this computer (a sandbox standing in for Plannr), which may be
 * plain http.
 */

export type ApiUrlCheck = { ok: true; url: string } | { ok: false; message: string }

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]'])

export function checkApiUrl(text: string, variable = 'PLANNR_API_URL'): ApiUrlCheck {
  let url: URL
  try {
    url = new URL(text.trim())
  } catch {
    return { ok: false, message: `${variable} is not a web address: ${JSON.stringify(text.slice(0, 200))}` }
  }
  if (url.username !== '' || url.password !== '') return { ok: false, message: `${variable} must not carry a user name or password.` }
  if (url.search !== '' || url.hash !== '') return { ok: false, message: `${variable} must not have a query or fragment.` }
  if (url.protocol === 'https:') return { ok: true, url: url.toString().replace(/\/+$/, '') }
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, url: url.toString().replace(/\/+$/, '') }
  if (url.protocol === 'http:') {
    return { ok: false, message: `${variable} must be an https address (plain http is allowed only for 127.0.0.1 or localhost): ${url.origin}` }
  }
  return { ok: false, message: `${variable} must be an https address, not ${url.protocol}` }
}
