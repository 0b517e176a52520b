import type { AppInfo } from '@shared/models/app-info'

export const APP_NAME = 'Plannr Desktop'

export interface AppInfoOptions {
  shell: AppInfo['shell']
  version: string
  platform: string
  apiUrl: string
}

export function appInfo(options: AppInfoOptions): AppInfo {
  return {
    name: APP_NAME,
    version: options.version,
    shell: options.shell,
    platform: options.platform,
    defaultApiUrl: options.apiUrl,
  }
}
