// The register sections of a cell's panel, each shown only when this server has the API behind it:
// summary (duties and counts), sources, open problems, recent patrols, statistics and ranking.
// Each section appears at once with "loading" and fills in when its request answers.

import * as api from './api.js';
import {el, field, fill, formatTime, isoDate} from './dom.js';
import {t} from './i18n.js';
import {OPEN_STATUSES} from './problems.js';

const CHILD_LEVEL = {city: 'county', county: 'township', township: 'village'};

function section(id, title, load) {
    const body = el('div', {class: 'section-body'}, el('p', {class: 'muted'}, t('panel.loading')));
    const box = el('section', {class: `reg-section section-${id}`, 'data-section': id}, el('h4', {}, title), body);
    load().then(content => fill(body, content), e => fill(body, el('p', {class: 'error'}, e.message)));
    return box;
}

const pct = v => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(0)}%`);
const count = v => (v === null || v === undefined ? '—' : Number(v).toLocaleString());

/** A table: columns [label, row => value]. */
function table(rows, columns) {
    if (!rows || !rows.length) return el('p', {class: 'muted'}, t('panel.empty'));
    return el('table', {class: 'data'},
        el('thead', {}, el('tr', {}, columns.map(([label]) => el('th', {}, label)))),
        el('tbody', {}, rows.slice(0, 100).map(r => el('tr', {}, columns.map(([, value]) => el('td', {}, value(r)))))));
}

/** GET /api/grids/{code}/summary: grid chiefs and officers on duty, counts now. */
function summary(s) {
    const people = [...(s.gridChiefs || []).map(p => ['grid_chief', p]), ...(s.gridOfficers || []).map(p => ['grid_officer', p])];
    const by = m => Object.entries(m || {}).filter(([, v]) => v > 0)
        .map(([k, v]) => `${t(`class.${k}`, {}, t(`type.${k}`, {}, k))} ${v}`).join(' · ');
    const rows = [
        [t('summary.sources'), count(s.sources && s.sources.total), by(s.sources && s.sources.by)],
        [t('summary.stations'), count(s.stations && s.stations.total), by(s.stations && s.stations.by)],
        [t('summary.complaints', {since: s.complaintsSince || ''}), count(s.complaints), ''],
        [t('summary.openProblems'), count(s.openProblems), ''],
        [t('summary.overdueProblems'), count(s.overdueProblems), ''],
    ];
    return [
        people.length ? el('ul', {class: 'list duties'}, people.map(([duty, p]) => el('li', {},
            el('span', {class: 'lvl'}, t(`duty.${duty}`)), ' ', p.name || '', ' ',
            el('span', {class: 'muted'}, p.phone || '')))) : el('p', {class: 'muted'}, t('summary.noDuties')),
        el('dl', {class: 'kv counts'}, rows.map(([k, v, detail]) => [el('dt', {}, k),
            el('dd', {class: k === t('summary.overdueProblems') && s.overdueProblems > 0 ? 'overdue' : ''}, v,
                detail ? el('span', {class: 'muted'}, ` (${detail})`) : null)])),
    ];
}

/** GET /api/stats (one row per child cell) and /api/stats/rankings (patrol coverage, by default). */
function statistics(report, ranking) {
    const cells = (report && report.cells) || [];
    const out = [table(cells, [
        [t('field.name'), r => r.name || r.shortCode],
        [t('stats.sources'), r => count(r.sources && r.sources.total)],
        [t('stats.complaints'), r => count(r.complaints)],
        [t('stats.patrols'), r => count(r.patrols)],
        [t('stats.coverage'), r => pct(r.coverage && r.coverage.rate)],
        [t('stats.open'), r => count(r.problems && r.problems.open)],
        [t('stats.overdue'), r => count(r.problems && r.problems.overdue)],
    ])];
    const items = ranking && ranking.items;
    if (items && items.length) {
        out.push(el('h5', {}, t('section.ranking', {metric: t(`metric.${ranking.metric}`, {}, ranking.metric)})),
            table(items, [['#', r => r.rank ?? '—'], [t('field.name'), r => r.name || r.shortCode],
                [t('stats.value'), r => (r.value === null || r.value === undefined ? '—' : Number(r.value).toFixed(2))],
                [t('stats.change'), r => (r.change === null || r.change === undefined ? '' : Number(r.change).toFixed(2))]]));
    }
    return out;
}

export function registerSections(cell, features, {openFeature, problemList}) {
    const code = cell.code;
    const out = [];
    const today = new Date();
    const monthStart = isoDate(new Date(today.getFullYear(), today.getMonth(), 1));
    if (features.has('summary')) {
        out.push(section('summary', t('section.summary'),
            async () => summary(await api.get(`/api/grids/${encodeURIComponent(code)}/summary`))));
    }
    if (features.has('problems')) {
        out.push(section('problems', t('section.problems'), async () => {
            const page = await api.get('/api/problems', {grid: code, status: OPEN_STATUSES, limit: 1000});
            return problemList(page.items || []);
        }));
    }
    if (features.has('sources')) {
        out.push(section('sources', t('section.sources'), async () => {
            const page = await api.get('/api/sources', {grid: code, limit: 50});
            const items = page.items || [];
            if (!items.length) return el('p', {class: 'muted'}, t('panel.empty'));
            return [el('p', {class: 'muted'}, t('panel.count', {shown: items.length, total: page.total ?? items.length})),
                el('ul', {class: 'list sources'}, items.map(s => el('li', {},
                    el('a', {href: '#', onclick: e => { e.preventDefault(); openFeature('sources', s); }}, field(s, 'name')),
                    ' ', el('span', {class: `badge class-${field(s, 'inspectionClass', 'inspection_class')}`},
                        t(`class.${field(s, 'inspectionClass', 'inspection_class')}`, {}, ''))))),
            ];
        }));
    }
    if (features.has('patrols')) {
        const from = isoDate(new Date(Date.now() - 30 * 86400000));
        out.push(section('patrols', t('section.patrols'), async () => {
            const page = await api.get('/api/patrols', {grid: code, from, limit: 20});
            const items = page.items || [];
            if (!items.length) return el('p', {class: 'muted'}, t('section.noPatrols'));
            return el('ul', {class: 'list patrols'}, items.map(p => el('li', {},
                `${formatTime(field(p, 'startedAt', 'started_at'))} · ${field(p, 'officer') || ''}`,
                field(p, 'findings') ? el('div', {class: 'meta'}, field(p, 'findings')) : null)));
        }));
    }
    if (features.has('stats') && CHILD_LEVEL[cell.level]) {
        out.push(section('stats', t('section.stats'), async () => {
            // 'to' is exclusive: the first day after the period
            const period = {level: CHILD_LEVEL[cell.level], from: monthStart, to: isoDate(new Date(Date.now() + 86400000))};
            const [report, ranking] = await Promise.all([api.get('/api/stats', {...period, root: code}),
                api.get('/api/stats/rankings', {...period, parent: code}).catch(() => null)]);
            return statistics(report, ranking);
        }));
    }
    return out;
}
