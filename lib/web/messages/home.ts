import { section } from './section';

export const home = section(
  {
    'home.title': '政府信息公开',
    'home.lead': '查阅各机关主动公开的政府信息，在线申请政府信息公开，查询申请办理进度。',
    'home.search.label': '按名称查找机关',
    'home.search.hint': '例如：市场监督管理局',
    'home.search.button': '查找',
    'home.results': '名称中含有“{q}”的机关：{count}个',
    'home.noResults': '没有找到名称中含有“{q}”的机关。请换一个词再试，或在下面的目录中查找。',
    'home.directory': '机关目录',
    'home.level.government': '人民政府',
    'home.level.department': '部门',
    'home.subordinates': '{name}的下级机关',
    'home.empty': '平台上还没有机关。',
    'home.follow.title': '已经提交过申请？',
    'home.follow.body': '凭申请编号和访问码查询办理进度、补正材料、查看答复。',
    'home.follow.link': '查询申请',
    'preferences.title': '显示设置',
  },
  {
    'home.title': 'Government information disclosure',
    'home.lead':
      'Read what government agencies publish, apply online for government information, and follow your application.',
    'home.search.label': 'Find an agency by name',
    'home.search.hint': 'For example: 市场监督管理局 (market regulation)',
    'home.search.button': 'Find',
    'home.results': 'Agencies whose name contains “{q}”: {count}',
    'home.noResults': 'No agency’s name contains “{q}”. Try another word, or look in the directory below.',
    'home.directory': 'Directory of agencies',
    'home.level.government': 'People’s government',
    'home.level.department': 'Department',
    'home.subordinates': 'Agencies under {name}',
    'home.empty': 'No agency is on the platform yet.',
    'home.follow.title': 'Already applied?',
    'home.follow.body':
      'Use your tracking number and access code to follow your application, send what is asked, and read the reply.',
    'home.follow.link': 'Follow an application',
    'preferences.title': 'Display settings',
  },
);
