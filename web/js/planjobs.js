// A new plan from the planner tab: the request as JSON (the same body as POST /api/plans/patrol|joint
// and the `gridwatch plan` files, README "Plans"), sent with ?async=true. A 202 answer is a background
// job: it is polled (GET /api/plan-jobs/{id}) and shown with its phase, the solutions found and a bar
// of elapsed time against the solver's time limit, with a cancel button (DELETE); when it is done the
// plan is opened. A server without background jobs answers 200/201 with the plan itself: it is opened
// at once.

import * as api from './api.js';
import {el, fill, isoDate} from './dom.js';
import {t} from './i18n.js';

const POLL_MS = 700;
const ENDED = new Set(['done', 'failed', 'cancelled']);

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
    /** onPlan(id): a plan is ready (open it and refresh the list). */
    constructor(onPlan) {
        this.onPlan = onPlan;
        this.job = null;
        this.timer = null;
    }

    /** The "new plan" form and the job box, for the planner tab. */
    render() {
        const kind = el('select', {id: 'plan-kind'},
            el('option', {value: 'joint'}, t('plan.kind.joint')), el('option', {value: 'patrol'}, t('plan.kind.patrol')));
        const text = el('textarea', {id: 'plan-request', rows: 10, spellcheck: 'false'}, template('joint'));
        kind.addEventListener('change', () => { text.value = template(kind.value); });
        this.box = el('div', {id: 'plan-job', class: 'plan-job', hidden: true});
        const form = el('form', {class: 'plan-new-form'}, el('label', {}, t('plan.newKind'), kind),
            el('label', {}, t('plan.request'), text),
            el('button', {id: 'plan-submit', type: 'submit', class: 'primary'}, t('plan.submit')));
        form.addEventListener('submit', e => { e.preventDefault(); this.submit(kind.value, text.value); });
        return el('details', {class: 'plan-new'}, el('summary', {}, t('plan.new')), form, this.box);
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
