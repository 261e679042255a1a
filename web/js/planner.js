// Planner view: a patrol route or joint-enforcement plan from GET /api/plans/{id}, drawn as coloured
// routes (colour per team, dash pattern per day) with numbered stops and their times, a table per
// team and day, printing, the server's exports (printable sheet, GeoJSON, GPX) and a CSV of the stops.

import * as api from './api.js';
import {el, field, fill, formatTime} from './dom.js';
import {t} from './i18n.js';
import {PlanJobs} from './planjobs.js';

const L = window.L;
const COLORS = ['#1565c0', '#e65100', '#2e7d32', '#6a1b9a', '#c62828', '#00838f', '#ad1457', '#4e342e', '#283593', '#9e9d24'];
const DASHES = [null, '10 6', '3 6', '14 4 3 4'];

const num = v => (v === null || v === undefined || v === '' ? NaN : Number(v));
/** A route's day: a date as it is, a day number as 第n天 / day n. */
const dayLabel = day => (/^\d{4}-\d{2}-\d{2}$/.test(day) ? day : t('plan.dayN', {n: day}));

function stopsOf(route) {
    return (field(route, 'stops') || []).map((s, i) => ({
        order: field(s, 'order', 'seq', 'sequence') ?? i + 1,
        name: field(s, 'name', 'targetName', 'target_name', 'code', 'targetCode') || '',
        lon: num(field(s, 'lon', 'x')), lat: num(field(s, 'lat', 'y')),
        arrival: field(s, 'arrival', 'arrivalTime', 'arrival_time', 'arrive', 'eta'),
        departure: field(s, 'departure', 'departureTime', 'departure_time', 'depart'),
    }));
}

/** A route's line as GeoJSON: a GeoJSON geometry as it is, or a bare [[lon, lat], ...] array as a LineString. */
function lineOf(g) {
    if (!g) return null;
    if (Array.isArray(g)) return g.length > 1 ? {type: 'LineString', coordinates: g} : null;
    return g.type ? g : null;
}

/**
 * The plan's routes as [{team, day, stops, geometry, distance}]: one per team and day. Team names come
 * from plan.teams ({no, name}) when the routes carry only teamNo.
 */
export function normalizePlan(plan) {
    const names = new Map((field(plan, 'teams') || []).map(tm => [String(field(tm, 'no', 'id')), field(tm, 'name')]));
    const out = [];
    const push = (r, team) => {
        const no = field(r, 'teamNo', 'team_no', 'team', 'teamName', 'officer');
        out.push({
            team: String(team ?? names.get(String(no)) ?? no ?? '1'),
            day: String(field(r, 'day', 'date', 'dayIndex') ?? '1'),
            stops: stopsOf(r),
            geometry: lineOf(field(r, 'geometry', 'geom', 'path')),
            distance: field(r, 'distanceMetres', 'distanceM', 'distance_m', 'distance'),
        });
    };
    for (const r of field(plan, 'routes') || []) push(r);
    if (!out.length && field(plan, 'stops')) push(plan);
    return out;
}

export class Planner {
    /**
     * planKinds: the kinds of new plan the signed-in user may ask for, the default first (none: no
     * new-plan form; the server still checks each request).
     */
    constructor(map, container, available, planKinds = []) {
        this.map = map;
        this.container = container;
        this.available = available;
        this.onPlanMade = () => {};
        this.jobs = planKinds.length
            ? new PlanJobs(id => { this.onPlanMade(id); this.render(); this.load(id); }, planKinds) : null;
        this.layer = L.featureGroup().addTo(map);
        this.plan = null;
        this.routes = [];
    }

    async render() {
        const input = el('input', {id: 'plan-id', type: 'text', inputmode: 'numeric', placeholder: t('plan.id'),
            'data-i18n-placeholder': 'plan.id'});
        const form = el('form', {class: 'plan-form'}, input,
            el('button', {type: 'submit', class: 'primary', 'data-i18n': 'plan.show'}, t('plan.show')));
        form.addEventListener('submit', e => { e.preventDefault(); if (input.value.trim()) this.load(input.value.trim()); });
        this.listBox = el('div', {class: 'plan-list'});
        this.out = el('div', {class: 'plan-out'});
        const newPlan = this.jobs && this.available ? (this.newPlan ||= this.jobs.render()) : null;
        fill(this.container, el('h3', {'data-i18n': 'plan.title'}, t('plan.title')), form, newPlan, this.listBox, this.out);
        if (!this.available) {
            fill(this.listBox, el('p', {class: 'muted'}, t('plan.unavailable')));
            return;
        }
        try {
            const page = await api.get('/api/plans', {limit: 50});
            const items = Array.isArray(page) ? page : page.items || [];
            fill(this.listBox, items.length ? el('ul', {class: 'list plans'}, items.map(p => el('li', {},
                el('a', {href: '#', onclick: e => { e.preventDefault(); this.load(field(p, 'id')); }},
                    field(p, 'name', 'title') || `#${field(p, 'id')}`),
                el('span', {class: 'muted'}, ` ${t(`plan.kind.${field(p, 'kind', 'type')}`, {}, field(p, 'kind', 'type') || '')}`
                    + ` ${field(p, 'firstDay') || formatTime(field(p, 'createdAt', 'created_at'))}`))))
                : el('p', {class: 'muted'}, t('plan.none')));
        } catch (e) {
            fill(this.listBox, el('p', {class: 'error'}, e.message));
        }
    }

