import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { CaseDetail } from '@shebao/shared'
import PageShell from '../../../components/PageShell'
import { statusClass } from '../../../components/Status'
import { useApi } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

/** One case: what, where it stands, why it was returned (if it was), and its timeline. */
export default function CaseDetailPage() {
  const { params } = useRouter()
  const serialNo = /^\d{15}$/.test(params.serialNo ?? '') ? (params.serialNo as string) : '000000000000000'
  const c = useApi<CaseDetail>(`/api/me/cases/${serialNo}`)
  const data = c.data
  return (
    <PageShell className='q-case'>
      <QueryState {...c} ready={data !== null}>
        {data && (
          <>
            <View className='q-item q-first'>
              <View className='q-item__head'>
                <Text className='q-item__title'>{data.matterName}</Text>
                <Text className={statusClass(data.status)}>{data.statusLabel}</Text>
              </View>
              <Text className='q-item__sub'>业务流水号 {data.serialNo}</Text>
              <View className='q-kv'>
                <Text className='q-kv__k'>申报方式</Text>
                <Text className='q-kv__v'>{data.modeLabel}</Text>
              </View>
              {data.submittedAtText && (
                <View className='q-kv'>
                  <Text className='q-kv__k'>提交时间</Text>
                  <Text className='q-kv__v'>{data.submittedAtText}</Text>
                </View>
              )}
              {data.returnReason && (
                <View className='q-kv'>
                  <Text className='q-kv__k'>退回原因</Text>
                  <Text className='q-kv__v q-case__reason'>{data.returnReason}</Text>
                </View>
              )}
              {data.remark && (
                <View className='q-kv'>
                  <Text className='q-kv__k'>备注</Text>
                  <Text className='q-kv__v'>{data.remark}</Text>
                </View>
              )}
            </View>
            <Text className='sb-section-title'>办理进度</Text>
            <View className='sb-card q-timeline'>
              {data.timeline.length === 0 && <Text className='q-item__sub'>暂无办理记录</Text>}
              {data.timeline.map((e, i) => (
                <View key={i} className='q-timeline__item'>
                  <View className='q-timeline__dot' />
                  <Text className='q-timeline__title'>{e.typeLabel}</Text>
                  <Text className='q-timeline__meta'>
                    {e.atText} · {e.actor}
                  </Text>
                  {e.note && <Text className='q-timeline__note'>{e.note}</Text>}
                </View>
              ))}
            </View>
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
