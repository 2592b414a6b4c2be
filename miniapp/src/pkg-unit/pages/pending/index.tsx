import { Text, View } from '@tarojs/components'
import type { z } from 'zod'
import type { PendingVerificationRow } from '@shebao/shared'
import LoadMore from '../../../components/LoadMore'
import { usePaged, type PageOf } from '../../../hooks/useApi'
import HallFrame from '../../components/HallFrame'
import UnitState from '../../components/UnitState'
import '../../styles/unit.scss'
import './index.scss'

type Row = z.infer<typeof PendingVerificationRow>

const dash = (v: string | null) => v || '—'

/**
 * 待核实人员 (seed 002 §3.3.73): persons of this unit whose entitlement needs verifying (e.g. an overdue
 * qualification certification), with their pension payment status (发放状态, 停发原因, 停发日期); masked.
 */
export default function PendingPage() {
  const list = usePaged<Row, PageOf<Row>>('/api/unit/pending-verification', {}, 20)
  const data = list.data
  return (
    <HallFrame active='pending-verification' title='待核实人员' className='up'>
      <View className='uq-panel up-list'>
        <View className='uq-panel__head'>
          <Text className='uq-count up-count'>
            共 <Text className='uq-count__n'>{data ? data.total : '…'}</Text> 人
          </Text>
        </View>
        <Text className='uq-panel__note'>领取待遇资格待核实的本单位人员。请通知本人尽快完成待遇资格认证，核实后恢复发放。</Text>
        <UnitState {...list} ready={data !== null} empty={data?.total === 0} emptyText='本单位暂无待核实人员。'>
          <View className='uq-table'>
            <View className='uq-tr uq-tr--head'>
              <Text className='uq-td up-c-name'>姓名</Text>
              <Text className='uq-td up-c-no'>个人编号</Text>
              <Text className='uq-td up-c-id'>身份证号</Text>
              <Text className='uq-td up-c-sex'>性别</Text>
              <Text className='uq-td up-c-phone'>联系电话</Text>
              <Text className='uq-td up-c-addr'>地址</Text>
              <Text className='uq-td up-c-pay'>发放状态</Text>
              <Text className='uq-td up-c-reason'>停发原因</Text>
              <Text className='uq-td up-c-date'>停发日期</Text>
              <Text className='uq-td up-c-status'>人员状态</Text>
            </View>
            {list.items.map((r) => (
              <View key={r.personNo} className='uq-tr up-row' data-person-no={r.personNo}>
                <Text className='uq-td uq-td--title up-c-name'>{r.name}</Text>
                <Text className='uq-td uq-num up-c-no' data-label='个人编号'>
                  {r.personNo}
                </Text>
                <Text className='uq-td uq-num up-c-id' data-label='身份证号'>
                  {r.idNumber}
                </Text>
                <Text className='uq-td up-c-sex' data-label='性别'>
                  {r.sex}
                </Text>
                <Text className='uq-td uq-num up-c-phone' data-label='联系电话'>
                  {dash(r.phone)}
                </Text>
                <Text className='uq-td up-c-addr' data-label='地址'>
                  {dash(r.address)}
                </Text>
                <Text className='uq-td up-c-pay' data-label='发放状态'>
                  {dash(r.paymentStatus)}
                </Text>
                <Text className='uq-td up-c-reason' data-label='停发原因'>
                  {dash(r.stopReason)}
                </Text>
                <Text className='uq-td uq-num up-c-date' data-label='停发日期'>
                  {dash(r.stopDate)}
                </Text>
                <Text className='uq-td up-c-status' data-label='人员状态'>
                  {r.personStatus}
                </Text>
              </View>
            ))}
          </View>
          {data && <LoadMore shown={list.items.length} total={data.total} hasMore={list.hasMore} loading={list.loadingMore} error={list.moreError} onMore={list.loadMore} />}
        </UnitState>
      </View>
    </HallFrame>
  )
}
