import { useEffect, useRef, useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Input } from '@nutui/nutui-react-taro'
import { Scan } from '@nutui/icons-react-taro'
import type { VerifyCertificateResponse } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { scanCode } from '../../../platform'
import { api, ApiError } from '../../../services/api'
import { authCodeProblem, formatAuthCode, normalizeAuthCode } from '../../../utils/authCode'
import { queryParams } from '../../../utils/scanned'
import { chineseTime } from '../../../utils/time'
import './index.scss'

type Result = VerifyCertificateResponse['result']
type TokenCheck = VerifyCertificateResponse['tokenCheck']

const OUTCOME: Record<Result, { title: string; brief: string; tone: string }> = {
  VALID: { title: '真实有效', brief: '该证明由社会保险经办机构出具，且在出具后 3 个月的验证期内。', tone: 'valid' },
  EXPIRED: { title: '已过期', brief: '该证明曾由社会保险经办机构出具，但已超过 3 个月验证期，请让出具人重新开具。', tone: 'expired' },
  REVOKED: { title: '已作废', brief: '出具人已作废该证明，不能再作为有效证明使用。', tone: 'revoked' },
  NOT_FOUND: { title: '未找到', brief: '没有与该授权码对应的证明，请核对授权码。', tone: 'missing' }
}

const TOKEN: Record<TokenCheck, { text: string; tone: string }> = {
  MATCH: { text: '二维码签名有效，内容与存档一致', tone: 'ok' },
  MISMATCH: { text: '二维码内容与存档不一致，请以本页显示的存档内容为准', tone: 'warn' },
  INVALID: { text: '二维码签名无效，二维码可能被篡改或伪造', tone: 'bad' },
  ABSENT: { text: '未核验二维码签名（手动输入的授权码）', tone: 'none' }
}

/** The `c` / `t` parameters of the page URL (the QR), also when the router has not parsed the hash query. */
function fromUrl(params: Record<string, string | undefined>): { code: string; token: string } {
  let code = params.c ?? params.code ?? ''
  let token = params.t ?? ''
  if (!code && typeof window !== 'undefined' && window.location?.hash) {
    const q = queryParams(window.location.hash)
    code = q.c ?? q.code ?? ''
    token = q.t ?? ''
  }
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  }
  return { code: decode(code), token: decode(token) }
}

/**
 * 证明验证 — no sign-in. The QR on a proof opens this page with the 授权码 (`c`) and the signed token (`t`) and it
 * verifies at once; anyone can also type the 授权码 printed on the proof. Shows whether the proof is genuine and
 * current, what it certifies (personal data masked) and whether the QR's signature matches the issuer's record.
 */
