import { useState } from 'react'
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { Calendar, Tabs } from '@nutui/nutui-react-taro'
import { Eye, EyeF } from '@nutui/icons-react-taro'
import type { z } from 'zod'
import { formatPeriod, shanghaiToday, type ChangeHistoryResponse, type StaffChangesResponse, type UnitInfoResponse } from '@shebao/shared'
import { Button } from '../../../components/Button'
import LoadMore from '../../../components/LoadMore'
import { statusClass } from '../../../components/Status'
import { useApi, usePaged, type Loaded } from '../../../hooks/useApi'
import { roleProps } from '../../../pages/login/a11y'
import { api, ApiError } from '../../../services/api'
import { toastError } from '../../../services/toast'
import { shanghaiMinute } from '../../../utils/time'
import HallFrame, { openUnitItem } from '../../components/HallFrame'
import UnitState from '../../components/UnitState'
import '../../styles/unit.scss'
import './index.scss'

type Info = z.infer<typeof UnitInfoResponse>
type ChangeRecord = z.infer<typeof ChangeHistoryResponse>['items'][number]
type Changes = z.infer<typeof ChangeHistoryResponse>
type StaffChanges = z.infer<typeof StaffChangesResponse>

const TABS = [
  { value: 'basic', title: '基本信息' },
  { value: 'insurance', title: '参保信息' },
  { value: 'clerks', title: '经办人' },
  { value: 'bank', title: '银行账户' },
  { value: 'changes', title: '信息变更记录' },
  { value: 'staff', title: '人员增减变动' }
] as const
type Tab = (typeof TABS)[number]['value']

const RISK = ['一', '二', '三', '四', '五', '六', '七', '八']
const dash = (v: string | null | undefined) => (v === null || v === undefined || v === '' ? '—' : v)
/** "2024-05-01T02:03:04Z" → "2024-05-01 10:03" (Asia/Shanghai, fixed +8). */

function Fact({ k, v, wide }: { k: string; v: string | number | null | undefined; wide?: boolean }) {
  return (
    <View className={wide ? 'uq-fact uq-fact--wide' : 'uq-fact'}>
      <Text className='uq-fact__k'>{k}</Text>
      <Text className='uq-fact__v'>{typeof v === 'number' ? String(v) : dash(v)}</Text>
    </View>
  )
}

function Basic({ info }: { info: Info }) {
  const b = info.basic
  return (
    <View className='uq-panel ui-basic'>
      <View className='uq-panel__head'>
        <Text className='uq-panel__title'>单位基本信息</Text>
        <Text className='uq-link' {...roleProps('link')} onClick={() => openUnitItem('more-matters', 'unit-info')}>
          办理单位信息变更
        </Text>
      </View>
      <View className='uq-facts'>
        <Fact k='单位编号' v={b.unitNo} />
        <Fact k='单位名称' v={b.name} />
        <Fact k='统一社会信用代码' v={b.creditCode} />
        <Fact k='参保所属区' v={b.regionName ?? b.regionCode} />
        <Fact k='单位类型' v={b.unitType} />
        <Fact k='经济类型' v={b.economicType} />
        <Fact k='所属行业' v={b.industry} />
        <Fact k='行业风险类别' v={RISK[b.riskClass - 1] ? `${RISK[b.riskClass - 1]}类` : String(b.riskClass)} />
        <Fact k='企业规模' v={b.sizeClass} />
        <Fact k='成立日期' v={b.establishedOn} />
        <Fact k='法定代表人' v={b.legalRepName} />
        <Fact k='法定代表人证件号码' v={b.legalRepIdNumber} />
        <Fact k='法定代表人电话' v={b.legalRepPhone} />
        <Fact k='联系人' v={b.contactName} />
        <Fact k='联系电话' v={b.contactPhone} />
        <Fact k='电子邮箱' v={b.contactEmail} />
        <Fact k='邮政编码' v={b.postalCode} />
        <Fact k='单位地址' v={b.address} wide />
        <Fact k='经营范围' v={b.businessScope} wide />
      </View>
    </View>
  )
}

