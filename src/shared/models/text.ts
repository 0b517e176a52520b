import { z } from 'zod'

/*
 * Rules for text an adviser sends to Plannr, so that nothing stored there is other than it seems: no
 * control characters (NUL, escape sequences …), no bidirectional embeddings, overrides or isolates
 * (a title "\u202Egnp.exe" reads as "exe.png"), and nothing blank once whitespace and invisible
 * characters are taken away. Bidi marks (LRM, RLM, ALM) and joiners stay allowed inside real text:
 * right-to-left scripts and emoji need them.
 */

/** C0 and C1 controls and DEL, except tab, line feed and carriage return (multi-line text keeps those). */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u
/** Line breaks, which a one-line field must not hold. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/u
/** Bidi embeddings and overrides (LRE, RLE, PDF, LRO, RLO) and isolates (LRI, RLI, FSI, PDI). */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u
/** Whitespace, format characters (zero-width, marks, soft hyphen, BOM) and the "blank" fillers. */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u115f\u1160\u3164\uffa0\u2800\u034f\u180e]/gu

/** True when nothing visible is left once whitespace and invisible characters are taken away. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, '') === ''
}

export function hasControlCharacters(text: string): boolean {
  return CONTROL.test(text)
}

export function hasBidiControls(text: string): boolean {
  return BIDI_CONTROL.test(text)
}

export interface TextRules {
  /** Shown when the text is missing or blank. */
  required: string
  max: number
  /** Shown when the text is longer than `max`. */
  tooLong: string
  /** Allow line breaks and tabs (messages); one-line fields refuse them. */
  multiline?: boolean
}

/** A trimmed string that follows the rules above, each failure with a message for its field. */
export function userText(rules: TextRules) {
  return z
    .string()
    .trim()
    .superRefine((text, context) => {
      if (isBlank(text)) context.addIssue({ code: 'custom', message: rules.required })
      else if (hasControlCharacters(text) || (!rules.multiline && LINE_BREAK.test(text))) {
        context.addIssue({
          code: 'custom',
          message: rules.multiline ? 'Take out the invisible control characters' : 'Keep it to one line, without control characters',
        })
      } else if (hasBidiControls(text)) {
        context.addIssue({ code: 'custom', message: 'Take out the invisible direction-changing characters (they can disguise text)' })
      }
    })
    .pipe(z.string().max(rules.max, rules.tooLong))
}

/**
 * Text from Plannr as the interface shows it: bidi embeddings, overrides and isolates and control
 * characters (other than line breaks and tabs) are taken out, so what is shown is what is stored.
 */
export function revealText(text: string): string {
  return text.replace(new RegExp(`${BIDI_CONTROL.source}|${CONTROL.source}`, 'gu'), '')
}

/** A mailto: link for an address that is only an address (nothing a mail client would read as headers), or null. */
export function mailtoHref(address: string): string | null {
  return /^[\p{L}\p{N}_+'.-]+@[\p{L}\p{N}.-]+$/u.test(address) ? `mailto:${address}` : null
}
