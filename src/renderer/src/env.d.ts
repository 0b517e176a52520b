/// <reference types="svelte" />
/// <reference types="vite/client" />
import type { PlannrBridge } from '@shared/bridge'

declare global {
  interface Window {
    /** Set by the Electron preload; absent in the web preview until the web bridge installs one. */
    plannr?: PlannrBridge
  }
}
