import { circlesCountText, formatNumber } from '../../lib/format'

/**
 * The live count above the list: "412 circles", "3 of 412 circles match “pat”", and with a member or
 * group filter on, "12 of 412 circles match the filters" (or "…match “pat” and the filters").
 */
export function circlesStatusText(total: number, grandTotal: number, search: string, filtered: boolean): string {
  if (!filtered) return circlesCountText(total, grandTotal, search)
  const term = search.trim()
  const noun = grandTotal === 1 ? 'circle' : 'circles'
  const verb = total === 1 ? 'matches' : 'match'
  const what = term === '' ? 'the filters' : `“${term}” and the filters`
  return `${formatNumber(total)} of ${formatNumber(grandTotal)} ${noun} ${verb} ${what}`
}
