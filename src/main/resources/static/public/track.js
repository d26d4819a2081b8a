// track.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts.
// Case numbers starting BJ are certificate-free applications (办件), the others proxy-runs (代跑); the receipt's QR
// code opens this page with ?caseNo= filled in.
  const time = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  const given = new URLSearchParams(location.search).get('caseNo');
  if (given) {
    caseNo.value = given;
    phone.focus();
  }
  const item = (text, note) => {
    const li = document.createElement('li');
    li.textContent = text;
    if (note) { const t = document.createElement('time'); t.textContent = note; li.appendChild(t); }
    return li;
  };
  document.getElementById('trackForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = document.getElementById('error');
    const progress = document.getElementById('progress');
    const application = /^\s*BJ/i.test(caseNo.value);
    const response = await fetch(application ? '/public/api/applications/track' : '/public/api/track', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseNo: caseNo.value, phone: phone.value })
    });
    const body = await response.json();
    if (!response.ok) {
      progress.hidden = true;
      error.className = 'message error';
      error.textContent = body.detail ? body.detail.split(' / ')[0] : body.title;
      return;
    }
    error.className = ''; error.textContent = '';
    const steps = document.getElementById('steps');
    if (application) {
      document.getElementById('state').textContent = body.caseNo + '：' + body.stateLabel;
      document.getElementById('deadline').textContent = body.matterName
        + (body.decidedAt ? '，审批时间：' + time(body.decidedAt) : '')
        + (body.resultDeliveryLabel ? '，结果' + body.resultDeliveryLabel : '')
        + (body.postalTrackingNumber ? '（邮件号 ' + body.postalTrackingNumber + '）' : '');
      steps.replaceChildren(...body.certificates.map(c => item(c.certificateName + '：' + c.handling + '（' + c.status + '）')));
    } else {
      document.getElementById('state').textContent = body.caseNo + '：' + body.stateLabel;
      document.getElementById('deadline').textContent = body.deadline ? '承诺办结日期：' + body.deadline : '';
      steps.replaceChildren(...body.steps.map(s => item(s.label, time(s.at))));
    }
    progress.hidden = false;
  });
