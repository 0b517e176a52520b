/**
 * The packaged app's build (`electron-vite build --mode package`): the Electron entry only, no web
 * preview. The sandbox's control routes need no switch here: only the web preview and tests import them
 * (`sandbox/control.ts`), so the Electron entry's bundle never contains them.
 */
export const PACKAGE_MODE = 'package'
