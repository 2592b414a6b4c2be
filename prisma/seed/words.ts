// Word lists for generated names, companies and addresses. Plausible, not real: trade names and roads are common
// words of each city; any likeness to a registered company is a coincidence.
import { RegionCode, regionName } from '@shebao/shared';

/** The cities (统筹区) the seed insures units in; their region rows and policy years are written. */
export interface City {
  readonly code: string; // region code (地级)
  readonly name: string; // 宜昌市
  readonly short: string; // 宜昌
  readonly abbr: string; // 宜 (in decision numbers: 宜人社工伤认字)
  readonly provinceCode: string;
  readonly provinceName: string;
  /** Districts for addresses; `code` when the shared region table has it (then usable as an ID prefix). */
  readonly districts: readonly { readonly name: string; readonly code?: string }[];
  readonly postalCode: string;
  readonly areaCode: string; // landline area code
  readonly cnaps: string; // 4-digit CNAPS city code inside 12-digit bank codes
  readonly roads: readonly string[];
  readonly tradeNames: readonly string[];
  /** Share of units placed here. */
  readonly weight: number;
}

const city = (c: Omit<City, 'name' | 'provinceName'>): City => ({
  ...c,
  name: regionName(c.code) ?? c.short,
  provinceName: regionName(c.provinceCode) ?? '',
});

export const CITIES: readonly City[] = [
  city({
    code: RegionCode.YICHANG, short: '宜昌', abbr: '宜', provinceCode: RegionCode.HUBEI, postalCode: '443000', areaCode: '0717', cnaps: '5260',
    districts: [{ name: '西陵区', code: '420502' }, { name: '伍家岗区', code: '420503' }, { name: '夷陵区', code: '420506' }, { name: '点军区' }, { name: '猇亭区' }],
    roads: ['东山大道', '沿江大道', '夷陵大道', '城东大道', '发展大道', '港窑路', '西陵一路', '胜利四路', '珍珠路', '桔城路'],
    tradeNames: ['长江', '三峡', '夷陵', '峡州', '西陵', '葛洲坝', '清江', '宜都', '屈原', '昭君'],
    weight: 32,
  }),
  city({
    code: RegionCode.WUHAN, short: '武汉', abbr: '武', provinceCode: RegionCode.HUBEI, postalCode: '430000', areaCode: '027', cnaps: '5210',
    districts: [{ name: '江岸区', code: '420102' }, { name: '江汉区', code: '420103' }, { name: '硚口区', code: '420104' }, { name: '汉阳区', code: '420105' }, { name: '武昌区', code: '420106' }, { name: '洪山区', code: '420111' }],
    roads: ['中山大道', '解放大道', '武珞路', '珞喻路', '光谷大道', '建设大道', '京汉大道', '汉阳大道', '友谊大道', '关山大道'],
    tradeNames: ['江城', '楚天', '汉江', '黄鹤', '东湖', '晴川', '知音', '光谷', '琴台', '南湖'],
    weight: 20,
  }),
  city({
    code: '420600', short: '襄阳', abbr: '襄', provinceCode: RegionCode.HUBEI, postalCode: '441000', areaCode: '0710', cnaps: '5280',
    districts: [{ name: '襄城区' }, { name: '樊城区' }, { name: '襄州区' }],
    roads: ['长虹路', '春园路', '人民路', '檀溪路', '长征路', '航空路', '汉江北路'],
    tradeNames: ['隆中', '襄江', '汉水', '岘山', '鹿门', '古城'],
    weight: 7,
  }),
  city({
    code: RegionCode.SUIZHOU, short: '随州', abbr: '随', provinceCode: RegionCode.HUBEI, postalCode: '441300', areaCode: '0722', cnaps: '5286',
    districts: [{ name: '曾都区', code: '421303' }, { name: '随县' }],
    roads: ['烈山大道', '交通大道', '季梁大道', '沿河大道', '青年路', '舜井大道'],
    tradeNames: ['编钟', '炎帝', '曾侯', '大洪山', '神农', '涢水'],
    weight: 7,
  }),
  city({
    code: RegionCode.CHANGSHA, short: '长沙', abbr: '长', provinceCode: RegionCode.HUNAN, postalCode: '410000', areaCode: '0731', cnaps: '5510',
    districts: [{ name: '芙蓉区', code: '430102' }, { name: '天心区' }, { name: '岳麓区' }, { name: '开福区' }, { name: '雨花区' }],
    roads: ['五一大道', '芙蓉中路', '韶山路', '岳麓大道', '湘江中路', '人民东路', '劳动西路', '麓谷大道'],
    tradeNames: ['湘江', '岳麓', '麓山', '星城', '橘洲', '潇湘', '三湘', '楚湘'],
    weight: 13,
  }),
  city({
    code: RegionCode.ZHUZHOU, short: '株洲', abbr: '株', provinceCode: RegionCode.HUNAN, postalCode: '412000', areaCode: '0731', cnaps: '5520',
    districts: [{ name: '荷塘区', code: '430202' }, { name: '芦淞区', code: '430203' }, { name: '石峰区', code: '430204' }, { name: '天元区', code: '430211' }],
    roads: ['新华路', '建设北路', '长江北路', '珠江北路', '神农大道', '红旗路', '车站路'],
    tradeNames: ['神农', '炎陵', '荷塘', '芦淞', '湘东', '株江'],
    weight: 9,
  }),
  city({
    code: RegionCode.HANGZHOU, short: '杭州', abbr: '杭', provinceCode: RegionCode.ZHEJIANG, postalCode: '310000', areaCode: '0571', cnaps: '3310',
    districts: [{ name: '上城区', code: '330102' }, { name: '西湖区', code: '330106' }, { name: '拱墅区' }, { name: '滨江区' }, { name: '余杭区' }],
    roads: ['文三路', '延安路', '天目山路', '西溪路', '莫干山路', '江南大道', '文一西路', '解放路', '庆春路'],
    tradeNames: ['西湖', '钱塘', '之江', '富春', '西溪', '湖畔', '运河', '天堂'],
    weight: 12,
  }),
];

