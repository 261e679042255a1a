// The page talks to gridwatch only through its documented HTTP API (README "HTTP API").
// Every call sends X-Requested-With, so a 401 never pops up the browser's password dialog,
// and the gw_session cookie (same origin) authenticates it.

export class ApiError extends Error {
    constructor(status, title, detail) {
        super(detail || title || `HTTP ${status}`);
        this.status = status;
        this.title = title;
        this.detail = detail;
    }

    /** True when the server has no such route at all (a feature not built or not deployed yet). */
    get missingRoute() {
        return this.status === 404 && /^(no such resource|Endpoint \S+ \S+ not found)/.test(this.detail || '');
    }
}

let onUnauthorized = () => {};
let gridDate = null;

/**
 * The day whose grid the map draws (the server's /api/web/config gridDate): search and cell details
 * ask for the cells valid on it, so a cell valid only from a later date (未生效) is never offered
 * without an outline on the map, and a click, the tiles and search agree.
 */
export function setGridDate(date) {
    gridDate = date || null;
}

/** {date} for grid requests (empty before the date is known: the current cells). */
export const gridParams = () => (gridDate ? {date: gridDate} : {});

/** Called when any request answers 401 (session ended): the page shows the sign-in form. */
export function setUnauthorizedHandler(fn) {
    onUnauthorized = fn;
}

export function query(params) {
    const q = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
        if (v !== null && v !== undefined && v !== '') q.set(k, v);
    }
    const s = q.toString();
    return s ? `?${s}` : '';
}

/** quiet: a 401 is only thrown, not reported as an ended session (requests made before sign-in is known). */
async function request(method, path, body, quiet = false, withStatus = false) {
    const headers = {'X-Requested-With': 'XMLHttpRequest', 'Accept': 'application/json'};
    const init = {method, headers, credentials: 'same-origin'};
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const res = await fetch(path, init);
    const text = await res.text();
    let json = null;
    if (text) {
        try { json = JSON.parse(text); } catch (e) { json = null; }
    }
    if (!res.ok) {
        if (res.status === 401 && path !== '/api/auth/login' && !quiet) onUnauthorized();
        throw new ApiError(res.status, json && json.title, json && json.detail || text.slice(0, 300));
    }
    return withStatus ? {status: res.status, json} : json;
}

export const get = (path, params, {quiet = false} = {}) => request('GET', path + query(params), undefined, quiet);
export const post = (path, body) => request('POST', path, body === undefined ? {} : body);
/** A POST answered with its status ({status, json}): 202 (queued job) and 201 (done) mean different things. */
export const postWithStatus = (path, body) => request('POST', path, body, false, true);
export const del = path => request('DELETE', path);

/**
 * Whether a feature's endpoint exists on this server: anything but "no such resource" counts
 * (a 400 for a missing parameter still proves the route is there).
 */
export async function exists(path) {
    try {
        await get(path, {limit: 1});
        return true;
    } catch (e) {
        if (e instanceof ApiError) return !e.missingRoute;
        return false;
    }
}

/**
 * Uploads a file as multipart field "file" with XMLHttpRequest, for its upload progress events.
 * onProgress(fraction 0..1 or null when unknown). Resolves {status, json, text} for any HTTP status
 * (an import report comes with 422 too); rejects on network failure.
 */
export function upload(path, file, onProgress) {
    return new Promise((resolve, reject) => {
        const xhr = new XMLHttpRequest();
        xhr.open('POST', path);
        xhr.setRequestHeader('X-Requested-With', 'XMLHttpRequest');
        xhr.setRequestHeader('Accept', 'application/json');
        xhr.upload.onprogress = e => onProgress(e.lengthComputable ? e.loaded / e.total : null);
        xhr.upload.onload = () => onProgress(1);
        xhr.onerror = () => reject(new Error('network error'));
        xhr.onload = () => {
            let json = null;
            try { json = JSON.parse(xhr.responseText); } catch (e) { json = null; }
            if (xhr.status === 401) onUnauthorized();
            resolve({status: xhr.status, json, text: xhr.responseText});
        };
        const form = new FormData();
        form.append('file', file, file.name);
        xhr.send(form);
    });
}
