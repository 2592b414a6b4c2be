/**
 * 行政区划代码 (GB/T 2260). All provinces, and the prefectures and districts the product and its seeds use
 * (Hubei: the hall of seeds 002/004; Hunan and Zhuzhou: seeds 000/001; Hangzhou: seed 003). The database's
 * `region` table is the full register; this list is what the seed data and the tests need, and what the ID-number
 * check uses for its province prefix.
 */

export interface Region {
  readonly code: string;
  readonly name: string;
  /** 1 省级, 2 地级, 3 县级 (as `region.level` in the database). */
  readonly level: 1 | 2 | 3;
  readonly parentCode: string | null;
}

/** The 34 province-level divisions, by their 2-digit prefix. 83 is not a province: see `ID_PREFIXES_HMT`. */
export const PROVINCES: Readonly<Record<string, string>> = Object.freeze({
  '11': '北京市',
  '12': '天津市',
  '13': '河北省',
  '14': '山西省',
  '15': '内蒙古自治区',
  '21': '辽宁省',
  '22': '吉林省',
  '23': '黑龙江省',
  '31': '上海市',
  '32': '江苏省',
  '33': '浙江省',
  '34': '安徽省',
  '35': '福建省',
  '36': '江西省',
  '37': '山东省',
  '41': '河南省',
  '42': '湖北省',
  '43': '湖南省',
  '44': '广东省',
  '45': '广西壮族自治区',
  '46': '海南省',
  '50': '重庆市',
  '51': '四川省',
  '52': '贵州省',
  '53': '云南省',
  '54': '西藏自治区',
  '61': '陕西省',
  '62': '甘肃省',
  '63': '青海省',
  '64': '宁夏回族自治区',
  '65': '新疆维吾尔自治区',
  '71': '台湾省',
  '81': '香港特别行政区',
  '82': '澳门特别行政区',
});

/** Prefixes of 港澳台居民居住证 numbers (810000 香港, 820000 澳门, 830000 台湾). */
export const ID_PREFIXES_HMT: readonly string[] = Object.freeze(['81', '82', '83']);

const sub = (code: string, name: string, parentCode: string, level: 2 | 3 = 2): Region => ({ code, name, level, parentCode });

export const REGIONS: readonly Region[] = Object.freeze([
  ...Object.keys(PROVINCES)
    .sort()
    .map((p): Region => ({ code: `${p}0000`, name: PROVINCES[p] as string, level: 1, parentCode: null })),
  // 北京 (for the GB 11643 sample number 11010519491231002X; municipal districts hang off the province here)
  sub('110105', '朝阳区', '110000', 3),
  // 福建 (for the GB 32100 sample code 91350100M000100Y43)
  sub('350100', '福州市', '350000'),
  // 湖北
  sub('420100', '武汉市', '420000'),
  sub('420102', '江岸区', '420100', 3),
  sub('420103', '江汉区', '420100', 3),
  sub('420104', '硚口区', '420100', 3),
  sub('420105', '汉阳区', '420100', 3),
  sub('420106', '武昌区', '420100', 3),
  sub('420111', '洪山区', '420100', 3),
  sub('420200', '黄石市', '420000'),
  sub('420300', '十堰市', '420000'),
  sub('420500', '宜昌市', '420000'),
  sub('420502', '西陵区', '420500', 3),
  sub('420503', '伍家岗区', '420500', 3),
  sub('420506', '夷陵区', '420500', 3),
  sub('420600', '襄阳市', '420000'),
  sub('420700', '鄂州市', '420000'),
  sub('420800', '荆门市', '420000'),
  sub('420900', '孝感市', '420000'),
  sub('421000', '荆州市', '420000'),
  sub('421100', '黄冈市', '420000'),
  sub('421200', '咸宁市', '420000'),
  sub('421300', '随州市', '420000'),
  sub('421303', '曾都区', '421300', 3),
  sub('422800', '恩施土家族苗族自治州', '420000'),
  // 省直辖县级行政区划 (county level, directly under the province)
  sub('429004', '仙桃市', '420000', 3),
  sub('429005', '潜江市', '420000', 3),
  sub('429006', '天门市', '420000', 3),
  sub('429021', '神农架林区', '420000', 3),
  // 湖南
  sub('430100', '长沙市', '430000'),
  sub('430102', '芙蓉区', '430100', 3),
  sub('430200', '株洲市', '430000'),
  sub('430202', '荷塘区', '430200', 3),
  sub('430203', '芦淞区', '430200', 3),
  sub('430204', '石峰区', '430200', 3),
  sub('430211', '天元区', '430200', 3),
  sub('430300', '湘潭市', '430000'),
  // 浙江
  sub('330100', '杭州市', '330000'),
  sub('330102', '上城区', '330100', 3),
  sub('330106', '西湖区', '330100', 3),
]);

const byCode = new Map<string, Region>(REGIONS.map((r) => [r.code, r]));

/** Named region codes the product uses by name in code and tests. */
export const RegionCode = Object.freeze({
  HUBEI: '420000',
  WUHAN: '420100',
  YICHANG: '420500',
  SUIZHOU: '421300',
  SHENNONGJIA: '429021',
  HUNAN: '430000',
  CHANGSHA: '430100',
  ZHUZHOU: '430200',
  ZHUZHOU_LUSONG: '430203',
  ZHEJIANG: '330000',
  HANGZHOU: '330100',
} as const);

export function getRegion(code: string): Region | undefined {
  return byCode.get(code);
}

/** Name of a region in the list, or undefined. */
export function regionName(code: string): string | undefined {
  return byCode.get(code)?.name;
}

/** Six digits, not starting with 0 (GB/T 2260 shape; says nothing about existence). */
export function isRegionCodeShape(code: string): boolean {
  return /^[1-9]\d{5}$/.test(code);
}

/** Is the 2-digit prefix a province-level division? */
export function isProvincePrefix(prefix: string): boolean {
  return Object.prototype.hasOwnProperty.call(PROVINCES, prefix);
}

/** The province-level code (`420000`) of any region code. */
export function provinceCodeOf(code: string): string {
  return `${code.slice(0, 2)}0000`;
}

/** Names from the province down: `['湖北省', '宜昌市', '西陵区']`. Unknown levels are skipped. */
export function regionPath(code: string): string[] {
  const names: string[] = [];
  let current = byCode.get(code);
  const guard = new Set<string>();
  while (current && !guard.has(current.code)) {
    guard.add(current.code);
    names.unshift(current.name);
    current = current.parentCode ? byCode.get(current.parentCode) : undefined;
  }
  if (names.length === 0 && isProvincePrefix(code.slice(0, 2))) names.push(PROVINCES[code.slice(0, 2)] as string);
  return names;
}

/** Children of a region in the list (for pickers). */
export function childRegions(parentCode: string): Region[] {
  return REGIONS.filter((r) => r.parentCode === parentCode);
}
