import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Cell } from '@nutui/nutui-react-taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import PageShell from '../../../components/PageShell'
import { QUERY_PAGES } from '../../../constants/pages'
import '../../styles/query.scss'

interface Entry {
  title: string
  brief: string
  url: string
}

const GROUPS: { title: string; entries: Entry[] }[] = [
  {
    title: '参保与缴费',
    entries: [
      { title: '参保信息', brief: '各险种的参保单位、参保状态与起止日期', url: QUERY_PAGES.enrolment },
      { title: '缴费信息', brief: '按年度和险种查看每月缴费基数、单位与个人缴费及到账状态', url: QUERY_PAGES.contributions },
      { title: '个人账户', brief: '养老保险个人账户的年度记账、利息与余额', url: QUERY_PAGES.account }
    ]
  },
  {
    title: '待遇',
    entries: [
      { title: '养老待遇', brief: '养老金及代发待遇的发放记录', url: QUERY_PAGES.pension },
      { title: '待遇资格认证记录', brief: '历次领取待遇资格认证的时间与有效期', url: QUERY_PAGES.certifications },
      { title: '机关养老与职业年金', brief: '机关事业单位养老金、职业年金的发放明细', url: QUERY_PAGES.publicPension }
    ]
  },
  {
    title: '工伤',
    entries: [{ title: '工伤认定与待遇', brief: '工伤认定、劳动能力鉴定结论及按年度的工伤待遇', url: QUERY_PAGES.workInjury }]
  },
  {
    title: '办件',
    entries: [{ title: '办件记录', brief: '本人提交的业务办理进度与结果', url: QUERY_PAGES.cases }]
  }
]

/** 个人查询: every self-service query of the signed-in person. */
export default function QueryIndex() {
  return (
    <PageShell className='q-hub'>
      <View className='q-hub__head'>
        <Text className='q-hub__title'>个人查询</Text>
        <Text className='q-hub__intro'>查询本人的参保、缴费、账户与待遇记录。登录电子社保卡后只能查看本人信息。</Text>
      </View>
      {GROUPS.map((g) => (
        <View key={g.title}>
          <Text className='sb-section-title'>{g.title}</Text>
          <Cell.Group className='sb-links'>
            {g.entries.map((e) => (
              <Cell
                key={e.title}
                title={e.title}
                description={e.brief}
                extra={<ArrowRight size={14} />}
                align='center'
                clickable
                onClick={() => Taro.navigateTo({ url: e.url })}
              />
            ))}
          </Cell.Group>
        </View>
      ))}
    </PageShell>
  )
}
