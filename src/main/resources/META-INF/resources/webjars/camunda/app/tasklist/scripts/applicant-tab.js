// 「申请人」: a tab next to each task's form. Task forms show process variables only, and those never carry
// personal data (docs/security.md); this tab reads the case from the application API with the Tasklist session
// (GET only). Everybody who sees the task sees the name with the ID number and phone masked; the issuing clerks of
// an open run may reveal the full ones, and every reveal is recorded.

const base = document.querySelector('base');
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const engine = (base && base.getAttribute('engine-name')) || 'default';
// /api sits next to the webapps (application path /camunda) under the same context path
const API = appRoot.replace(/\/camunda\/?$/, '') + '/api';

/** Builds an element; strings become text nodes, so nothing from the API is ever parsed as HTML. */
function el(tag, attributes, ...children) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes || {})) {
		if (name === 'className') {
			node.className = value;
		} else if (name.startsWith('on')) {
			node.addEventListener(name.substring(2), value);
		} else {
			node.setAttribute(name, value);
		}
	}
	for (const child of children.flat()) {
		if (child !== null && child !== undefined) {
			node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
		}
	}
	return node;
}

async function getJson(url) {
	const response = await fetch(url, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
	const json = (response.headers.get('Content-Type') || '').includes('json');
	return { status: response.status, body: json ? await response.json().catch(() => null) : null };
}

function facts(person) {
	const fact = (term, value) => [el('dt', null, term), el('dd', { className: 'zpp-' + term }, value || '—')];
	return el('dl', { className: 'dl-horizontal zpp-applicant' },
		fact('申请人', person.applicantName), fact('身份证号', person.idNumber), fact('手机号', person.phone));
}

async function render(node, taskId) {
	const message = text => el('p', { className: 'zpp-message' }, text);
	node.appendChild(message('加载中…'));
	const variable = await getJson(`${appRoot}/api/engine/engine/${encodeURIComponent(engine)}/task/`
		+ `${encodeURIComponent(taskId)}/variables/caseNo`);
	const caseNo = variable.status === 200 && variable.body ? String(variable.body.value || '') : '';
	const path = caseNo.startsWith('DP') ? '/proxy-runs/' : caseNo.startsWith('BJ') ? '/applications/' : null;
	node.replaceChildren();
	if (!path) {
		node.appendChild(message('此任务没有申请人信息。'));
		return;
	}
	const found = await getJson(API + path + encodeURIComponent(caseNo));
	if (found.status !== 200 || !found.body) {
		node.appendChild(message(found.status === 401 ? '登录已失效，请刷新页面重新登录。' : '暂时无法加载申请人信息。'));
		return;
	}
	const shown = facts(found.body);
	node.append(el('p', { className: 'zpp-muted' }, '身份证号和手机号已部分隐藏。'), shown);
	if (!found.body.applicantRevealable) {
		return;
	}
	const reveal = el('button', {
		type: 'button',
		className: 'btn btn-default btn-sm',
		onclick: async () => {
			reveal.disabled = true;
			const full = await getJson(API + path + encodeURIComponent(caseNo) + '/applicant');
			if (full.status === 200 && full.body) {
				shown.replaceWith(facts(full.body));
				reveal.replaceWith(el('p', { className: 'zpp-muted' }, '本次查看已记录（查看人、时间、办件）。'));
			} else {
				reveal.replaceWith(message((full.body && full.body.detail) || '无法显示完整信息。'));
			}
		}
	}, '显示完整身份证号和手机号（将记录本次查看）');
	node.appendChild(reveal);
}

export default [{
	id: 'zhengpaopao.applicant',
	pluginPoint: 'tasklist.task.detail',
	priority: 100,
	properties: { label: '申请人' },
	render: (node, { taskId }) => {
		render(node, taskId);
	}
}];
