/** An HTTP answer thrown from deep inside a route; the server turns it into the response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: { message: string; errors?: Record<string, string[]> },
    readonly headers: Record<string, string> = {},
  ) {
    super(body.message)
  }
}

export const UNAUTHENTICATED = () => new HttpError(401, { message: 'Unauthenticated.' })
export const FORBIDDEN = () => new HttpError(403, { message: 'This action is unauthorized.' })

/** Laravel's answer for a route-model binding that found nothing. */
export function modelNotFound(model: string, uuid: string): HttpError {
  return new HttpError(404, { message: `No query results for model [App\\Models\\${model}] ${uuid}` })
}

export function routeNotFound(path: string): HttpError {
  return new HttpError(404, { message: `The route ${path.replace(/^\//, '')} could not be found.` })
}
