// The layer switcher and legend in one Leaflet control: one row per grid level, per register group
// and per server-drawn overlay (roads, plans, thematic maps), each with its symbol; an overlay that is
// on shows the server's legend image under its row. Rows of layers this server lacks are not shown.

import {el, fill} from './dom.js';
import {t} from './i18n.js';
import {LEVELS} from './gridlayers.js';
import {legendUrl} from './overlays.js';

const L = window.L;

export const LayerSwitcher = L.Control.extend({
    options: {position: 'topright'},

    initialize(grid, registers, basemap, overlays, options) {
        L.setOptions(this, options);
        this.grid = grid;
        this.registers = registers;
        this.basemap = basemap;
        this.overlays = overlays;
    },

    onAdd(map) {
        this.map = map;
        this.container = el('div', {class: 'leaflet-bar layer-switcher', id: 'layer-switcher'});
        L.DomEvent.disableClickPropagation(this.container);
        L.DomEvent.disableScrollPropagation(this.container);
        map.on('zoomend', () => this.render());
        this.registers.onChange(() => this.render());
        if (this.overlays) this.overlays.onChange(() => this.render());
        this.collapsed = window.matchMedia('(max-width: 700px)').matches;
        this.render();
        return this.container;
    },

    render() {
        const z = this.map.getZoom();
        const toggle = el('button', {class: 'switcher-toggle', type: 'button', 'aria-expanded': String(!this.collapsed),
            // rendered after the click: a button taken out of the page while its click still bubbles is no
            // longer inside this control, and Leaflet would take the click for one on the map
            onclick: () => { this.collapsed = !this.collapsed; setTimeout(() => this.render()); }}, t('layers.title'));
        if (this.collapsed) {
            fill(this.container, toggle);
            return;
        }
        const gridRows = LEVELS.map(level => this.row(`grid_${level.id}`, t(`level.${level.id}`),
            el('span', {class: 'swatch line', style: {borderTopColor: level.color, borderTopWidth: `${Math.max(2, level.width)}px`}}),
            this.grid.isEnabled(level.id), on => this.grid.setEnabled(level.id, on),
            z < level.minZoom ? t('layers.zoomTo', {z: level.minZoom}) : null));
        const regRows = [];
        for (const r of this.registers.registers) {
            const st = this.registers.status.get(r.id) || {};
            let note = null;
            if (st.zoomIn) note = t('layers.zoomTo', {z: r.minZoom});
            else if (st.error) note = t('layers.error');
            else if (st.total !== undefined && st.total > st.shown) note = t('layers.partial', {shown: st.shown, total: st.total});
            r.groups.forEach((g, i) => regRows.push(this.row(g.id, t(`layer.${g.id}`),
                el('span', {class: 'swatch dot', style: {background: g.color}}),
                this.registers.isEnabled(g.id), on => this.registers.setEnabled(g.id, on),
                i === 0 ? note : null)));
        }
        const sections = [toggle, el('h4', {}, t('layers.grid')), gridRows];
        if (regRows.length) sections.push(el('h4', {}, t('layers.registers')), regRows);
        for (const group of ['network', 'thematic']) {
            const rows = this.overlayRows(group, z);
            if (rows.length) sections.push(el('h4', {}, t(`layers.${group}`)), rows);
        }
        if (this.basemap) {
            sections.push(el('h4', {}, t('layers.basemap')), this.row('basemap', t('layers.basemapLayer'),
                el('span', {class: 'swatch box'}), this.map.hasLayer(this.basemap),
                on => on ? this.basemap.addTo(this.map) : this.basemap.remove(), null));
        }
        fill(this.container, sections);
    },

    overlayRows(group, z) {
        if (!this.overlays) return [];
        return this.overlays.available.filter(o => o.group === group).map(o => {
            const on = this.overlays.isEnabled(o.id);
            const min = this.overlays.minZoomOf(o.id);
            const row = this.row(o.id, t(`layer.${o.id}`), el('span', {class: `swatch overlay overlay-${o.group}`}), on,
                checked => this.overlays.setEnabled(o.id, checked), z < min ? t('layers.zoomTo', {z: min}) : null);
            return on ? [row, el('img', {class: 'legend', 'data-legend': o.id, src: legendUrl(o), alt: t('layers.legend')})]
                : row;
        });
    },

    row(id, label, swatch, checked, onToggle, note) {
        const input = el('input', {type: 'checkbox', 'data-layer': id, checked: !!checked,
            onchange: e => { onToggle(e.target.checked); this.render(); }});
        return el('label', {class: `switcher-row${note ? ' dim' : ''}`}, input, swatch,
            el('span', {class: 'label'}, label), note ? el('small', {class: 'note'}, note) : null);
    },
});
