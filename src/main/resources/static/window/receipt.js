// receipt.html: the receipt (受理回执) of /window/receipts/{caseNo}, read with the clerk's webapp login, for A4.
'use strict';

(async () => {
  const $ = (id) => document.getElementById(id);
  const caseNo = decodeURIComponent(location.pathname.split('/').pop());
  const response = await fetch('/api/window/receipts/' + encodeURIComponent(caseNo), { credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    $('error').className = 'message error';
    $('error').textContent = response.status === 401 ? '请先在窗口受理页面登录。'
      : (body.detail || body.title || '无法读取回执').split(' / ')[0];
    return;
  }
  const when = new Date(body.receivedAt).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
  $('title').textContent = body.title;
  $('state').textContent = '当前状态：' + body.stateLabel;
  $('caseNo').textContent = body.caseNo;
  $('subject').textContent = body.subject;
  const a = body.applicant;
  $('applicant').textContent = a.type === 'COMPANY'
    ? '企业：' + a.name + '　统一社会信用代码 ' + a.creditCode + '　联系人 ' + a.contactName + '　手机 ' + a.phone
    : a.name + '　身份证号 ' + a.idNumber + '　手机 ' + a.phone;
  $('window').textContent = body.window;
  $('clerk').textContent = body.clerk + '　' + when;
  $('expected').textContent = (body.expectedBy ? body.expectedBy + ' 前' : '') + (body.expectedNote ? '（' + body.expectedNote + '）' : '');
  $('certificates').replaceChildren(...body.certificates.map((c) => {
    const tr = document.createElement('tr');
    [c.certificateName, c.handling, c.plan].forEach((text) => {
      const td = document.createElement('td');
      td.textContent = text || '';
      tr.appendChild(td);
    });
    return tr;
  }));
  $('qr').src = body.qrCode;
  $('trackUrl').textContent = body.trackUrl;
  $('receipt').hidden = false;
  $('print').addEventListener('click', () => window.print());
  document.title = body.title + ' ' + body.caseNo + ' - 证跑跑';
})();
