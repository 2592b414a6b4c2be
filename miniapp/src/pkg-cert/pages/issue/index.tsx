import { useMemo, useState } from 'react'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Cell, Input, Radio } from '@nutui/nutui-react-taro'
import { formatPeriod, type IssueCertificateBody } from '@shebao/shared'
import { Button } from '../../../components/Button'
import PageShell from '../../../components/PageShell'
import { CERT_PAGES } from '../../../constants/pages'
import { useSessionUser } from '../../../hooks/useSession'
import { openPdf } from '../../../platform'
import { LOGIN_PAGE } from '../../../services/api'
import { toastError } from '../../../services/toast'
import { chineseDate } from '../../../utils/time'
import { certApi, type IssueCertificateResponse } from '../../api'
import MonthField from '../../components/MonthField'
import StaffPicker, { type PickedPerson } from '../../components/StaffPicker'
import './index.scss'

type IssuableType = IssueCertificateBody['type']

const TITLES: Record<IssuableType, { label: string; brief: string }> = {
  PERSON_INSURANCE: { label: '参保证明（缴费明细）', brief: '列明参保险种、参保单位和证明期间内的逐月缴费情况。' },
  PERSON_PAYMENT_VOUCHER: { label: '参保缴费凭证', brief: '按险种列明历年缴费情况，办理关系转移等业务时使用。' },
  PENSION_ASSESSMENT: { label: '养老金核定表', brief: '基本养老金的核定项目和月标准（退休人员）。' },
  BENEFIT_RECEIPT: { label: '待遇领取证明', brief: '证明按月领取社会保险待遇及所选期间的发放情况。' },
  RETIREMENT: { label: '退休证明', brief: '证明已办理退休手续及退休时间（退休人员）。' },
  UNIT_INSURANCE: { label: '单位参保证明', brief: '按险种和时间，为所选职工出具参保缴费证明，每页 20 人。' },
  UNIT_PENSION_VOUCHER: { label: '养老缴费凭证', brief: '为本单位一名职工出具基本养老保险参保缴费凭证。' }
}

const PERSON_TYPES = [
  { label: '养老', value: 'PENSION' },
  { label: '失业', value: 'UNEMPLOYMENT' },
  { label: '工伤', value: 'WORK_INJURY' },
  { label: '机关养老', value: 'PUBLIC_PENSION' },
  { label: '居民养老', value: 'RESIDENT_PENSION' }
]
const UNIT_TYPES = PERSON_TYPES.slice(0, 3)
const SPANS = [
  { label: '三个月', value: '3' },
  { label: '六个月', value: '6' },
  { label: '九个月', value: '9' },
  { label: '十二个月', value: '12' },
  { label: '二十四个月', value: '24' }
]
const PURPOSES = ['购房', '子女入学', '落户', '贷款', '办理签证', '单位入职']

function currentPeriod(): number {
  const d = new Date(Date.now() + 8 * 3600_000) // Asia/Shanghai
  return d.getUTCFullYear() * 100 + d.getUTCMonth() + 1
}
function addMonths(p: number, n: number): number {
  const total = Math.floor(p / 100) * 12 + (p % 100) - 1 + n
  return Math.floor(total / 12) * 100 + (total % 12) + 1
}

