// A new plan from the planner tab: the request as JSON (the same body as POST /api/plans/patrol|joint
// and the `gridwatch plan` files, README "Plans"), sent with ?async=true. A 202 answer is a background
// job: it is polled (GET /api/plan-jobs/{id}) and shown with its phase, the solutions found and a bar
// of elapsed time against the solver's time limit, with a cancel button (DELETE); when it is done the
// plan is opened. A server without background jobs answers 200/201 with the plan itself: it is opened
// at once. Simple fields above the JSON (name, date or first day and day count, working hours, service
// minutes) write their keys into it and are read back from it; the JSON stays the full editor (teams,
// targets, solver). Labels carry data-i18n, so a language change relabels the form in place.

import * as api from './api.js';
import {el, fill, isoDate} from './dom.js';
import {t} from './i18n.js';

const POLL_MS = 700;
const ENDED = new Set(['done', 'failed', 'cancelled']);
/** The simple fields: request key, input type, the kinds that have it. */
const FIELDS = [
    {key: 'name', type: 'text', kinds: ['patrol', 'joint']},
    {key: 'date', type: 'date', kinds: ['patrol']},
    {key: 'firstDay', type: 'date', kinds: ['joint']},
    {key: 'dayCount', type: 'number', kinds: ['joint'], min: 1},
    {key: 'workStart', type: 'time', kinds: ['patrol', 'joint']},
    {key: 'workEnd', type: 'time', kinds: ['patrol', 'joint']},
    {key: 'serviceMinutes', type: 'number', kinds: ['patrol', 'joint'], min: 1},
];
/** A label whose text follows the language (applyI18n relabels it). */
const label = key => el('span', {'data-i18n': key}, t(key));

/** A starting point for the request text: the shape of the body, to be filled in. */
export function template(kind) {
    const day = isoDate(new Date(Date.now() + 86400000));
    if (kind === 'patrol') {
        return JSON.stringify({name: '巡查路线', date: day, start: {lon: 113.0, lat: 27.65}, workStart: '08:30',
            workEnd: '17:30', serviceMinutes: 20, targets: [{code: 'T1', name: '检查对象', lon: 113.01, lat: 27.6}]}, null, 2);
    }
    return JSON.stringify({name: '交叉执法', rule: 'county', firstDay: day, dayCount: 2, workStart: '08:30',
        workEnd: '17:30', serviceMinutes: 90,
        teams: [{name: '第一组', members: ['INS001', 'INS002'], start: {lon: 113.0, lat: 27.65}}],
        targets: [{sourceCode: '污染源代码'}, {code: 'P1', name: '河道排口', lon: 113.01, lat: 27.6}]}, null, 2);
}

export class PlanJobs {
    /**
     * onPlan(id): a plan is ready (open it and refresh the list). kinds: the kinds of plan this user
     * may ask for, the default first (officers: patrol only; the server still checks each request).
     */
    constructor(onPlan, kinds = ['joint', 'patrol']) {
        this.onPlan = onPlan;
        this.kinds = kinds;
        this.job = null;
        this.shown = null;
        this.timer = null;
    }

    /** The "new plan" form and the job box, for the planner tab. */
    render() {
        const kind = el('select', {id: 'plan-kind'},
            this.kinds.map(k => el('option', {value: k, 'data-i18n': `plan.kind.${k}`}, t(`plan.kind.${k}`))));
        const text = el('textarea', {id: 'plan-request', rows: 10, spellcheck: 'false'}, template(kind.value));
        const inputs = FIELDS.map(f => ({...f, input: el('input', {id: `plan-f-${f.key}`, type: f.type, min: f.min,
            'data-key': f.key})}));
        const rows = inputs.map(f => el('label', {class: 'plan-field'}, label(`plan.f.${f.key}`), f.input));
        const fromText = () => { // the fields show what the JSON says; hidden when this kind has no such key
            let body = null;
            try { body = JSON.parse(text.value); } catch (e) { /* being edited: the fields keep their values */ }
            inputs.forEach((f, i) => {
                rows[i].hidden = !f.kinds.includes(kind.value);
                if (body && typeof body === 'object') f.input.value = body[f.key] ?? '';
            });
        };
        const toText = f => {
            let body;
            try {
                body = JSON.parse(text.value);
            } catch (e) {
                this.show({status: 'failed', error: {message: t('plan.badJson', {detail: e.message})}});
                return;
            }
            const v = f.input.value.trim();
            if (v === '') delete body[f.key];
            else body[f.key] = f.type === 'number' ? Number(v) : v;
            text.value = JSON.stringify(body, null, 2);
        };
        inputs.forEach(f => f.input.addEventListener('input', () => toText(f)));
        text.addEventListener('input', fromText);
        kind.addEventListener('change', () => { text.value = template(kind.value); fromText(); });
        fromText();
        this.box = el('div', {id: 'plan-job', class: 'plan-job', hidden: true});
        const form = el('form', {class: 'plan-new-form'}, el('label', {}, label('plan.newKind'), kind),
            el('div', {class: 'plan-fields'}, rows),
            el('label', {}, label('plan.request'), text),
            el('button', {id: 'plan-submit', type: 'submit', class: 'primary', 'data-i18n': 'plan.submit'}, t('plan.submit')));
        form.addEventListener('submit', e => { e.preventDefault(); this.submit(kind.value, text.value); });
        return el('details', {class: 'plan-new'}, el('summary', {'data-i18n': 'plan.new'}, t('plan.new')), form, this.box);
    }

