// Loaded with `node --import`: makes `keytar` unresolvable, exactly as when its optional install failed
// (no prebuilt binary and no compiler) and npm left it out of node_modules.
import { registerHooks } from 'node:module'

registerHooks({
  resolve(specifier, context, nextResolve) {
    if (specifier === 'keytar' || specifier.startsWith('keytar/')) {
      throw Object.assign(new Error(`Cannot find package '${specifier}' imported from ${context.parentURL ?? 'the app'}`), {
        code: 'ERR_MODULE_NOT_FOUND',
      })
    }
    return nextResolve(specifier, context)
  },
})
