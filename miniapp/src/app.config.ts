export default defineAppConfig({
  // Main package: the four tab pages and login (tab-bar pages must live in the main package).
  pages: [
    'pages/index/index',
    'pages/services/index',
    'pages/certs/index',
    'pages/mine/index',
    'pages/login/index'
  ],
  // Everything else by area, each its own subpackage (≤ 2 MB each; main ≤ 2 MB: scripts/package-size.mjs).
  subPackages: [
    {
      root: 'pkg-query',
      name: 'query',
      pages: [
        'pages/index/index',
        'pages/enrolment/index',
        'pages/contributions/index',
        'pages/account/index',
        'pages/benefits/index',
        'pages/certifications/index',
        'pages/work-injury/index',
        'pages/work-injury-detail/index',
        'pages/cases/index',
        'pages/case-detail/index'
      ]
    },
    { root: 'pkg-cert', name: 'cert', pages: ['pages/index/index', 'pages/issue/index', 'pages/mine/index'] },
    // 电子社保卡开通, 扫码登录 (PC QR — H5 only, the web hall; phone scanner and confirm), 修改密码
    {
      root: 'pkg-auth',
      name: 'auth',
      pages: [
        'pages/activate/index',
        'pages/scan/index',
        'pages/confirm/index',
        'pages/change-pin/index',
        ...(process.env.TARO_ENV === 'h5' ? ['pages/qr-login/index'] : [])
      ]
    },
    { root: 'pkg-unit', name: 'unit', pages: ['pages/index/index', 'pages/hall/index', 'pages/info/index', 'pages/roster/index', 'pages/pending/index'] },
    { root: 'pkg-matters', name: 'matters', pages: ['pages/index/index', 'pages/wizard/index', 'pages/records/index', 'pages/record/index'] },
    { root: 'pkg-review', name: 'review', pages: ['pages/index/index', 'pages/sign-in/index', 'pages/detail/index', 'pages/bills/index', 'pages/audit-bases/index'] },
    // 单位缴费申报, 业务单据查询 (应缴认定单, 单位退费查询), one 应缴认定单
    { root: 'pkg-contrib', name: 'contrib', pages: ['pages/declaration/index', 'pages/bills/index', 'pages/bill/index'] },
    // 证明验证 works without login: anyone scanning a proof's QR lands here
    { root: 'pkg-verify', name: 'verify', pages: ['pages/index/index'] }
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['query'] }
  },
  // H5: no slide animation between pages. With it, Taro's router (4.2.1) hides the previous page on a 350 ms
  // timer; going back before that timer fires (a quick tap on back, or a slow phone) leaves the page we return
  // to hidden (class taro_page_shade) and the screen blank. Without animation the timers are 0 ms.
  // A slide is also out of place in the desktop web hall. H5 only (app.json has no such field).
  ...(process.env.TARO_ENV === 'h5' ? { animation: false } : {}),
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#f4f6f9',
    navigationBarBackgroundColor: '#ffffff',
    navigationBarTitleText: '掌上社保',
    navigationBarTextStyle: 'black'
  },
  tabBar: {
    color: '#8a919f',
    selectedColor: '#1677ff',
    backgroundColor: '#ffffff',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/services/index', text: '办事', iconPath: 'assets/tabbar/services.png', selectedIconPath: 'assets/tabbar/services-active.png' },
      { pagePath: 'pages/certs/index', text: '证明', iconPath: 'assets/tabbar/certs.png', selectedIconPath: 'assets/tabbar/certs-active.png' },
      { pagePath: 'pages/mine/index', text: '我的', iconPath: 'assets/tabbar/mine.png', selectedIconPath: 'assets/tabbar/mine-active.png' }
    ]
  }
})
