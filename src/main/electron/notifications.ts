/**
 * The notify and badge ports over Electron: an OS notification per batch of new messages (clicking it
 * brings the window forward and opens the target), and the unread count on the dock or launcher icon.
 */
import { app, Notification } from 'electron'
import type { MessageNotification } from '@shared/models/desktop'

/** Shown notifications are kept referenced until dismissed: a collected one loses its click handler. */
const showing = new Set<Notification>()

export function showMessageNotification(notification: MessageNotification, onClick: () => void): void {
  if (!Notification.isSupported()) return
  const shown = new Notification({ title: notification.title, body: notification.body })
  showing.add(shown)
  const forget = (): void => {
    showing.delete(shown)
  }
  shown.on('click', () => {
    forget()
    onClick()
  })
  shown.on('close', forget)
  shown.on('failed', forget)
  shown.show()
}

/**
 * The unread count on the macOS dock and Linux launchers (Unity, KDE). Windows shows no count on the
 * taskbar this way; it has an overlay icon instead, which needs the window and an image per number.
 */
export function setUnreadBadge(count: number): void {
  app.setBadgeCount(Math.max(0, Math.floor(count)))
}
