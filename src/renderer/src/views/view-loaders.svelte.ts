import type { Component } from 'svelte'
import type { Client } from '../lib/api'
import type { Navigation, ViewName } from '../lib/state/navigation.svelte'

export interface ViewProps {
  client: Client
  navigation: Navigation
}

type ViewComponent = Component<ViewProps>

/** Each view is its own chunk, so the window starts with the shell only and fetches a view when it is first shown. */
const LOADERS: Record<ViewName, () => Promise<{ default: ViewComponent }>> = {
  conversations: () => import('./conversations/ConversationsView.svelte'),
  circles: () => import('./circles/CirclesView.svelte'),
  contacts: () => import('./contacts/ContactsView.svelte'),
  referrals: () => import('./referrals/ReferralsView.svelte'),
}

/**
 * The views' components as they arrive. Once a view has loaded it renders in the same frame as the
 * switch to it; `preloadAll` fetches the rest while the adviser reads the first one.
 */
class ViewComponents {
  #loaded = $state.raw<Partial<Record<ViewName, ViewComponent>>>({})
  #failed = $state.raw<Partial<Record<ViewName, string>>>({})
  readonly #loading = new Map<ViewName, Promise<void>>()

  get(view: ViewName): ViewComponent | undefined {
    return this.#loaded[view]
  }

  /** Why `view` could not be loaded, if it could not. */
  failure(view: ViewName): string | undefined {
    return this.#failed[view]
  }

  load(view: ViewName): Promise<void> {
    const pending = this.#loading.get(view)
    if (pending) return pending
    const { [view]: _, ...others } = this.#failed
    this.#failed = others
    const loading = LOADERS[view]().then(
      (module) => {
        this.#loaded = { ...this.#loaded, [view]: module.default }
      },
      (error: unknown) => {
        // A later attempt may succeed (e.g. after an update replaced the files): let it try again.
        this.#loading.delete(view)
        this.#failed = { ...this.#failed, [view]: error instanceof Error ? error.message : String(error) }
      },
    )
    this.#loading.set(view, loading)
    return loading
  }

  preloadAll(): void {
    for (const view of Object.keys(LOADERS) as ViewName[]) void this.load(view)
  }
}

export const viewComponents = new ViewComponents()
