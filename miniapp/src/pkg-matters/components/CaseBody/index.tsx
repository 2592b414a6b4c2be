import { Text, View } from '@tarojs/components'
import { shanghaiMinute } from '../../../utils/time'
import { STATUS_TONE, type CaseDetailT, type MatterInfoT } from '../../lib/types'

const HIDDEN = new Set(['unitNo', 'unitName'])

const INSURANCE: Record<string, string> = { PENSION: '养老', UNEMPLOYMENT: '失业', WORK_INJURY: '工伤' }

/** Labels of coded values: the template's dropdown options (民族 …) and the insurance types. */
function labeller(matter?: MatterInfoT | null) {
  const options = new Map<string, Map<string, string>>()
  for (const c of matter?.template?.columns ?? []) if (c.options) options.set(c.field, new Map(c.options.map((o) => [o.value, o.label])))
  const one = (field: string, v: unknown): string => {
    const s = String(v)
    return options.get(field)?.get(s) ?? INSURANCE[s] ?? s
  }
  return (field: string, v: unknown): string => {
    if (v === undefined || v === null) return ''
    if (Array.isArray(v)) return v.map((x) => one(field, x)).join('、')
    if (field === 'monthlyWage' && typeof v === 'number') return (v / 100).toFixed(2)
    return one(field, v)
  }
}

/** A case as the applicant and the reviewer both see it: summary, 变更 table, rows, timeline (materials apart). */
export default function CaseBody({ detail, matter }: { detail: CaseDetailT; matter?: MatterInfoT | null }) {
  const rowLabels = matter?.rowLabels
  const cell = labeller(matter)
  const columns = [...new Set(detail.items.flatMap((it) => Object.keys(it.data)))].filter((k) => !HIDDEN.has(k))
  return (
    <View className='mw-case'>
      <View className='sb-card'>
        <View className='mr-item__top'>
          <Text className='mw-card-title'>{detail.matterName}</Text>
          <Text className={`mw-status mw-status--${STATUS_TONE[detail.status] ?? 'draft'}`}>{detail.statusLabel}</Text>
        </View>
        <KV k='业务流水号' v={detail.serialNo} />
        {detail.unit && <KV k='单位' v={`${detail.unit.name}（${detail.unit.unitNo}）`} />}
        <KV k='申报人' v={detail.applicantName} />
        <KV k='手机号码' v={detail.applicantPhone} />
        {detail.remark && <KV k='备注' v={detail.remark} />}
        <KV k='创建时间' v={shanghaiMinute(detail.createdAt)} />
        {detail.submittedAt && <KV k='提交时间' v={shanghaiMinute(detail.submittedAt)} />}
        {detail.decidedAt && <KV k='审核时间' v={shanghaiMinute(detail.decidedAt)} />}
        {detail.returnReason && <KV k='退回原因' v={detail.returnReason} />}
      </View>
      {detail.changes.length > 0 && <ChangeTable rows={detail.changes} />}
      {detail.items.length > 0 && (
        <View className='sb-card mw-rows'>
          <Text className='mw-card-title'>申报明细（{detail.itemCount}）</Text>
          <View className='mw-rows__scroll'>
            <View className='mw-table mw-rows__table'>
              <View className='mw-table__row mw-table__row--head'>
                <Text className='mw-table__cell mw-table__cell--narrow'>序号</Text>
                {columns.map((c) => (
                  <Text key={c} className='mw-table__cell'>
                    {rowLabels?.[c] ?? c}
                  </Text>
                ))}
              </View>
              {detail.items.map((it) => (
                <View key={it.rowNo} className='mw-table__row'>
                  <Text className='mw-table__cell mw-table__cell--narrow'>{it.rowNo}</Text>
                  {columns.map((c) => (
                    <Text key={c} className='mw-table__cell'>
                      {cell(c, it.data[c])}
                    </Text>
                  ))}
                </View>
              ))}
            </View>
          </View>
        </View>
      )}
      <View className='sb-card mw-timeline'>
        <Text className='mw-card-title'>办理进度</Text>
        {detail.events.map((e, i) => (
          <View key={i} className='mw-timeline__item'>
            <Text className='mw-timeline__label'>{e.label}</Text>
            <Text className='mw-timeline__meta'>
              {shanghaiMinute(e.at)}
              {e.actorName ? ` · ${e.actorName}` : ''}
            </Text>
            {e.note && <Text className='mw-timeline__note'>{e.note}</Text>}
          </View>
        ))}
      </View>
    </View>
  )
}

export function KV({ k, v }: { k: string; v: string }) {
  return (
    <View className='mw-kv'>
      <Text className='mw-kv__k'>{k}</Text>
      <Text className='mw-kv__v'>{v}</Text>
    </View>
  )
}

export function ChangeTable({ rows }: { rows: { label: string; before: string; after: string; changed: boolean }[] }) {
  return (
    <View className='sb-card mw-changes'>
      <Text className='mw-card-title'>变更信息</Text>
      <View className='mw-table'>
        <View className='mw-table__row mw-table__row--head'>
          <Text className='mw-table__cell'>变更项</Text>
          <Text className='mw-table__cell'>变更前值</Text>
          <Text className='mw-table__cell'>变更后值</Text>
        </View>
        {rows.map((r, i) => (
          <View key={`${i}-${r.label}`} className={`mw-table__row ${r.changed ? 'is-changed' : ''}`}>
            <Text className='mw-table__cell'>{r.label}</Text>
            <Text className='mw-table__cell'>{r.before || '—'}</Text>
            <Text className='mw-table__cell'>{r.after || '—'}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