export const CITY_BY_CODE = new Map(CITIES.map((c) => [c.code, c]));

/** Trade names (字号) usable in every city. */
export const TRADE_NAMES = [
  '华中', '九州', '金盛', '宏达', '恒信', '鑫源', '东方', '新华', '天成', '瑞丰', '汇通', '正泰', '安达', '兴业', '博远', '卓越',
  '振华', '明德', '信达', '永安', '昌盛', '华远', '嘉禾', '星辰', '鼎盛', '远航', '德润', '宏图', '鸿运', '佳和', '同创', '众诚',
  '盛世', '聚源', '万通', '国泰', '泰和', '锦程', '立信', '恒通', '中联', '润泽', '华阳', '金桥', '天润', '宏远', '诚信', '融达',
] as const;

/** Industries by work-injury risk class: words for names, 所属行业, 经营范围. */
export interface Industry {
  readonly riskClass: 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;
  readonly words: readonly string[];
  readonly industry: string;
  readonly scope: string;
}

export const INDUSTRIES: readonly Industry[] = [
  { riskClass: 1, words: ['软件科技', '信息技术', '网络科技', '数据科技'], industry: '信息传输、软件和信息技术服务业', scope: '软件开发；信息系统集成服务；信息技术咨询服务；数据处理和存储支持服务' },
  { riskClass: 1, words: ['财务咨询', '企业管理咨询', '广告传媒', '人力资源服务'], industry: '租赁和商务服务业', scope: '企业管理咨询；财务咨询；广告设计、制作、代理；会议及展览服务' },
  { riskClass: 2, words: ['商贸', '电子商务', '百货', '医药连锁'], industry: '批发和零售业', scope: '日用百货销售；食品销售；五金产品零售；互联网销售' },
  { riskClass: 2, words: ['餐饮管理', '酒店管理', '物业服务'], industry: '住宿和餐饮业', scope: '餐饮服务；住宿服务；物业管理；停车场服务' },
  { riskClass: 3, words: ['食品', '服饰', '印刷包装', '家具'], industry: '制造业', scope: '食品生产；服装制造；包装装潢印刷品印刷；家具制造及销售' },
  { riskClass: 4, words: ['机电设备', '汽车零部件', '电子元件', '电气设备'], industry: '制造业', scope: '通用设备制造；汽车零部件及配件制造；电子元器件制造；机电设备安装与维修' },
  { riskClass: 5, words: ['物流', '运输', '供应链管理', '仓储'], industry: '交通运输、仓储和邮政业', scope: '道路货物运输；普通货物仓储服务；国内货物运输代理；装卸搬运' },
  { riskClass: 6, words: ['建筑工程', '建设工程', '路桥工程', '装饰工程'], industry: '建筑业', scope: '房屋建筑工程施工；市政公用工程施工；建筑装饰装修工程；土石方工程' },
  { riskClass: 7, words: ['化工', '磷化工', '建材', '新材料'], industry: '制造业', scope: '化工产品生产（不含许可类化工产品）；水泥制品制造；建筑材料销售' },
  { riskClass: 8, words: ['矿业', '石材开采', '矿产资源开发'], industry: '采矿业', scope: '矿产资源开采；非金属矿及制品销售；石材加工' },
];

