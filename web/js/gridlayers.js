// The grid's four levels as gridwatch's own PNG tiles (/tiles/grid_<level>/{z}/{x}/{y}.png), drawn by
// the server with Chinese labels. The session cookie authenticates the tile requests (same origin).
// URLs carry ?v=<grid version> so the browser may cache tiles for good; an import gives new URLs.

const L = window.L;

/** Levels, coarsest first; minZoom is where the server starts drawing the level (README, PNG tiles). */
export const LEVELS = [
    {id: 'city', layer: 'grid_city', minZoom: 0, color: '#8b1a1a', width: 3.5, zIndex: 40},
    {id: 'county', layer: 'grid_county', minZoom: 7, color: '#c0392b', width: 2.5, zIndex: 30},
    {id: 'township', layer: 'grid_township', minZoom: 10, color: '#1f618d', width: 1.5, zIndex: 20},
    {id: 'village', layer: 'grid_village', minZoom: 12, color: '#27ae60', width: 0.8, zIndex: 10},
];

export const MAX_ZOOM = 18;

export class GridLayers {
    /**
     * onFirstTile(ms since navigation start) fires once, when the first grid tile has loaded;
     * onAllLoaded(ms) once, when every level in view has loaded all its visible tiles.
     */
    constructor(map, version, onFirstTile, onAllLoaded) {
        this.map = map;
        this.version = version;
        this.enabled = new Set(LEVELS.map(l => l.id));
        this.styles = new Map();
        this.layers = new Map();
        let first = true;
        for (const level of LEVELS) {
            const layer = L.tileLayer(this.url(level, 'outline'), {
                minZoom: level.minZoom, maxZoom: MAX_ZOOM, zIndex: level.zIndex,
                className: `grid-tiles grid-tiles-${level.id}`, attribution: 'gridwatch',
                updateWhenZooming: false, keepBuffer: 2,
            });
            layer.on('tileload', () => {
                if (first) {
                    first = false;
                    onFirstTile(performance.now());
                }
            });
            this.layers.set(level.id, layer);
            this.styles.set(level.id, 'outline');
        }
        const pending = new Set(LEVELS.filter(l => map.getZoom() >= l.minZoom).map(l => l.id));
        for (const id of pending) {
            this.layers.get(id).once('load', () => {
                pending.delete(id);
                if (!pending.size) onAllLoaded(performance.now());
            });
        }
        map.on('zoomend', () => this.relabel());
        this.relabel();
        for (const level of LEVELS) this.layers.get(level.id).addTo(map);
    }

    url(level, style) {
        return `/tiles/${level.layer}/{z}/{x}/{y}.png?style=${style}&v=${encodeURIComponent(this.version)}`;
    }

    isEnabled(id) {
        return this.enabled.has(id);
    }

    setEnabled(id, on) {
        const layer = this.layers.get(id);
        if (on) {
            this.enabled.add(id);
            layer.addTo(this.map);
        } else {
            this.enabled.delete(id);
            layer.remove();
        }
        this.relabel();
    }

    /** Levels drawn at the current zoom (enabled and at or past their minimum zoom). */
    visibleLevels() {
        const z = this.map.getZoom();
        return LEVELS.filter(l => this.enabled.has(l.id) && z >= l.minZoom);
    }

    /**
     * Names only on the two finest levels in view: with all four labelled, city, county, township
     * and village names pile up on each other at village zoom.
     */
    relabel() {
        const labelled = new Set(this.visibleLevels().slice(-2).map(l => l.id));
        for (const level of LEVELS) {
            const style = labelled.has(level.id) ? 'outline_labels' : 'outline';
            if (this.styles.get(level.id) !== style) {
                this.styles.set(level.id, style);
                this.layers.get(level.id).setUrl(this.url(level, style));
            }
        }
    }

    /** A new grid version (after an import): new URLs, so every tile is fetched again. */
    setVersion(version) {
        if (String(version) === String(this.version)) return;
        this.version = version;
        for (const level of LEVELS) {
            this.layers.get(level.id).setUrl(this.url(level, this.styles.get(level.id)));
        }
    }
}

/** The grid version from a TileJSON document: its tile URLs carry ?v=<version>. */
export function versionOf(tileJson) {
    const url = tileJson && tileJson.tiles && tileJson.tiles[0];
    if (!url) return '0';
    const v = new URL(url, location.href).searchParams.get('v');
    return v || '0';
}
