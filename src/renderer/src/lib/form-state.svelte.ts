import type { OutboxMark } from '@shared/models/outbox'
import type { IpcError, Result } from '@shared/result'

/**
 * How a form's write ended: on Plannr (`saved`), or accepted and kept on this computer until Plannr can
 * be reached (`queued`: its row is marked "Sending…" or "Waiting for connection" meanwhile).
 */
export type FormOutcome = 'saved' | 'queued'

/** A record a write answers with: marked while it is not yet on Plannr. */
interface Written {
  outbox?: OutboxMark | undefined
}

export interface FormStateOptions<F extends string> {
  /** The form's fields, as the contract names them (Plannr's messages come keyed the same), in the order they are shown. */
  fields: readonly F[]
  /** Rewords a message from Plannr for its field (e.g. "The selected adviser key is invalid."). */
  reword?: (field: F, message: string) => string
}

/**
 * One form's submit cycle, the same for every form: one submit at a time; problems found before sending
 * keep it from being sent; a refusal puts each of Plannr's messages at its field, and a message for no
 * field here (or a failure with none: offline with nowhere to keep it, a bug) becomes the form's failure.
 * Nothing typed is touched: the form's values stay with the form.
 */
export class FormState<F extends string> {
  submitting = $state(false)
  /** One message per field, from the form's own checks or from Plannr. */
  errors = $state<Partial<Record<F, string>>>({})
  /** A failure that belongs to no field: shown above the buttons. */
  failure = $state<IpcError | null>(null)
  /** How the last successful submit ended; null before one, and after a reset. */
  outcome = $state<FormOutcome | null>(null)

  readonly #fields: readonly F[]
  readonly #reword: (field: F, message: string) => string

  constructor(options: FormStateOptions<F>) {
    this.#fields = options.fields
    this.#reword = options.reword ?? ((_field, message) => message)
  }

  /** The first field with a problem, in the form's order: where focus should go. */
  get firstError(): F | null {
    return this.#fields.find((field) => this.errors[field] !== undefined) ?? null
  }

  /** The user changed these fields: their messages go. */
  clear(...fields: F[]): void {
    if (!fields.some((field) => field in this.errors)) return
    const errors = { ...this.errors }
    for (const field of fields) delete errors[field]
    this.errors = errors
  }

  reset(): void {
    this.submitting = false
    this.errors = {}
    this.failure = null
    this.outcome = null
  }

  /**
   * Sends with `send` unless `problems` (the form's own checks) has any. Returns what Plannr (or the
   * outbox) answered, or null with the messages in `errors` / `failure`. Null at once while a submit is
   * already on its way.
   */
  async submit<T extends Written>(send: () => Promise<Result<T>>, problems: Partial<Record<F, string>> = {}): Promise<T | null> {
    if (this.submitting) return null
    this.failure = null
    this.outcome = null
    this.errors = problems
    if (Object.keys(problems).length > 0) return null
    this.submitting = true
    let result: Result<T>
    try {
      result = await send()
    } finally {
      this.submitting = false
    }
    if (result.ok) {
      this.outcome = result.value.outbox ? 'queued' : 'saved'
      return result.value
    }
    this.#refused(result.error)
    return null
  }

  #refused(error: IpcError): void {
    const errors: Partial<Record<F, string>> = {}
    const elsewhere: string[] = []
    for (const [field, messages] of Object.entries(error.fields ?? {})) {
      const message = messages[0]
      if (!message) continue
      if (this.#isField(field)) errors[field] ??= this.#reword(field, message)
      else elsewhere.push(message)
    }
    this.errors = errors
    if (Object.keys(errors).length === 0 || elsewhere.length > 0) {
      this.failure = elsewhere.length > 0 ? { ...error, message: elsewhere.join(' ') } : error
    }
  }

  #isField(name: string): name is F {
    return (this.#fields as readonly string[]).includes(name)
  }
}

/**
 * What to announce once a form's write is accepted: `done` ("Phone number added"), and when it is kept
 * on this computer for now, that it goes to Plannr once it can be reached.
 */
export function outcomeText(outcome: FormOutcome | null, done: string): string {
  return outcome === 'queued' ? `${done} on this computer: it will be sent to Plannr when it can be reached` : done
}

/**
 * Moves focus to what the user must fix first: the element marked `data-field="<field>"` inside `form`,
 * or else the form's failure (`data-failure`).
 */
export function focusFirstProblem(form: HTMLElement | null | undefined, field: string | null): void {
  const target = field ? form?.querySelector<HTMLElement>(`[data-field="${field}"]`) : form?.querySelector<HTMLElement>('[data-failure]')
  target?.focus()
}
