// The page's words in Chinese (default) and English. t('key', {name: value}, fallback) fills {name};
// a missing key falls back to the fallback, then to the Chinese text, then to the key itself.

const zh = {
    'app.title': '网格监管地图',
    'login.title': '登录 · 环境网格监管',
    'login.username': '用户名', 'login.password': '密码', 'login.submit': '登录',
    'login.failed': '登录失败：{detail}', 'login.ended': '会话已结束，请重新登录。',
    'top.search': '搜索网格名称或代码，如 马王堆 / 432002', 'top.plan': '巡查方案', 'top.import': '导入',
    'top.lang': 'English', 'top.logout': '退出', 'top.grid': '网格',
    'level.city': '市', 'level.county': '区/县', 'level.township': '乡镇/街道', 'level.village': '村/社区',
    'level.short.city': '市', 'level.short.county': '县', 'level.short.township': '乡镇', 'level.short.village': '村',
    'layers.title': '图层与图例', 'layers.grid': '网格', 'layers.registers': '专题', 'layers.basemap': '底图',
    'layers.basemapLayer': '底图', 'layers.zoomTo': '放大至 {z} 级显示', 'layers.error': '加载失败',
    'layers.partial': '显示 {shown}/{total}，请放大',
    'layer.stations_air_control': '国控/省控空气站', 'layer.stations_air_small': '乡镇站/微站等',
    'layer.stations_water': '水质断面/水源地/排口', 'layer.sources_special': '污染源 · 特殊监管',
    'layer.sources_key': '污染源 · 重点', 'layer.sources_general': '污染源 · 一般', 'layer.complaints': '信访投诉（90天）',
    'layer.problems_overdue': '问题 · 已超期', 'layer.problems_open': '问题 · 办理中', 'layer.patrols': '巡查记录（30天）',
    'layers.network': '路网与方案', 'layers.thematic': '专题图', 'layers.legend': '图例',
    'layer.roads': '道路', 'layer.plan_routes': '巡查路线（按小组）', 'layer.plan_stops': '巡查停靠点（顺序）',
    'layer.grid_overdue': '逾期问题数（按网格）', 'layer.grid_patrol_coverage': '巡查覆盖率（按网格，30天）',
    'register.stations': '监测站点', 'register.sources': '污染源', 'register.complaints': '信访投诉',
    'register.problems': '问题', 'register.patrols': '巡查记录',
    'search.none': '没有匹配的网格',
    'panel.intro': '点击地图查看所在网格，或在上方搜索。', 'panel.located': '点击位置所在网格',
    'panel.outside': '该位置不在任何网格内。', 'panel.loading': '加载中…', 'panel.empty': '暂无数据',
    'panel.count': '显示 {shown} / 共 {total}', 'panel.tabCell': '网格', 'panel.tabPlan': '方案',
    'panel.collapse': '收起', 'panel.expand': '展开',
    'cell.code': '代码', 'cell.validFrom': '生效', 'cell.up': '上一级', 'cell.children': '下级网格',
    'cell.noChildren': '无下级网格',
    'section.summary': '责任人与概况', 'section.problems': '未办结问题', 'section.sources': '污染源',
    'section.patrols': '近30天巡查', 'section.noPatrols': '近30天无巡查记录', 'section.stats': '本月统计',
    'section.ranking': '排名（{metric}）', 'summary.noDuties': '未登记网格长/网格员',
    'summary.sources': '污染源', 'summary.stations': '监测站点', 'summary.complaints': '信访（{since} 起）',
    'summary.openProblems': '未办结问题', 'summary.overdueProblems': '超期问题',
    'stats.sources': '污染源', 'stats.complaints': '信访', 'stats.patrols': '巡查', 'stats.coverage': '巡查覆盖率',
    'stats.open': '未办结', 'stats.overdue': '超期', 'stats.value': '数值', 'stats.change': '变化',
    'metric.coverage': '巡查覆盖率',
    'type.national_air': '国控', 'type.provincial_air': '省控', 'type.township_air': '乡镇站', 'type.micro_air': '微站',
    'type.composition': '组分站', 'type.lidar': '激光雷达', 'type.vehicle_exhaust': '尾气遥测', 'type.water_national': '国控断面',
    'type.water_provincial': '省控断面', 'type.drinking_water': '饮用水源地', 'type.outfall': '入河排污口',
    'origin.patrol': '巡查发现', 'origin.complaint': '信访投诉', 'origin.meter_alert': '电量监控告警',
    'origin.station_dispatch': '点位长调度', 'origin.other': '其他',
    'duty.grid_chief': '网格长', 'duty.grid_officer': '网格员',
    'class.special': '特殊监管', 'class.key': '重点', 'class.general': '一般',
    'status.found': '已发现', 'status.assigned': '已交办', 'status.rectifying': '整改中', 'status.verified': '已核查',
    'status.closed': '已办结', 'status.closed_unfixed': '未整改办结',
    'problem.overdue': '超期', 'problem.noneOpen': '无未办结问题', 'problem.deadline': '期限', 'problem.code': '编号',
    'problem.status': '状态', 'problem.origin': '来源', 'problem.foundAt': '发现时间', 'problem.assignee': '责任人',
    'problem.description': '描述', 'problem.history': '办理记录', 'problem.note': '备注', 'problem.reason': '未整改原因（必填）',
    'problem.change': '提交', 'problem.changeStatus': '变更状态', 'problem.saving': '保存中…',
    'plan.title': '巡查/联合执法方案', 'plan.id': '方案编号', 'plan.show': '显示', 'plan.none': '暂无方案',
    'plan.unavailable': '本服务器尚未提供方案接口（/api/plans）。', 'plan.plan': '方案', 'plan.dayN': '第{n}天', 'plan.team': '队伍',
    'plan.print': '打印', 'plan.stop': '检查对象', 'plan.arrival': '到达', 'plan.departure': '离开',
    'plan.kind.patrol': '巡查路线', 'plan.kind.joint': '联合执法',
    'plan.unserved': '未能安排的对象', 'plan.sheet': '打印单', 'plan.sealed': '检查对象名单封存至 {until}',
    'import.title': '导入文件', 'import.target': '导入内容', 'import.level': '网格层级', 'import.validFrom': '生效日期（空：今天）',
    'import.dryRun': '仅校验，不写入', 'import.crs': '坐标系', 'import.crsFromFile': '按文件声明', 'import.file': '文件',
    'import.upload': '上传', 'import.close': '关闭', 'import.uploading': '上传中', 'import.processing': '服务器处理中…',
    'import.done': '完成', 'import.failed': '未导入（HTTP {status}）', 'import.rejections': '被拒绝的记录',
    'import.warnings': '提示', 'import.reason': '原因', 'import.what': '代码/列',
    'field.inspection_class': '检查类别', 'field.class_reason': '类别依据', 'field.permit_no': '排污许可证号',
    'field.city_code': '市代码', 'field.county_code': '县代码', 'field.township_code': '乡镇代码',
    'field.village_code': '村代码', 'field.valid_from': '生效', 'field.valid_to': '失效', 'field.received_at': '受理时间',
    'field.channel': '渠道', 'field.content': '内容', 'field.source_code': '污染源代码', 'field.officer': '巡查人',
    'field.started_at': '开始', 'field.ended_at': '结束', 'field.checked': '检查内容', 'field.findings': '发现问题',
    'import.status.committed': '已导入', 'import.status.rejected': '文件被拒绝，未写入任何数据',
    'import.status.dry_run': '校验完成（未写入）',
    'import.target.grid': '网格边界', 'import.target.stations': '监测站点', 'import.target.sources': '污染源',
    'import.target.power_meters': '智能电表', 'import.target.duties': '网格责任人', 'import.target.station_chiefs': '点位长',
    'import.target.inspectors': '执法人员', 'import.target.complaints': '信访投诉', 'import.target.patrols': '巡查记录',
    'field.features': '要素数', 'field.inserted': '新增', 'field.replaced': '替换', 'field.unchanged': '未变',
    'field.repaired': '修复', 'field.rows': '行数', 'field.updated': '更新', 'field.importId': '导入编号',
    'field.gridVersion': '网格版本', 'field.code': '代码', 'field.name': '名称', 'field.type': '类型',
    'field.category': '类别', 'field.industry': '行业', 'field.address': '地址', 'field.status': '状态',
    'field.operator': '运维单位', 'field.lon': '经度', 'field.lat': '纬度', 'field.id': 'ID',
    'field.sources': '污染源', 'field.stations': '站点', 'field.complaints': '信访', 'field.openProblems': '未办结问题',
    'field.overdueProblems': '超期问题',
    'map.noGrid': '数据库中还没有网格，请先导入。',
};

