// report-track.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
(() => {
  const $ = (id) => document.getElementById(id);
  const time = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '—');
  const remembered = sessionStorage.getItem('zpp.report');
  if (remembered) { $('trackingNumber').value = remembered; }

  $('trackForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const response = await fetch('/public/api/demand-reports/track', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ trackingNumber: $('trackingNumber').value })
    });
    const body = await response.json();
    if (!response.ok) {
      $('result').hidden = true;
      $('error').className = 'message error';
      $('error').textContent = body.detail ? body.detail.split(' / ')[0] : body.title;
      return;
    }
    $('error').className = ''; $('error').textContent = '';
    $('status').textContent = body.trackingNumber + '：' + body.statusLabel;
    $('departmentName').textContent = body.departmentName;
    $('matterName').textContent = body.matterName;
    $('certificateName').textContent = body.certificateName + '（清单中为「' + body.dispositionLabel + '」）';
    $('demandedOn').textContent = body.demandedOn;
    $('submittedAt').textContent = time(body.submittedAt);
    $('finding').textContent = body.findingLabel || '正在核实';
    $('reply').textContent = body.reply || '尚未答复';
    $('repliedAt').textContent = time(body.repliedAt);
    $('result').hidden = false;
  });
})();
