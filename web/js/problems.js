// Problems in the side panel: open problems of a cell (overdue first and highlighted), one problem's
// history, and the form that changes its status (POST /api/problems/{id}/transitions).

import * as api from './api.js';
import {el, field, fill, formatTime} from './dom.js';
import {t} from './i18n.js';
import {isOpen, isOverdue} from './registers.js';

/**
 * The lifecycle (issue 4): found → assigned → rectifying → verified → closed, closed without a fix
 * (with a reason), and reopening back to assigned. The server has the last word (409 names the
 * allowed moves); this only decides which choices to offer.
 */
const NEXT = {
    found: ['assigned', 'closed_unfixed'],
    assigned: ['rectifying', 'closed_unfixed'],
    rectifying: ['verified', 'assigned', 'closed_unfixed'],
    verified: ['closed', 'assigned'],
    closed: ['assigned'],
    closed_unfixed: ['assigned'],
};

/** The statuses of a problem not yet finished, for the list APIs' status filter. */
export const OPEN_STATUSES = 'found,assigned,rectifying,verified';

const EDITORS = new Set(['admin', 'city_officer', 'county_officer', 'township_officer', 'village_officer']);

/** Whether the signed-in user's role may change problems at all (the server checks jurisdiction). */
export const mayChangeProblems = me => EDITORS.has(me.user.role);

/** The statuses a problem may move to: the server's list when it sends one, else the lifecycle's. */
export function nextStatuses(p) {
    const fromServer = field(p, 'allowedTransitions', 'next');
    return Array.isArray(fromServer) ? fromServer : (NEXT[field(p, 'status')] || []);
}

function statusBadge(p) {
    const overdue = isOverdue(p);
    return el('span', {class: `badge status-${field(p, 'status')}${overdue ? ' overdue' : ''}`},
        t(`status.${field(p, 'status')}`), overdue ? ` · ${t('problem.overdue')}` : '');
}

/** The open problems of a cell, overdue first, then by deadline. onOpen(problem) shows one. */
export function problemList(items, onOpen) {
    const open = items.filter(isOpen).sort((a, b) => {
        const o = Number(isOverdue(b)) - Number(isOverdue(a));
        if (o) return o;
        const da = field(a, 'deadline') || '9999', db = field(b, 'deadline') || '9999';
        return String(da).localeCompare(String(db));
    });
    if (!open.length) return el('p', {class: 'muted'}, t('problem.noneOpen'));
    return el('ul', {class: 'list problems'}, open.map(p => el('li', {
        class: isOverdue(p) ? 'overdue' : '', 'data-problem': field(p, 'id'),
    }, el('a', {href: '#', onclick: e => { e.preventDefault(); onOpen(p); }},
        field(p, 'title', 'code')), ' ', statusBadge(p),
    el('div', {class: 'meta'}, field(p, 'deadline') ? `${t('problem.deadline')} ${formatTime(field(p, 'deadline'))}` : ''))));
}

/**
 * One problem with its transitions and, when allowed, the status form. onChanged(updated) after a
 * successful change.
 */
export function problemDetail(p, me, onChanged) {
    const box = el('div', {class: 'problem-detail', 'data-problem': field(p, 'id')});
    const rows = [
        [t('problem.code'), field(p, 'code')],
        [t('problem.status'), statusBadge(p)],
        [t('problem.origin'), field(p, 'origin') && t(`origin.${field(p, 'origin')}`, {}, field(p, 'origin'))],
        [t('problem.foundAt'), formatTime(field(p, 'foundAt', 'found_at'))],
        [t('problem.deadline'), formatTime(field(p, 'deadline'))],
        [t('problem.assignee'), field(p, 'assignee')],
        [t('problem.description'), field(p, 'description')],
    ].filter(r => r[1]);
    box.append(el('h3', {}, field(p, 'title', 'code')),
        el('dl', {class: 'kv'}, rows.map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])));
    const transitions = field(p, 'transitions') || [];
    if (transitions.length) {
        box.append(el('h4', {}, t('problem.history')), el('ol', {class: 'list history'}, transitions.map(tr =>
            el('li', {}, `${formatTime(field(tr, 'at'))} `,
                el('b', {}, t(`status.${field(tr, 'to', 'toStatus', 'to_status')}`)),
                ` · ${field(tr, 'actor') || ''}`, field(tr, 'note') ? ` · ${field(tr, 'note')}` : ''))));
    }
    const next = nextStatuses(p);
    if (mayChangeProblems(me) && next.length) box.append(transitionForm(p, next, onChanged));
    return box;
}

function transitionForm(p, next, onChanged) {
    const select = el('select', {name: 'to', 'data-role': 'to'},
        next.map(s => el('option', {value: s}, t(`status.${s}`))));
    const note = el('input', {name: 'note', type: 'text', placeholder: t('problem.note'), maxlength: 4000});
    const assignee = el('input', {name: 'assignee', type: 'text', placeholder: t('problem.assignee'),
        value: field(p, 'assignee') || ''});
    const reason = el('input', {name: 'reason', type: 'text', placeholder: t('problem.reason'), maxlength: 4000});
    const message = el('p', {class: 'form-message', role: 'status'});
    const button = el('button', {type: 'submit', class: 'primary'}, t('problem.change'));
    const form = el('form', {class: 'transition-form'}, el('h4', {}, t('problem.changeStatus')),
        select, assignee, reason, note, button, message);
    const sync = () => {
        assignee.hidden = select.value !== 'assigned';
        reason.hidden = select.value !== 'closed_unfixed';
    };
    select.addEventListener('change', sync);
    sync();
    form.addEventListener('submit', async e => {
        e.preventDefault();
        button.disabled = true;
        fill(message, t('problem.saving'));
        // expected: refused (409) if someone else moved the problem since this page read it
        const body = {to: select.value, expected: field(p, 'status')};
        if (note.value.trim()) body.note = note.value.trim();
        if (select.value === 'assigned' && assignee.value.trim()) body.assignee = assignee.value.trim();
        if (select.value === 'closed_unfixed' && reason.value.trim()) body.reason = reason.value.trim();
        try {
            await api.post(`/api/problems/${encodeURIComponent(field(p, 'id'))}/transitions`, body);
            const updated = await api.get(`/api/problems/${encodeURIComponent(field(p, 'id'))}`);
            onChanged(updated);
        } catch (err) {
            message.classList.add('error');
            fill(message, err.message);
            button.disabled = false;
        }
    });
    return form;
}