const en = {
    'app.title': 'Grid supervision map',
    'login.title': 'Sign in · environmental grid supervision',
    'login.username': 'User name', 'login.password': 'Password', 'login.submit': 'Sign in',
    'login.failed': 'Sign-in failed: {detail}', 'login.ended': 'Your session has ended; sign in again.',
    'top.search': 'Search a grid by name or code, e.g. 马王堆 / 432002', 'top.plan': 'Plans', 'top.import': 'Import',
    'top.lang': '中文', 'top.logout': 'Sign out', 'top.grid': 'Grid',
    'level.city': 'City', 'level.county': 'County', 'level.township': 'Township', 'level.village': 'Village',
    'level.short.city': 'City', 'level.short.county': 'County', 'level.short.township': 'Township', 'level.short.village': 'Village',
    'layers.title': 'Layers and legend', 'layers.grid': 'Grid', 'layers.registers': 'Registers', 'layers.basemap': 'Background',
    'layers.basemapLayer': 'Background map', 'layers.zoomTo': 'from zoom {z}', 'layers.error': 'failed to load',
    'layers.partial': '{shown} of {total}; zoom in',
    'layer.stations_air_control': 'National/provincial air stations', 'layer.stations_air_small': 'Township and micro stations',
    'layer.stations_water': 'Water sections, sources, outfalls', 'layer.sources_special': 'Sources · special supervision',
    'layer.sources_key': 'Sources · key', 'layer.sources_general': 'Sources · general', 'layer.complaints': 'Complaints (90 days)',
    'layer.problems_overdue': 'Problems · overdue', 'layer.problems_open': 'Problems · open',
    'layer.patrols': 'Patrols (30 days)', 'layers.network': 'Roads and plans', 'layers.thematic': 'Thematic maps',
    'layers.legend': 'Legend', 'layer.roads': 'Roads', 'layer.plan_routes': 'Plan routes (by team)',
    'layer.plan_stops': 'Plan stops (visit order)', 'layer.grid_overdue': 'Overdue problems by cell',
    'layer.grid_patrol_coverage': 'Patrol coverage by cell (30 days)',
    'register.stations': 'Monitoring point', 'register.sources': 'Pollution source', 'register.complaints': 'Complaint',
    'register.problems': 'Problem', 'register.patrols': 'Patrol',
    'search.none': 'No matching grid cell',
    'panel.intro': 'Click the map to see the cells there, or search above.', 'panel.located': 'Cells at the clicked point',
    'panel.outside': 'This point lies outside every grid cell.', 'panel.loading': 'Loading…', 'panel.empty': 'Nothing yet',
    'panel.count': '{shown} of {total}', 'panel.tabCell': 'Cell', 'panel.tabPlan': 'Plan',
    'panel.collapse': 'Hide', 'panel.expand': 'Show',
    'cell.code': 'Code', 'cell.validFrom': 'valid from', 'cell.up': 'Up', 'cell.children': 'Cells inside',
    'cell.noChildren': 'No cells below this one',
    'section.summary': 'Responsible people and counts', 'section.problems': 'Open problems', 'section.sources': 'Pollution sources',
    'section.patrols': 'Patrols, last 30 days', 'section.noPatrols': 'No patrols in the last 30 days', 'section.stats': 'This month',
    'section.ranking': 'Ranking ({metric})', 'summary.noDuties': 'No grid chief or officers on record',
    'summary.sources': 'Sources', 'summary.stations': 'Stations', 'summary.complaints': 'Complaints since {since}',
    'summary.openProblems': 'Open problems', 'summary.overdueProblems': 'Overdue problems',
    'stats.sources': 'Sources', 'stats.complaints': 'Complaints', 'stats.patrols': 'Patrols', 'stats.coverage': 'Coverage',
    'stats.open': 'Open', 'stats.overdue': 'Overdue', 'stats.value': 'Value', 'stats.change': 'Change',
    'metric.coverage': 'patrol coverage',
    'type.national_air': 'national', 'type.provincial_air': 'provincial', 'type.township_air': 'township', 'type.micro_air': 'micro',
    'type.composition': 'composition', 'type.lidar': 'lidar', 'type.vehicle_exhaust': 'vehicle exhaust',
    'type.water_national': 'national water section', 'type.water_provincial': 'provincial water section',
    'type.drinking_water': 'drinking-water source', 'type.outfall': 'outfall',
    'origin.patrol': 'patrol', 'origin.complaint': 'complaint', 'origin.meter_alert': 'power-meter alert',
    'origin.station_dispatch': 'station dispatch', 'origin.other': 'other',
    'duty.grid_chief': 'Grid chief', 'duty.grid_officer': 'Grid officer',
    'class.special': 'special', 'class.key': 'key', 'class.general': 'general',
    'status.found': 'found', 'status.assigned': 'assigned', 'status.rectifying': 'rectifying', 'status.verified': 'verified',
    'status.closed': 'closed', 'status.closed_unfixed': 'closed without fix',
    'problem.overdue': 'overdue', 'problem.noneOpen': 'No open problems', 'problem.deadline': 'Deadline', 'problem.code': 'Code',
    'problem.status': 'Status', 'problem.origin': 'Origin', 'problem.foundAt': 'Found', 'problem.assignee': 'Assignee',
    'problem.description': 'Description', 'problem.history': 'History', 'problem.note': 'Note', 'problem.reason': 'Why closed without a fix (required)',
    'problem.change': 'Save', 'problem.changeStatus': 'Change status', 'problem.saving': 'Saving…',
    'plan.title': 'Patrol and joint-enforcement plans', 'plan.id': 'Plan id', 'plan.show': 'Show', 'plan.none': 'No plans yet',
    'plan.unavailable': 'This server has no plans API yet (/api/plans).', 'plan.plan': 'Plan', 'plan.dayN': 'day {n}', 'plan.team': 'Team',
    'plan.print': 'Print', 'plan.stop': 'Target', 'plan.arrival': 'Arrive', 'plan.departure': 'Leave',
    'plan.kind.patrol': 'patrol route', 'plan.kind.joint': 'joint enforcement',
    'plan.unserved': 'Targets that could not be scheduled', 'plan.sheet': 'Printable sheet',
    'plan.sealed': 'The target list is sealed until {until}',
    'import.title': 'Import a file', 'import.target': 'What', 'import.level': 'Grid level', 'import.validFrom': 'Valid from (empty: today)',
    'import.dryRun': 'Check only, write nothing', 'import.crs': 'Coordinates', 'import.crsFromFile': 'as the file says', 'import.file': 'File',
    'import.upload': 'Upload', 'import.close': 'Close', 'import.uploading': 'Uploading', 'import.processing': 'Processing on the server…',
    'import.done': 'Done', 'import.failed': 'Not imported (HTTP {status})', 'import.rejections': 'Rejected rows',
    'import.warnings': 'Warnings', 'import.reason': 'Reason', 'import.what': 'Code / column',
    'field.inspection_class': 'inspection class', 'field.class_reason': 'why this class', 'field.permit_no': 'permit no.',
    'field.city_code': 'city code', 'field.county_code': 'county code', 'field.township_code': 'township code',
    'field.village_code': 'village code', 'field.valid_from': 'valid from', 'field.valid_to': 'valid to',
    'field.received_at': 'received', 'field.channel': 'channel', 'field.content': 'content',
    'field.source_code': 'source code', 'field.officer': 'officer', 'field.started_at': 'started',
    'field.ended_at': 'ended', 'field.checked': 'checked', 'field.findings': 'findings',
    'import.status.committed': 'Imported', 'import.status.rejected': 'File rejected; nothing was written',
    'import.status.dry_run': 'Checked (nothing written)',
    'import.target.grid': 'Grid boundaries', 'import.target.stations': 'Monitoring points', 'import.target.sources': 'Pollution sources',
    'import.target.power_meters': 'Power meters', 'import.target.duties': 'Grid duties', 'import.target.station_chiefs': 'Station chiefs',
    'import.target.inspectors': 'Inspectors', 'import.target.complaints': 'Complaints', 'import.target.patrols': 'Patrol records',
    'field.features': 'features', 'field.inserted': 'inserted', 'field.replaced': 'replaced', 'field.unchanged': 'unchanged',
    'field.repaired': 'repaired', 'field.rows': 'rows', 'field.updated': 'updated', 'field.importId': 'import id',
    'field.gridVersion': 'grid version', 'field.code': 'code', 'field.name': 'name', 'field.type': 'type',
    'field.category': 'category', 'field.industry': 'industry', 'field.address': 'address', 'field.status': 'status',
    'field.operator': 'operator', 'field.lon': 'longitude', 'field.lat': 'latitude', 'field.id': 'id',
    'field.sources': 'sources', 'field.stations': 'stations', 'field.complaints': 'complaints', 'field.openProblems': 'open problems',
    'field.overdueProblems': 'overdue problems',
    'map.noGrid': 'The database holds no grid yet; import one first.',
};

