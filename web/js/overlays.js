// Layers the server draws as PNG tiles (/tiles/<layer>/{z}/{x}/{y}.png, the WMS renderer): the road
// network, the stored plans' routes and stops, and the cells shaded by overdue problems or patrol
// coverage. A layer appears in the switcher only when this server publishes it (its TileJSON
// answers); its legend is the server's own GetLegendGraphic image. These tiles change with the
// data, so they are revalidated (the server answers 304 when nothing changed) and refresh() asks anew.

import * as api from './api.js';

const L = window.L;

/**
 * id: the published layer; style: its WMS style; zIndex among the tile layers (grid outlines are
 * 10..40: shading goes under them, routes over them); level: the thematic layers' grid level by zoom.
 */
export const OVERLAYS = [
    {id: 'grid_overdue', group: 'thematic', style: 'overdue', zIndex: 3, opacity: 0.65, level: true},
    {id: 'grid_patrol_coverage', group: 'thematic', style: 'coverage', zIndex: 4, opacity: 0.65, level: true},
    {id: 'roads', group: 'network', style: 'by_class', zIndex: 6, opacity: 0.9},
    {id: 'plan_routes', group: 'network', style: 'by_team', zIndex: 50, opacity: 0.9},
    {id: 'plan_stops', group: 'network', style: 'by_team', zIndex: 51, opacity: 1},
];

/** The grid level the thematic layers shade at a zoom: the finest whose cells are still a few pixels wide. */
export const thematicLevel = z => (z < 9 ? 'county' : z < 12 ? 'township' : 'village');

export const legendUrl = o => `/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetLegendGraphic&FORMAT=image/png`
    + `&LAYER=${encodeURIComponent(o.id)}&STYLE=${encodeURIComponent(o.style)}`;

export class Overlays {
    constructor(map) {
        this.map = map;
        this.available = [];
        this.layers = new Map();
        this.minZoom = new Map();
        this.round = 0;
        this.listeners = [];
        this.level = thematicLevel(map.getZoom());
        map.on('zoomend', () => {
            const level = thematicLevel(map.getZoom());
            if (level === this.level) return;
            this.level = level;
            for (const o of this.available) if (o.level) this.layers.get(o.id).setUrl(this.url(o), !this.isEnabled(o.id));
        });
    }

    /** Asks which of the overlays this server publishes; resolves once the switcher may show them. */
    async probe() {
        const found = await Promise.all(OVERLAYS.map(async o => {
            try {
                const tj = await api.get(`/tiles/${o.id}.json`, {}, {quiet: true});
                return [o, tj];
            } catch (e) {
                return [o, null];
            }
        }));
        for (const [o, tj] of found) {
            if (!tj) continue;
            this.minZoom.set(o.id, Number(tj.minzoom) || 0);
            this.layers.set(o.id, L.tileLayer(this.url(o), {
                minZoom: 0, maxZoom: 18, zIndex: o.zIndex, opacity: o.opacity,
                className: `overlay-tiles overlay-${o.id}`, attribution: 'gridwatch',
            }));
            this.available.push(o);
        }
        this.changed();
    }

    url(o) {
        const params = {style: o.style, r: this.round};
        if (o.level) params.level = this.level;
        return `/tiles/${o.id}/{z}/{x}/{y}.png${api.query(params)}`;
    }

    onChange(fn) {
        this.listeners.push(fn);
    }

    changed() {
        this.listeners.forEach(fn => fn());
    }

    isEnabled(id) {
        const layer = this.layers.get(id);
        return !!layer && this.map.hasLayer(layer);
    }

    setEnabled(id, on) {
        const layer = this.layers.get(id);
        if (on) layer.addTo(this.map); else layer.remove();
        this.changed();
    }

    /** The zoom from which the server draws the layer (its TileJSON minzoom). */
    minZoomOf(id) {
        return this.minZoom.get(id) || 0;
    }

    /** The data changed (a problem's status, a new plan): every overlay is drawn again. */
    refresh() {
        this.round++;
        for (const o of this.available) this.layers.get(o.id).setUrl(this.url(o), !this.isEnabled(o.id));
    }
}
