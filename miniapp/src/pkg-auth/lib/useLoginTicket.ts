/**
 * The PC's login ticket as React state: create (`POST /api/auth/login-tickets`, which also sets the httpOnly
 * binding cookie), follow its state (SSE, else long-poll), count down its 120 s locally, and redeem it once the
 * phone has confirmed (`POST …/redeem` with the cookie → SessionTokens). A new target or 刷新 starts over.
 */
import { useCallback, useEffect, useRef, useState } from 'react'
import type { CreateLoginTicketResponse, LoginTarget, LoginTicketState, SessionTokens } from '@shebao/shared'
import { api, ApiError } from '../../services/api'
import { watchLoginTicket, type WatchMode } from './ticketWatch'

/** The page's phase: the ticket's own state, or where we are around it. */
export type TicketPhase = 'CREATING' | 'CREATE_FAILED' | LoginTicketState | 'REDEEMING' | 'REDEEM_FAILED' | 'LOST'

export interface LoginTicketView {
  phase: TicketPhase
  ticket: CreateLoginTicketResponse | null
  /** Whole seconds left before the QR expires. */
  secondsLeft: number
  /** A Chinese message for CREATE_FAILED / REDEEM_FAILED / LOST. */
  message: string
  mode: WatchMode | null
  refresh: () => void
}

export function useLoginTicket(target: LoginTarget, onSignedIn: (tokens: SessionTokens) => void): LoginTicketView {
  const [ticket, setTicket] = useState<CreateLoginTicketResponse | null>(null)
  const [phase, setPhase] = useState<TicketPhase>('CREATING')
  const [message, setMessage] = useState('')
  const [secondsLeft, setSecondsLeft] = useState(0)
  const [mode, setMode] = useState<WatchMode | null>(null)
  const deadline = useRef(0)
  const generation = useRef(0)
  const onSignedInRef = useRef(onSignedIn)
  onSignedInRef.current = onSignedIn

  const create = useCallback(async () => {
    const gen = ++generation.current
    setTicket(null)
    setPhase('CREATING')
    setMessage('')
    try {
      const t = await api.post<CreateLoginTicketResponse>('/api/auth/login-tickets', { target }, { auth: false, toast: false })
      if (gen !== generation.current) return
      // Count down from when we received it: the PC's clock may differ from the server's.
      deadline.current = Date.now() + t.ttlSeconds * 1000
      setSecondsLeft(t.ttlSeconds)
      setTicket(t)
      setPhase(t.state)
    } catch (e) {
      if (gen !== generation.current) return
      setPhase('CREATE_FAILED')
      setMessage(e instanceof ApiError ? e.message : '二维码生成失败，请稍后重试')
    }
  }, [target])

  useEffect(() => {
    void create()
    return () => {
      generation.current++
    }
  }, [create])

  // follow the ticket
  useEffect(() => {
    if (!ticket) return
    const stop = watchLoginTicket(ticket.ticketId, {
      after: ticket.version,
      onState: (s) => setPhase((p) => (p === 'REDEEMING' || p === 'REDEEM_FAILED' ? p : s.state)),
      onLost: (m) => {
        setPhase('LOST')
        setMessage(m)
      },
      onMode: setMode
    })
    return stop
  }, [ticket])

  // count down; at zero the QR is expired here even if the server's word is still on its way
  useEffect(() => {
    if (!ticket || (phase !== 'PENDING' && phase !== 'SCANNED')) return
    const tick = () => {
      const left = Math.max(0, Math.ceil((deadline.current - Date.now()) / 1000))
      setSecondsLeft(left)
      if (left === 0) setPhase((p) => (p === 'PENDING' || p === 'SCANNED' ? 'EXPIRED' : p))
    }
    tick()
    const timer = setInterval(tick, 1000)
    return () => clearInterval(timer)
  }, [ticket, phase])

  // confirmed on the phone: redeem with the binding cookie, once
  const redeemed = useRef<string | null>(null)
  useEffect(() => {
    if (phase !== 'CONFIRMED' || !ticket || redeemed.current === ticket.ticketId) return
    redeemed.current = ticket.ticketId
    const gen = generation.current
    setPhase('REDEEMING')
    api
      .post<SessionTokens>(`/api/auth/login-tickets/${encodeURIComponent(ticket.ticketId)}/redeem`, undefined, { auth: false, toast: false })
      .then((tokens) => {
        if (gen === generation.current) onSignedInRef.current(tokens)
      })
      .catch((e) => {
        if (gen !== generation.current) return
        setPhase('REDEEM_FAILED')
        setMessage(e instanceof ApiError ? e.message : '登录失败，请刷新二维码后重试')
      })
  }, [phase, ticket])

  const refresh = useCallback(() => void create(), [create])
  return { phase, ticket, secondsLeft, message, mode, refresh }
}
