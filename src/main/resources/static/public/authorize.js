// authorize.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
  const params = new URLSearchParams(location.search);
  if (params.get('caseNo')) document.getElementById('caseNo').value = params.get('caseNo');
  document.getElementById('authorizeForm').addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = document.getElementById('result');
    const response = await fetch('/public/api/authorizations', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ caseNo: caseNo.value, code: code.value })
    });
    const body = await response.json();
    result.className = 'message ' + (response.ok ? 'ok' : 'error');
    result.textContent = response.ok ? body.message : (body.errors && body.errors.length ? body.errors[0].message : body.detail || body.title).split(' / ')[0];
  });
