// report.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
(() => {
  const $ = (id) => document.getElementById(id);
  const LABELS = { departmentCode: '部门', matterCode: '事项', certificateCode: '证明', demandedOn: '被索要的日期',
    contactName: '联系人', contactPhone: '联系电话', details: '情况说明' };
  const chinese = (text) => (text || '').split(' / ')[0];
  // a refused field is named in errors[], in the field's own words of this form
  const explain = (body) => (body.errors && body.errors.length
    ? body.errors.map(e => (LABELS[e.field] || e.field) + '：' + chinese(e.message)).join('；')
    : chinese(body.detail || body.title));
  let departments = [];

  const fill = (select, items, prompt) => {
    const options = [new Option(prompt, '')].concat(items.map(item => new Option(item.name, item.code)));
    select.replaceChildren(...options);
    select.disabled = items.length === 0;
  };
  const department = () => departments.find(d => d.code === $('department').value);
  const matter = () => (department() ? department().matters.find(m => m.code === $('matter').value) : undefined);
  const certificate = () => (matter() ? matter().certificates.find(c => c.code === $('certificate').value) : undefined);

  $('department').addEventListener('change', () => {
    fill($('matter'), department() ? department().matters : [], '请选择事项');
    fill($('certificate'), [], '请先选择事项');
    $('disposition').textContent = '';
  });
  $('matter').addEventListener('change', () => {
    fill($('certificate'), matter() ? matter().certificates : [], '请选择证明');
    $('disposition').textContent = '';
  });
  $('certificate').addEventListener('change', () => {
    const chosen = certificate();
    $('disposition').textContent = chosen ? '证明清单中该证明为「' + chosen.dispositionLabel + '」，部门不应再要求您提供。' : '';
  });

  const showError = (text) => { $('message').className = 'message error'; $('message').textContent = text; };

  $('reportForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/public/api/demand-reports', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        departmentCode: $('department').value,
        matterCode: $('matter').value,
        certificateCode: $('certificate').value,
        demandedOn: $('demandedOn').value,
        contactName: $('contactName').value,
        contactPhone: $('contactPhone').value,
        details: $('details').value
      })
    });
    const body = await response.json();
    if (!response.ok) { showError(explain(body)); return; }
    sessionStorage.setItem('zpp.report', body.trackingNumber);
    $('trackingNumber').textContent = body.trackingNumber;
    $('acceptedMessage').textContent = chinese(body.message);
    $('reportForm').hidden = true;
    $('accepted').hidden = false;
  });

  // the public catalog links here with ?matter=<code>: choose its department and the matter
  const prefill = () => {
    const code = new URLSearchParams(location.search).get('matter');
    const owner = code && departments.find(d => d.matters.some(m => m.code === code));
    if (!owner) return;
    $('department').value = owner.code;
    $('department').dispatchEvent(new Event('change'));
    $('matter').value = code;
    $('matter').dispatchEvent(new Event('change'));
  };

  $('demandedOn').max = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
  fetch('/public/api/demand-reports/choices', { headers: { Accept: 'application/json' } })
    .then(response => (response.ok ? response.json() : Promise.reject(new Error('HTTP ' + response.status))))
    .then(choices => { departments = choices; fill($('department'), choices, '请选择部门'); prefill(); })
    .catch(() => showError('部门和证明清单加载失败，请稍后刷新重试，或拨打12345热线反映。'));
})();
