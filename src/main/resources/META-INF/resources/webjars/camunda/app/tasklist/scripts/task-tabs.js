// Two tabs next to each task's form.
//
// 「申请人」:  Task forms show process variables only, and those never carry
// personal data (docs/security.md); this tab reads the case from the application API with the Tasklist session
// (GET only). Everybody who sees the task sees the name with the ID number and phone masked (a company: its name and
// credit code, which is not personal data, the contact and the contact's phone masked); the issuing clerks of an open
// run may reveal the full ones, the runner holding 补充材料 and the call-back after a bad rating the full phone; every
// reveal is recorded.
//
// 「证明文件」: the certificate a proxy-run carries (docs/certificates.md). The issuing clerk attaches the file on
// 出具证明 (the only change this script sends: POST with the session's X-Staff-Token); the runner, the using
// window, the issuing clerks and managers open stamped copies, each recorded; the deciding window of a case sees the
// certificates of its runs.

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

/** The task's definition key and its case number (caseNo variable), read with the Tasklist session. */
async function taskAndCase(taskId) {
	const engineApi = `${appRoot}/api/engine/engine/${encodeURIComponent(engine)}/task/${encodeURIComponent(taskId)}`;
	const [task, variable] = await Promise.all([getJson(engineApi), getJson(engineApi + '/variables/caseNo')]);
	return {
		taskKey: task.status === 200 && task.body ? task.body.taskDefinitionKey : null,
		caseNo: variable.status === 200 && variable.body ? String(variable.body.value || '') : ''
	};
}

