// The village agents' page (index.html): log in with the Tasklist account, take a villager's request in the village
// (a proxy-run or a case) with the photographed authorization or by code, enter the codes villagers read out, see the
// village's cases and record a result handed back. Changes go with the webapp session and its token.
'use strict';

const $ = (id) => document.getElementById(id);
const chinese = (text) => (text || '').split(' / ')[0];
const dateTime = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '');

let session = null;      // { userId, name, groups, token }
let desk = null;         // { villages, usingDepartments, cases, pendingAuthorizations }
let subject = null;      // the picked certificate or matter, with its plan
let idempotencyKey = null;
let options = [];
let active = -1;
let searchTimer = null;

// ---------------------------------------------------------------------------------------------- checks as typed

/** GB 11643: 17 digits and a check character over them. */
function idNumberProblem(value) {
  if (!/^\d{17}[\dX]$/.test(value)) return '身份证号应为18位，最后一位可为X';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17] ? null : '身份证号校验位不正确，请核对';
}

function fieldError(field, message) {
  document.querySelectorAll('.field-error').forEach((p) => {
    if (p.dataset.for.split(' ').includes(field)) p.textContent = message || '';
  });
}

function clearErrors() {
  document.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
}

$('idNumber').addEventListener('input', () => {
  const value = $('idNumber').value.trim().toUpperCase();
  fieldError('idNumber', value.length < 18 ? null : idNumberProblem(value));
});

// ------------------------------------------------------------------------------------------------ session

async function loadSession() {
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  session = response.ok ? await response.json() : { loggedIn: false };
  const agent = session.loggedIn && session.groups.some((g) => g.startsWith('agents-') || g === 'camunda-admin');
  $('loginView').hidden = agent;
  $('deskView').hidden = !agent;
  if (session.loggedIn && !agent) {
    $('loginError').className = 'message error';
    $('loginError').textContent = '当前账号（' + session.userId + '）不是村代办员，请用村代办员账号登录。';
  }
  if (!agent) {
    $('who').textContent = '';
    return;
  }
  await loadDesk();
  $('who').textContent = session.name + ' · ' + desk.villages.map((v) => v.townshipName + v.name).join('、');
  resetForm();
}

$('loginForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = new URLSearchParams({ username: $('username').value.trim(), password: $('password').value });
  // the webapps' login is guarded by their CSRF token too: any read of their API hands it out in a header
  const probe = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
  const response = await fetch('/camunda/api/admin/auth/user/default/login/tasklist', {
    method: 'POST', credentials: 'same-origin', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': probe.headers.get('X-XSRF-TOKEN') }
  });
  $('password').value = '';
  if (!response.ok) {
    $('loginError').className = 'message error';
    $('loginError').textContent = response.status === 429 ? '登录失败次数过多，请稍后再试。' : '用户名或密码错误。';
    return;
  }
  $('loginError').className = '';
  $('loginError').textContent = '';
  await loadSession();
});

// ---------------------------------------------------------------------------------------------------- tabs

function show(tab) {
  [['tabIntake', 'intakeView'], ['tabCases', 'casesView'], ['tabCodes', 'codesView']].forEach(([button, view]) => {
    $(button).classList.toggle('active', button === tab);
    $(view).hidden = button !== tab;
  });
}

$('tabIntake').addEventListener('click', () => show('tabIntake'));
$('tabCases').addEventListener('click', async () => { show('tabCases'); await loadDesk(); });
$('tabCodes').addEventListener('click', async () => { show('tabCodes'); await loadDesk(); });

// ---------------------------------------------------------------------------------------------------- desk

async function loadDesk() {
  const response = await fetch('/api/agent/desk', { credentials: 'same-origin' });
  if (!response.ok) return;
  desk = await response.json();
  const village = $('villageCode').value;
  $('villageCode').replaceChildren(...desk.villages.map((v) => option(v.code, v.townshipName + ' ' + v.name)));
  if (village) $('villageCode').value = village;
  const department = $('usingDepartmentCode').value;
  $('usingDepartmentCode').replaceChildren(option('', '请选择用证部门'),
    ...desk.usingDepartments.map((d) => option(d.code, d.name)));
  $('usingDepartmentCode').value = department;
  showCases();
  showCodes();
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

function element(tag, className, text) {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text != null) e.textContent = text;
  return e;
}

