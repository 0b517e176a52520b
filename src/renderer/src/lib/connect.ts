import type { PlannrBridge } from '@shared/bridge'
import { installWebBridge } from './bridge/web-bridge'

/**
 * The bridge to main: the Electron preload puts one on `window.plannr`; in the web preview the
 * renderer installs its own WebSocket bridge. Null when neither is available (opened outside the app).
 */
export function connectBridge(): PlannrBridge | null {
  if (window.plannr) return window.plannr
  return installWebBridge()
}
