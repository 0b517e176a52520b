import keytar from 'keytar'

/**
 * Whether a Secret Service answers in this run, and if not, why. Tests that need the real keychain
 * skip themselves with this reason rather than pass without having touched it.
 */
export async function probeKeychain(): Promise<{ available: true } | { available: false; reason: string }> {
  if (!process.env.DBUS_SESSION_BUS_ADDRESS) {
    return {
      available: false,
      reason:
        "no D-Bus session (DBUS_SESSION_BUS_ADDRESS unset): run under dbus-run-session with gnome-keyring-daemon unlocked",
    }
  }
  try {
    await keytar.getPassword('plannr-desktop-test-probe', 'probe')
    return { available: true }
  } catch (error) {
    return { available: false, reason: `the Secret Service did not answer: ${(error as Error).message}` }
  }
}

export function uniqueService(label: string): string {
  return `plannr-desktop-test-${label}-${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
}
