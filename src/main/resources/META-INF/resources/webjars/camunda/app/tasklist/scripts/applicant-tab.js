// 「申请人」: a tab next to each task's form. Task forms show process variables only, and those never carry
// personal data (docs/security.md); this tab reads the case from the application API with the Tasklist session
// (GET only). Everybody who sees the task sees the name with the ID number and phone masked (a company: its name and
// credit code, which is not personal data, the contact and the contact's phone masked); the issuing clerks of an open
// run may reveal the full ones, the runner holding 补充材料 and the call-back after a bad rating the full phone; every
// reveal is recorded.

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

const isCompany = applicant => applicant.applicantType === 'COMPANY';

function facts(applicant) {
	const fact = (term, value) => [el('dt', null, term), el('dd', { className: 'zpp-' + term }, value || '—')];
	if (isCompany(applicant)) {
		return el('dl', { className: 'dl-horizontal zpp-applicant' },
			fact('申请人类型', '企业'), fact('企业名称', applicant.applicantName),
			fact('统一社会信用代码', applicant.creditCode), fact('联系人', applicant.contactName),
			fact('联系电话', applicant.phone));
	}
	return el('dl', { className: 'dl-horizontal zpp-applicant' },
		fact('申请人', applicant.applicantName), fact('身份证号', applicant.idNumber), fact('手机号', applicant.phone));
}

/** A button that asks for the full numbers once; the answer replaces what was shown masked. */
function revealButton(label, url, show) {
	const button = el('button', {
		type: 'button',
		className: 'btn btn-default btn-sm',
		onclick: async () => {
			button.disabled = true;
			const full = await getJson(url);
			if (full.status === 200 && full.body) {
				show(full.body);
				button.replaceWith(el('p', { className: 'zpp-muted' }, '本次查看已记录（查看人、时间、办件）。'));
			} else {
				button.replaceWith(el('p', { className: 'zpp-message' },
					((full.body && full.body.detail) || '无法显示完整信息。').split(' / ')[0]));
			}
		}
	}, label);
	return button;
}

async function render(node, taskId) {
	const message = text => el('p', { className: 'zpp-message' }, text);
	node.appendChild(message('加载中…'));
	const engineApi = `${appRoot}/api/engine/engine/${encodeURIComponent(engine)}/task/${encodeURIComponent(taskId)}`;
	const [task, variable] = await Promise.all([getJson(engineApi), getJson(engineApi + '/variables/caseNo')]);
	const caseNo = variable.status === 200 && variable.body ? String(variable.body.value || '') : '';
	const callBack = task.status === 200 && task.body && task.body.taskDefinitionKey === 'callBackApplicant';
	const path = caseNo.startsWith('DP') ? '/proxy-runs/' : caseNo.startsWith('BJ') ? '/applications/' : null;
	node.replaceChildren();
	if (!path) {
		node.appendChild(message('此任务没有申请人信息。'));
		return;
	}
	const found = await getJson(API + path + encodeURIComponent(caseNo));
	let shown = null;
	if (found.status === 200 && found.body) {
		shown = facts(found.body);
		node.append(el('p', { className: 'zpp-muted' },
			isCompany(found.body) ? '联系电话已部分隐藏。' : '身份证号和手机号已部分隐藏。'), shown);
	} else if (!callBack) {
		node.appendChild(message(found.status === 401 ? '登录已失效，请刷新页面重新登录。' : '暂时无法加载申请人信息。'));
		return;
	}
	if (found.body && found.body.applicantRevealable) {
		node.appendChild(revealButton(
			(isCompany(found.body) ? '显示完整联系电话' : '显示完整身份证号和手机号') + '（将记录本次查看）',
			API + path + encodeURIComponent(caseNo) + '/applicant', full => shown.replaceWith(facts(full))));
	}
	if (found.body && found.body.applicantPhoneRevealable) {
		const phone = el('p', null);
		node.append(phone, revealButton('显示完整手机号以便联系申请人（将记录本次查看）',
			API + path + encodeURIComponent(caseNo) + '/applicant-phone',
			contact => phone.replaceChildren(el('strong', null, '联系电话：'), el('span', { className: 'zpp-联系电话' }, contact.phone))));
	}
	if (callBack) {
		const phone = el('p', null);
		node.append(phone, revealButton('显示完整手机号以便回访（将记录本次查看）',
			API + '/ratings/' + encodeURIComponent(caseNo) + '/applicant-phone',
			contact => phone.replaceChildren(el('strong', null, '回访电话：'), el('span', { className: 'zpp-回访电话' }, contact.phone))));
	}
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