async function render(node, taskId) {
	const message = text => el('p', { className: 'zpp-message' }, text);
	node.appendChild(message('加载中…'));
	const { taskKey, caseNo } = await taskAndCase(taskId);
	const callBack = taskKey === 'callBackApplicant';
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

const dateTime = iso => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');

const fileSize = bytes => (bytes < 1024 * 1024 ? Math.max(1, Math.round(bytes / 1024)) + ' KB'
	: (bytes / 1024 / 1024).toFixed(1) + ' MB');

/** What a run's certificate travels as, a link to its stamped copy, and every copy handed out. */
function certificateFacts(caseNo, certificate) {
	const fact = (term, value) => [el('dt', null, term), el('dd', { className: 'zpp-' + term }, value || '—')];
	const file = certificate.file;
	let fileFact = '未上传';
	if (file && file.deletedAt) {
		fileFact = `${file.filename}（已于 ${dateTime(file.deletedAt)} 按保存期限删除）`;
	} else if (file) {
		fileFact = el('span', null, `${file.filename}（${file.kindLabel}，${fileSize(file.size)}，${file.attachedByName} 于 ${dateTime(file.attachedAt)} 上传）`,
			certificate.downloadable ? [' ', el('a', {
				className: 'zpp-stamped-copy', target: '_blank', rel: 'noopener',
				href: API + '/proxy-runs/' + encodeURIComponent(caseNo) + '/certificate'
			}, '查看加注用途的副本（将记录本次下载）')] : null);
	}
	const facts = el('dl', { className: 'dl-horizontal zpp-certificate' },
		fact('电子证照编号', certificate.licenceNumber), fact('纸质原件', certificate.paperOriginal ? '是' : '否'),
		fact('证明文件', fileFact));
	const downloads = certificate.downloads.length === 0 ? el('p', { className: 'zpp-muted' }, '尚无下载记录。')
		: el('ul', { className: 'zpp-downloads' },
			certificate.downloads.map(d => el('li', null, `${dateTime(d.at)} ${d.downloadedByName}`)));
	return [facts, el('h5', null, '下载记录'), downloads];
}

/** The issuing clerk's upload: one file, sent with the session's page token; the answer's message in Chinese. */
function uploadForm(caseNo, done) {
	const input = el('input', { type: 'file', className: 'zpp-certificate-file', accept: '.pdf,.jpg,.jpeg,.png,application/pdf,image/jpeg,image/png' });
	const status = el('p', { className: 'zpp-message', role: 'status' });
	const button = el('button', {
		type: 'button',
		className: 'btn btn-primary btn-sm zpp-upload',
		onclick: async () => {
			if (!input.files || input.files.length === 0) {
				status.textContent = '请先选择证明文件。';
				return;
			}
			button.disabled = true;
			status.textContent = '正在上传…';
			const session = await getJson(API + '/session');
			const body = new FormData();
			body.append('file', input.files[0]);
			const response = await fetch(API + '/proxy-runs/' + encodeURIComponent(caseNo) + '/certificate', {
				method: 'POST', credentials: 'same-origin', body,
				headers: { Accept: 'application/json', 'X-Staff-Token': (session.body && session.body.token) || '' }
			});
			const answer = await response.json().catch(() => null);
			button.disabled = false;
			if (response.ok) {
				done();
			} else {
				status.textContent = ((answer && answer.detail) || '上传失败，请稍后重试。').split(' / ')[0];
			}
		}
	}, '上传证明文件');
	return el('div', { className: 'zpp-upload-form' },
		el('p', null, '上传出具的证明（PDF、JPEG 或 PNG，不超过 10 MB）；再次上传将替换之前的文件。也可在表单中填写电子证照编号。'),
		input, ' ', button, status);
}

async function renderRunCertificate(node, caseNo, heading) {
	const found = await getJson(API + '/proxy-runs/' + encodeURIComponent(caseNo));
	if (found.status !== 200 || !found.body) {
		node.appendChild(el('p', { className: 'zpp-message' },
			found.status === 401 ? '登录已失效，请刷新页面重新登录。' : '暂时无法加载代跑办件 ' + caseNo + ' 的证明。'));
		return;
	}
	const section = el('section', { className: 'zpp-run-certificate' });
	const show = async () => {
		const again = await getJson(API + '/proxy-runs/' + encodeURIComponent(caseNo));
		section.replaceChildren(...content(again.body));
	};
	const content = run => [
		heading ? el('h5', null, heading) : null,
		...certificateFacts(caseNo, run.certificate),
		run.certificate.attachable ? uploadForm(caseNo, show) : null
	].filter(Boolean);
	section.append(...content(found.body));
	node.appendChild(section);
}

async function renderCertificates(node, taskId) {
	node.appendChild(el('p', { className: 'zpp-message' }, '加载中…'));
	const { caseNo } = await taskAndCase(taskId);
	node.replaceChildren();
	if (caseNo.startsWith('DP')) {
		await renderRunCertificate(node, caseNo, null);
		return;
	}
	if (caseNo.startsWith('BJ')) {
		const found = await getJson(API + '/applications/' + encodeURIComponent(caseNo));
		const runs = found.status === 200 && found.body
			? found.body.certificates.filter(c => c.proxyRunCaseNo) : [];
		if (runs.length === 0) {
			node.appendChild(el('p', { className: 'zpp-message' }, '此办件没有代跑取得的证明。'));
		}
		for (const run of runs) {
			await renderRunCertificate(node, run.proxyRunCaseNo, `${run.certificateName}（代跑办件 ${run.proxyRunCaseNo}）`);
		}
		return;
	}
	node.appendChild(el('p', { className: 'zpp-message' }, '此任务没有证明文件。'));
}

export default [{
	id: 'zhengpaopao.applicant',
	pluginPoint: 'tasklist.task.detail',
	priority: 100,
	properties: { label: '申请人' },
	render: (node, { taskId }) => {
		render(node, taskId);
	}
}, {
	id: 'zhengpaopao.certificate',
	pluginPoint: 'tasklist.task.detail',
	priority: 90,
	properties: { label: '证明文件' },
	render: (node, { taskId }) => {
		renderCertificates(node, taskId);
	}
}];
