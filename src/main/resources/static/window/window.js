// The window page (index.html): log in with the Tasklist account, find the matter or certificate, record the
// applicant, take the case through /api with the webapp session and its token, print, and see the day's cases.
'use strict';

const $ = (id) => document.getElementById(id);
const chinese = (text) => (text || '').split(' / ')[0];
const time = (iso) => new Date(iso).toLocaleTimeString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
const dateTime = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

let session = null;      // { userId, name, groups, token }
let windows = [];        // the clerk's windows: [{ departmentCode, departmentName }]
let divisions = [];      // townships with their villages
let subject = null;      // the picked matter or certificate, with its plan
let idempotencyKey = null;
let submitted = null;    // what the last case was taken with, for the printed documents

// ---------------------------------------------------------------------------------------------- checks as typed

/** GB 11643: 17 digits and a check character over them. */
function idNumberProblem(value) {
  if (!/^\d{17}[\dX]$/.test(value)) return '身份证号应为18位，最后一位可为X';
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((s, w, i) => s + w * Number(value[i]), 0);
  return '10X98765432'[sum % 11] === value[17] ? null : '身份证号校验位不正确，请核对';
}

/** GB 32100: 18 characters of 0-9 and A-Y without I, O, S, V, Z; the last one checks the others. */
function creditCodeProblem(value) {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  if (!new RegExp('^[' + alphabet + ']{18}$').test(value)) return '统一社会信用代码应为18位数字或大写字母（不含I、O、S、V、Z）';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((s, w, i) => s + w * alphabet.indexOf(value[i]), 0);
  return alphabet[(31 - sum % 31) % 31] === value[17] ? null : '统一社会信用代码校验位不正确，请核对';
}

function checkAsTyped(input, problemOf) {
  const value = input.value.trim().toUpperCase();
  const problem = value.length < 18 ? null : problemOf(value);
  input.classList.toggle('invalid', problem !== null);
  input.classList.toggle('valid', value.length === 18 && problem === null);
  fieldError(input.id, problem);
}

function fieldError(field, message) {
  document.querySelectorAll('.field-error').forEach((p) => {
    if (p.dataset.for.split(' ').includes(field)) p.textContent = message || '';
  });
}

// ------------------------------------------------------------------------------------------------ session

async function loadSession() {
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  session = response.ok ? await response.json() : { loggedIn: false };
  const clerk = session.loggedIn && session.groups.some((g) => g.startsWith('window-') || g === 'camunda-admin');
  $('loginView').hidden = clerk;
  $('deskView').hidden = !clerk;
  if (session.loggedIn && !clerk) {
    $('loginError').className = 'message error';
    $('loginError').textContent = '当前账号（' + session.userId + '）不是窗口工作人员，请用窗口账号登录。';
  }
  if (!clerk) {
    $('who').textContent = '';
    $('username').focus();
    return;
  }
  await Promise.all([loadDesk(), loadDivisions()]);
  $('who').textContent = session.name + '（' + session.userId + '）· '
    + windows.map((w) => w.departmentName + '窗口').join('、');
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
  if (!response.ok) {
    $('loginError').className = 'message error';
    $('loginError').textContent = response.status === 429 ? '登录失败次数过多，请稍后再试。' : '用户名或密码错误。';
    $('password').value = '';
    $('password').focus();
    return;
  }
  $('loginError').className = '';
  $('loginError').textContent = '';
  $('password').value = '';
  await loadSession();
});

// ----------------------------------------------------------------------------------------------- the desk

async function loadDesk() {
  const response = await fetch('/api/window/desk', { credentials: 'same-origin' });
  if (!response.ok) return;
  const desk = await response.json();
  windows = desk.windows;
  $('deskWindows').textContent = windows.map((w) => w.departmentName).join('、');
  $('todayCases').replaceChildren(...(desk.today.length ? desk.today.map((c) => row([
    link(c.caseNo, '/window/receipts/' + encodeURIComponent(c.caseNo), '受理回执'),
    c.subject, c.applicantName, c.stateLabel + (c.resultDelivery ? '（' + c.resultDelivery + '）' : ''),
    time(c.receivedAt)])) : [emptyRow(5, '今天还没有受理')]));
  $('awaitingCases').replaceChildren(...(desk.awaitingDecision.length ? desk.awaitingDecision.map((c) => row([
    link(c.caseNo, '/window/receipts/' + encodeURIComponent(c.caseNo), '受理回执'),
    c.subject, c.applicantName, dateTime(c.receivedAt),
    c.decisionTaskId ? link('去审批', '/camunda/app/tasklist/default/#/?task=' + encodeURIComponent(c.decisionTaskId),
      'Tasklist 中的审批任务') : ''])) : [emptyRow(5, '没有待审批的办件')]));
}

