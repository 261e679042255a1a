// Entry point: sign-in, then the map with the grid tiles, layer switcher, search, side panel,
// planner and import dialog. Load timings go to window.gwTimings (ms since navigation start).

import * as api from './api.js';
import {$, el, fill} from './dom.js';
import {applyI18n, currentLang, setLang, t} from './i18n.js';
import {GridLayers, MAX_ZOOM, versionOf} from './gridlayers.js';
import {RegisterLayers} from './registers.js';
import {LayerSwitcher} from './layerswitcher.js';
import {Overlays} from './overlays.js';
import {setupSearch} from './search.js';
import {CellPanel} from './cellpanel.js';
import {Planner} from './planner.js';
import {Importer} from './importer.js';

const L = window.L;
const timings = window.gwTimings = {};
const OFFICER_LEVEL = {city_officer: 'city', county_officer: 'county', township_officer: 'township',
    village_officer: 'village'};

/** What this server offers beyond the grid, found by asking (a route that does not exist answers 404). */
const PROBES = {
    stations: '/api/monitoring-points', sources: '/api/sources', complaints: '/api/complaints',
    problems: '/api/problems', patrols: '/api/patrols', power_meters: '/api/power-meters', duties: '/api/duties',
    station_chiefs: '/api/station-chiefs', inspectors: '/api/inspectors', stats: '/api/stats',
    plans: '/api/plans', summary: '/api/grids/0/summary',
};

const rerenders = [];

function showLogin(message) {
    $('#app').hidden = true;
    $('#login').hidden = false;
    fill($('#login-message'), message || '');
    $('#login-username').focus();
}

async function login(e) {
    e.preventDefault();
    const button = $('#login-submit');
    button.disabled = true;
    try {
        await api.post('/api/auth/login', {username: $('#login-username').value.trim(), password: $('#login-password').value});
        location.reload();
    } catch (err) {
        fill($('#login-message'), t('login.failed', {detail: err.detail || err.message}));
        button.disabled = false;
    }
}

async function probe(features) {
    const found = await Promise.all(Object.entries(PROBES).map(async ([id, path]) => [id, await api.exists(path)]));
    for (const [id, ok] of found) if (ok) features.add(id);
    timings.probed = performance.now();
}

function setupPanel(map) {
    const panel = $('#panel');
    const toggle = $('#panel-toggle');
    const sync = () => {
        const collapsed = panel.classList.contains('collapsed');
        toggle.textContent = collapsed ? t('panel.expand') : t('panel.collapse');
        toggle.setAttribute('aria-expanded', String(!collapsed));
    };
    toggle.addEventListener('click', () => {
        panel.classList.toggle('collapsed');
        sync();
        setTimeout(() => map.invalidateSize(), 250);
    });
    rerenders.push(sync);
    sync();
    return {
        open() {
            if (panel.classList.contains('collapsed')) toggle.click();
        },
    };
}

function setupTabs(planner) {
    let planShown = false;
    const select = tab => {
        document.querySelectorAll('.tab').forEach(b => b.setAttribute('aria-selected', String(b.dataset.tab === tab)));
        $('#panel-body').hidden = tab !== 'cell';
        $('#plan-body').hidden = tab !== 'plan';
        if (tab === 'plan' && !planShown) {
            planShown = true;
            planner.render();
        }
    };
    document.querySelectorAll('.tab').forEach(b => b.addEventListener('click', () => select(b.dataset.tab)));
    $('#btn-plan').addEventListener('click', () => select('plan'));
    return select;
}

/**
 * me: the signed-in user; early: the settings and the city TileJSON, asked for together with me so
 * the map waits one round trip less (an officer's own level is asked for afterwards).
 */
