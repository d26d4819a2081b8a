// track.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
  const time = (iso) => new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  document.getElementById('trackForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = document.getElementById('error');
    const progress = document.getElementById('progress');
    const response = await fetch('/public/api/track', {
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
    document.getElementById('state').textContent = body.caseNo + '：' + body.stateLabel;
    document.getElementById('deadline').textContent = body.deadline ? '承诺办结日期：' + body.deadline : '';
    const steps = document.getElementById('steps');
    steps.replaceChildren(...body.steps.map(s => {
      const li = document.createElement('li');
      li.textContent = s.label;
      const t = document.createElement('time'); t.textContent = time(s.at); li.appendChild(t);
      return li;
    }));
    progress.hidden = false;
  });
