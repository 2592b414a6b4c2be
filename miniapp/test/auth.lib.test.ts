// The pieces behind 扫码登录 in pkg-auth/lib: the typed 登录码, the QR the PC draws (rasterised from its SVG and
// read back with the same decoder the phone's camera scanner uses), frame scaling and camera errors, and the PC's
// ticket watch — SSE first, long-poll when EventSource is missing or fails, newer versions only, stop on a final
// state, "lost" on 404.
import { describe, expect, it, vi } from 'vitest'
import * as shared from '@shebao/shared'
import type { LoginTicketStatus } from '@shebao/shared'
import { qrSvg, qrDataUrl } from '../src/pkg-auth/lib/qr'
import { cameraProblem, loadDecoder, scaledSize } from '../src/pkg-auth/lib/frameDecoder'
import * as shortCode from '../src/pkg-auth/lib/shortCode'
import { formatShortCode, shortCodeProblem } from '../src/pkg-auth/lib/shortCode'
import { watchLoginTicket } from '../src/pkg-auth/lib/ticketWatch'
import { digitsOnly, PIN_LENGTH, pinProblem, SMS_CODE_LENGTH, smsCodeProblem } from '../src/utils/credentials'

describe('登录码 typed on the phone', () => {
  it('uses the contract’s alphabet, length and normaliser (restated to keep zod out of the subpackage)', () => {
    expect(shortCode.LOGIN_SHORT_CODE_ALPHABET).toBe(shared.LOGIN_SHORT_CODE_ALPHABET)
    expect(shortCode.LOGIN_SHORT_CODE_LENGTH).toBe(shared.LOGIN_SHORT_CODE_LENGTH)
    for (const s of ['abcd-efgh', ' AB cd\tEF-gh ', 'k7m2x9pq']) {
      expect(shortCode.normalizeLoginShortCode(s)).toBe(shared.normalizeLoginShortCode(s))
      expect(shortCode.shortCodeProblem(s) === null).toBe(shared.LoginShortCodeSchema.safeParse(s).success)
    }
    expect(shared.LoginShortCodeSchema.safeParse('K7M2X9P0').success).toBe(shortCodeProblem('K7M2X9P0') === null)
  })
  it('reads what people type and prints it like the PC does', () => {
    expect(formatShortCode('abcd efgh')).toBe('ABCD-EFGH')
    expect(formatShortCode('ab-cd')).toBe('ABCD')
    expect(formatShortCode('abcde')).toBe('ABCD-E')
    expect(shortCodeProblem('k7m2-x9pq')).toBeNull()
  })
  it('says what is wrong, in Chinese', () => {
    expect(shortCodeProblem(' ')).toBe('请输入电脑上显示的登录码')
    expect(shortCodeProblem('K7M2X9P')).toBe('登录码为 8 位字母或数字，已输入 7 位')
    expect(shortCodeProblem('K7M2X9P0')).toBe('登录码含有无效字符 0（登录码不含 0、1、O、I、L）')
    expect(shortCodeProblem('K7M2X9P#')).toBe('登录码含有无效字符 #')
  })
})

describe('PIN and SMS code typed on the phone (zod-free, like the contract)', () => {
  it('accepts exactly what the contract accepts', () => {
    expect(PIN_LENGTH).toBe(shared.PIN_LENGTH)
    for (const pin of ['283746', '28374', '2837461', '28a746', '']) {
      expect(pinProblem(pin) === undefined, pin).toBe(shared.PinSchema.safeParse(pin).success)
    }
    const challengeId = '8f0e2c1a-3b4d-4e5f-8a6b-7c8d9e0f1a2b'
    expect(SMS_CODE_LENGTH).toBe(6)
    for (const smsCode of ['123456', '12345', '1234567', '12a456', '']) {
      expect(smsCodeProblem(smsCode) === undefined, smsCode).toBe(shared.VerifyActivationBody.safeParse({ challengeId, smsCode }).success)
    }
  })
  it('says what is wrong, in Chinese', () => {
    expect(pinProblem('')).toBe('请输入密码')
    expect(pinProblem('', '请输入原密码')).toBe('请输入原密码')
    expect(pinProblem('12345')).toBe('密码为 6 位数字')
    expect(smsCodeProblem('')).toBe('请输入短信验证码')
    expect(smsCodeProblem('12 34')).toBe('验证码为 6 位数字')
    expect(digitsOnly(' 12-34 56a')).toBe('123456')
  })
})