function row(cells) {
  const tr = document.createElement('tr');
  cells.forEach((cell) => {
    const td = document.createElement('td');
    if (cell instanceof Node) td.appendChild(cell); else td.textContent = cell == null ? '' : cell;
    tr.appendChild(td);
  });
  return tr;
}

function emptyRow(columns, text) {
  const tr = row([text]);
  tr.firstChild.colSpan = columns;
  tr.firstChild.className = 'hint';
  return tr;
}

function link(text, href, title) {
  const a = document.createElement('a');
  a.textContent = text;
  a.href = href;
  a.title = title;
  return a;
}

// ----------------------------------------------------------------------------------------- divisions

async function loadDivisions() {
  const response = await fetch('/api/divisions', { credentials: 'same-origin' });
  divisions = response.ok ? await response.json() : [];
  $('townshipCode').replaceChildren(option('', '请选择乡镇（街道）'),
    ...divisions.map((t) => option(t.code, t.name)));
  fillVillages();
}

function fillVillages() {
  const township = divisions.find((t) => t.code === $('townshipCode').value);
  $('villageCode').replaceChildren(option('', township ? '请选择村（社区）' : '先选乡镇（街道）'),
    ...(township ? township.villages.map((v) => option(v.code, v.name)) : []));
}

function option(value, text) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = text;
  return o;
}

$('townshipCode').addEventListener('change', fillVillages);

// ------------------------------------------------------------------------------- matter or certificate

const caseKind = () => document.querySelector('input[name=caseKind]:checked').value;
const applicantType = () => document.querySelector('input[name=applicantType]:checked').value;
let options = [];
let active = -1;
let searchTimer = null;

