// Small DOM helpers. Text always goes in as text nodes (never innerHTML), so names from the
// database cannot inject markup.

/** el('div', {class: 'x', onclick: fn, dataset: {code: '1'}}, 'text', childNode, [more]) */
export function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'dataset') Object.assign(node.dataset, v);
        else if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
        else if (k === 'style' && typeof v === 'object') Object.assign(node.style, v);
        else if (v === true) node.setAttribute(k, '');
        else node.setAttribute(k, String(v));
    }
    append(node, children);
    return node;
}

function append(node, children) {
    for (const c of children) {
        if (c === null || c === undefined || c === false) continue;
        if (Array.isArray(c)) append(node, c);
        else node.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
    }
}

/** Replaces the children of node. */
export function fill(node, ...children) {
    node.replaceChildren();
    append(node, children);
    return node;
}

export const $ = (sel, root = document) => root.querySelector(sel);

/** The first of the named fields that an object has (APIs differ in camelCase and snake_case). */
export function field(obj, ...names) {
    if (!obj) return undefined;
    for (const n of names) {
        if (obj[n] !== undefined && obj[n] !== null) return obj[n];
    }
    return undefined;
}

/** yyyy-mm-dd hh:mm in local time, or '' */
export function formatTime(value) {
    if (!value) return '';
    if (/^\d{4}-\d{2}-\d{2}$/.test(String(value))) return String(value);
    const d = new Date(value);
    if (Number.isNaN(d.getTime())) return String(value);
    const p = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function isoDate(d) {
    const p = n => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