function showCases() {
  const list = desk.cases.map((c) => {
    const div = element('div', 'case');
    div.dataset.caseNo = c.caseNo;
    const head = element('p');
    head.append(element('span', 'no', c.caseNo), ' ',
      element('span', 'state' + (c.handedBackAt ? ' back' : ''), c.handedBackAt ? '已交还村民' : c.stateLabel));
    div.append(head,
      element('p', null, (c.kind === 'APPLICATION' ? '办件：' : '代跑：') + c.subject),
      element('p', null, c.applicantName + ' · ' + c.maskedIdNumber + ' · ' + c.villageName),
      element('p', 'hint', '受理 ' + dateTime(c.receivedAt) + (c.deadline ? ' · 办结期限 ' + c.deadline : '')
        + (c.authorized ? '' : ' · 待村民短信授权')));
    if (c.result) div.append(element('p', null, '办理结果：' + c.result));
    if (c.handedBackAt) div.append(element('p', 'hint', '交还时间 ' + dateTime(c.handedBackAt)));
    if (c.handBackable) {
      const button = element('button', 'small', '已交还村民');
      button.type = 'button';
      button.addEventListener('click', () => handBack(c.caseNo, button));
      div.append(button);
    }
    return div;
  });
  $('caseList').replaceChildren(...(list.length ? list : [element('p', 'hint', '本村还没有代办的办件')]));
}

function showCodes() {
  $('codeCount').textContent = desk.pendingAuthorizations.length ? '（' + desk.pendingAuthorizations.length + '）' : '';
  const list = desk.pendingAuthorizations.map((p) => {
    const div = element('div', 'case');
    div.dataset.caseNo = p.caseNo;
    div.append(element('p', 'no', p.caseNo),
      element('p', null, '代跑：' + p.certificateName + (p.applicationCaseNo ? '（办件 ' + p.applicationCaseNo + '）' : '')),
      element('p', null, p.applicantName + ' · ' + p.maskedIdNumber + ' · ' + p.villageName),
      element('p', 'hint', (p.codeSent ? '验证码已发送' : '验证码发送中') + (p.authorizationDue ? '，' + dateTime(p.authorizationDue) + ' 前有效' : '')));
    const input = element('input');
    input.inputMode = 'numeric';
    input.autocomplete = 'one-time-code';
    input.setAttribute('aria-label', p.caseNo + ' 的验证码');
    input.placeholder = '村民收到的验证码';
    const button = element('button', 'small', '确认授权');
    button.type = 'button';
    const message = element('p', 'field-error');
    message.dataset.for = '';
    button.addEventListener('click', () => confirmCode(p.caseNo, input, button, message));
    div.append(input, button, message);
    return div;
  });
  $('codeList').replaceChildren(...(list.length ? list : [element('p', 'hint', '没有待授权的代跑')]));
}

async function change(path, options) {
  return fetch(path, Object.assign({ method: 'POST', credentials: 'same-origin' }, options, {
    headers: Object.assign({ 'X-Staff-Token': session.token }, (options && options.headers) || {})
  }));
}

async function confirmCode(caseNo, input, button, message) {
  button.disabled = true;
  const response = await change('/api/agent/authorizations/' + encodeURIComponent(caseNo), {
    headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: input.value.trim() })
  });
  const body = await response.json();
  button.disabled = false;
  if (!response.ok) { message.textContent = chinese(body.detail); return; }
  await loadDesk();
  $('codeList').prepend(element('p', 'message ok', caseNo + '：' + body.message));
}

async function handBack(caseNo, button) {
  button.disabled = true;
  const response = await change('/api/agent/cases/' + encodeURIComponent(caseNo) + '/handed-back');
  if (!response.ok) {
    const body = await response.json();
    button.disabled = false;
    button.after(element('p', 'field-error', chinese(body.detail)));
    return;
  }
  await loadDesk();
}

// ------------------------------------------------------------------------------- certificate or matter

const caseKind = () => document.querySelector('input[name=caseKind]:checked').value;
const authorization = () => document.querySelector('input[name=authorization]:checked').value;

document.querySelectorAll('input[name=caseKind]').forEach((radio) => radio.addEventListener('change', () => {
  $('subjectLabel').textContent = caseKind() === 'APPLICATION'
    ? '事项（输入名称或拼音首字母，如 zdsh）' : '代跑证明（输入名称或拼音首字母）';
  $('usingDepartmentField').hidden = caseKind() === 'APPLICATION';
  $('subjectSearch').value = '';
  pick(null);
}));

document.querySelectorAll('input[name=authorization]').forEach((radio) => radio.addEventListener('change', () => {
  $('photoField').hidden = authorization() !== 'PHOTO';
}));

$('subjectSearch').addEventListener('input', () => {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(search, 150);
});

async function search() {
  const q = $('subjectSearch').value.trim();
  if (!q) { showOptions([]); return; }
  const path = caseKind() === 'APPLICATION' ? '/api/catalog/matters' : '/api/catalog/certificates';
  const response = await fetch(path + '?q=' + encodeURIComponent(q), { credentials: 'same-origin' });
  showOptions(response.ok ? (await response.json()).slice(0, 12) : []);
}