document.querySelectorAll('input[name=caseKind]').forEach((radio) => radio.addEventListener('change', () => {
  $('subjectLabel').textContent = caseKind() === 'APPLICATION'
    ? '事项（输入名称或拼音首字母，如 zdsh）' : '代跑证明（输入名称或拼音首字母）';
  pick(null);
  $('subjectSearch').value = '';
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
  if (!response.ok) { showOptions([]); return; }
  let found = await response.json();
  if (caseKind() === 'APPLICATION' && !session.groups.includes('camunda-admin')) {
    // a window takes the matters its own department decides
    const mine = windows.map((w) => w.departmentCode);
    found = found.filter((m) => mine.includes(m.usingDepartmentCode));
  }
  showOptions(found.slice(0, 12));
}

function showOptions(found) {
  options = found;
  active = found.length ? 0 : -1;
  const list = $('subjectOptions');
  list.replaceChildren(...found.map((item, i) => {
    const li = document.createElement('li');
    li.id = 'subjectOption' + i;
    li.setAttribute('role', 'option');
    li.textContent = item.name;
    const code = document.createElement('small');
    code.textContent = item.code;
    li.appendChild(code);
    li.addEventListener('mousedown', (event) => { event.preventDefault(); pick(item); });
    return li;
  }));
  list.hidden = found.length === 0;
  $('subjectSearch').setAttribute('aria-expanded', String(found.length > 0));
  highlight();
}

function highlight() {
  [...$('subjectOptions').children].forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
  $('subjectSearch').setAttribute('aria-activedescendant', active >= 0 ? 'subjectOption' + active : '');
}

$('subjectSearch').addEventListener('keydown', (event) => {
  const open = !$('subjectOptions').hidden;
  if (event.key === 'ArrowDown' && open) { active = Math.min(active + 1, options.length - 1); highlight(); event.preventDefault(); }
  else if (event.key === 'ArrowUp' && open) { active = Math.max(active - 1, 0); highlight(); event.preventDefault(); }
  else if (event.key === 'Enter' && open && active >= 0) { event.preventDefault(); pick(options[active]); }
  else if (event.key === 'Escape') { showOptions([]); }
});

$('subjectSearch').addEventListener('blur', () => setTimeout(() => showOptions([]), 100));

async function pick(item) {
  showOptions([]);
  subject = null;
  $('plan').hidden = true;
  fieldError('matterCode', null);
  if (!item) return;
  $('subjectSearch').value = item.name;
  const kind = caseKind();
  const path = kind === 'APPLICATION' ? '/api/window/plans/matters/' : '/api/window/plans/certificates/';
  const response = await fetch(path + encodeURIComponent(item.code), { credentials: 'same-origin' });
  const body = await response.json();
  if (!response.ok) { fieldError('matterCode', chinese(body.detail)); return; }
  subject = { kind, code: item.code, plan: body };
  showPlan();
  // the keyboard goes on where the clerk has something to decide: a commitment first, else the applicant
  (document.querySelector('input[name=commitment]') || document.querySelector('input[name=applicantType]:checked')).focus();
}

function showPlan() {
  const plan = subject.plan;
  const box = $('plan');
  if (subject.kind === 'APPLICATION') {
    const table = document.createElement('table');
    table.innerHTML = '<thead><tr><th>原需证明</th><th>现在怎么办</th><th>说明</th><th>期限</th></tr></thead>';
    const body = document.createElement('tbody');
    plan.certificates.forEach((c) => {
      const tr = row([c.certificateName, c.outcome, c.detail,
        c.deadline ? c.deadline + '前' : (c.workingDays ? c.workingDays + '个工作日' : '')]);
      tr.dataset.certificate = c.certificateCode;
      if (c.commitmentChoosable) {
        const label = document.createElement('label');
        const box = document.createElement('input');
        box.type = 'checkbox';
        box.name = 'commitment';
        box.value = c.certificateCode;
        label.append(box, ' 申请人签署告知承诺书');
        tr.children[1].appendChild(label);
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    const head = document.createElement('p');
    head.textContent = plan.matterName + '（' + plan.usingDepartmentName + '审批）· 预计 ' + plan.expectedBy + ' 前办结';
    box.replaceChildren(head, table);
  } else {
    const p = document.createElement('p');
    p.textContent = plan.certificateName + '：由' + plan.issuer + '出具，证跑跑代跑，' + plan.workingDays
      + '个工作日，授权后预计 ' + plan.deadline + ' 前送达。';
    box.replaceChildren(p);
  }
  box.hidden = false;
}

// --------------------------------------------------------------------------------------------- applicant

document.querySelectorAll('input[name=applicantType]').forEach((radio) => radio.addEventListener('change', () => {
  const type = applicantType();
  document.querySelectorAll('[data-applicant]').forEach((div) => { div.hidden = div.dataset.applicant !== type; });
  $('phoneLabel').textContent = type === 'COMPANY' ? '联系人手机号码' : '手机号码';
  $('townshipLabel').textContent = type === 'COMPANY' ? '注册地乡镇（街道）' : '乡镇（街道）';
}));

$('idNumber').addEventListener('input', () => checkAsTyped($('idNumber'), idNumberProblem));
$('creditCode').addEventListener('input', () => checkAsTyped($('creditCode'), creditCodeProblem));
// a card reader in keyboard mode ends with Enter: go on to the next field instead of submitting half a form
$('idNumber').addEventListener('keydown', (event) => {
  if (event.key === 'Enter') { event.preventDefault(); $('phone').focus(); }
});

// ------------------------------------------------------------------------------------------------ submit

function request() {
  const type = applicantType();
  const common = {
    applicantName: (type === 'COMPANY' ? $('companyName') : $('applicantName')).value.trim(),
    phone: $('phone').value.trim(),
    townshipCode: $('townshipCode').value,
    villageCode: $('villageCode').value,
    authorizedAtWindow: document.querySelector('input[name=authorization]:checked').value === 'WINDOW'
  };
  if (type === 'COMPANY') {
    Object.assign(common, { applicantType: 'COMPANY', creditCode: $('creditCode').value.trim().toUpperCase(),
      contactName: $('contactName').value.trim() });
  } else {
    common.idNumber = $('idNumber').value.trim().toUpperCase();
  }
  if (subject.kind === 'APPLICATION') {
    return ['/api/applications', Object.assign(common, { matterCode: subject.code,
      commitments: [...document.querySelectorAll('input[name=commitment]:checked')].map((b) => b.value) })];
  }
  return ['/api/proxy-runs', Object.assign(common, { certificateCode: subject.code,
    usingDepartmentCode: windows[0] ? windows[0].departmentCode : '' })];
}

const fieldInput = { applicantName: () => (applicantType() === 'COMPANY' ? 'companyName' : 'applicantName') };

$('caseForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const button = $('submit');
  if (button.disabled) return;
  document.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  $('formError').className = '';
  $('formError').textContent = '';
  if (!subject) {
    fieldError('matterCode', caseKind() === 'APPLICATION' ? '请先选择事项' : '请先选择代跑证明');
    $('subjectSearch').focus();
    return;
  }
  const [path, body] = request();
  button.disabled = true;
  try {
    const response = await fetch(path, {
      method: 'POST', credentials: 'same-origin', body: JSON.stringify(body),
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey, 'X-Staff-Token': session.token }
    });
    const answer = await response.json();
    if (!response.ok) { showProblem(answer); return; }
    submitted = { body, answer, plan: subject.plan, kind: subject.kind };
    showResult();
    loadDesk();
  } catch (e) {
    $('formError').className = 'message error';
    $('formError').textContent = '网络异常，请重试（重试不会重复受理）。';
  } finally {
    button.disabled = false;
  }
});

function showProblem(problem) {
  const errors = problem.errors || [];
  let first = null;
  errors.forEach((e) => {
    const field = fieldInput[e.field] ? fieldInput[e.field]() : e.field;
    fieldError(field, chinese(e.message));
    const input = $(field);
    if (input && !first) first = input;
  });
  if (!errors.length || !first) {
    $('formError').className = 'message error';
    $('formError').textContent = chinese(problem.detail || problem.title);
  }
  (first || $('submit')).focus();
}

function showResult() {
  const caseNo = submitted.answer.caseNo;
  $('caseForm').hidden = true;
  $('result').hidden = false;
  $('resultCaseNo').textContent = caseNo;
  $('receiptLink').href = '/window/receipts/' + encodeURIComponent(caseNo);
  const runs = submitted.kind === 'PROXY_RUN' || submitted.answer.certificates.some((c) => c.handling === 'PROXY');
  $('printAuthorization').hidden = !(submitted.body.authorizedAtWindow && runs);
  $('printCommitments').hidden = !(submitted.body.commitments && submitted.body.commitments.length);
  $('resultNote').textContent = submitted.body.authorizedAtWindow || !runs ? ''
    : '验证码已通过短信发给申请人，请提醒申请人在线确认授权。';
  $('receiptLink').focus();
}

$('newCase').addEventListener('click', resetForm);

function resetForm() {
  $('caseForm').reset();
  $('caseForm').hidden = false;
  $('result').hidden = true;
  $('plan').hidden = true;
  document.querySelectorAll('[data-applicant]').forEach((div) => { div.hidden = div.dataset.applicant !== 'PERSON'; });
  document.querySelectorAll('input.valid, input.invalid').forEach((i) => i.classList.remove('valid', 'invalid'));
  document.querySelectorAll('.field-error').forEach((p) => { p.textContent = ''; });
  fillVillages();
  subject = null;
  submitted = null;
  idempotencyKey = crypto.randomUUID();
  $('subjectSearch').focus();
}

// ------------------------------------------------------------------------------------ printed documents

function today() {
  return new Date().toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}

function doc(title, paragraphs, signatures) {
  const section = document.createElement('section');
  section.className = 'doc';
  const h1 = document.createElement('h1');
  h1.textContent = title;
  section.appendChild(h1);
  paragraphs.forEach((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    section.appendChild(p);
  });
  const sign = document.createElement('div');
  sign.className = 'signature';
  signatures.forEach((text) => { const span = document.createElement('span'); span.textContent = text; sign.appendChild(span); });
  section.appendChild(sign);
  return section;
}

function principal() {
  const b = submitted.body;
  return b.applicantType === 'COMPANY'
    ? b.applicantName + '（统一社会信用代码 ' + b.creditCode + '，联系人 ' + b.contactName + '）'
    : b.applicantName + '（身份证号 ' + b.idNumber + '）';
}

$('printAuthorization').addEventListener('click', () => {
  const a = submitted.answer;
  const certificates = submitted.kind === 'PROXY_RUN' ? [submitted.plan.certificateName]
    : a.certificates.filter((c) => c.handling === 'PROXY').map((c) => c.certificateName);
  const office = windows[0] ? windows[0].departmentName : '';
  $('printArea').replaceChildren(doc('授权委托书', [
    '委托人：' + principal() + '，联系电话 ' + submitted.body.phone + '。',
    '受托人：' + office + '窗口及县证跑跑代跑服务人员。',
    '委托事项：因办理办件 ' + a.caseNo + (submitted.kind === 'APPLICATION' ? '（' + submitted.plan.matterName + '）' : '')
      + '，委托受托人代为向出具单位调取以下证明材料：' + certificates.join('、')
      + (submitted.kind === 'APPLICATION' ? '，以及共享核验数据缺失时需代为调取的证明' : '') + '。',
    '委托期限：自签字之日起至上述证明材料送达用证部门之日止。受托人仅可将所调取的材料用于本办件。'
  ], ['委托人（签字/盖章）：', '日期：' + today()]));
  printDocuments();
});

$('printCommitments').addEventListener('click', () => {
  const a = submitted.answer;
  const chosen = submitted.body.commitments;
  const docs = submitted.plan.certificates.filter((c) => chosen.includes(c.certificateCode)).map((c) => doc('告知承诺书', [
    '承诺人：' + principal() + '。',
    '办件编号：' + a.caseNo + '；事项：' + submitted.plan.matterName + '；承诺替代的证明：' + c.certificateName + '。',
    c.detail,
    '本人（单位）已知晓上述告知内容，承诺所述情况真实；如有虚假，愿意承担相应法律责任，并记入信用记录。'
  ], ['承诺人（签字/盖章）：', '日期：' + today()]));
  $('printArea').replaceChildren(...docs);
  printDocuments();
});

// printing is the browser's; kept in one place so that the page reads the same in a test without a printer
function printDocuments() {
  window.print();
}

loadSession();
