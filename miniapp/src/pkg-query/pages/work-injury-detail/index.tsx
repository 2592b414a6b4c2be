import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { DeterminationDetail } from '@shebao/shared'
import PageShell from '../../../components/PageShell'
import { useApi } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import { AppraisalCard, BenefitYears } from '../../components/WorkInjuryParts'
import '../../styles/query.scss'

function Row({ k, v }: { k: string; v: string | null }) {
  if (!v) return null
  return (
    <View className='q-kv'>
      <Text className='q-kv__k'>{k}</Text>
      <Text className='q-kv__v'>{v}</Text>
    </View>
  )
}

/** One determination: the decision, the accident, its appraisals and the benefits paid since. */
export default function WorkInjuryDetailPage() {
  const { params } = useRouter()
  const id = /^\d+$/.test(params.id ?? '') ? params.id : '0'
  const d = useApi<DeterminationDetail>(`/api/me/work-injury/determinations/${id}`)
  const data = d.data
  return (
    <PageShell className='q-injury-detail'>
      <QueryState {...d} ready={data !== null}>
        {data && (
          <>
            <View className='q-item q-first'>
              <View className='q-item__head'>
                <Text className='q-item__title'>{data.conclusion}</Text>
              </View>
              <Text className='q-item__sub'>认定书编号 {data.decisionNo}</Text>
              <Row k='用人单位' v={data.unit ? data.unit.name : null} />
              <Row k='事故日期' v={data.accidentDate} />
              <Row k='事故地点' v={data.accidentPlace} />
              <Row k='受伤部位' v={data.injuryPart} />
              <Row k='诊断' v={data.diagnosis} />
              <Row k='认定日期' v={data.determinedOn} />
            </View>
            {data.appraisals.length > 0 && <Text className='sb-section-title'>劳动能力鉴定</Text>}
            {data.appraisals.map((a) => (
              <AppraisalCard key={a.id} a={a} />
            ))}
            {data.benefitsByYear.length > 0 && <Text className='sb-section-title'>认定后发放的工伤待遇</Text>}
            <BenefitYears years={data.benefitsByYear} />
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