async function start(me, early) {
    $('#login').hidden = true;
    $('#app').hidden = false;
    fill($('#user'), `${me.user.displayName || me.user.username} (${me.user.role})`);
    const homeLayer = `grid_${OFFICER_LEVEL[me.user.role] || 'city'}`;
    const [config, cityTileJson] = await early;
    api.setGridDate(config.gridDate);
    const tileJson = homeLayer === 'grid_city' ? cityTileJson : await api.get(`/tiles/${homeLayer}.json`);
    const map = L.map('map', {maxZoom: MAX_ZOOM, minZoom: 3});
    map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    const [x0, y0, x1, y1] = tileJson.bounds;
    if (x1 - x0 >= 359) {
        map.setView([28, 113], 5);
        fill($('#panel-body'), el('p', {class: 'error'}, t('map.noGrid')));
    } else {
        map.fitBounds([[y0, x0], [y1, x1]], {padding: [10, 10]});
    }
    let basemap = null;
    if (config.basemap && config.basemap.url) {
        basemap = L.tileLayer(config.basemap.url, {attribution: config.basemap.attribution || '', maxZoom: MAX_ZOOM,
            zIndex: 1, className: 'basemap-tiles'}).addTo(map);
    }
    const grid = new GridLayers(map, versionOf(tileJson), ms => { timings.firstGridTile = ms; },
        ms => { timings.gridLoaded = ms; });
    timings.mapCreated = performance.now();
    window.gwMap = map; // for the browser tests and the console
    window.gwGrid = grid;

    const features = new Set();
    const panelUi = setupPanel(map);
    let panel;
    const registers = new RegisterLayers(map, (register, item) => {
        selectTab('cell');
        panelUi.open();
        panel.showFeature(register.id, item);
    });
    panel = new CellPanel({map, body: $('#panel-body'), crumbs: $('#crumbs'), me, features,
        onProblemChanged: () => { registers.refresh('problems'); overlays.refresh(); }});
    const overlays = new Overlays(map);
    window.gwOverlays = overlays;
    const switcher = new LayerSwitcher(grid, registers, basemap, overlays).addTo(map);
    L.control.scale({imperial: false}).addTo(map);
    // joint plans: planners and administrators; officers plan patrol routes only; others no new plans
    const planKinds = ['admin', 'planner'].includes(me.user.role) ? ['joint', 'patrol']
        : OFFICER_LEVEL[me.user.role] ? ['patrol'] : [];
    const planner = new Planner(map, $('#plan-body'), false, planKinds);
    planner.onPlanMade = () => overlays.refresh(); // the plan_routes and plan_stops overlays show it
    const selectTab = setupTabs(planner);
    map.on('click', e => {
        selectTab('cell');
        panelUi.open();
        panel.locate(e.latlng).catch(err => fill($('#panel-body'), el('p', {class: 'error'}, err.message)));
    });
    setupSearch($('#search'), $('#search-results'), cell => {
        selectTab('cell');
        panelUi.open();
        panel.showCell(cell.code, {fly: true});
    });
    const importer = new Importer($('#import-dialog'), features, async ({target, status}) => {
        if (target === 'grid' && status === 201) {
            grid.setVersion(versionOf(await api.get(`/tiles/${homeLayer}.json`)));
            panel.details.clear();
            overlays.refresh(); // the thematic maps shade the new cells
        } else if (target !== 'grid' && status < 300) {
            registers.refresh();
            overlays.refresh(); // counts per cell (overdue problems, patrol coverage) may have changed
        }
    });
    $('#btn-import').hidden = me.user.role === 'gis_client' || me.user.role === 'inspector';
    $('#btn-import').addEventListener('click', () => importer.open());
    rerenders.push(() => switcher.render(), () => planner.jobs?.relabel(), () => {
        if (panel.current) panel.renderCell(panel.current); else panel.renderIntro();
    });

    // the registers are asked for once the first grid tiles are on their way, so they do not queue ahead
    setTimeout(async () => {
        await probe(features);
        planner.available = features.has('plans');
        if (!$('#plan-body').hidden) planner.render();
        await Promise.all([registers.setAvailable(features), overlays.probe()]);
        if (panel.current) panel.renderCell(panel.current);
    }, 300);
}

async function boot() {
    applyI18n(document);
    api.setUnauthorizedHandler(() => showLogin(t('login.ended')));
    $('#login-form').addEventListener('submit', login);
    $('#btn-lang').addEventListener('click', () => {
        setLang(currentLang() === 'zh' ? 'en' : 'zh');
        rerenders.forEach(fn => fn());
    });
    $('#btn-logout').addEventListener('click', async () => {
        try { await api.post('/api/auth/logout'); } finally { location.reload(); }
    });
    let me;
    const early = Promise.all([api.get('/api/web/config', {}, {quiet: true}),
        api.get('/tiles/grid_city.json', {}, {quiet: true})]);
    early.catch(() => {}); // a 401 here is the same as me's, handled below
    try {
        me = await api.get('/api/auth/me');
    } catch (e) {
        if (e.status === 401) {
            showLogin();
            return;
        }
        throw e;
    }
    timings.signedIn = performance.now();
    await start(me, early);
}

boot().catch(e => {
    document.body.append(el('p', {class: 'fatal error'}, e.message));
    throw e;
});
