// 「超期代跑」: overdue proxy-runs for 督考办 and 工作专班, on the Cockpit dashboard and as a tab of each instance.
// Plain JavaScript, no build step. Data comes from the application API (/api/supervision), read with the
// Cockpit session (the API accepts it for GET only). Every value from the API goes in as text, never as HTML.

const base = document.querySelector('base');
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
// /api sits next to the webapps (application path /camunda) under the same context path
const API = appRoot.replace(/\/camunda\/?$/, '') + '/api';
const PAGE_SIZE = 20;

const LEVELS = { 0: '未督办', 1: '一级督办', 2: '二级督办', 3: '三级督办' };
const CARDS = { YELLOW: '黄牌', RED: '红牌' };
const ONLY_WATCHERS = '仅督考办和工作专班可查看超期代跑办件。';

/** Builds an element; string and number children become text nodes, so nothing is ever parsed as HTML. */
function el(tag, attributes, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes || {})) {
		if (value === null || value === undefined || value === false) {
			continue;
		}
		if (name === 'className') {
			node.className = value;
		} else if (name.startsWith('on')) {
			node.addEventListener(name.substring(2), value);
		} else {
			node.setAttribute(name, value);
		}
	}
	for (const child of children.flat()) {
		if (child === null || child === undefined || child === false) {
			continue;
		}
		node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
	}
	return node;
}

function clear(node) {
	while (node.firstChild) {
		node.removeChild(node.firstChild);
	}
}

/** GET as the logged-in Cockpit user; answers { status, body } and never throws for HTTP errors. */
async function getJson(path, signal) {
	const response = await fetch(API + path, {
		credentials: 'same-origin',
		headers: { Accept: 'application/json' },
		signal
	});
	let body = null;
	if ((response.headers.get('Content-Type') || '').includes('json')) {
		body = await response.json().catch(() => null);
	}
	return { status: response.status, body };
}

function problemText(result, notFound) {
	if (result.status === 401) {
		return '登录已失效，请刷新页面重新登录。';
	}
	if (result.status === 403) {
		return ONLY_WATCHERS;
	}
	if (result.status === 404 && notFound) {
		return notFound;
	}
	return '暂时无法加载（HTTP ' + result.status + '），请稍后再试。';
}

/** Only links into this site: a path, never a scheme such as javascript:. */
function safeLocalUrl(url) {
	return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : null;
}

function cardBadge(card) {
	if (!CARDS[card]) {
		return '';
	}
	return el('span', { className: 'zpp-card zpp-card-' + card.toLowerCase() }, CARDS[card]);
}

function levelText(level) {
	return LEVELS[level] || (level === null || level === undefined ? '' : level + ' 级');
}

