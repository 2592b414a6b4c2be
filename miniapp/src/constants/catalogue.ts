/**
 * What each area of the app covers (PRODUCT.md §2–§6). The subpackage index pages list these; the pages behind
 * each entry are built area by area (where a unit entry opens: `unitItemUrl`). The per-matter details (服务说明,
 * forms, materials) come from the matter catalogue in @shebao/shared; this list only names the entries and says in
 * one line what they are.
 */

import { CERT_PAGES, CONTRIB_PAGES, MATTER_PAGES, UNIT_PAGES } from './pages'

export type AreaKey = 'query' | 'cert' | 'unit' | 'matters' | 'review' | 'verify'

export interface CatalogueItem {
  key: string
  title: string
  /** One line a person understands: what they get from this entry. */
  brief: string
}

export interface CatalogueGroup {
  title: string
  items: CatalogueItem[]
}

export interface Area {
  key: AreaKey
  /** Subpackage root (app.config.ts) */
  root: string
  title: string
  intro: string
  /** Who can use it */
  audience: string
  groups: CatalogueGroup[]
}

export const AREAS: Record<AreaKey, Area> = {
  query: {
    key: 'query',
    root: 'pkg-query',
    title: '个人查询',
    intro: '查询本人的参保、缴费、账户与待遇记录。',
    audience: '参保人（登录电子社保卡后查询）',
    groups: [
      {
        title: '参保与缴费',
        items: [
          { key: 'enrolment', title: '参保信息', brief: '各险种的参保单位、参保状态与起止日期' },
          { key: 'contributions', title: '缴费信息', brief: '按年度和险种查看每月缴费基数、单位与个人缴费及到账状态' },
          { key: 'account', title: '个人账户', brief: '养老保险个人账户的年度记账、利息与余额' }
        ]
      },
      {
        title: '待遇',
        items: [
          { key: 'pension', title: '养老待遇', brief: '养老金及代发待遇的发放记录' },
          { key: 'eligibility', title: '待遇资格认证记录', brief: '历次领取待遇资格认证的时间与结果' }
        ]
      },
      {
        title: '工伤',
        items: [
          { key: 'injury-recognition', title: '工伤认定', brief: '工伤认定申请及结论' },
          { key: 'disability-assessment', title: '劳动能力鉴定', brief: '鉴定申请、鉴定等级与结论' },
          { key: 'injury-benefits', title: '工伤待遇', brief: '按年度查看工伤保险待遇及明细' }
        ]
      },
      {
        title: '办件',
        items: [{ key: 'cases', title: '办件记录', brief: '本人提交的业务办理进度与结果' }]
      }
    ]
  },
  cert: {
    key: 'cert',
    root: 'pkg-cert',
    title: '证明打印',
    intro: '开具带二维码和授权码的电子证明（PDF），出具后 3 个月内可扫码验证真伪。',
    audience: '参保人（登录后开具本人证明）',
    groups: [
      {
        title: '个人证明',
        items: [
          { key: 'enrolment-cert', title: '参保证明', brief: '含缴费明细，选择缴费期间和用途' },
          { key: 'contribution-voucher', title: '参保缴费凭证', brief: '按险种开具的缴费凭证' },
          { key: 'pension-approval', title: '养老金核定表', brief: '养老金计发项目与核定金额' },
          { key: 'benefit-cert', title: '待遇领取证明', brief: '证明待遇领取情况' },
          { key: 'retirement-cert', title: '退休证明', brief: '证明退休状态与退休时间' }
        ]
      }
    ]
  },
  unit: {
    key: 'unit',
    root: 'pkg-unit',
    title: '单位办事',
    intro: '单位经办人在手机或电脑网厅办理单位业务。',
    audience: '单位经办人（经法定代表人授权，扫码或电子社保卡登录）',
    groups: [
      {
        title: '单位查询',
        items: [
          { key: 'unit-info', title: '单位综合信息', brief: '基本信息、各险种参保情况、经办人、银行账户与变更记录' },
          { key: 'roster', title: '单位参保人员', brief: '按条件筛选参保人员名单并导出' },
          { key: 'bills', title: '业务单据', brief: '应缴认定单等单据及缴费进度' },
          { key: 'unit-cases', title: '单位办件记录', brief: '单位提交的业务及审核进度' },
          { key: 'pending-verification', title: '待核实人员', brief: '待遇资格待核实、暂停发放的本单位人员' }
        ]
      },
      {
        title: '人员变动',
        items: [
          { key: 'staff-add', title: '参保登记/续保（增员）', brief: '单个或按模板批量为职工办理参保' },
          { key: 'staff-stop', title: '停保/减员', brief: '按停保原因为职工办理停保' }
        ]
      },
      {
        title: '缴费',
        items: [
          { key: 'wage-declaration', title: '年度缴费工资申报', brief: '每年 4 月 1 日至 6 月 30 日申报上年度月平均工资' },
          { key: 'monthly-declaration', title: '单位缴费申报', brief: '申报当月缴费，生成应缴认定单' },
          { key: 'back-payment', title: '补缴', brief: '补缴以前月份的社会保险费' },
          { key: 'refund', title: '多缴退费', brief: '申请退还多缴的社会保险费' }
        ]
      },
      {
        title: '单位证明',
        items: [{ key: 'unit-enrolment-cert', title: '单位参保证明', brief: '按险种和期间为所选职工开具' }]
      },
      {
        title: '其他单位事项',
        items: [{ key: 'more-matters', title: '更多单位事项', brief: '单位一般信息变更、险种增减、职工信息变更等全部单位业务' }]
      }
    ]
  },
  matters: {
    key: 'matters',
    root: 'pkg-matters',
    title: '个人办事',
    intro: '个人业务在线申请，提交后可在办件记录中查看进度。',
    audience: '参保人',
    groups: [
      {
        title: '参保登记',
        items: [
          { key: 'flexible-enrol', title: '灵活就业人员参保登记', brief: '以灵活就业人员身份参加职工养老保险' },
          { key: 'flexible-stop', title: '灵活就业人员停保', brief: '停止灵活就业人员参保缴费' },
          { key: 'resident-enrol', title: '城乡居民参保登记', brief: '参加城乡居民基本养老保险' },
          { key: 'resident-change', title: '城乡居民信息变更', brief: '变更城乡居民参保信息' }
        ]
      },
      {
        title: '转移与工伤',
        items: [
          { key: 'transfer', title: '关系转移接续申请', brief: '跨地区转移社会保险关系' },
          { key: 'accident-filing', title: '工伤事故备案', brief: '发生工伤事故后先行备案' },
          { key: 'injury-application', title: '工伤认定申请', brief: '选择已备案的事故申请工伤认定' },
          { key: 'assessment-application', title: '劳动能力鉴定申请', brief: '因工或非因工劳动能力鉴定' }
        ]
      }
    ]
  },
  review: {
    key: 'review',
    root: 'pkg-review',
    title: '中心审核',
    intro: '社保中心工作人员审核提交的办件：通过后生效，或退回并说明原因。',
    audience: '中心审核人员（工作人员账号登录）',
    groups: [
      {
        title: '审核工作台',
        items: [
          { key: 'pending', title: '待审核办件', brief: '按事项、单位、提交日期筛选待审核的办件' },
          { key: 'reviewed', title: '已审核办件', brief: '已通过或已退回的办件及处理时间线' }
        ]
      }
    ]
  },
  verify: {
    key: 'verify',
    root: 'pkg-verify',
    title: '证明验证',
    intro: '扫描证明上的二维码，或输入证明上的授权码，核验证明是否真实、是否在有效期内。无需登录。',
    audience: '任何人（银行、房东、用人单位、学校等）',
    groups: []
  }
}