/** 组织形式 with the economic type it implies, by weight. */
export const ORG_FORMS: readonly (readonly [{ suffix: string; economicType: string }, number])[] = [
  [{ suffix: '有限公司', economicType: '私营有限责任公司' }, 62],
  [{ suffix: '有限责任公司', economicType: '有限责任公司' }, 16],
  [{ suffix: '股份有限公司', economicType: '股份有限公司' }, 12],
  [{ suffix: '集团有限公司', economicType: '有限责任公司' }, 5],
  [{ suffix: '有限公司', economicType: '国有控股企业' }, 5],
];

/** Surnames weighted by their approximate share of the population (percent × 10). */
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 71], ['李', 70], ['张', 68], ['刘', 54], ['陈', 45], ['杨', 31], ['黄', 23], ['赵', 22], ['吴', 20], ['周', 19],
  ['徐', 15], ['孙', 15], ['马', 13], ['朱', 13], ['胡', 12], ['郭', 11], ['何', 10], ['高', 10], ['林', 10], ['罗', 9],
  ['郑', 9], ['梁', 8], ['谢', 7], ['宋', 6], ['唐', 6], ['许', 6], ['韩', 6], ['冯', 5], ['邓', 5], ['曹', 5],
  ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5], ['董', 4], ['袁', 4], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4],
  ['余', 4], ['杜', 4], ['叶', 4], ['程', 4], ['苏', 3], ['魏', 3], ['吕', 3], ['丁', 3], ['任', 3], ['沈', 3],
  ['姚', 3], ['卢', 3], ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 2], ['金', 2],
  ['石', 2], ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2], ['侯', 2],
  ['龙', 2], ['史', 2], ['陶', 2], ['黎', 2], ['贺', 2], ['顾', 2], ['毛', 2], ['郝', 2], ['龚', 2], ['邵', 2],
  ['万', 2], ['钱', 2], ['严', 2], ['覃', 2], ['向', 2], ['戴', 2], ['欧阳', 1], ['上官', 0.3], ['司马', 0.2],
];

export const GIVEN_MALE = [
  '伟', '强', '磊', '军', '勇', '杰', '涛', '斌', '超', '明', '刚', '平', '辉', '鹏', '华', '飞', '鑫', '波', '宇', '浩',
  '凯', '健', '俊', '帆', '旭', '宁', '龙', '林', '洋', '阳', '峰', '建', '国', '志', '文', '海', '东', '亮', '成', '春',
  '晨', '博', '哲', '诚', '昊', '轩', '睿', '铭', '航', '毅', '彬', '泽', '锋', '祥', '荣', '德', '兵', '忠', '胜', '永',
] as const;

