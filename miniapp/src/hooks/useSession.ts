import { useSyncExternalStore } from 'react'
import { getUser, subscribeSession, type SessionUser } from '../services/session'

/** The signed-in user, or null; re-renders on sign-in, sign-out and expiry. */
export function useSessionUser(): SessionUser | null {
  return useSyncExternalStore(subscribeSession, getUser, getUser)
}
