import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import type { WorkInjuryResponse } from '@shebao/shared'
import PageShell from '../../../components/PageShell'
import { QUERY_PAGES } from '../../../constants/pages'
import { useApi } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import { AppraisalCard, BenefitYears } from '../../components/WorkInjuryParts'
import '../../styles/query.scss'

/** 工伤: determinations (tap for the detail), appraisals, and the long-term benefits year by year. */
export default function WorkInjuryPage() {
  const wi = useApi<WorkInjuryResponse>('/api/me/work-injury')
  const data = wi.data
  const empty = data !== null && data.determinations.length === 0 && data.otherAppraisals.length === 0 && data.benefitsByYear.length === 0
  return (
    <PageShell className='q-injury'>
      <QueryState {...wi} ready={data !== null} empty={empty} emptyText='没有查到工伤认定、劳动能力鉴定或工伤待遇记录。'>
        {data && (
          <>
            {data.determinations.length > 0 && <Text className='sb-section-title'>工伤认定</Text>}
            {data.determinations.map((d) => (
              <View
                key={d.id}
                className='q-item q-injury__determination'
                onClick={() => Taro.navigateTo({ url: QUERY_PAGES.workInjuryDetail(d.id) })}
                ariaRole='button'
                ariaLabel={`工伤认定 ${d.decisionNo}，查看详情`}
              >
                <View className='q-item__head'>
                  <Text className='q-item__title'>{d.conclusion}</Text>
                  <ArrowRight size={14} color='#86909c' />
                </View>
                <Text className='q-item__sub'>{d.decisionNo}</Text>
                <View className='q-kv'>
                  <Text className='q-kv__k'>事故日期</Text>
                  <Text className='q-kv__v'>{d.accidentDate}</Text>
                </View>
                <View className='q-kv'>
                  <Text className='q-kv__k'>认定日期</Text>
                  <Text className='q-kv__v'>{d.determinedOn}</Text>
                </View>
                {d.appraisals.map((a) => (
                  <View className='q-kv' key={a.id}>
                    <Text className='q-kv__k'>劳动能力鉴定</Text>
                    <Text className='q-kv__v'>{a.conclusion}</Text>
                  </View>
                ))}
              </View>
            ))}
            {data.otherAppraisals.length > 0 && <Text className='sb-section-title'>其他劳动能力鉴定</Text>}
            {data.otherAppraisals.map((a) => (
              <AppraisalCard key={a.id} a={a} />
            ))}
            {data.benefitsByYear.length > 0 && <Text className='sb-section-title'>长期工伤待遇（按年度）</Text>}
            <BenefitYears years={data.benefitsByYear} />
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
