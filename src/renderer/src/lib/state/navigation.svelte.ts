/** The four views an adviser works in, in the order the sidebar lists them (Ctrl/Cmd+1…4). */
export const VIEWS = ['conversations', 'circles', 'contacts', 'referrals'] as const
export type ViewName = (typeof VIEWS)[number]

export const VIEW_LABELS: Record<ViewName, string> = {
  conversations: 'Conversations',
  circles: 'Circles',
  contacts: 'Contacts',
  referrals: 'Referral connections',
}

/** A request to open one record in a view (from the quick switcher or a link between views). */
export interface FocusRequest {
  view: ViewName
  uuid: string
  /** Increases on every request, so asking for the same record twice still opens it. */
  seq: number
}

/**
 * Which view is showing, and which record a view has been asked to open. Views read `focus` for their
 * own name and open that record; they never switch views themselves except through `go`.
 */
export class Navigation {
  view = $state<ViewName>('conversations')
  focus = $state<FocusRequest | null>(null)
  private seq = 0

  go(view: ViewName, uuid?: string): void {
    this.view = view
    if (uuid !== undefined) this.focus = { view, uuid, seq: ++this.seq }
  }

  /** The pending request for `view`, if any. */
  focusFor(view: ViewName): FocusRequest | null {
    return this.focus?.view === view ? this.focus : null
  }
}
