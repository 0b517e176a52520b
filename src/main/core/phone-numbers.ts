import metadata from 'libphonenumber-js/metadata.max.json'
import { phoneDisplayer, phoneNormaliser } from '@shared/contact-values'

/**
 * Main's phone check, the one that decides what is sent: libphonenumber-js's `max` metadata, so that a
 * number accepted here is one Plannr (Google's libphonenumber, full metadata) accepts too.
 */
export const normalisePhone = phoneNormaliser(metadata)

/** How a stored number reads in a UK firm (see `phoneDisplayer`), with the same metadata. */
export const displayPhone = phoneDisplayer(metadata)
