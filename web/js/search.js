// Search box: Chinese partial names or codes through GET /api/grids?q=, results as a list;
// choosing one calls onSelect(cell) (the cell as the list API answers it, with its bbox).

import * as api from './api.js';
import {el, fill} from './dom.js';
import {t} from './i18n.js';

export function setupSearch(input, list, onSelect) {
    let timer = null;
    let seq = 0;
    let results = [];
    let active = -1;

    const close = () => {
        list.hidden = true;
        active = -1;
    };

    const choose = cell => {
        close();
        input.value = cell.name;
        onSelect(cell);
    };

    const render = () => {
        if (!results.length) {
            fill(list, el('li', {class: 'empty'}, t('search.none')));
        } else {
            fill(list, results.map((c, i) => el('li', {
                role: 'option', class: i === active ? 'active' : '', 'data-code': c.code,
                onmousedown: e => { e.preventDefault(); choose(c); },
            }, el('span', {class: 'name'}, c.name), el('span', {class: 'meta'},
                `${t(`level.${c.level}`)} · ${c.shortCode || c.code}`))));
        }
        list.hidden = false;
    };

    const run = async () => {
        const q = input.value.trim();
        const mine = ++seq;
        if (!q) {
            close();
            return;
        }
        try {
            const page = await api.get('/api/grids', {q, limit: 20, ...api.gridParams()});
            if (mine !== seq) return;
            results = page.cells;
            active = results.length ? 0 : -1;
            render();
        } catch (e) {
            if (mine !== seq) return;
            fill(list, el('li', {class: 'empty error'}, e.message));
            list.hidden = false;
        }
    };

    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(run, 200);
    });
    input.addEventListener('keydown', e => {
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            if (!results.length) return;
            active = (active + (e.key === 'ArrowDown' ? 1 : results.length - 1)) % results.length;
            render();
            e.preventDefault();
        } else if (e.key === 'Enter') {
            clearTimeout(timer);
            if (!list.hidden && results[active]) choose(results[active]);
            else run();
            e.preventDefault();
        } else if (e.key === 'Escape') {
            close();
        }
    });
    input.addEventListener('blur', () => setTimeout(close, 150));
}
