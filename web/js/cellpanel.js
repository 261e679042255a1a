// The side panel for one grid cell: where a click landed (every level), the cell with its parent
// and children (drill up and down), breadcrumbs 市 › 县 › 乡镇 › 村, and, where this server has
// the registers, the cell's summary, sources, open problems, recent patrols and statistics.

import * as api from './api.js';
import {el, field, fill, formatTime} from './dom.js';
import {t} from './i18n.js';
import {problemDetail, problemList} from './problems.js';
import {registerSections} from './cellsections.js';

const L = window.L;
const LEVEL_ORDER = ['city', 'county', 'township', 'village'];
const HIGHLIGHT = {color: '#ff6f00', weight: 4, dashArray: '8 6', fill: true, fillOpacity: 0.06, interactive: false};

/** The codes of a 12-digit admin code's ancestors, city first (the code's prefixes, README "The grid"). */
export function ancestorCodes(code, level) {
    if (!/^\d{12}$/.test(code)) return [];
    const pad = s => s.padEnd(12, '0');
    const cuts = {county: [4], township: [4, 6], village: [4, 6, 9]}[level] || [];
    return cuts.map(n => pad(code.slice(0, n)));
}

export class CellPanel {
    constructor({map, body, crumbs, me, features, onProblemChanged}) {
        this.map = map;
        this.body = body;
        this.crumbs = crumbs;
        this.me = me;
        this.features = features;
        this.onProblemChanged = onProblemChanged;
        this.details = new Map();
        this.highlight = L.geoJSON(null, {style: HIGHLIGHT, pane: 'overlayPane'}).addTo(map);
        this.located = null;
        this.current = null;
        this.seq = 0;
        this.renderCrumbs([]);
        this.renderIntro();
    }

    renderIntro() {
        fill(this.body, el('p', {class: 'muted intro'}, t('panel.intro')));
    }

    async detail(code) {
        if (!this.details.has(code)) {
            this.details.set(code, api.get(`/api/grids/${encodeURIComponent(code)}`, api.gridParams()).catch(e => {
                this.details.delete(code);
                throw e;
            }));
        }
        return this.details.get(code);
    }

    /** A map click: the cell at every level, then the finest one in the panel. */
    async locate(latlng) {
        const r = await api.get('/api/grids/locate', {lon: latlng.lng.toFixed(7), lat: latlng.lat.toFixed(7)});
        this.located = r;
        const finest = [...r.levels].reverse().find(l => l.code);
        if (!finest) {
            this.current = null;
            this.highlight.clearLayers();
            this.renderCrumbs([]);
            fill(this.body, this.locatedBox(r), el('p', {class: 'muted'}, r.message || t('panel.outside')));
            return;
        }
        await this.showCell(finest.code, {fly: false, keepLocated: true});
    }

    /** Selects a cell: highlight, breadcrumbs, panel. fly: fit the map to it. */
    async showCell(code, {fly = true, keepLocated = false} = {}) {
        const mine = ++this.seq;
        if (!keepLocated) this.located = null;
        let cell;
        try {
            cell = await api.get(`/api/grids/${encodeURIComponent(code)}`, {geometry: true, ...api.gridParams()});
        } catch (e) {
            fill(this.body, el('p', {class: 'error'}, e.message));
            return;
        }
        if (mine !== this.seq) return;
        this.current = cell;
        this.highlight.clearLayers();
        if (cell.geometry) this.highlight.addData({type: 'Feature', properties: {}, geometry: cell.geometry});
        if (fly && cell.bbox) {
            const [x0, y0, x1, y1] = cell.bbox;
            this.map.flyToBounds([[y0, x0], [y1, x1]], {padding: [30, 30], duration: 0.6});
        }
        this.renderCell(cell);
        this.renderCrumbs(await this.chain(cell));
    }

    /** The cell's ancestors and itself as {code, name, level}; unknown names (outside scope) keep the code. */
    async chain(cell) {
        const located = this.located ? new Map(this.located.levels.filter(l => l.code).map(l => [l.code, l.name])) : new Map();
        const ancestors = await Promise.all(ancestorCodes(cell.code, cell.level).map(async (code, i) => {
            const level = LEVEL_ORDER[i];
            if (located.has(code)) return {code, name: located.get(code), level};
            if (cell.parent && cell.parent.code === code) return {code, name: cell.parent.name, level};
            try {
                const d = await this.detail(code);
                return {code, name: d.name, level};
            } catch (e) {
                return {code, name: null, level, hidden: true};
            }
        }));
        return [...ancestors, {code: cell.code, name: cell.name, level: cell.level}];
    }

