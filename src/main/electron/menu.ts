import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface AppMenuOptions {
  productName: string
  platform: NodeJS.Platform
  /** DevTools and reloading belong to development builds only. */
  developer: boolean
  onAbout: () => void
  onCheckForUpdates: () => void
}

/**
 * Standard roles (and so the usual shortcuts: copy/paste in text fields, close window, quit, zoom, full
 * screen) plus the about panel and "Check for updates…", where each platform's users look for them.
 */
export function installAppMenu(options: AppMenuOptions): void {
  const isMac = options.platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: `About ${options.productName}`, click: options.onAbout }
  const checkForUpdates: MenuItemConstructorOptions = { label: 'Check for Updates…', click: options.onCheckForUpdates }
  const developer: MenuItemConstructorOptions[] = options.developer
    ? [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
    : []
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: options.productName,
            submenu: [
              about,
              checkForUpdates,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [
        ...developer,
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    ...(isMac ? [] : [{ role: 'help', submenu: [checkForUpdates, { type: 'separator' }, about] } satisfies MenuItemConstructorOptions]),
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
