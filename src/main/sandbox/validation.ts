/**
 * Laravel-shaped validation: collect messages per field, then answer 422
 * { message: "<first message> (and N more errors)", errors: { field: [messages] } }.
 */
import { HttpError } from './http-error'

/** Laravel shows "adviser_key" as "adviser key"; nested keys such as "account_uuids.0" are shown as written. */
export function attribute(field: string): string {
  return field.includes('.') ? field : field.replace(/_/g, ' ')
}

export const messages = {
  required: (field: string) => `The ${attribute(field)} field is required.`,
  string: (field: string) => `The ${attribute(field)} field must be a string.`,
  array: (field: string) => `The ${attribute(field)} field must be an array.`,
  boolean: (field: string) => `The ${attribute(field)} field must be true or false.`,
  integer: (field: string) => `The ${attribute(field)} field must be an integer.`,
  maxString: (field: string, max: number) => `The ${attribute(field)} field must not be greater than ${max} characters.`,
  maxNumber: (field: string, max: number) => `The ${attribute(field)} field must not be greater than ${max}.`,
  minNumber: (field: string, min: number) => `The ${attribute(field)} field must be at least ${min}.`,
  size: (field: string, size: number) => `The ${attribute(field)} field must be ${size} characters.`,
  alphaNum: (field: string) => `The ${attribute(field)} field must only contain letters and numbers.`,
  email: (field: string) => `The ${attribute(field)} field must be a valid email address.`,
  phone: (field: string) => `The ${attribute(field)} field must be a valid number.`,
  invalid: (field: string) => `The selected ${attribute(field)} is invalid.`,
}

export class Validator {
  readonly errors: Record<string, string[]> = {}

  add(field: string, message: string): void {
    ;(this.errors[field] ??= []).push(message)
  }

  has(field: string): boolean {
    return field in this.errors
  }

  /** Throws the 422 if anything was added. */
  check(): void {
    const all = Object.values(this.errors).flat()
    if (all.length === 0) return
    throw validationError(this.errors)
  }

  /** A required string of at most `max` characters; returns it when valid. */
  requiredString(body: Record<string, unknown>, field: string, max = 255): string | undefined {
    const value = body[field]
    if (value === undefined || value === null || (typeof value === 'string' && value.trim() === '')) {
      this.add(field, messages.required(field))
      return undefined
    }
    if (typeof value !== 'string') {
      this.add(field, messages.string(field))
      return undefined
    }
    if (value.length > max) {
      this.add(field, messages.maxString(field, max))
      return undefined
    }
    return value
  }

  /** An optional array of strings; each bad element is reported at "field.N". */
  stringArray(body: Record<string, unknown>, field: string, required: boolean): string[] | undefined {
    const value = body[field]
    if (value === undefined || value === null || (Array.isArray(value) && value.length === 0)) {
      if (required) this.add(field, messages.required(field))
      return required ? undefined : []
    }
    if (!Array.isArray(value)) {
      this.add(field, messages.array(field))
      return undefined
    }
    const items: string[] = []
    value.forEach((item: unknown, index) => {
      if (typeof item !== 'string') this.add(`${field}.${index}`, messages.string(`${field}.${index}`))
      else items.push(item)
    })
    return items.length === value.length ? items : undefined
  }
}

export function validationError(errors: Record<string, string[]>): HttpError {
  const all = Object.values(errors).flat()
  const more = all.length - 1
  const message = more > 0 ? `${all[0]} (and ${more} more error${more === 1 ? '' : 's'})` : (all[0] ?? 'The given data was invalid.')
  return new HttpError(422, { message, errors })
}

/** A single-field 422, e.g. for a rule that depends on the world rather than the input's shape. */
export function fieldError(field: string, message: string): HttpError {
  return validationError({ [field]: [message] })
}

/** The body as an object; anything else reads as empty, so required fields are reported missing. */
export function objectBody(body: unknown): Record<string, unknown> {
  if (body !== null && typeof body === 'object' && !Array.isArray(body)) return body as Record<string, unknown>
  return {}
}
