import { Text, View } from '@tarojs/components'
import type { CertificationRow, CertificationsResponse } from '@shebao/shared'
import LoadMore from '../../../components/LoadMore'
import PageShell from '../../../components/PageShell'
import { toneClass } from '../../../components/Status'
import { usePaged } from '../../../hooks/useApi'
import QueryState from '../../components/QueryState'
import '../../styles/query.scss'

/** 待遇资格认证: whether the person's certification still holds, and every certification so far. */
export default function CertificationsPage() {
  const list = usePaged<CertificationRow, CertificationsResponse>('/api/me/certifications')
  const data = list.data
  return (
    <PageShell className='q-certs'>
      <QueryState {...list} ready={data !== null} empty={data?.total === 0} emptyText='没有查到待遇资格认证记录。领取养老等待遇的人员每年需进行一次资格认证。'>
        {data && (
          <>
            <View className='sb-card q-first q-certs__now'>
              <Text className={toneClass(data.currentlyValid ? 'ok' : 'bad')}>
                {data.currentlyValid ? '认证有效' : '认证已过期'}
              </Text>
              <Text className='q-item__note'>
                {data.currentlyValid
                  ? `本次认证有效期至 ${data.validUntil}，请在到期前再次认证。`
                  : `上次认证有效期至 ${data.validUntil}，请尽快进行待遇资格认证，以免影响待遇发放。`}
              </Text>
            </View>
            <Text className='sb-section-title'>认证记录</Text>
            {list.items.map((c) => (
              <View key={c.id} className='q-item q-certs__item'>
                <View className='q-item__head'>
                  <Text className='q-item__title'>{c.certifiedAtText.slice(0, 10)}</Text>
                  <Text className={toneClass(c.valid ? 'ok' : 'muted')}>{c.valid ? '有效' : '已过期'}</Text>
                </View>
                <View className='q-kv'>
                  <Text className='q-kv__k'>认证时间</Text>
                  <Text className='q-kv__v'>{c.certifiedAtText}</Text>
                </View>
                <View className='q-kv'>
                  <Text className='q-kv__k'>认证方式</Text>
                  <Text className='q-kv__v'>{c.method}</Text>
                </View>
                <View className='q-kv'>
                  <Text className='q-kv__k'>认证渠道</Text>
                  <Text className='q-kv__v'>{c.channel}</Text>
                </View>
                <View className='q-kv'>
                  <Text className='q-kv__k'>有效期至</Text>
                  <Text className='q-kv__v'>{c.validUntil}</Text>
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