export default function VerifyIndex() {
  const router = useRouter()
  const initial = useRef(fromUrl(router.params))
  const [code, setCode] = useState(() => (initial.current.code ? formatAuthCode(initial.current.code) : ''))
  const [token, setToken] = useState(initial.current.token)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [answer, setAnswer] = useState<VerifyCertificateResponse | null>(null)
  const [failure, setFailure] = useState<string | null>(null)

  const verify = async (typed: string, withToken: string) => {
    const bad = authCodeProblem(typed)
    setProblem(bad)
    if (bad) return
    setBusy(true)
    setFailure(null)
    try {
      const body = { code: normalizeAuthCode(typed) as string, ...(withToken ? { token: withToken } : {}) }
      setAnswer(await api.post<VerifyCertificateResponse>('/api/verify', body, { auth: false, toast: false }))
    } catch (e) {
      setAnswer(null)
      setFailure(e instanceof ApiError ? e.message : '验证失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }

  useEffect(() => {
    if (initial.current.code) void verify(initial.current.code, initial.current.token)
  }, [])

  const onScan = async () => {
    const text = await scanCode()
    if (!text) return
    const q = queryParams(text.trim())
    const c = q.c ?? q.code
    if (!c) {
      setFailure('无法识别该二维码，请扫描证明右上方的二维码')
      return
    }
    setCode(formatAuthCode(c))
    setToken(q.t ?? '')
    void verify(c, q.t ?? '')
  }

  const outcome = answer ? OUTCOME[answer.result] : null
  const cert = answer?.certificate

  return (
    <PageShell className='verify'>
      <View className='verify__head'>
        <Text className='verify__title'>证明验证</Text>
        <Text className='verify__intro'>扫描证明右上方的二维码，或输入证明上的授权码，核验证明的真伪和状态。无需登录。</Text>
      </View>

      {busy && <Text className='verify__busy'>正在验证…</Text>}
      {failure && <Text className='verify__failure'>{failure}</Text>}

      {answer && outcome && (
        <View className={`verify__result verify__result--${outcome.tone}`} role='status' aria-live='polite'>
          <Text className='verify__verdict'>{outcome.title}</Text>
          <Text className='verify__brief'>{outcome.brief}</Text>
          <Text className={`verify__token verify__token--${TOKEN[answer.tokenCheck].tone}`}>{TOKEN[answer.tokenCheck].text}</Text>
        </View>
      )}

      {cert && (
        <>
          <Text className='sb-section-title'>证明内容（个人信息已部分隐藏）</Text>
          <View className='sb-card verify__facts'>
            <Fact label='证明名称' value={cert.title} />
            <Fact label={cert.subjectRole === 'UNIT' ? '参保单位' : '参保人'} value={cert.subjectName} />
            {cert.subjectIdNumber && <Fact label='社会保障号' value={cert.subjectIdNumber} />}
            {cert.unitNo && <Fact label='单位编号' value={cert.unitNo} />}
            {cert.unitName && cert.subjectRole !== 'UNIT' && <Fact label='打印单位' value={cert.unitName} />}
            {cert.periodLabel && <Fact label='证明期间' value={cert.periodLabel} />}
            {cert.details
              .filter((d) => !(cert.unitName && d.label === '打印单位'))
              .map((d) => (
                <Fact key={d.label} label={d.label} value={d.value} />
              ))}
            <Fact label='出具时间' value={chineseTime(cert.issuedAt)} />
            <Fact label='验证截止' value={chineseTime(cert.expiresAt)} />
            {cert.revokedAt && <Fact label='作废时间' value={chineseTime(cert.revokedAt)} />}
            {cert.revokeReason && <Fact label='作废原因' value={cert.revokeReason} />}
            <Fact label='页数' value={`${cert.pages} 页`} />
            <Fact label='文件指纹' value={`SHA-256 ${cert.pdfSha256.slice(0, 16)}…`} />
          </View>
          <Text className='verify__note'>请核对手中证明与以上内容是否一致；如有出入，以本页显示的存档内容为准。</Text>
        </>
      )}

      <Text className='sb-section-title'>{answer ? '验证其他证明' : '输入授权码'}</Text>
      <View className='sb-card'>
        <Text className='verify__label' id='verify-code-label'>
          授权码（证明标题下方和备注中，四位一组）
        </Text>
        <View className='sb-field'>
          <Input
            className='verify__input'
            name='code'
            value={code}
            placeholder='例如 7K2M 9QXD 4H0T B8WZ'
            maxLength={24}
            clearable
            onChange={(v) => {
              setCode(v)
              setToken('') // a typed code has no QR signature
              setProblem(null)
            }}
            onConfirm={() => verify(code, token)}
            aria-labelledby='verify-code-label'
          />
        </View>
        {problem && <Text className='verify__problem'>{problem}</Text>}
        <Button className='verify__submit' block type='primary' loading={busy} disabled={busy} onClick={() => verify(code, token)}>
          验证
        </Button>
        {process.env.TARO_ENV === 'weapp' && (
          <Button className='verify__scan' block type='primary' fill='outline' icon={<Scan />} onClick={onScan}>
            扫描证明二维码
          </Button>
        )}
      </View>
    </PageShell>
  )
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <View className='verify__fact'>
      <Text className='verify__fact-label'>{label}</Text>
      <Text className='verify__fact-value'>{value}</Text>
    </View>
  )
}
