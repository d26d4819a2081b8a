// catalog.html's script, in a file of its own so that the page's Content-Security-Policy can forbid inline scripts
(() => {
  const $ = (id) => document.getElementById(id);
  const chinese = (text) => (text || '').split(' / ')[0];
  const explain = (body) => (body.errors && body.errors.length
    ? '事项名称' + chinese(body.errors[0].message)
    : chinese(body.detail || body.title));
  const element = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  };
  const fact = (list, term, value) => {
    if (!value) return;
    list.append(element('dt', null, term), element('dd', null, value));
  };
  // a date as the county reads it: 2018年3月1日
  const day = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    return y + '年' + m + '月' + d + '日';
  };

  const certificateItem = (c) => {
    const item = element('li', 'certificate ' + c.disposition.toLowerCase());
    const head = element('p', 'certificate-name');
    head.append(element('strong', null, c.name), element('span', 'code', c.code));
    item.append(head, element('p', 'treatment', c.treatment));
    const facts = element('dl', 'facts');
    fact(facts, c.disposition === 'CANCELLED' ? '取消理由' : '说明', c.detail);
    fact(facts, '依据', c.legalBasis);
    fact(facts, '调整日期', day(c.changedOn));
    item.append(facts);
    return item;
  };

  const matterItem = (m) => {
    const details = element('details', 'matter');
    const summary = element('summary');
    summary.append(element('span', 'matter-name', m.name));
    const tags = element('span', 'tags');
    tags.append(element('span', 'tag', m.category), element('span', 'tag', m.department));
    if (m.oneId) tags.append(element('span', 'tag one-id', '一证通办'));
    if (m.zeroTrip) tags.append(element('span', 'tag', '零跑腿'));
    else if (m.online) tags.append(element('span', 'tag', '可网办'));
    summary.append(tags);
    details.append(summary);
    if (m.certificates.length === 0) {
      details.append(element('p', 'hint', '本事项的证明清单中没有证明：无需提交任何证明。'));
    } else {
      details.append(element('p', 'hint', '以下证明您都不用自己去开：'));
      const list = element('ul', 'certificates');
      m.certificates.forEach(c => list.append(certificateItem(c)));
      details.append(list);
    }
    const report = element('a', 'report', '办理本事项时被索要清单外或已取消的证明？去举报');
    report.href = '/public/report?matter=' + encodeURIComponent(m.code);
    const line = element('p');
    line.append(report);
    details.append(line);
    return details;
  };

  let latest = 0;
  const search = async () => {
    const q = $('q').value.trim();
    const asked = ++latest;
    let response;
    try {
      response = await fetch('/public/api/catalog/matters?q=' + encodeURIComponent(q), { headers: { Accept: 'application/json' } });
    } catch (e) {
      if (asked === latest) $('error').textContent = '证明清单加载失败，请稍后重试。';
      return;
    }
    const body = await response.json();
    if (asked !== latest) return; // an earlier answer that came late: a newer search is on its way
    if (!response.ok) {
      $('error').className = 'message error';
      $('error').textContent = explain(body);
      return;
    }
    $('error').className = '';
    $('error').textContent = '';
    $('summary').textContent = body.total === 0 ? '没有找到相关事项，请换个说法试试。'
      : body.total > body.shown ? '共 ' + body.total + ' 个事项，显示前 ' + body.shown + ' 个，输入名称可缩小范围。'
        : '共 ' + body.total + ' 个事项，点开查看证明。';
    $('matters').replaceChildren(...body.matters.map(matterItem));
    if (body.matters.length === 1) $('matters').firstChild.open = true;
  };

  let timer;
  $('q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(search, 300); });
  $('searchForm').addEventListener('submit', (event) => { event.preventDefault(); clearTimeout(timer); search(); });

  const asked = new URLSearchParams(location.search).get('q');
  if (asked) $('q').value = asked.slice(0, 50);
  search();
})();
