/** Small text helpers shared by generation and the routes. */

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** The avatar URL Plannr gives accounts and circles without a photo. */
export function avatarUrl(name: string): string {
  return `https://eu.ui-avatars.com/api/?name=${encodeURIComponent(name.trim()).replace(/%20/g, '+')}`
}

const pounds = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' })

/** Plannr's money object: the amount in pennies as a string, e.g. { amount: "4000", currency: "GBP", formatted: "£40.00" }. */
export function money(pennies: number): { amount: string; currency: string; formatted: string } {
  return { amount: String(pennies), currency: 'GBP', formatted: pounds.format(pennies / 100) }
}