export function areaIndexUrl(key: AreaKey): string {
  return `/${AREAS[key].root}/pages/index/index`
}

/** The one place that says where each entry of the unit area (AREAS.unit) opens: hall nav and tiles, 单位办事. */
const UNIT_ITEM_URLS: Record<string, string> = {
  'unit-info': UNIT_PAGES.info,
  roster: UNIT_PAGES.roster,
  bills: CONTRIB_PAGES.bills,
  'unit-cases': MATTER_PAGES.records,
  'pending-verification': UNIT_PAGES.pending,
  'staff-add': MATTER_PAGES.wizard('STAFF_ENROL'),
  'staff-stop': MATTER_PAGES.wizard('STAFF_STOP'),
  'wage-declaration': MATTER_PAGES.wizard('WAGE_DECLARATION'),
  'monthly-declaration': CONTRIB_PAGES.declaration,
  'back-payment': MATTER_PAGES.wizard('BACK_PAYMENT'),
  refund: MATTER_PAGES.wizard('REFUND'),
  'unit-enrolment-cert': CERT_PAGES.issue('UNIT_INSURANCE'),
  'more-matters': MATTER_PAGES.index
}

/** Where a unit area entry opens (its key in AREAS.unit). */
export function unitItemUrl(key: string): string {
  const url = UNIT_ITEM_URLS[key]
  if (!url) throw new Error(`no page for unit entry ${key}`)
  return url
}