/** 2026-12-02T18:00:00+08:00 → 2026-12-02 18:00 in Beijing time, whatever the browser's zone. */
function beijingTime(iso) {
	if (!iso) {
		return '';
	}
	const date = new Date(iso);
	if (isNaN(date.getTime())) {
		return String(iso);
	}
	const parts = {};
	new Intl.DateTimeFormat('zh-CN', {
		timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
		hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
	}).formatToParts(date).forEach(part => { parts[part.type] = part.value; });
	return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

// ---------------------------------------------------------------- dashboard: the overdue list

const dashboards = new Set();

function renderDashboard(node) {
	const state = { township: '', department: '', level: '', page: 0, request: 0, aborter: null };
	// options only grow: the counts of one answer may cover just the filtered runs
	const townships = new Map();
	const issuers = new Map();

	const townshipSelect = el('select', { className: 'form-control input-sm', id: 'zpp-filter-township' });
	const issuerSelect = el('select', { className: 'form-control input-sm', id: 'zpp-filter-issuer' });
	const levelSelect = el('select', { className: 'form-control input-sm', id: 'zpp-filter-level' },
		el('option', { value: '' }, '全部'),
		Object.entries(LEVELS).map(([value, label]) => el('option', { value }, label)));
	const message = el('p', { className: 'zpp-message', role: 'status' });
	const table = el('div', { className: 'zpp-table' });
	const pager = el('div', { className: 'zpp-pager' });
	const byTownship = el('div', { className: 'zpp-counts' });
	const byIssuer = el('div', { className: 'zpp-counts' });

	function fillOptions(select, known, selected) {
		clear(select);
		select.appendChild(el('option', { value: '' }, '全部'));
		[...known.entries()]
			.sort((a, b) => a[1].localeCompare(b[1], 'zh-CN'))
			.forEach(([code, name]) => select.appendChild(el('option', { value: code }, name)));
		select.value = selected;
	}

	function remember(known, groups) {
		(groups || []).forEach(group => {
			if (group && group.code) {
				known.set(group.code, group.name || group.code);
			}
		});
	}

	function filterBy(key, code) {
		state[key] = code;
		state.page = 0;
		load();
	}

	const onChange = (key, select) => () => filterBy(key, select.value);
	townshipSelect.addEventListener('change', onChange('township', townshipSelect));
	issuerSelect.addEventListener('change', onChange('department', issuerSelect));
	levelSelect.addEventListener('change', onChange('level', levelSelect));

	node.appendChild(el('section', { className: 'zpp-overdue' },
		el('h2', null, '超期代跑'),
		el('form', { className: 'form-inline zpp-filters', onsubmit: event => event.preventDefault() },
			el('label', { for: 'zpp-filter-township' }, '乡镇'), townshipSelect,
			el('label', { for: 'zpp-filter-issuer' }, '出证单位'), issuerSelect,
			el('label', { for: 'zpp-filter-level' }, '督办级别'), levelSelect),
		message,
		table,
		pager,
		el('div', { className: 'zpp-summary' },
			el('div', null, el('h3', null, '按乡镇统计'), byTownship),
			el('div', null, el('h3', null, '按出证单位统计'), byIssuer))));

	function renderItems(items) {
		clear(table);
		if (!items.length) {
			table.appendChild(el('p', { className: 'zpp-empty' }, '暂无超期代跑办件。'));
			return;
		}
		const head = ['办件编号', '申请人', '证明', '乡镇', '代跑群组', '代跑员', '办结期限', '超期工作日', '预警', '督办级别'];
		table.appendChild(el('table', { className: 'table table-striped table-condensed cam-table' },
			el('thead', null, el('tr', null, head.map(title =>
				el('th', { className: title === '超期工作日' ? 'zpp-number' : null }, title)))),
			el('tbody', null, items.map(item => {
				const href = safeLocalUrl(item.cockpitUrl);
				return el('tr', null,
					el('td', null, href ? el('a', { href }, item.caseNo) : item.caseNo),
					// 「个人」 or 「企业：」 with the company's name; the list names no person
					el('td', { className: 'zpp-applicant' }, item.applicant || '个人'),
					el('td', { title: item.certificateCode }, item.certificateName),
					el('td', null, item.townshipName),
					el('td', null, item.runnerGroup),
					el('td', null, item.runner || el('span', { className: 'zpp-muted' }, '未认领')),
					el('td', { title: beijingTime(item.dueAt) }, item.deadline),
					el('td', { className: 'zpp-number' }, item.workingDaysOverdue),
					el('td', null, cardBadge(item.card)),
					el('td', null, levelText(item.escalationLevel)));
			}))));
	}

	function renderPager(answer) {
		clear(pager);
		const totalPages = answer.totalPages || 0;
		if (totalPages <= 1) {
			pager.appendChild(el('span', null, `共 ${answer.totalItems || 0} 件`));
			return;
		}
		const go = page => () => {
			state.page = page;
			load();
		};
		pager.appendChild(el('button', { type: 'button', className: 'btn btn-default btn-sm',
			disabled: state.page <= 0, onclick: go(state.page - 1) }, '上一页'));
		pager.appendChild(el('span', null, `第 ${state.page + 1} / ${totalPages} 页，共 ${answer.totalItems} 件`));
		pager.appendChild(el('button', { type: 'button', className: 'btn btn-default btn-sm',
			disabled: state.page >= totalPages - 1, onclick: go(state.page + 1) }, '下一页'));
	}

	function renderCounts(target, groups, key, nameTitle) {
		clear(target);
		if (!groups || !groups.length) {
			target.appendChild(el('p', { className: 'zpp-muted' }, '无'));
			return;
		}
		target.appendChild(el('table', { className: 'table table-condensed cam-table' },
			el('thead', null, el('tr', null, el('th', null, nameTitle),
				el('th', { className: 'zpp-number' }, '黄牌'), el('th', { className: 'zpp-number' }, '红牌'))),
			el('tbody', null, groups.map(group => el('tr', null,
				el('td', null, el('button', { type: 'button', className: 'btn btn-link btn-xs',
					title: '只看' + (group.name || group.code), onclick: () => filterBy(key, group.code) },
					group.name || group.code)),
				el('td', { className: 'zpp-number' }, group.yellow || 0),
				el('td', { className: 'zpp-number' }, group.red || 0))))));
	}

	async function load() {
		const request = ++state.request;
		if (state.aborter) {
			state.aborter.abort();
		}
		state.aborter = new AbortController();
		const query = new URLSearchParams();
		if (state.township) {
			query.set('township', state.township);
		}
		if (state.department) {
			query.set('department', state.department);
		}
		if (state.level !== '') {
			query.set('level', state.level);
		}
		query.set('page', state.page);
		query.set('size', PAGE_SIZE);
		message.textContent = '加载中…';
		let result;
		try {
			result = await getJson('/supervision/overdue?' + query, state.aborter.signal);
		} catch (error) {
			if (error.name === 'AbortError') {
				return;
			}
			result = { status: 0, body: null };
		}
		if (request !== state.request) {
			return;
		}
		if (result.status !== 200 || !result.body) {
			message.textContent = result.status === 0 ? '网络异常，暂时无法加载。' : problemText(result);
			message.className = 'zpp-message zpp-problem';
			clear(table);
			clear(pager);
			renderCounts(byTownship, [], 'township', '乡镇');
			renderCounts(byIssuer, [], 'department', '出证单位');
			return;
		}
		const answer = result.body;
		message.textContent = '';
		message.className = 'zpp-message';
		remember(townships, answer.byTownship);
		remember(issuers, answer.byIssuer);
		fillOptions(townshipSelect, townships, state.township);
		fillOptions(issuerSelect, issuers, state.department);
		renderItems(answer.items || []);
		renderPager(answer);
		renderCounts(byTownship, answer.byTownship, 'township', '乡镇');
		renderCounts(byIssuer, answer.byIssuer, 'department', '出证单位');
	}

	// every township is a filter choice even before it has an overdue run
	getJson('/divisions').then(result => {
		if (result.status === 200 && Array.isArray(result.body)) {
			remember(townships, result.body);
			fillOptions(townshipSelect, townships, state.township);
		}
	}).catch(() => { /* the list's own error says enough */ });
	fillOptions(townshipSelect, townships, '');
	fillOptions(issuerSelect, issuers, '');
	load();
	return state;
}

// ---------------------------------------------------------------- process instance tab: 代跑详情

/** A person: name, masked ID number and phone; a company: its name and credit code, the contact and masked phone. */
function applicantFacts(run, fact) {
	const given = (term, value) => (value ? fact(term, value) : []);
	// flat: el() flattens one level of children, and each fact is a pair already
	if (run.applicantType === 'COMPANY') {
		return [fact('申请人类型', '企业'), given('企业名称', run.applicantName), given('统一社会信用代码', run.creditCode),
			given('联系人', run.contactName), given('联系电话', run.phone)].flat();
	}
	return [given('申请人', run.applicantName), given('身份证号', run.idNumber), given('手机号', run.phone)].flat();
}

const tabs = new Set();

function renderDetails(node, processInstanceId) {
	const aborter = new AbortController();
	const content = el('div', { className: 'zpp-details' }, el('p', { className: 'zpp-message' }, '加载中…'));
	node.appendChild(content);

	getJson('/supervision/process-instances/' + encodeURIComponent(processInstanceId), aborter.signal)
		.then(result => {
			clear(content);
			if (result.status !== 200 || !result.body) {
				content.appendChild(el('p', { className: 'zpp-message zpp-problem' },
					problemText(result, '该流程实例不是代跑办件')));
				return;
			}
			const run = result.body;
			const fact = (term, ...value) => [el('dt', null, term), el('dd', null, ...value)];
			content.appendChild(el('dl', { className: 'dl-horizontal zpp-facts' },
				fact('办件编号', run.caseNo),
				fact('状态', run.stateLabel || run.state),
				applicantFacts(run, fact),
				fact('证明', run.certificateName, run.certificateCode ? ` （${run.certificateCode}）` : ''),
				fact('乡镇 / 村', [run.townshipName || run.townshipCode, run.villageName || run.villageCode]
					.filter(Boolean).join(' / ')),
				fact('出证单位', run.issuerName),
				fact('代跑群组', run.runnerGroup),
				fact('代跑员', run.runner || '未认领'),
				fact('办结期限', run.deadline, run.dueAt ? ` （${beijingTime(run.dueAt)} 前）` : ''),
				fact('预警', run.card ? cardBadge(run.card) : '无'),
				fact('超期工作日', run.workingDaysOverdue ?? 0),
				fact('督办级别', levelText(run.escalationLevel))));
			const steps = run.steps || [];
			content.appendChild(el('h3', null, '办理经过'));
			if (!steps.length) {
				content.appendChild(el('p', { className: 'zpp-muted' }, '暂无记录'));
				return;
			}
			content.appendChild(el('table', { className: 'table table-striped table-condensed cam-table' },
				el('thead', null, el('tr', null, ['环节', '办理人', '时间', '备注'].map(t => el('th', null, t)))),
				el('tbody', null, steps.map(step => el('tr', null,
					el('td', { title: step.step }, step.label || step.step),
					el('td', null, step.actor),
					el('td', null, beijingTime(step.at)),
					el('td', null, step.note))))));
		})
		.catch(error => {
			if (error.name !== 'AbortError') {
				clear(content);
				content.appendChild(el('p', { className: 'zpp-message zpp-problem' }, '网络异常，暂时无法加载。'));
			}
		});
	return { aborter };
}

export default [
	{
		id: 'overdue-runs-dashboard',
		pluginPoint: 'cockpit.dashboard',
		priority: 10,
		render: node => {
			dashboards.add(renderDashboard(node));
		},
		// Cockpit calls unmount without arguments: stop whatever is still loading
		unmount: () => {
			dashboards.forEach(state => {
				state.request++;
				if (state.aborter) {
					state.aborter.abort();
				}
			});
			dashboards.clear();
		}
	},
	{
		id: 'overdue-runs-details',
		pluginPoint: 'cockpit.processInstance.runtime.tab',
		priority: 10,
		properties: { label: '代跑详情' },
		render: (node, { processInstanceId }) => {
			tabs.add(renderDetails(node, processInstanceId));
		},
		unmount: () => {
			tabs.forEach(tab => tab.aborter.abort());
			tabs.clear();
		}
	}
];