export const GIVEN_FEMALE = [
  '芳', '娜', '敏', '静', '秀', '丽', '艳', '娟', '霞', '燕', '玲', '丹', '萍', '红', '婷', '雪', '琳', '颖', '倩', '慧',
  '佳', '欣', '怡', '悦', '璐', '梅', '兰', '英', '莉', '洁', '蓉', '月', '琴', '晶', '妍', '萱', '雨', '思', '涵', '璇',
  '薇', '茜', '露', '岚', '瑶', '婧', '琪', '珊', '凤', '霖',
] as const;

/** Mobile prefixes (1[3-9]x) of the three carriers. */
export const MOBILE_PREFIXES = [
  '130', '131', '132', '133', '135', '136', '137', '138', '139', '150', '151', '152', '153', '155', '156', '157', '158', '159',
  '166', '173', '175', '176', '177', '178', '180', '181', '182', '183', '185', '186', '187', '188', '189', '191', '198', '199',
] as const;

/** Banks: 银行类别, the 3-digit bank code of CNAPS 12-digit 行号, account length. City banks only in their province. */
export interface Bank {
  readonly name: string;
  readonly code: string;
  readonly accountLength: number;
  readonly provinces?: readonly string[];
}

export const BANKS: readonly (readonly [Bank, number])[] = [
  [{ name: '中国工商银行', code: '102', accountLength: 19 }, 24],
  [{ name: '中国农业银行', code: '103', accountLength: 19 }, 18],
  [{ name: '中国银行', code: '104', accountLength: 19 }, 12],
  [{ name: '中国建设银行', code: '105', accountLength: 19 }, 18],
  [{ name: '交通银行', code: '301', accountLength: 19 }, 6],
  [{ name: '招商银行', code: '308', accountLength: 16 }, 6],
  [{ name: '中国邮政储蓄银行', code: '403', accountLength: 19 }, 8],
  [{ name: '湖北银行', code: '313', accountLength: 18, provinces: [RegionCode.HUBEI] }, 6],
  [{ name: '长沙银行', code: '313', accountLength: 18, provinces: [RegionCode.HUNAN] }, 6],
  [{ name: '杭州银行', code: '313', accountLength: 18, provinces: [RegionCode.ZHEJIANG] }, 6],
];

export const DEPARTMENTS = ['人力资源部', '财务部', '综合办公室', '行政部', '人事行政部'] as const;

export const ACCIDENTS: readonly { place: string; part: string; diagnosis: string }[] = [
  { place: '本单位生产车间', part: '左手', diagnosis: '左手示指近节指骨骨折' },
  { place: '本单位生产车间', part: '右手', diagnosis: '右手中指、环指末节离断伤' },
  { place: '施工现场', part: '右小腿', diagnosis: '右胫腓骨骨折' },
  { place: '施工现场', part: '腰部', diagnosis: '腰1椎体压缩性骨折' },
  { place: '仓库装卸区', part: '左足', diagnosis: '左足第1、2跖骨骨折' },
  { place: '上下班途中', part: '头部', diagnosis: '头皮裂伤、轻型颅脑损伤' },
  { place: '上下班途中', part: '左膝', diagnosis: '左膝外侧半月板撕裂' },
  { place: '单位厂区道路', part: '右腕', diagnosis: '右桡骨远端骨折' },
];

export const CERTIFICATION_METHODS: readonly (readonly [{ method: string; channel: string }, number])[] = [
  [{ method: '人脸识别', channel: '掌上社保' }, 55],
  [{ method: '人脸识别', channel: '国家社会保险公共服务平台' }, 15],
  [{ method: '大数据比对', channel: '系统比对' }, 15],
  [{ method: '社区认证', channel: '社区服务中心' }, 10],
  [{ method: '上门认证', channel: '社保经办机构' }, 5],
];
