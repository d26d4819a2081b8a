// rate.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
  const params = new URLSearchParams(location.search);
  if (params.get('caseNo')) document.getElementById('caseNo').value = params.get('caseNo');
  document.getElementById('rateForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const form = event.target;
    const message = document.getElementById('message');
    const response = await fetch('/public/api/ratings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseNo: form.caseNo.value, phone: form.phone.value,
        level: form.level.value, comment: form.comment.value })
    });
    const body = await response.json();
    message.className = response.ok ? 'message ok' : 'message error';
    message.textContent = response.ok ? body.message
      : (body.detail ? body.detail.replace(/^[a-zA-Z]+: /, '').split(' / ')[0] : body.title);
  });
