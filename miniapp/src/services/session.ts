/**
 * Session store (登录状态): the access token lives in memory and in storage (so a reload keeps the user signed in
 * until it expires), the refresh token only in storage. Listeners hear every change (sign-in, refresh, sign-out),
 * which is how care mode switches to the signed-in user's preference.
 */
import Taro from '@tarojs/taro'
import type { Role, SessionTokens } from '@shebao/shared'

export type { Role }

export interface SessionUser {
  /** Stable per person (a clerk is a person too) or reviewer: keys per-user settings such as care mode. */
  id: string
  role: Role
  /** Display name, already masked by the server (e.g. 张*). */
  name?: string
  /** For a unit clerk: the unit they signed in for. */
  unitName?: string
}

/** The user as the app keeps it, from any sign-in answer (`SessionTokens`, shared/src/api/auth.ts). */
export function sessionUserOf(tokens: Pick<SessionTokens, 'role' | 'user'>): SessionUser {
  const { person, unit, reviewer } = tokens.user
  const user: SessionUser = {
    id: reviewer && tokens.role === 'REVIEWER' ? `r${reviewer.id}` : person ? `p${person.id}` : `${tokens.role}`,
    role: tokens.role
  }
  const name = tokens.role === 'REVIEWER' ? reviewer?.name : person?.name
  if (name) user.name = name
  if (unit) user.unitName = unit.name
  return user
}

export interface Tokens {
  accessToken: string
  refreshToken: string
}

const KEY_ACCESS = 'sb.session.access'
const KEY_REFRESH = 'sb.session.refresh'
const KEY_USER = 'sb.session.user'

type Listener = () => void
const listeners = new Set<Listener>()

let accessToken: string | null = null
let user: SessionUser | null = null
let loaded = false

function read<T>(key: string): T | null {
  try {
    const v = Taro.getStorageSync(key)
    return v === '' || v === undefined || v === null ? null : (v as T)
  } catch {
    return null
  }
}

function write(key: string, value: unknown) {
  try {
    if (value === null) Taro.removeStorageSync(key)
    else Taro.setStorageSync(key, value)
  } catch {
    // storage full or unavailable (private mode): the in-memory token still works for this visit
  }
}

function ensureLoaded() {
  if (loaded) return
  loaded = true
  accessToken = read<string>(KEY_ACCESS)
  user = read<SessionUser>(KEY_USER)
}

function emit() {
  for (const l of [...listeners]) l()
}

export function getAccessToken(): string | null {
  ensureLoaded()
  return accessToken
}

export function getRefreshToken(): string | null {
  return read<string>(KEY_REFRESH)
}

/** The signed-in user (same object until the session changes, so it can be a React external-store snapshot). */
export function getUser(): SessionUser | null {
  ensureLoaded()
  return user
}

export function isSignedIn(): boolean {
  return getAccessToken() !== null && getUser() !== null
}

/** After a successful sign-in. */
export function startSession(tokens: Tokens, signedIn: SessionUser) {
  loaded = true
  accessToken = tokens.accessToken
  user = signedIn
  write(KEY_ACCESS, tokens.accessToken)
  write(KEY_REFRESH, tokens.refreshToken)
  write(KEY_USER, signedIn)
  emit()
}

/** After a token refresh (the refresh token rotates). */
export function updateTokens(tokens: Tokens) {
  loaded = true
  accessToken = tokens.accessToken
  write(KEY_ACCESS, tokens.accessToken)
  write(KEY_REFRESH, tokens.refreshToken)
  emit()
}

export function clearSession() {
  loaded = true
  accessToken = null
  user = null
  write(KEY_ACCESS, null)
  write(KEY_REFRESH, null)
  write(KEY_USER, null)
  emit()
}

export function subscribeSession(listener: Listener): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

/** Test hook: forget the in-memory copy so the next read comes from storage. */
export function resetSessionMemoryForTests() {
  loaded = false
  accessToken = null
  user = null
  listeners.clear()
}
