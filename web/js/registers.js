// Register layers (stations, sources, complaints, patrols, problems) as points from the registers' list APIs,
// fetched for the visible bounding box. A register whose API this server does not have is left out.

import * as api from './api.js';
import {el, field} from './dom.js';

const L = window.L;
const MAX_ITEMS = 1000;
const CLOSED = new Set(['closed', 'closed_unfixed']);

/** Whether a problem is open and past its deadline (the API's own 'overdue' wins when it sends one). */
export function isOverdue(p, now = Date.now()) {
    const status = field(p, 'status');
    if (CLOSED.has(status)) return false;
    const flag = field(p, 'overdue');
    if (typeof flag === 'boolean') return flag;
    const deadline = field(p, 'deadline');
    return !!deadline && new Date(deadline).getTime() < now;
}

export const isOpen = p => !CLOSED.has(field(p, 'status'));

const daysAgo = n => new Date(Date.now() - n * 86400000).toISOString().slice(0, 10);

/** Each register: its list path, the zoom from which it is fetched, and its groups (one switcher row each). */
export const REGISTERS = [
    {
        id: 'stations', path: '/api/monitoring-points', minZoom: 9,
        groups: [
            {id: 'stations_air_control', color: '#d62728', match: t => ['national_air', 'provincial_air'].includes(t)},
            {id: 'stations_air_small', color: '#ff7f0e',
                match: t => ['township_air', 'micro_air', 'composition', 'lidar', 'vehicle_exhaust'].includes(t)},
            {id: 'stations_water', color: '#1f77b4',
                match: t => ['water_national', 'water_provincial', 'drinking_water', 'outfall'].includes(t)},
        ],
        key: item => field(item, 'type'),
    },
    {
        id: 'sources', path: '/api/sources', minZoom: 11,
        groups: [
            {id: 'sources_special', color: '#7b1fa2', match: c => c === 'special'},
            {id: 'sources_key', color: '#c2185b', match: c => c === 'key'},
            {id: 'sources_general', color: '#757575', match: c => c !== 'special' && c !== 'key', off: true},
        ],
        key: item => field(item, 'inspectionClass', 'inspection_class', 'class'),
    },
    {
        id: 'complaints', path: '/api/complaints', minZoom: 11, params: () => ({from: daysAgo(90)}),
        groups: [{id: 'complaints', color: '#00838f', match: () => true, off: true}],
        key: () => null,
    },
    {
        id: 'patrols', path: '/api/patrols', minZoom: 11, params: () => ({from: daysAgo(30)}),
        groups: [{id: 'patrols', color: '#2e7d32', match: () => true, off: true}],
        key: () => null,
    },
    {
        id: 'problems', path: '/api/problems', minZoom: 9, params: () => ({status: 'found,assigned,rectifying,verified'}),
        groups: [
            {id: 'problems_overdue', color: '#e53935', radius: 8, match: (k, item) => isOverdue(item)},
            {id: 'problems_open', color: '#fb8c00', match: (k, item) => isOpen(item) && !isOverdue(item)},
        ],
        key: () => null,
    },
];

export class RegisterLayers {
    /** onClick(register, item) when a point is clicked. No register is shown until setAvailable. */
    constructor(map, onClick) {
        this.map = map;
        this.onClick = onClick;
        this.registers = [];
        this.groups = new Map();
        this.status = new Map(); // register id -> {shown, total} | {error} | {zoomIn}
        this.seq = new Map();
        this.listeners = [];
        let timer = null;
        map.on('moveend', () => {
            clearTimeout(timer);
            timer = setTimeout(() => this.refresh(), 200);
        });
    }

    /** The registers whose API this server has (a Set of register ids): their layers appear and load. */
    setAvailable(available) {
        this.registers = REGISTERS.filter(r => available.has(r.id));
        for (const r of this.registers) {
            for (const g of r.groups) {
                const layer = L.layerGroup();
                this.groups.set(g.id, {register: r, group: g, layer, on: !g.off});
                if (!g.off) layer.addTo(this.map);
            }
        }
        this.changed();
        return this.refresh();
    }

    /** Called with no arguments whenever what is drawn changed (counts for the switcher). */
    onChange(fn) {
        this.listeners.push(fn);
    }

    isEnabled(groupId) {
        const g = this.groups.get(groupId);
        return !!g && g.on;
    }

    setEnabled(groupId, on) {
        const g = this.groups.get(groupId);
        g.on = on;
        if (on) g.layer.addTo(this.map); else g.layer.remove();
        this.refresh(g.register.id);
    }

    /** Fetches every register with an enabled group in view (or only registerId), then redraws it. */
    async refresh(registerId) {
        const jobs = this.registers
            .filter(r => !registerId || r.id === registerId)
            .map(r => this.load(r));
        await Promise.all(jobs);
    }

    async load(r) {
        const groups = r.groups.map(g => this.groups.get(g.id));
        const seq = (this.seq.get(r.id) || 0) + 1;
        this.seq.set(r.id, seq);
        if (!groups.some(g => g.on) || this.map.getZoom() < r.minZoom) {
            groups.forEach(g => g.layer.clearLayers());
            this.status.set(r.id, {zoomIn: this.map.getZoom() < r.minZoom});
            this.changed();
            return;
        }
        const b = this.map.getBounds();
        const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map(n => n.toFixed(6)).join(',');
        let page;
        try {
            page = await api.get(r.path, Object.assign({bbox, limit: MAX_ITEMS}, r.params ? r.params() : {}));
        } catch (e) {
            if (seq === this.seq.get(r.id)) {
                this.status.set(r.id, {error: e.message});
                this.changed();
            }
            return;
        }
        if (seq !== this.seq.get(r.id)) return; // a newer view was asked for meanwhile
        const items = (page && page.items) || [];
        groups.forEach(g => g.layer.clearLayers());
        for (const item of items) {
            const lon = Number(field(item, 'lon')), lat = Number(field(item, 'lat'));
            if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
            const g = groups.find(x => x.group.match(r.key(item), item));
            if (!g) continue;
            const marker = L.circleMarker([lat, lon], {
                radius: g.group.radius || 6, color: '#ffffff', weight: 1.5, fillColor: g.group.color,
                fillOpacity: 0.9, bubblingMouseEvents: false, className: `reg-marker reg-${g.group.id}`,
            });
            marker.bindTooltip(el('span', {}, [field(item, 'name', 'title', 'code'), field(item, 'officer')].filter(Boolean).join(' · ')),
                {direction: 'top'});
            marker.on('click', () => this.onClick(r, item));
            g.layer.addLayer(marker);
        }
        this.status.set(r.id, {shown: items.length, total: page && page.total});
        this.changed();
    }

    changed() {
        this.listeners.forEach(fn => fn());
    }
}