function showOptions(found) {
  options = found;
  active = found.length ? 0 : -1;
  $('subjectOptions').replaceChildren(...found.map((item, i) => {
    const li = element('li', null, item.name);
    li.id = 'subjectOption' + i;
    li.setAttribute('role', 'option');
    li.setAttribute('aria-selected', String(i === active));
    li.append(element('small', null, item.code));
    li.addEventListener('click', () => pick(item));
    return li;
  }));
  $('subjectOptions').hidden = found.length === 0;
  $('subjectSearch').setAttribute('aria-expanded', String(found.length > 0));
}

$('subjectSearch').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && active >= 0) { event.preventDefault(); pick(options[active]); }
});

async function pick(item) {
  showOptions([]);
  subject = null;
  $('plan').hidden = true;
  fieldError('matterCode', null);
  if (!item) return;
  $('subjectSearch').value = item.name;
  const kind = caseKind();
  const path = kind === 'APPLICATION' ? '/api/agent/plans/matters/' : '/api/agent/plans/certificates/';
  const response = await fetch(path + encodeURIComponent(item.code), { credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) { fieldError('matterCode', chinese(body.detail)); return; }
  subject = { kind, code: item.code, plan: body };
  showPlan();
}

function showPlan() {
  const plan = subject.plan;
  const box = $('plan');
  if (subject.kind === 'APPLICATION') {
    const list = element('ul');
    plan.certificates.forEach((c) => {
      const li = element('li', null, c.certificateName + '：' + c.outcome + (c.deadline ? '（' + c.deadline + '前）' : ''));
      if (c.commitmentChoosable) {
        const label = element('label');
        const box = element('input');
        box.type = 'checkbox';
        box.name = 'commitment';
        box.value = c.certificateCode;
        label.append(box, '村民签署告知承诺书');
        li.append(label);
      }
      list.append(li);
    });
    box.replaceChildren(element('p', null, plan.matterName + '（' + plan.usingDepartmentName + '审批）· 预计 '
      + plan.expectedBy + ' 前办结'), list);
  } else {
    box.replaceChildren(element('p', null, plan.certificateName + '：由' + plan.issuer + '出具，证跑跑代跑，'
      + plan.workingDays + '个工作日，授权后预计 ' + plan.deadline + ' 前送达。'));
  }
  box.hidden = false;
}

// ------------------------------------------------------------------------------------------------ submit

function resetForm() {
  subject = null;
  idempotencyKey = crypto.randomUUID();
  $('caseForm').reset();
  $('plan').hidden = true;
  $('photoField').hidden = false;
  $('usingDepartmentField').hidden = false;
  if (desk && desk.villages.length) $('villageCode').value = desk.villages[0].code;
  clearErrors();
}

$('caseForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearErrors();
  $('result').className = '';
  $('result').textContent = '';
  if (!subject) { fieldError(caseKind() === 'APPLICATION' ? 'matterCode' : 'certificateCode', '请先选择' + (caseKind() === 'APPLICATION' ? '事项' : '代跑证明')); return; }
  const request = {
    villageCode: $('villageCode').value,
    applicantName: $('applicantName').value.trim(),
    idNumber: $('idNumber').value.trim().toUpperCase(),
    phone: $('phone').value.trim(),
    authorization: authorization()
  };
  let path;
  if (subject.kind === 'APPLICATION') {
    path = '/api/agent/applications';
    request.matterCode = subject.code;
    request.commitments = [...document.querySelectorAll('input[name=commitment]:checked')].map((b) => b.value);
  } else {
    path = '/api/agent/proxy-runs';
    request.certificateCode = subject.code;
    request.usingDepartmentCode = $('usingDepartmentCode').value;
  }
  const form = new FormData();
  form.append('request', new Blob([JSON.stringify(request)], { type: 'application/json' }));
  const photo = $('photo').files[0];
  if (request.authorization === 'PHOTO') {
    if (!photo) { fieldError('photo', '请拍照上传村民签字的授权委托书'); return; }
    if (photo.size > 10 * 1024 * 1024) { fieldError('photo', '照片不能超过 10 MB'); return; }
    form.append('photo', photo, photo.name);
  }
  $('submit').disabled = true;
  let response;
  try {
    response = await change(path, { body: form, headers: { 'Idempotency-Key': idempotencyKey } });
  } finally {
    $('submit').disabled = false;
  }
  const body = await response.json();
  if (!response.ok) {
    (body.errors || []).forEach((e) => fieldError(e.field, chinese(e.message)));
    $('result').className = 'message error';
    $('result').textContent = response.status === 413 ? '照片不能超过 10 MB'
      : (body.errors && body.errors.length ? '请按提示修改后重新提交。' : chinese(body.detail || body.title));
    return;
  }
  const done = body.caseNo;
  await loadDesk();
  resetForm();
  $('result').className = 'message ok';
  $('result').textContent = '已受理，办件编号 ' + done + (body.authorized
    ? '（授权委托书照片已留存）。' : '。村民将收到短信验证码，请在「待授权」中输入。');
});

loadSession();