const TABLES = {zh, en};
const STORAGE_KEY = 'gridwatch.lang';
let lang = (() => {
    try { return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh'; } catch (e) { return 'zh'; }
})();

export const currentLang = () => lang;

export function setLang(next) {
    lang = next === 'en' ? 'en' : 'zh';
    try { localStorage.setItem(STORAGE_KEY, lang); } catch (e) { /* private mode: the choice lasts this page */ }
    document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
    applyI18n(document);
}

export function t(key, params, fallback) {
    let s = TABLES[lang][key] ?? (fallback !== undefined ? fallback : zh[key] ?? key);
    for (const [k, v] of Object.entries(params || {})) s = s.split(`{${k}}`).join(String(v));
    return s;
}

/** Fills elements marked data-i18n (text), data-i18n-placeholder and data-i18n-title. */
export function applyI18n(root) {
    root.querySelectorAll('[data-i18n]').forEach(n => { n.textContent = t(n.dataset.i18n); });
    root.querySelectorAll('[data-i18n-placeholder]').forEach(n => { n.placeholder = t(n.dataset.i18nPlaceholder); });
    root.querySelectorAll('[data-i18n-title]').forEach(n => { n.title = t(n.dataset.i18nTitle); });
    if (root === document) document.title = `${t('app.title')} · gridwatch`;
}

document.documentElement.lang = lang === 'en' ? 'en' : 'zh-CN';
