import { getCountries } from 'libphonenumber-js/core'
import metadata from 'libphonenumber-js/metadata.min.json'
import { phoneNormaliser } from '@shared/contact-values'

/**
 * The window's phone check, for feedback while the user types ("Will be saved as 07911 123456"): the
 * small `min` metadata keeps the bundle light; main checks again against the full metadata on save and
 * its answer lands on the field if the two ever disagree.
 */
export const previewPhone = phoneNormaliser(metadata)

/** Every country the metadata knows (ISO 3166 codes). */
export function phoneCountries(): string[] {
  return getCountries(metadata)
}
