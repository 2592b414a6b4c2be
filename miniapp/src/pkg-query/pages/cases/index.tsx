import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { ArrowRight } from '@nutui/icons-react-taro'
import type { CaseRow, CasesResponse } from '@shebao/shared'
import LoadMore from '../../../components/LoadMore'
import PageShell from '../../../components/PageShell'
import { statusClass } from '../../../components/Status'
import { QUERY_PAGES } from '../../../constants/pages'
import { usePaged } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

/** 我的办件: the person's own applications, newest first; tap one for its progress. */
export default function CasesPage() {
  const list = usePaged<CaseRow, CasesResponse>('/api/me/cases')
  const data = list.data
  return (
    <PageShell className='q-cases'>
      <QueryState {...list} ready={data !== null} empty={data?.total === 0} emptyText='您还没有在网上办理过业务。在“办事”中提交的申请会显示在这里。'>
        {data && (
          <>
            <Text className='sb-section-title'>共 {data.total} 件</Text>
            {list.items.map((c) => (
              <View
                key={c.serialNo}
                className='q-item q-cases__item'
                data-serial={c.serialNo}
                onClick={() => Taro.navigateTo({ url: QUERY_PAGES.caseDetail(c.serialNo) })}
                ariaRole='button'
                ariaLabel={`${c.matterName}，${c.statusLabel}，查看进度`}
              >
                <View className='q-item__head'>
                  <Text className='q-item__title'>{c.matterName}</Text>
                  <Text className={statusClass(c.status)}>{c.statusLabel}</Text>
                </View>
                <Text className='q-item__sub'>业务流水号 {c.serialNo}</Text>
                <View className='q-kv'>
                  <Text className='q-kv__k'>{c.submittedAtText ? '提交时间' : '创建时间'}</Text>
                  <Text className='q-kv__v'>{c.submittedAtText ?? c.createdAtText}</Text>
                </View>
                <View className='q-cases__more'>
                  <Text className='q-item__sub'>查看进度</Text>
                  <ArrowRight size={12} color='#86909c' />
                </View>
              </View>
            ))}
            <LoadMore shown={list.items.length} total={data.total} hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={list.loadMore} />
          </>
        )}
      </QueryState>
    </PageShell>
  )
}
