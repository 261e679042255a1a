// Import dialog: a grid file (POST /api/grids/import) or a register file (POST /api/<register>/import)
// uploaded with a progress bar, then the server's import report (counts, every rejected row).

import * as api from './api.js';
import {el, fill} from './dom.js';
import {t} from './i18n.js';

/** Register import targets, shown when this server has the register (key = feature id from the probe). */
export const REGISTER_TARGETS = [
    ['stations', '/api/monitoring-points'], ['sources', '/api/sources'], ['power_meters', '/api/power-meters'],
    ['duties', '/api/duties'], ['station_chiefs', '/api/station-chiefs'], ['inspectors', '/api/inspectors'],
    ['complaints', '/api/complaints'], ['patrols', '/api/patrols'],
];
const CRS = ['EPSG:4490', 'EPSG:4326', 'CRS:84', 'EPSG:3857', 'GCJ-02', 'BD-09'];
const FORMATS = {geojson: 'geojson', json: 'geojson', csv: 'csv', xlsx: 'xlsx', zip: 'shp', shp: 'shp', gpkg: 'gpkg'};

export class Importer {
    /** onDone({target, report, status}) after an upload the server answered. */
    constructor(dialog, features, onDone) {
        this.dialog = dialog;
        this.features = features;
        this.onDone = onDone;
    }

    open() {
        const targets = [['grid', null], ...REGISTER_TARGETS.filter(([id]) => this.features.has(id))];
        const target = el('select', {name: 'target', id: 'import-target'},
            targets.map(([id]) => el('option', {value: id}, t(`import.target.${id}`))));
        const level = el('select', {name: 'level', id: 'import-level'},
            ['city', 'county', 'township', 'village'].map(l => el('option', {value: l}, t(`level.${l}`))));
        const crs = el('select', {name: 'crs', id: 'import-crs'}, el('option', {value: ''}, t('import.crsFromFile')),
            CRS.map(c => el('option', {value: c, selected: c === 'EPSG:4490'}, c)));
        // empty: the server's today (the browser's date can be a day off the server's)
        const validFrom = el('input', {type: 'date', name: 'validFrom', id: 'import-valid-from'});
        const dryRun = el('input', {type: 'checkbox', name: 'dryRun', id: 'import-dry-run'});
        const file = el('input', {type: 'file', name: 'file', id: 'import-file', required: true,
            accept: '.geojson,.json,.csv,.xlsx,.zip,.gpkg'});
        const progress = el('progress', {id: 'import-progress', max: 1, value: 0});
        const phase = el('span', {id: 'import-phase', class: 'muted'});
        const report = el('div', {id: 'import-report', class: 'import-report'});
        const submit = el('button', {type: 'submit', class: 'primary', id: 'import-submit'}, t('import.upload'));
        const gridOnly = [el('label', {}, t('import.level'), level), el('label', {}, t('import.validFrom'), validFrom),
            el('label', {class: 'inline'}, dryRun, t('import.dryRun'))];
        const syncTarget = () => gridOnly.forEach(n => { n.hidden = target.value !== 'grid'; });
        target.addEventListener('change', syncTarget);
        const form = el('form', {method: 'dialog', class: 'import-form'},
            el('h3', {}, t('import.title')),
            el('label', {}, t('import.target'), target), gridOnly,
            el('label', {}, t('import.crs'), crs), el('label', {}, t('import.file'), file),
            el('div', {class: 'progress-row'}, progress, phase),
            el('div', {class: 'buttons'}, submit,
                el('button', {type: 'button', onclick: () => this.dialog.close()}, t('import.close'))),
            report);
        syncTarget();
        form.addEventListener('submit', async e => {
            e.preventDefault();
            const f = file.files[0];
            if (!f) return;
            const ext = (f.name.split('.').pop() || '').toLowerCase();
            const params = {crs: crs.value};
            let path;
            if (target.value === 'grid') {
                Object.assign(params, {level: level.value, validFrom: validFrom.value, dryRun: dryRun.checked ? 'true' : ''});
                path = '/api/grids/import';
            } else {
                params.format = FORMATS[ext] || '';
                path = `${REGISTER_TARGETS.find(([id]) => id === target.value)[1]}/import`;
            }
            submit.disabled = true;
            progress.value = 0;
            fill(report);
            fill(phase, t('import.uploading'));
            try {
                const res = await api.upload(path + api.query(params), f, frac => {
                    if (frac === null) progress.removeAttribute('value'); else progress.value = frac;
                    fill(phase, frac === 1 ? t('import.processing') : `${t('import.uploading')} ${frac === null ? '' : Math.round(frac * 100) + '%'}`);
                });
                progress.value = 1;
                fill(phase, res.status < 300 ? t('import.done') : t('import.failed', {status: res.status}));
                fill(report, renderReport(res));
                this.onDone({target: target.value, status: res.status, report: res.json});
            } catch (err) {
                fill(phase, err.message);
            } finally {
                submit.disabled = false;
            }
        });
        fill(this.dialog, form);
        this.dialog.showModal();
    }
}

/** The import report: status, counts, rejections (each with its row or feature number) and warnings. */
export function renderReport(res) {
    const r = res.json;
    if (!r) return el('pre', {}, res.text.slice(0, 2000));
    if (r.title && r.detail && r.status) return el('p', {class: 'error'}, `${r.title}: ${r.detail}`);
    const counts = Object.entries(r).filter(([, v]) => typeof v === 'number' && Number.isFinite(v));
    const rejections = r.rejections || r.errors || [];
    const warnings = r.warnings || [];
    return [
        el('p', {class: `report-status status-${String(r.status).toLowerCase()}`},
            t(`import.status.${String(r.status).toLowerCase()}`, {}, String(r.status)), r.file ? ` · ${r.file}` : ''),
        el('dl', {class: 'kv counts'}, counts.map(([k, v]) => [el('dt', {}, t(`field.${k}`, {}, k)), el('dd', {}, v.toLocaleString())])),
        rejections.length ? [el('h5', {}, `${t('import.rejections')} (${rejections.length})`),
            el('table', {class: 'data rejections'}, el('thead', {}, el('tr', {}, el('th', {}, '#'),
                el('th', {}, t('import.what')), el('th', {}, t('import.reason')))), el('tbody', {}, rejections.slice(0, 500).map(x => el('tr', {},
                el('td', {}, x.feature ?? x.row ?? x.line ?? ''),
                el('td', {}, x.code ?? (x.column ? `${x.column}${x.value ? ` = ${x.value}` : ''}` : '')),
                el('td', {}, x.reason ?? x.message ?? JSON.stringify(x))))))] : null,
        warnings.length ? [el('h5', {}, t('import.warnings')), el('ul', {class: 'list'}, warnings.map(w => el('li', {}, String(w))))] : null,
    ];
}
