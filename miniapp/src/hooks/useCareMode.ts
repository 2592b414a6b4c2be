/**
 * Care mode (关怀模式 / 长辈模式): larger type across all pages. Stored per user in local storage
 * (`sb.careMode.<userId>`, or `sb.careMode.guest` when signed out), so a shared phone keeps each person's choice.
 * One module-level store: every mounted page (tab pages stay mounted) re-renders when it changes.
 */
import { useCallback, useSyncExternalStore } from 'react'
import Taro from '@tarojs/taro'
import { getUser, subscribeSession } from '../services/session'

const PREFIX = 'sb.careMode.'

export function careModeKey(userId: string | null | undefined): string {
  return PREFIX + (userId || 'guest')
}

type Listener = () => void
const listeners = new Set<Listener>()
let cachedKey: string | null = null
let cachedValue = false

function currentKey(): string {
  return careModeKey(getUser()?.id)
}

function readStored(key: string): boolean {
  try {
    return Taro.getStorageSync(key) === true
  } catch {
    return false
  }
}

export function getCareMode(): boolean {
  const key = currentKey()
  if (key !== cachedKey) {
    cachedKey = key
    cachedValue = readStored(key)
  }
  return cachedValue
}

export function setCareMode(enabled: boolean) {
  const key = currentKey()
  try {
    Taro.setStorageSync(key, enabled)
  } catch {
    // storage unavailable: the choice still applies until the app is closed
  }
  cachedKey = key
  cachedValue = enabled
  for (const l of [...listeners]) l()
}

function subscribe(listener: Listener): () => void {
  listeners.add(listener)
  // a different user signing in or out switches to that user's preference
  const unsubscribeSession = subscribeSession(listener)
  return () => {
    listeners.delete(listener)
    unsubscribeSession()
  }
}

export interface CareMode {
  enabled: boolean
  setEnabled: (enabled: boolean) => void
  toggle: () => void
}

export function useCareMode(): CareMode {
  const enabled = useSyncExternalStore(subscribe, getCareMode, getCareMode)
  const setEnabled = useCallback((v: boolean) => setCareMode(v), [])
  const toggle = useCallback(() => setCareMode(!getCareMode()), [])
  return { enabled, setEnabled, toggle }
}

/** Test hook */
export function resetCareModeForTests() {
  cachedKey = null
  cachedValue = false
  listeners.clear()
}