/** One form per proof type; 开具 → the result with the 授权码 and the PDF. */
export default function IssueCertificate() {
  const router = useRouter()
  const user = useSessionUser()
  const type = (router.params.type ?? 'PERSON_INSURANCE') as IssuableType
  const meta = TITLES[type] ?? TITLES.PERSON_INSURANCE
  const now = useMemo(currentPeriod, [])

  const [start, setStart] = useState(addMonths(now, -12))
  const [end, setEnd] = useState(addMonths(now, -1))
  const [purpose, setPurpose] = useState('')
  const [insuranceType, setInsuranceType] = useState('PENSION')
  const [months, setMonths] = useState('3')
  const [staff, setStaff] = useState<PickedPerson[]>([])
  const [lastSettled, setLastSettled] = useState<number | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [issued, setIssued] = useState<IssueCertificateResponse | null>(null)

  const body = (): IssueCertificateBody | string => {
    switch (type) {
      case 'PERSON_INSURANCE':
        if (start > end) return '开始年月不能晚于结束年月'
        if (!purpose.trim()) return '请填写用途'
        return { type, startPeriod: start, endPeriod: end, purpose: purpose.trim() }
      case 'PERSON_PAYMENT_VOUCHER':
        return { type, insuranceType: insuranceType as 'PENSION' }
      case 'BENEFIT_RECEIPT':
        if (start > end) return '开始年月不能晚于结束年月'
        return { type, startPeriod: start, endPeriod: end }
      case 'UNIT_INSURANCE':
        if (!staff.length) return '请至少选择一名参保人员'
        return { type, insuranceType: insuranceType as 'PENSION', months: Number(months), personIds: staff.map((p) => p.id) }
      case 'UNIT_PENSION_VOUCHER':
        if (!staff[0]) return '请选择一名职工'
        return { type, personId: staff[0].id }
      default:
        return { type } as IssueCertificateBody
    }
  }

  const submit = async () => {
    const b = body()
    if (typeof b === 'string') {
      setProblem(b)
      toastError(b)
      return
    }
    setProblem(null)
    setBusy(true)
    try {
      setIssued(await certApi.issue(b))
    } catch {
      // the server's reason is shown as a toast
    } finally {
      setBusy(false)
    }
  }

  const open = async (path: string) => {
    try {
      await openPdf(path)
    } catch (e) {
      toastError((e as Error).message)
    }
  }

  if (!user) {
    return (
      <PageShell className='issue'>
        <View className='sb-card issue__card'>
          <Text className='issue__hint'>请先登录电子社保卡后开具证明。</Text>
          <Button block type='primary' onClick={() => Taro.navigateTo({ url: LOGIN_PAGE })}>
            登录
          </Button>
        </View>
      </PageShell>
    )
  }

  if (issued) {
    return (
      <PageShell className='issue'>
        <View className='issue__done' role='status'>
          <Text className='issue__done-title'>证明已开具</Text>
          <Text className='issue__done-sub'>{issued.title}</Text>
        </View>
        <View className='sb-card'>
          <Text className='issue__label'>授权码（验证时使用，已印在证明上）</Text>
          <Text className='issue__code' selectable>
            {issued.code}
          </Text>
          <Text className='issue__line'>
            共 {issued.pages} 页 · 可验证至 {chineseDate(issued.expiresAt)}
          </Text>
          <Button className='issue__btn' block type='primary' onClick={() => open(issued.pdfPath)}>
            打开证明 PDF
          </Button>
          <Button className='issue__btn' block fill='outline' type='primary' onClick={() => Taro.redirectTo({ url: CERT_PAGES.mine })}>
            我的证明
          </Button>
          <Button className='issue__btn' block fill='none' onClick={() => setIssued(null)}>
            继续开具
          </Button>
        </View>
        <Text className='issue__note'>证明出具后 3 个月内，任何人可扫描证明右上方的二维码，或在“证明验证”页输入授权码核验真伪。</Text>
      </PageShell>
    )
  }

  const unit = type === 'UNIT_INSURANCE' || type === 'UNIT_PENSION_VOUCHER'
  const spanEnd = lastSettled
  const spanStart = spanEnd ? addMonths(spanEnd, -(Number(months) - 1)) : null

  return (
    <PageShell className='issue'>
      <View className='issue__head'>
        <Text className='issue__title'>{meta.label}</Text>
        <Text className='issue__intro'>{meta.brief}</Text>
      </View>

      {(type === 'PERSON_INSURANCE' || type === 'BENEFIT_RECEIPT') && (
        <>
          <Text className='sb-section-title'>证明期间</Text>
          <Cell.Group className='sb-links'>
            <MonthField label='开始年月' value={start} min={199201} max={now} onChange={setStart} />
            <MonthField label='结束年月' value={end} min={199201} max={now} onChange={setEnd} />
          </Cell.Group>
        </>
      )}

      {type === 'PERSON_INSURANCE' && (
        <>
          <Text className='sb-section-title'>用途</Text>
          <View className='sb-card'>
            <View className='sb-field issue__field'>
              <Input name='purpose' value={purpose} maxLength={40} placeholder='例如 购房、子女入学（最多 40 字）' clearable onChange={setPurpose} aria-label='用途' />
            </View>
            <View className='issue__chips'>
              {PURPOSES.map((p) => (
                <Text key={p} className={`issue__chip${purpose === p ? ' issue__chip--on' : ''}`} onClick={() => setPurpose(p)}>
                  {p}
                </Text>
              ))}
            </View>
          </View>
        </>
      )}

      {(type === 'PERSON_PAYMENT_VOUCHER' || type === 'UNIT_INSURANCE') && (
        <>
          <Text className='sb-section-title'>险种选择</Text>
          <View className='sb-card'>
            <Radio.Group
              className='issue__radios'
              value={insuranceType}
              direction='horizontal'
              shape='button'
              options={type === 'UNIT_INSURANCE' ? UNIT_TYPES : PERSON_TYPES}
              onChange={(v) => {
                setInsuranceType(String(v))
                setStaff([])
              }}
            />
          </View>
        </>
      )}

      {type === 'UNIT_INSURANCE' && (
        <>
          <Text className='sb-section-title'>时间选择</Text>
          <View className='sb-card'>
            <Radio.Group className='issue__radios' value={months} direction='horizontal' shape='button' options={SPANS} onChange={(v) => setMonths(String(v))} />
            <Text className='issue__line'>
              {spanStart && spanEnd ? `缴费期间 ${formatPeriod(spanStart)} 至 ${formatPeriod(spanEnd)}（截至单位最大核止期号）` : '期间截至该险种的单位最大核止期号'}
            </Text>
          </View>
        </>
      )}

      {unit && (
        <>
          <Text className='sb-section-title'>{type === 'UNIT_INSURANCE' ? '打印人员选择' : '选择职工'}</Text>
          <View className='sb-card'>
            <StaffPicker
              insuranceType={type === 'UNIT_PENSION_VOUCHER' ? 'PENSION' : insuranceType}
              multiple={type === 'UNIT_INSURANCE'}
              value={staff}
              onChange={setStaff}
              onLastSettled={setLastSettled}
            />
          </View>
        </>
      )}

      <View className='issue__submit'>
        {problem && <Text className='issue__problem'>{problem}</Text>}
        <Button block type='primary' loading={busy} disabled={busy} onClick={submit}>
          {busy ? '正在生成…' : '开具证明'}
        </Button>
      </View>
    </PageShell>
  )
}