/** Rasterise the SVG the PC shows (qrcode's svg-tag path: M x y / m dx 0 / h n, one unit per module). */
function rasterise(svg: string, px: number): { data: Uint8ClampedArray; size: number } {
  const view = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1])
  const d = /<path [^>]*stroke="#000000"[^>]* d="([^"]+)"/.exec(svg)![1]!
  const dark = new Set<string>()
  let x = 0
  let y = 0
  for (const [, cmd, a, b] of d.matchAll(/([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?/g)) {
    if (cmd === 'M') {
      x = Number(a)
      y = Math.floor(Number(b))
    } else if (cmd === 'm') x += Number(a)
    else for (let i = 0; i < Number(a); i++) dark.add(`${x++},${y}`)
  }
  const size = view * px
  const data = new Uint8ClampedArray(size * size * 4).fill(255)
  for (let py = 0; py < size; py++) {
    for (let pxl = 0; pxl < size; pxl++) {
      if (!dark.has(`${Math.floor(pxl / px)},${Math.floor(py / px)}`)) continue
      const i = (py * size + pxl) * 4
      data[i] = data[i + 1] = data[i + 2] = 0
    }
  }
  return { data, size }
}

describe('the login QR', () => {
  const url = 'http://127.0.0.1:3000/#/pkg-auth/pages/confirm/index?ticket=0b6f5a0e-3c1d-4e7a-9f2b-8d6c5e4a3b21'

  it('is an SVG that the phone-side decoder reads back to the confirm-page URL', async () => {
    const svg = qrSvg(url)
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true)
    const { data, size } = rasterise(svg, 4)
    const decode = await loadDecoder()
    expect(decode(data, size, size)).toBe(url)
  })

  it('goes into an <Image> as a data: URL (allowed by the CSP img-src)', () => {
    const src = qrDataUrl(url)
    expect(src.startsWith('data:image/svg+xml;charset=utf-8,%3Csvg')).toBe(true)
    expect(decodeURIComponent(src.slice(src.indexOf(',') + 1))).toBe(qrSvg(url))
  })
})

describe('camera frames', () => {
  it('are scaled so the long edge is at most 640 px, never up', () => {
    expect(scaledSize(1920, 1080)).toEqual({ width: 640, height: 360 })
    expect(scaledSize(720, 1280)).toEqual({ width: 360, height: 640 })
    expect(scaledSize(320, 240)).toEqual({ width: 320, height: 240 })
  })
  it('camera errors are told in words a person can act on', () => {
    expect(cameraProblem({ name: 'NotAllowedError' })).toContain('未获得摄像头权限')
    expect(cameraProblem({ name: 'NotFoundError' })).toBe('未找到可用的摄像头')
    expect(cameraProblem({ name: 'Unsupported' })).toContain('HTTPS')
    expect(cameraProblem(new Error('x'))).toBe('无法打开摄像头')
  })
})

// ── the PC's ticket watch ─────────────────────────────────────────────────────────────────────────────
const TICKET = '0b6f5a0e-3c1d-4e7a-9f2b-8d6c5e4a3b21'
const status = (state: LoginTicketStatus['state'], version: number): LoginTicketStatus => ({
  ticketId: TICKET,
  target: 'UNIT',
  state,
  version,
  expiresAt: '2026-11-23T10:02:00.000Z'
})

class FakeEventSource {
  static last: FakeEventSource | null = null
  listeners = new Map<string, (e: { data: string }) => void>()
  onerror: (() => void) | null = null
  closed = false
  constructor(
    readonly url: string,
    readonly init?: EventSourceInit
  ) {
    FakeEventSource.last = this
  }
  addEventListener(type: string, fn: (e: { data: string }) => void) {
    this.listeners.set(type, fn)
  }
  close() {
    this.closed = true
  }
  emit(s: LoginTicketStatus) {
    this.listeners.get('state')?.({ data: JSON.stringify(s) })
  }
}