    renderCrumbs(chain) {
        const parts = LEVEL_ORDER.map((level, i) => {
            const c = chain.find(x => x.level === level);
            const sep = i ? el('span', {class: 'sep'}, '›') : null;
            if (!c) return [sep, el('span', {class: 'crumb empty', 'data-level': level}, t(`level.short.${level}`))];
            const current = this.current && c.code === this.current.code;
            return [sep, el(current || c.hidden ? 'span' : 'a', {
                class: `crumb${current ? ' current' : ''}`, 'data-level': level, 'data-code': c.code,
                href: current || c.hidden ? null : '#', title: t(`level.${level}`),
                onclick: current || c.hidden ? null : e => { e.preventDefault(); this.showCell(c.code); },
            }, c.name || c.code.replace(/0+$/, ''))];
        });
        fill(this.crumbs, parts);
    }

    locatedBox(r) {
        return el('section', {class: 'located'}, el('h4', {}, t('panel.located')),
            el('ul', {class: 'list levels'}, r.levels.map(l => el('li', {'data-level': l.level},
                el('span', {class: 'lvl'}, t(`level.${l.level}`)), ' ',
                l.code ? el('a', {href: '#', 'data-code': l.code,
                    onclick: e => { e.preventDefault(); this.showCell(l.code, {keepLocated: true}); }}, l.name)
                    : el('span', {class: 'muted'}, '—')))));
    }

    renderCell(cell) {
        const parent = cell.parent;
        const head = el('section', {class: 'cell-head', 'data-code': cell.code},
            el('div', {class: 'lvl'}, t(`level.${cell.level}`)),
            el('h2', {id: 'cell-name'}, cell.name),
            el('div', {class: 'meta'}, `${t('cell.code')} ${cell.shortCode || cell.code} · ${t('cell.validFrom')} ${cell.validFrom}`),
            parent ? el('button', {type: 'button', class: 'link drill-up', onclick: () => this.showCell(parent.code)},
                `↑ ${t('cell.up')}: ${parent.name}`) : null);
        const children = cell.children || [];
        const kids = el('section', {class: 'children'},
            el('h4', {}, `${t('cell.children')} (${children.length})`),
            children.length ? el('ul', {class: 'list children-list'}, children.map(c => el('li', {},
                el('a', {href: '#', 'data-code': c.code, onclick: e => { e.preventDefault(); this.showCell(c.code); }},
                    c.name)))) : el('p', {class: 'muted'}, t('cell.noChildren')));
        fill(this.body, this.located ? this.locatedBox(this.located) : null, head,
            registerSections(cell, this.features, {
                openFeature: (register, item) => this.showFeature(register, item),
                problemList: items => problemList(items, p => this.showFeature('problems', p)),
            }), kids);
    }

    /** A register item (marker click or list entry): its details, and for problems history and status form. */
    async showFeature(registerId, item) {
        const paths = {stations: '/api/monitoring-points', sources: '/api/sources', complaints: '/api/complaints',
            problems: '/api/problems', patrols: '/api/patrols'};
        const id = field(item, 'id');
        let full = item;
        try {
            if (id !== undefined) full = await api.get(`${paths[registerId]}/${encodeURIComponent(id)}`);
        } catch (e) {
            full = item;
        }
        const back = this.current ? el('button', {type: 'button', class: 'link back',
            onclick: () => this.renderCell(this.current)}, `← ${this.current.name}`) : null;
        if (registerId === 'problems') {
            fill(this.body, back, problemDetail(full, this.me, updated => {
                this.onProblemChanged(updated);
                this.showFeature('problems', updated);
            }));
            return;
        }
        const skip = new Set(['geom', 'geometry', 'wkb', 'attrs']);
        const rows = Object.entries(full).filter(([k, v]) => !skip.has(k) && v !== null && typeof v !== 'object');
        fill(this.body, back, el('section', {class: 'feature', 'data-register': registerId},
            el('div', {class: 'lvl'}, t(`register.${registerId}`)),
            el('h3', {}, field(full, 'name', 'title', 'code') || ''),
            el('dl', {class: 'kv'}, rows.map(([k, v]) => [el('dt', {}, t(`field.${k}`, {}, k)),
                el('dd', {}, /At$|_at$|^valid/.test(k) ? formatTime(v) : String(v))]))));
    }
}
