/*
 * The web preview's WebSocket protocol, shared by its two ends: the bridge in Node
 * (main/web-preview/ws-bridge.ts) and the page (renderer/src/lib/bridge/web-bridge.ts).
 * JSON text frames: → {type:'hello', secret} first, then {type:'call', id, name, input};
 * ← {type:'result', id, result} and {type:'event', name, payload}.
 */

/** Where the bridge listens, on the preview's own origin. */
export const BRIDGE_PATH = '/bridge'
/** Closed because the first frame was not a hello with the right secret. */
export const CLOSE_UNAUTHORIZED = 4401
/** Closed because a frame was not the JSON the protocol describes. */
export const CLOSE_UNSUPPORTED = 1003
/** The largest frame the bridge reads. */
export const MAX_FRAME_BYTES = 1024 * 1024