function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
}

describe('following a ticket from the PC', () => {
  it('SSE: newer states only, in order; stops at a final state', () => {
    const states: string[] = []
    const stop = watchLoginTicket(TICKET, {
      after: 0,
      onState: (s) => states.push(`${s.state}@${s.version}`),
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource
    })
    const es = FakeEventSource.last!
    expect(es.url).toBe(`/api/auth/login-tickets/${TICKET}/events`)
    expect(es.init).toEqual({ withCredentials: true })
    es.emit(status('PENDING', 0)) // the current state on connect: already known
    es.emit(status('SCANNED', 1))
    es.emit(status('SCANNED', 1)) // a duplicate
    es.emit(status('CONFIRMED', 2))
    es.emit(status('CONSUMED', 3))
    expect(states).toEqual(['SCANNED@1', 'CONFIRMED@2', 'CONSUMED@3'])
    expect(es.closed).toBe(true)
    stop()
  })

  it('falls back to long-poll when the stream fails, carrying on from the version it knows', async () => {
    const calls: string[] = []
    const answers = [status('CONFIRMED', 2), status('CONSUMED', 3)]
    const fetchImpl = vi.fn(async (url: string | URL | Request) => {
      calls.push(String(url))
      return jsonResponse(answers.shift())
    })
    const states: string[] = []
    const modes: string[] = []
    watchLoginTicket(TICKET, {
      after: 0,
      onState: (s) => states.push(`${s.state}@${s.version}`),
      onMode: (m) => modes.push(m),
      EventSourceImpl: FakeEventSource as unknown as typeof EventSource,
      fetchImpl: fetchImpl as unknown as typeof fetch
    })
    const es = FakeEventSource.last!
    es.emit(status('SCANNED', 1))
    es.onerror!()
    expect(es.closed).toBe(true)
    await vi.waitFor(() => expect(states).toEqual(['SCANNED@1', 'CONFIRMED@2', 'CONSUMED@3']))
    expect(modes).toEqual(['sse', 'poll'])
    expect(calls).toEqual([`/api/auth/login-tickets/${TICKET}?after=1&wait=25`, `/api/auth/login-tickets/${TICKET}?after=2&wait=25`])
    // final: no further polls
    await new Promise((r) => setTimeout(r, 20))
    expect(fetchImpl).toHaveBeenCalledTimes(2)
  })

  it('long-polls from the start without EventSource; a 404 (no binding cookie, unknown ticket) is "lost"', async () => {
    const fetchImpl = vi.fn(async () => jsonResponse({ error: { code: 'NOT_FOUND', message: '登录二维码不存在或已失效' } }, 404))
    const lost = vi.fn()
    watchLoginTicket(TICKET, { after: 0, onState: () => undefined, onLost: lost, EventSourceImpl: null, fetchImpl: fetchImpl as unknown as typeof fetch })
    await vi.waitFor(() => expect(lost).toHaveBeenCalledWith('二维码已失效，请刷新二维码'))
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1]
    expect(init.credentials).toBe('same-origin')
  })

  it('stopping aborts the pending long-poll', async () => {
    let signal: AbortSignal | undefined
    const fetchImpl = vi.fn(
      (_url: string, init: RequestInit) =>
        new Promise<Response>((_resolve, reject) => {
          signal = init.signal ?? undefined
          signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))
        })
    )
    const onState = vi.fn()
    const stop = watchLoginTicket(TICKET, { after: 0, onState, EventSourceImpl: null, fetchImpl: fetchImpl as unknown as typeof fetch })
    await vi.waitFor(() => expect(signal).toBeDefined())
    stop()
    expect(signal!.aborted).toBe(true)
    await new Promise((r) => setTimeout(r, 20))
    expect(fetchImpl).toHaveBeenCalledTimes(1)
    expect(onState).not.toHaveBeenCalled()
  })
})
