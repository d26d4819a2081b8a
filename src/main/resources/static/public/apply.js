// apply.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
(() => {
  const api = '/public/api/platform-simulator';
  const $ = (id) => document.getElementById(id);
  const chinese = (text) => (text || '').split(' / ')[0];
  const explain = (body) => (body.errors && body.errors.length
    ? chinese(body.errors[0].message) : chinese(body.detail || body.title));
  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };
  const say = (id, ok, text) => { $(id).className = 'message ' + (ok ? 'ok' : 'error'); $(id).textContent = text; };
  const call = async (method, path, body) => {
    const headers = { Accept: 'application/json' };
    if (body) headers['Content-Type'] = 'application/json';
    if (state.token) headers['X-Simulator-Session'] = state.token;
    let response;
    try {
      response = await fetch(path, { method, headers, body: body ? JSON.stringify(body) : undefined });
    } catch (e) {
      return { ok: false, status: 0, body: { detail: '网络连接失败，请稍后重试。' } };
    }
    if (response.status === 404 && path.startsWith(api)) {
      return { ok: false, status: 404, body: { detail: '模拟平台未启用（仅演示环境提供）。' } };
    }
    let parsed = {};
    try { parsed = await response.json(); } catch (e) { /* no body */ }
    return { ok: response.ok, status: response.status, body: parsed };
  };
  const state = { reference: null, token: null, matter: null, platformId: null };

  // step 1: the phone
  $('phoneForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', api + '/codes', { phone: $('phone').value.trim() });
    if (!answer.ok) return say('phoneMessage', false, explain(answer.body));
    state.reference = answer.body.reference;
    say('phoneMessage', true, '验证码已发送至 ' + answer.body.sentTo + '。');
    $('codeHint').textContent = '请输入短信中的6位验证码，' + answer.body.validMinutes + '分钟内有效。';
    $('sendCode').textContent = '重新获取验证码';
    $('codeForm').hidden = false;
    $('code').focus();
  });

  // step 2: the code
  $('codeForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const answer = await call('POST', api + '/sessions', { reference: state.reference, code: $('code').value.trim() });
    if (!answer.ok) return say('codeMessage', false, explain(answer.body));
    state.token = answer.body.token;
    say('codeMessage', true, '手机号已验证。');
    $('phoneForm').hidden = true;
    $('codeForm').hidden = true;
    $('applicationForm').hidden = false;
    loadDivisions();
    search();
  });

  // step 3: the matter, as on /public/catalog, only those that can be done online
  const certificateItem = (c) => {
    const item = element('li', 'certificate ' + c.disposition.toLowerCase());
    const head = element('p', 'certificate-name');
    head.append(element('strong', null, c.name), element('span', 'code', c.code));
    item.append(head, element('p', 'treatment', c.treatment));
    if (c.treatment.startsWith('以告知承诺替代')) {
      const label = element('label', 'commitment');
      const box = element('input');
      box.type = 'checkbox';
      box.value = c.code;
      box.className = 'commitment-box';
      label.append(box, document.createTextNode(' 本人承诺：' + (c.detail || '所述情况属实')));
      item.append(label);
    } else if (c.detail) {
      item.append(element('p', 'hint', c.detail));
    }
    return item;
  };
  const choose = (m) => {
    state.matter = m;
    $('chosenName').textContent = '已选：' + m.name + '（' + m.department + '）';
    $('certificates').replaceChildren(...(m.certificates.length ? m.certificates.map(certificateItem)
      : [element('li', 'hint', '本事项无需任何证明。')]));
    $('chosen').hidden = false;
  };
  const matterOption = (m) => {
    const label = element('label', 'matter-option');
    const radio = element('input');
    radio.type = 'radio';
    radio.name = 'matter';
    radio.value = m.code;
    radio.addEventListener('change', () => choose(m));
    label.append(radio, document.createTextNode(' ' + m.name + '（' + m.department + '）'));
    return label;
  };
  let latest = 0;
  const search = async () => {
    const asked = ++latest;
    const answer = await call('GET', '/public/api/catalog/matters?q=' + encodeURIComponent($('q').value.trim()));
    if (asked !== latest) return;
    if (!answer.ok) return say('applicationMessage', false, explain(answer.body));
    const online = answer.body.matters.filter(m => m.online);
    // best match first, as on /public/catalog; ten to choose from on a phone
    const shown = online.slice(0, 10);
    $('summary').textContent = online.length === 0 ? '没有找到可网办的事项，请换个说法试试。'
      : online.length > shown.length ? '找到 ' + online.length + ' 个可网办事项，显示最相关的 ' + shown.length + ' 个，输入名称可缩小范围：'
        : '找到 ' + online.length + ' 个可网办事项，请选择：';
    $('matters').replaceChildren(...shown.map(matterOption));
  };
  let timer;
  $('q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
  $('q').addEventListener('keydown', (event) => {
    if (event.key === 'Enter') { event.preventDefault(); clearTimeout(timer); search(); }
  });

  $('applicantType').addEventListener('change', () => {
    const company = $('applicantType').value === 'COMPANY';
    $('personFields').hidden = company;
    $('companyFields').hidden = !company;
    $('applicantNameLabel').textContent = company ? '企业名称' : '姓名';
  });

  let townships = [];
  const option = (value, text) => { const o = element('option', null, text); o.value = value; return o; };
  const loadDivisions = async () => {
    const answer = await call('GET', api + '/divisions');
    if (!answer.ok) return say('applicationMessage', false, explain(answer.body));
    townships = answer.body;
    $('township').replaceChildren(option('', '请选择'), ...townships.map(t => option(t.code, t.name)));
  };
  $('township').addEventListener('change', () => {
    const township = townships.find(t => t.code === $('township').value);
    $('village').disabled = !township;
    $('village').replaceChildren(option('', township ? '请选择' : '请先选择乡镇（街道）'),
      ...(township ? township.villages.map(v => option(v.code, v.name)) : []));
  });

  $('applicationForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!state.matter) return say('applicationMessage', false, '请选择要办理的事项。');
    const company = $('applicantType').value === 'COMPANY';
    $('submitApplication').disabled = true;
    say('applicationMessage', true, '正在提交，请稍候…');
    const answer = await call('POST', api + '/applications', {
      applicantType: company ? 'COMPANY' : 'PERSON',
      applicantName: $('applicantName').value.trim(),
      idNumber: company ? null : $('idNumber').value.trim(),
      creditCode: company ? $('creditCode').value.trim() : null,
      contactName: company ? $('contactName').value.trim() : null,
      townshipCode: $('township').value,
      villageCode: $('village').value,
      matterCode: state.matter.code,
      commitments: [...document.querySelectorAll('.commitment-box:checked')].map(b => b.value)
    });
    $('submitApplication').disabled = false;
    if (!answer.ok) return say('applicationMessage', false, explain(answer.body));
    state.platformId = answer.body.platformApplicationId;
    $('applicationForm').hidden = true;
    $('done').hidden = false;
    $('caseNo').textContent = answer.body.caseNo;
    $('platformId').textContent = state.platformId;
    $('status').textContent = answer.body.statusName || '已受理';
    $('trackLink').href = '/public/track?caseNo=' + encodeURIComponent(answer.body.caseNo);
    poll();
  });

  // step 4: the status the county pushed back to the platform
  const poll = async () => {
    const answer = await call('GET', api + '/applications/' + encodeURIComponent(state.platformId));
    if (answer.ok && answer.body.statusName) {
      $('status').textContent = answer.body.statusName + (answer.body.reason ? '（' + answer.body.reason + '）' : '');
    }
    if (answer.status !== 401) setTimeout(poll, 5000);
  };
})();