function Insurance({ info }: { info: Info }) {
  return (
    <View className='uq-panel ui-insurance'>
      <View className='uq-panel__head'>
        <Text className='uq-panel__title'>单位参保信息</Text>
      </View>
      <Text className='uq-panel__note'>最大核止期号：该险种已核定到的费款所属期，此后的月份尚未申报核定。</Text>
      {info.insurances.length === 0 ? (
        <View className='uq-state'>
          <Text className='uq-state__text'>本单位暂无参保险种</Text>
        </View>
      ) : (
        <View className='uq-table'>
          <View className='uq-tr uq-tr--head'>
            <Text className='uq-td uq-w3'>险种</Text>
            <Text className='uq-td'>参保状态</Text>
            <Text className='uq-td'>单位参保日期</Text>
            <Text className='uq-td'>统账结合日期</Text>
            <Text className='uq-td'>最大核止期号</Text>
            <Text className='uq-td'>缴费方式</Text>
            <Text className='uq-td uq-w1'>参保缴费人数</Text>
          </View>
          {info.insurances.map((i) => (
            <View key={i.insuranceType} className='uq-tr ui-insurance__row' data-type={i.insuranceType}>
              <Text className='uq-td uq-w3 uq-td--title'>{i.label}</Text>
              <View className='uq-td' data-label='参保状态'>
                <Text className={statusClass(i.status)}>{i.statusLabel}</Text>
              </View>
              <Text className='uq-td uq-num' data-label='单位参保日期'>
                {i.enrolledOn}
              </Text>
              <Text className='uq-td uq-num' data-label='统账结合日期'>
                {dash(i.accountStartOn)}
              </Text>
              <Text className='uq-td uq-num ui-insurance__settled' data-label='最大核止期号'>
                {i.lastSettledPeriod ? formatPeriod(i.lastSettledPeriod) : '尚未核定'}
              </Text>
              <Text className='uq-td' data-label='缴费方式'>
                {i.collectionMode}
              </Text>
              <Text className='uq-td uq-w1 uq-num' data-label='参保缴费人数'>
                {i.activeStaff} 人
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function Clerks({ info }: { info: Info }) {
  return (
    <View className='uq-panel ui-clerks'>
      <View className='uq-panel__head'>
        <Text className='uq-panel__title'>经办人信息</Text>
        <Text className='uq-count'>共 {info.clerks.length} 人</Text>
      </View>
      <Text className='uq-panel__note'>经办人由单位法定代表人授权，增减经办人请办理“单位一般信息变更”。</Text>
      {info.clerks.length === 0 ? (
        <View className='uq-state'>
          <Text className='uq-state__text'>暂无授权经办人</Text>
        </View>
      ) : (
        <View className='uq-table'>
          <View className='uq-tr uq-tr--head'>
            <Text className='uq-td'>姓名</Text>
            <Text className='uq-td uq-w2'>证件号码</Text>
            <Text className='uq-td'>手机号码</Text>
            <Text className='uq-td'>部门</Text>
            <Text className='uq-td uq-w2'>电子邮箱</Text>
            <Text className='uq-td'>授权日期</Text>
          </View>
          {info.clerks.map((c) => (
            <View key={c.id} className='uq-tr ui-clerk'>
              <Text className='uq-td uq-td--title ui-clerk__name'>{c.name}</Text>
              <Text className='uq-td uq-w2 uq-num' data-label='证件号码'>
                {c.idNumber}
              </Text>
              <Text className='uq-td uq-num' data-label='手机号码'>
                {c.phone}
              </Text>
              <Text className='uq-td' data-label='部门'>
                {dash(c.department)}
              </Text>
              <Text className='uq-td uq-w2' data-label='电子邮箱'>
                {dash(c.email)}
              </Text>
              <Text className='uq-td uq-num' data-label='授权日期'>
                {shanghaiToday(new Date(c.authorizedAt))}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

/** 银行账户: masked; the eye asks for the full numbers (GET /api/unit/info?reveal=1, which the server logs). */
function Bank({ info }: { info: Info }) {
  const [full, setFull] = useState<Info['bankAccounts'] | null>(null)
  const [busy, setBusy] = useState(false)
  const toggle = async () => {
    if (full) return setFull(null)
    setBusy(true)
    try {
      setFull((await api.get<Info>('/api/unit/info', { query: { reveal: '1' }, toast: false })).bankAccounts)
    } catch (e) {
      toastError(e instanceof ApiError ? e.message : '查询失败，请稍后重试')
    } finally {
      setBusy(false)
    }
  }
  const accounts = full ?? info.bankAccounts
  return (
    <View className='uq-panel ui-bank'>
      <View className='uq-panel__head'>
        <Text className='uq-panel__title'>银行账户信息</Text>
        {info.bankAccounts.length > 0 && (
          <Button
            className='ui-bank__reveal'
            size='small'
            fill='outline'
            type='primary'
            loading={busy}
            icon={full ? <EyeF size={14} /> : <Eye size={14} />}
            onClick={() => void toggle()}
          >
            {full ? '隐藏账号' : '显示完整账号'}
          </Button>
        )}
      </View>
      {accounts.length === 0 ? (
        <View className='uq-state'>
          <Text className='uq-state__text'>暂无登记的银行账户</Text>
        </View>
      ) : (
        <View className='uq-table'>
          <View className='uq-tr uq-tr--head'>
            <Text className='uq-td'>用途</Text>
            <Text className='uq-td'>银行类别</Text>
            <Text className='uq-td uq-w2'>开户银行</Text>
            <Text className='uq-td'>户名</Text>
            <Text className='uq-td uq-w2'>银行账号</Text>
            <Text className='uq-td'>适用险种</Text>
          </View>
          {accounts.map((a) => (
            <View key={a.id} className='uq-tr ui-bank__row'>
              <Text className='uq-td uq-td--title'>{a.purposeLabel}</Text>
              <Text className='uq-td' data-label='银行类别'>
                {a.bankCategoryLabel}
              </Text>
              <Text className='uq-td uq-w2' data-label='开户银行'>
                {a.bankName}
              </Text>
              <Text className='uq-td' data-label='户名'>
                {a.accountName}
              </Text>
              <Text className='uq-td uq-w2 uq-num ui-bank__number' data-label='银行账号'>
                {a.accountNumber}
              </Text>
              <Text className='uq-td' data-label='适用险种'>
                {a.insuranceTypes.length ? a.insuranceTypes.map(insuranceShort).join('、') : '全部'}
              </Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function insuranceShort(code: string): string {
  return { PENSION: '养老', UNEMPLOYMENT: '失业', WORK_INJURY: '工伤' }[code] ?? code
}

function ChangeRow({ r }: { r: ChangeRecord }) {
  return (
    <View className='uq-change ui-change' data-serial={r.serialNo}>
      <View className='uq-change__head'>
        <Text className='uq-td--title'>{r.matterName}</Text>
        <Text className={statusClass(r.status)}>{r.statusLabel}</Text>
      </View>
      <Text className='uq-change__sub'>
        业务流水号 {r.serialNo} · 办结时间 {shanghaiMinute(r.decidedAt) || '—'}
      </Text>
      {r.changes.length > 0 && (
        <View className='uq-diff'>
          <View className='uq-diff__row uq-diff__row--head'>
            <Text className='uq-diff__cell uq-diff__cell--label'>变更项</Text>
            <Text className='uq-diff__cell'>变更前值</Text>
            <Text className='uq-diff__cell'>变更后值</Text>
          </View>
          {r.changes.map((c, i) => (
            <View key={`${c.field}-${i}`} className='uq-diff__row'>
              <Text className='uq-diff__cell uq-diff__cell--label'>{c.label}</Text>
              <Text className='uq-diff__cell'>{dash(c.before)}</Text>
              <Text className={c.changed ? 'uq-diff__cell uq-diff__cell--after' : 'uq-diff__cell'}>{dash(c.after)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  )
}

function ChangeHistory() {
  const list = usePaged<ChangeRecord, Changes>('/api/unit/change-history', {}, 10)
  const data = list.data
  return (
    <View className='uq-panel ui-changes'>
      <View className='uq-panel__head'>
        <Text className='uq-panel__title'>信息变更记录</Text>
        {data && <Text className='uq-count'>共 {data.total} 条</Text>}
      </View>
      <Text className='uq-panel__note'>已办结的单位一般信息变更、单位关键信息变更，含变更前后的值。</Text>
      <UnitState {...list} ready={data !== null} empty={data?.total === 0} emptyText='本单位还没有办结的信息变更。'>
        {list.items.map((r) => (
          <ChangeRow key={r.serialNo} r={r} />
        ))}
        {data && <LoadMore shown={list.items.length} total={data.total} hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={list.loadMore} />}
      </UnitState>
    </View>
  )
}

const slash = (d: string) => d.replace(/-/g, '/')
/** NutUI Calendar answers [y, m, d, 'y/m/d', weekday] per end; we keep ISO dates. */
const isoOf = (d: string[] | undefined) => (d ? `${d[0]}-${String(d[1]).padStart(2, '0')}-${String(d[2]).padStart(2, '0')}` : '')

function StaffChangesView() {
  const today = shanghaiToday()
  const [range, setRange] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today })
  const [picking, setPicking] = useState(false)
  const q = useApi<StaffChanges>('/api/unit/staff-changes', range)
  const d = q.data
  return (
    <View className='uq-panel ui-staff'>
      <View className='uq-panel__head'>
        <Text className='uq-panel__title'>人员增减变动</Text>
      </View>
      <View className='uq-range'>
        <Text className='uq-filter__label'>变动日期</Text>
        <Text className='uq-range__value ui-staff__range' {...roleProps('button')} onClick={() => setPicking(true)}>
          {range.from} 至 {range.to}
        </Text>
      </View>
      <Calendar
        visible={picking}
        type='range'
        title='选择变动日期'
        startDate={slash(`${Number(today.slice(0, 4)) - 5}-01-01`)}
        endDate={slash(today)}
        defaultValue={[slash(range.from), slash(range.to)]}
        confirmText='确定'
        startText='开始'
        endText='结束'
        onClose={() => setPicking(false)}
        onConfirm={(v: unknown) => {
          const [a, b] = v as string[][]
          if (a && b) setRange({ from: isoOf(a), to: isoOf(b) })
          setPicking(false)
        }}
      />
      <UnitState {...q} ready={d !== null} empty={!!d && d.increases.length === 0 && d.decreases.length === 0} emptyText='所选日期内本单位没有人员增减。'>
        {d && (
          <>
            <View className='uq-summary'>
              {d.summary.map((s) => (
                <View key={s.insuranceType} className='uq-summary__item'>
                  <Text className='uq-summary__label'>{s.label}</Text>
                  <Text>
                    增加 {s.increases} 人次 · 减少 {s.decreases} 人次
                  </Text>
                </View>
              ))}
            </View>
            <Text className='uq-subtitle'>增加（{d.increases.length}）</Text>
            <PeopleTable rows={d.increases.map((r) => ({ ...r, reason: null }))} empty='无增加人员' dateLabel='参保日期' />
            <Text className='uq-subtitle'>减少（{d.decreases.length}）</Text>
            <PeopleTable rows={d.decreases} empty='无减少人员' dateLabel='停保日期' withReason />
          </>
        )}
      </UnitState>
    </View>
  )
}

type ChangedPerson = { personNo: string; name: string; idNumber: string; label: string; date: string; period: number | null; reason: string | null }

function PeopleTable({ rows, empty, dateLabel, withReason }: { rows: ChangedPerson[]; empty: string; dateLabel: string; withReason?: boolean }) {
  if (rows.length === 0) return <Text className='uq-panel__note'>{empty}</Text>
  return (
    <View className='uq-table'>
      <View className='uq-tr uq-tr--head'>
        <Text className='uq-td'>姓名</Text>
        <Text className='uq-td'>个人编号</Text>
        <Text className='uq-td uq-w2'>证件号码</Text>
        <Text className='uq-td uq-w2'>险种</Text>
        <Text className='uq-td'>{dateLabel}</Text>
        <Text className='uq-td'>期号</Text>
        {withReason && <Text className='uq-td uq-w2'>减少原因</Text>}
      </View>
      {rows.map((r, i) => (
        <View key={`${r.personNo}-${r.label}-${i}`} className='uq-tr'>
          <Text className='uq-td uq-td--title'>{r.name}</Text>
          <Text className='uq-td uq-num' data-label='个人编号'>
            {r.personNo}
          </Text>
          <Text className='uq-td uq-w2 uq-num' data-label='证件号码'>
            {r.idNumber}
          </Text>
          <Text className='uq-td uq-w2' data-label='险种'>
            {r.label}
          </Text>
          <Text className='uq-td uq-num' data-label={dateLabel}>
            {r.date}
          </Text>
          <Text className='uq-td uq-num' data-label='期号'>
            {r.period ? formatPeriod(r.period) : '—'}
          </Text>
          {withReason && (
            <Text className='uq-td uq-w2' data-label='减少原因'>
              {dash(r.reason)}
            </Text>
          )}
        </View>
      ))}
    </View>
  )
}

/** One tab's content: the two lists load when their tab opens; the rest come from GET /api/unit/info. */
function Section({ tab, info }: { tab: Tab; info: Loaded<Info> }) {
  if (tab === 'changes') return <ChangeHistory />
  if (tab === 'staff') return <StaffChangesView />
  const data = info.data
  return (
    <UnitState {...info} ready={data !== null}>
      {data && tab === 'basic' && <Basic info={data} />}
      {data && tab === 'insurance' && <Insurance info={data} />}
      {data && tab === 'clerks' && <Clerks info={data} />}
      {data && tab === 'bank' && <Bank info={data} />}
    </UnitState>
  )
}

/**
 * 单位综合信息 (seed 002 §3.3.68): 基本信息, 参保信息 (per insurance type with 最大核止期号), 经办人, 银行账户
 * (masked, with a reveal), 信息变更记录 (办结的变更 with before/after) and 人员增减变动 (by date range, this year by
 * default). `?tab=` opens one section.
 */
export default function UnitInfoPage() {
  const router = useRouter()
  const initial = TABS.some((t) => t.value === router.params.tab) ? (router.params.tab as Tab) : 'basic'
  const [tab, setTab] = useState<Tab>(initial)
  const info = useApi<Info>('/api/unit/info')
  const data = info.data

  return (
    <HallFrame active='unit-info' title='单位综合信息' unitName={data?.basic.name} unitNo={data?.basic.unitNo} className='ui'>
      {/* NutUI Tabs as the section switch only: its panes stay empty and the section renders below the tab bar, not
          inside NutUI's sliding panes (there the sections after the first did not show) */}
      <Tabs className='ui-tabs' value={tab} onChange={(v) => setTab(v as Tab)} activeType='line' align='left'>
        {TABS.map((t) => (
          <Tabs.TabPane key={t.value} title={t.title} value={t.value} />
        ))}
      </Tabs>
      <View className='ui-section' data-tab={tab}>
        <Section tab={tab} info={info} />
      </View>
    </HallFrame>
  )
}
