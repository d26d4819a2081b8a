// 证明清单维护: download the published catalog as a workbook, upload an edited one, read the preview, then confirm
// its good rows (they go to the reform office's review as one proposal) or drop it. Same login as the webapps; the
// changes go through /api with the webapp session and its X-Staff-Token.
'use strict';

const $ = (id) => document.getElementById(id);
let session = null;   // { userId, name, groups, token }
let current = null;   // the import being previewed

function showError(element, message) {
  element.className = message ? 'message error' : '';
  element.textContent = message || '';
}

async function problem(response) {
  try {
    const body = await response.json();
    return body.detail || body.title || ('错误 ' + response.status);
  } catch (e) {
    return '错误 ' + response.status;
  }
}

// ------------------------------------------------------------------------------------------------ session

async function loadSession() {
  const response = await fetch('/api/session', { credentials: 'same-origin' });
  session = response.ok ? await response.json() : { loggedIn: false };
  $('loginView').hidden = session.loggedIn;
  $('workView').hidden = !session.loggedIn;
  if (!session.loggedIn) {
    $('who').textContent = '';
    $('username').focus();
    return;
  }
  const maintainer = session.groups.includes('catalog-maintainers') || session.groups.includes('camunda-admin');
  $('who').textContent = session.name + '（' + session.userId + '）';
  $('notMaintainer').hidden = maintainer;
  $('uploadForm').hidden = !maintainer;
}

$('loginForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = new URLSearchParams({ username: $('username').value.trim(), password: $('password').value });
  // the webapps' login is guarded by their CSRF token: any read of their API hands it out in a header; the welcome
  // app, because catalog maintainers have no Tasklist
  const probe = await fetch('/camunda/api/admin/auth/user/default', { credentials: 'same-origin' });
  const response = await fetch('/camunda/api/admin/auth/user/default/login/welcome', {
    method: 'POST', credentials: 'same-origin', body,
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-XSRF-TOKEN': probe.headers.get('X-XSRF-TOKEN') }
  });
  if (!response.ok) {
    showError($('loginError'), response.status === 429 ? '登录失败次数过多，请稍后再试。' : '用户名或密码错误。');
    $('password').value = '';
    $('password').focus();
    return;
  }
  showError($('loginError'), '');
  $('password').value = '';
  await loadSession();
});

// ------------------------------------------------------------------------------------------------ upload

$('uploadForm').addEventListener('submit', async (event) => {
  event.preventDefault();
  const file = $('file').files[0];
  if (!file) {
    showError($('uploadError'), '请选择要上传的工作簿。');
    return;
  }
  const form = new FormData();
  form.append('file', file);
  $('upload').disabled = true;
  showError($('uploadError'), '');
  try {
    const response = await fetch('/api/catalog/imports', {
      method: 'POST', credentials: 'same-origin', body: form, headers: { 'X-Staff-Token': session.token }
    });
    if (!response.ok) {
      showError($('uploadError'), await problem(response));
      return;
    }
    showPreview(await response.json());
  } finally {
    $('upload').disabled = false;
  }
});

function cell(row, text, className) {
  const td = document.createElement('td');
  if (className) td.className = className;
  td.textContent = text;
  row.appendChild(td);
  return td;
}

function named(code, name) {
  const td = document.createElement('td');
  td.textContent = code || '';
  if (name) {
    const small = document.createElement('small');
    small.textContent = name;
    td.appendChild(small);
  }
  return td;
}

function showPreview(preview) {
  current = preview;
  $('result').hidden = true;
  $('dropped').hidden = true;
  $('preview').hidden = false;
  $('previewFile').textContent = preview.fileName;
  $('countNew').textContent = preview.counts.newRows;
  $('countChanged').textContent = preview.counts.changed;
  $('countUnchanged').textContent = preview.counts.unchanged;
  $('countRefused').textContent = preview.counts.refused;
  const notes = $('notes');
  notes.replaceChildren();
  preview.notes.forEach((note) => {
    const li = document.createElement('li');
    li.textContent = note;
    notes.appendChild(li);
  });
  const body = $('rows').querySelector('tbody');
  body.replaceChildren();
  preview.rows.filter((r) => r.status !== 'UNCHANGED').forEach((r) => {
    const tr = document.createElement('tr');
    tr.className = r.status;
    cell(tr, r.sheet);
    cell(tr, String(r.row));
    tr.appendChild(named(r.matterCode, r.matterName));
    tr.appendChild(named(r.certificateCode, r.certificateName));
    cell(tr, r.statusLabel, 'status');
    const what = cell(tr, '', 'change');
    if (r.status === 'REFUSED') {
      what.textContent = r.reason;
    } else {
      r.changes.forEach((c) => {
        const line = document.createElement('div');
        line.append(c.field + '：');
        if (c.from) {
          const del = document.createElement('del');
          del.textContent = c.from;
          line.append(del, ' → ');
        }
        const ins = document.createElement('ins');
        ins.textContent = c.to || '（空）';
        line.append(ins);
        what.appendChild(line);
      });
    }
    body.appendChild(tr);
  });
  const proposes = preview.counts.newRows + preview.counts.changed > 0;
  $('confirm').hidden = !proposes;
  $('confirm').textContent = preview.counts.refused > 0 ? '确认导入（跳过被拒绝的行）' : '确认导入';
  $('nothingToConfirm').hidden = proposes;
  $('decision').hidden = false;
  showError($('decisionError'), '');
  $('preview').scrollIntoView();
}

// ------------------------------------------------------------------------------------------------ decision

async function decide(method, path, body) {
  $('confirm').disabled = true;
  $('drop').disabled = true;
  showError($('decisionError'), '');
  try {
    const headers = { 'X-Staff-Token': session.token };
    if (body) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, {
      method, credentials: 'same-origin', headers, body: body ? JSON.stringify(body) : undefined
    });
    if (!response.ok) {
      showError($('decisionError'), await problem(response));
      return null;
    }
    $('decision').hidden = true;
    return await response.json();
  } finally {
    $('confirm').disabled = false;
    $('drop').disabled = false;
  }
}

$('confirm').addEventListener('click', async () => {
  const body = current.counts.refused > 0 ? { withRefusedRows: 'skip' } : {};
  const confirmed = await decide('POST', '/api/catalog/imports/' + current.id + '/confirmation', body);
  if (!confirmed) return;
  $('proposalNumber').textContent = confirmed.proposalNumber;
  $('result').hidden = false;
  $('result').scrollIntoView();
});

$('drop').addEventListener('click', async () => {
  const dropped = await decide('DELETE', '/api/catalog/imports/' + current.id);
  if (!dropped) return;
  $('preview').hidden = true;
  $('dropped').hidden = false;
});

loadSession();
