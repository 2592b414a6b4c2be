import { Text, View } from '@tarojs/components'
import type { EnrolmentsResponse, EnrolmentSpell, PersonProfile } from '@shebao/shared'
import PageShell from '../../../components/PageShell'
import { statusClass } from '../../../components/Status'
import { useApi } from '../../../hooks/useApi'
import ProfileCard from '../../components/ProfileCard'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

function Row({ k, v }: { k: string; v: string | null }) {
  if (v === null) return null
  return (
    <View className='q-kv'>
      <Text className='q-kv__k'>{k}</Text>
      <Text className='q-kv__v'>{v}</Text>
    </View>
  )
}

function Spell({ s }: { s: EnrolmentSpell }) {
  return (
    <>
      <Row k='参保单位' v={s.unit ? s.unit.name : '个人参保'} />
      <Row k='单位编号' v={s.unit ? s.unit.unitNo : null} />
      <Row k='参保日期' v={s.startedOn} />
      <Row k='缴费起始年月' v={s.startPeriodText} />
      <Row k='停保年月' v={s.stopPeriodText} />
      <Row k='停保原因' v={s.stopReasonLabel} />
      <Row k='缴费基数' v={s.monthlyBaseYuan ? `${s.monthlyBaseYuan} 元` : null} />
    </>
  )
}

/** 参保信息: who I am (masked, with the eye) and each insurance type's current enrolment and earlier ones. */
export default function EnrolmentPage() {
  const profile = useApi<PersonProfile>('/api/me/profile')
  const enrolments = useApi<EnrolmentsResponse>('/api/me/enrolments')
  const data = enrolments.data
  return (
    <PageShell className='q-enrolment'>
      <QueryState {...enrolments} ready={data !== null} empty={data?.items.length === 0} emptyText='没有查到您的参保记录。如已参保，请联系参保单位或社保经办机构核实。'>
        {profile.data && <ProfileCard profile={profile.data} />}
        <Text className='sb-section-title'>各险种参保情况</Text>
        {data?.items.map((item) => (
          <View key={item.insuranceType} className='q-item q-enrolment__item' data-type={item.insuranceType}>
            <View className='q-item__head'>
              <Text className='q-item__title'>{item.insuranceLabel}</Text>
              <Text className={statusClass(item.status)}>{item.statusLabel}</Text>
            </View>
            <Row k='首次参保日期' v={item.firstEnrolledOn} />
            <Spell s={item} />
            {item.history.length > 0 && (
              <View className='q-item__history'>
                <Text className='q-item__sub'>以前的参保记录（{item.history.length}）</Text>
                {item.history.map((h, i) => (
                  <View key={i} className='q-enrolment__spell'>
                    <Row k='状态' v={h.statusLabel} />
                    <Spell s={h} />
                  </View>
                ))}
              </View>
            )}
          </View>
        ))}
      </QueryState>
    </PageShell>
  )
}