    /** After a language change: the job box in the new language (the form's labels follow data-i18n). */
    relabel() {
        if (this.shown) this.show(this.shown);
    }

    async submit(kind, text) {
        let body;
        try {
            body = JSON.parse(text);
        } catch (e) {
            this.show({status: 'failed', error: {message: t('plan.badJson', {detail: e.message})}});
            return;
        }
        this.stop();
        this.show({status: 'queued'});
        let answer;
        try {
            answer = await api.postWithStatus(`/api/plans/${kind}?async=true`, body);
        } catch (e) {
            this.show({status: 'failed', error: {status: e.status, message: e.message}});
            return;
        }
        if (answer.status === 202) {
            this.job = answer.json;
            this.poll();
        } else { // a server without background jobs planned it right away
            this.show({status: 'done', plan: {id: answer.json.id}});
            this.onPlan(answer.json.id);
        }
    }

    async poll() {
        const job = this.job;
        if (!job) return;
        let now;
        try {
            now = await api.get(job.href);
        } catch (e) {
            this.show({status: 'failed', error: {status: e.status, message: e.message}});
            return;
        }
        if (this.job !== job) return; // another submission took over
        this.show(now);
        if (now.status === 'done') {
            this.job = null;
            this.onPlan(now.plan.id);
        } else if (ENDED.has(now.status)) {
            this.job = null;
        } else {
            this.timer = setTimeout(() => this.poll(), POLL_MS);
        }
    }

    async cancel() {
        const job = this.job;
        if (!job) return;
        try {
            await api.del(job.href);
        } catch (e) {
            if (e.status !== 409) { // 409: it ended meanwhile; the next poll shows how
                this.show({status: 'failed', error: {status: e.status, message: e.message}});
                return;
            }
        }
        clearTimeout(this.timer);
        this.poll();
    }

    stop() {
        clearTimeout(this.timer);
        this.job = null;
    }

    /** Shows a job as GET /api/plan-jobs/{id} answers it. */
    show(job) {
        if (!this.box) return;
        this.shown = job;
        const p = job.progress || {};
        const limit = Number(p.limitMs) || 0;
        const elapsed = Number(p.elapsedMs) || 0;
        const running = !ENDED.has(job.status);
        const secs = ms => (ms / 1000).toFixed(ms < 10000 ? 1 : 0);
        this.box.hidden = false;
        this.box.dataset.status = job.status;
        fill(this.box,
            el('p', {class: `job-status status-${job.status}`}, t(`plan.job.${job.status}`),
                p.phase ? el('span', {class: 'muted'}, ` · ${t(`plan.phase.${p.phase}`, {}, p.phase)}`) : null),
            running || limit ? el('div', {class: 'progress-row'},
                el('progress', {id: 'plan-job-progress', max: 1, value: limit ? Math.min(1, elapsed / limit) : 0}),
                el('span', {id: 'plan-job-time', class: 'muted'}, t('plan.job.time', {elapsed: secs(elapsed),
                    limit: limit ? secs(limit) : '?', solutions: p.solutions ?? 0}))) : null,
            running && this.job ? el('button', {id: 'plan-job-cancel', type: 'button', onclick: () => this.cancel()},
                t('plan.job.cancel')) : null,
            job.error ? el('p', {class: 'error'}, job.error.message || '') : null);
    }
}