    async load(id) {
        fill(this.out, el('p', {class: 'muted'}, t('panel.loading')));
        try {
            this.plan = await api.get(`/api/plans/${encodeURIComponent(id)}`);
        } catch (e) {
            fill(this.out, el('p', {class: 'error'}, e.message));
            return;
        }
        this.routes = normalizePlan(this.plan);
        this.draw();
        this.table(id);
    }

    colour(team) {
        const teams = [...new Set(this.routes.map(r => r.team))];
        return COLORS[teams.indexOf(team) % COLORS.length];
    }

    dash(day) {
        const days = [...new Set(this.routes.map(r => r.day))];
        return DASHES[days.indexOf(day) % DASHES.length];
    }

    draw() {
        this.layer.clearLayers();
        for (const r of this.routes) {
            const style = {color: this.colour(r.team), weight: 4, opacity: 0.85, dashArray: this.dash(r.day)};
            const pts = r.stops.filter(s => Number.isFinite(s.lon) && Number.isFinite(s.lat));
            if (r.geometry && r.geometry.type) L.geoJSON(r.geometry, {style}).addTo(this.layer);
            else if (pts.length > 1) L.polyline(pts.map(s => [s.lat, s.lon]), style).addTo(this.layer);
            for (const s of pts) {
                const icon = L.divIcon({className: 'stop-icon', iconSize: [22, 22],
                    html: `<span style="background:${style.color}">${Number(s.order) || ''}</span>`});
                L.marker([s.lat, s.lon], {icon}).bindTooltip(el('span', {},
                    `${r.team} · ${dayLabel(r.day)} · ${s.order}. ${s.name} ${formatTime(s.arrival)}`)).addTo(this.layer);
            }
        }
        if (this.layer.getLayers().length) this.map.fitBounds(this.layer.getBounds(), {padding: [30, 30]});
    }

    table(id) {
        const unserved = field(this.plan, 'unassigned', 'unserved', 'dropped') || [];
        const notes = field(this.plan, 'notes') || [];
        const exportUrl = format => `/api/plans/${encodeURIComponent(id)}/export?format=${format}`;
        fill(this.out,
            el('h4', {}, field(this.plan, 'name', 'title') || `${t('plan.plan')} #${id}`),
            field(this.plan, 'targetsVisible') === false
                ? el('p', {class: 'error'}, t('plan.sealed', {until: formatTime(field(this.plan, 'sealedUntil'))})) : null,
            notes.length ? el('ul', {class: 'list muted plan-notes'}, notes.map(n => el('li', {}, String(n)))) : null,
            el('div', {class: 'plan-actions'},
                el('button', {type: 'button', onclick: () => window.print()}, t('plan.print')),
                el('a', {href: exportUrl('html'), target: '_blank', class: 'export', 'data-format': 'html'}, t('plan.sheet')),
                el('a', {href: exportUrl('geojson'), class: 'export', 'data-format': 'geojson', download: `plan-${id}.geojson`}, 'GeoJSON'),
                el('a', {href: exportUrl('gpx'), class: 'export', 'data-format': 'gpx', download: `plan-${id}.gpx`}, 'GPX'),
                el('button', {type: 'button', onclick: () => this.download('csv', id)}, 'CSV')),
            this.routes.map(r => el('section', {class: 'route', 'data-team': r.team, 'data-day': r.day},
                el('h5', {}, el('span', {class: 'swatch line', style: {borderTopColor: this.colour(r.team)}}),
                    ` ${t('plan.team')} ${r.team} · ${dayLabel(r.day)}`,
                    r.distance ? ` · ${(Number(r.distance) / 1000).toFixed(1)} km` : ''),
                el('table', {class: 'data'}, el('thead', {}, el('tr', {}, el('th', {}, '#'), el('th', {}, t('plan.stop')),
                    el('th', {}, t('plan.arrival')), el('th', {}, t('plan.departure')))),
                el('tbody', {}, r.stops.map(s => el('tr', {}, el('td', {}, s.order), el('td', {}, s.name),
                    el('td', {}, formatTime(s.arrival)), el('td', {}, formatTime(s.departure)))))))),
            unserved.length ? [el('h5', {}, t('plan.unserved')), el('ul', {class: 'list unserved'}, unserved.map(u =>
                el('li', {}, `${field(u, 'name', 'code') || ''} · ${field(u, 'detail', 'reason') || ''}`)))] : null);
    }

    /** The stops as CSV made in the page (UTF-8 with BOM, so Excel shows the Chinese names). */
    download(format, id) {
        const q = v => `"${String(v ?? '').replace(/"/g, '""')}"`;
        const lines = [['team', 'day', 'order', 'name', 'lon', 'lat', 'arrival', 'departure'].join(',')];
        this.routes.forEach(r => r.stops.forEach(s => lines.push([r.team, r.day, s.order, s.name, s.lon, s.lat,
            s.arrival, s.departure].map(q).join(','))));
        const blob = new Blob(['\ufeff' + lines.join('\r\n')], {type: 'text/csv'});
        const a = el('a', {href: URL.createObjectURL(blob), download: `plan-${id}.${format}`});
        document.body.append(a);
        a.click();
        a.remove();
    }

    clear() {
        this.layer.clearLayers();
    }
}
