import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron'
import type { PlannrBridge } from '@shared/bridge'
import {
  CALL_CHANNEL_PREFIX,
  EVENT_CHANNEL,
  isCallName,
  isEventName,
  type CallName,
  type EventName,
} from '@shared/contract-names'
import type { Result } from '@shared/result'

/**
 * The only door from the renderer into main. It exposes two functions and nothing else: no ipcRenderer,
 * no event objects (they carry `sender`), and only the names the contract lists. Main checks again anyway.
 */

function unknownName(kind: 'call' | 'event', name: unknown): string {
  return `There is no ${kind} named ${JSON.stringify(String(name).slice(0, 100))}.`
}

const bridge: PlannrBridge = {
  invoke(name: CallName, input: unknown): Promise<Result<unknown>> {
    if (!isCallName(name)) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: unknownName('call', name) } })
    }
    return ipcRenderer.invoke(CALL_CHANNEL_PREFIX + name, input) as Promise<Result<unknown>>
  },

  on(name: EventName, listener: (payload: unknown) => void): () => void {
    if (!isEventName(name)) throw new TypeError(unknownName('event', name))
    if (typeof listener !== 'function') throw new TypeError('An event listener must be a function.')
    const relay = (_event: IpcRendererEvent, eventName: unknown, payload: unknown): void => {
      if (eventName === name) listener(payload)
    }
    ipcRenderer.on(EVENT_CHANNEL, relay)
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, relay)
    }
  },
}

contextBridge.exposeInMainWorld('plannr', bridge)
