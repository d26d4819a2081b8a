/*
 * 证跑跑考核指标看板: reads /api/kpi and /api/kpi/rates with the browser's Camunda webapp session (log in to Cockpit
 * first) or HTTP Basic, and draws its charts as plain SVG, so the page works on a closed network without any CDN.
 */
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var COLORS = { blue: '#1f6fb2', green: '#2e8b57', orange: '#e08a1e', red: '#c0392b', purple: '#7b52ab', grey: '#99a' };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function svgEl(tag, attrs, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined && text !== null) { node.textContent = text; }
    return node;
  }

  function pct(value) { return value === null || value === undefined ? '—' : (value * 100).toFixed(1) + '%'; }
  function num(value, digits) { return value === null || value === undefined ? '—' : Number(value).toFixed(digits || 0); }

  function pad(n) { return n < 10 ? '0' + n : String(n); }
  function monthOf(date) { return date.getFullYear() + '-' + pad(date.getMonth() + 1); }
  function lastDay(month) {
    var parts = month.split('-').map(Number);
    return month + '-' + pad(new Date(parts[0], parts[1], 0).getDate());
  }
  function monthLabel(month) { var p = month.split('-'); return p[0] + '年' + Number(p[1]) + '月'; }

  // --- data

  function fetchJson(path) {
    return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
      if (response.ok) { return response.json(); }
      var error = new Error('HTTP ' + response.status);
      error.status = response.status;
      return response.json().catch(function () { return {}; }).then(function (body) {
        error.detail = body && (body.detail || body.title);
        throw error;
      });
    });
  }

  function showMessage(text, info) {
    var box = $('message');
    box.textContent = '';
    box.className = 'message' + (info ? ' info' : '');
    if (typeof text === 'string') { box.textContent = text; } else { box.appendChild(text); }
    box.hidden = false;
  }

  function explain(error) {
    if (error.status === 401) {
      var p = el('span', {}, '请先登录：用跑改办、督考办账号登录 ');
      p.appendChild(el('a', { href: '/camunda/app/cockpit/' }, 'Cockpit'));
      p.appendChild(document.createTextNode(' 后刷新本页。'));
      return p;
    }
    if (error.status === 403) {
      return '本看板仅供跑改办、督考办（managers）和系统管理员查看。';
    }
    return '数据加载失败：' + (error.detail || error.message);
  }

  // --- cards

  function card(container, label, value, detail, warn) {
    var box = el('div', { 'class': 'card' + (warn ? ' warn' : '') });
    box.appendChild(el('div', { 'class': 'label' }, label));
    box.appendChild(el('div', { 'class': 'value' }, value));
    if (detail) { box.appendChild(el('div', { 'class': 'detail' }, detail)); }
    container.appendChild(box);
  }

  function rateCard(container, label, rate, unit) {
    card(container, label, pct(rate.value), rate.numerator + ' / ' + rate.denominator + ' ' + unit);
  }

  function renderCards(rates, total) {
    var rateCards = $('rateCards');
    rateCards.textContent = '';
    rateCard(rateCards, '一证通办率（按办件）', rates.oneIdRate, '件办件');
    rateCard(rateCards, '零跑腿率（按办件）', rates.zeroTripRate, '件已审批的办件');
    rateCard(rateCards, '网上办率（按办件）', rates.onlineRate, '件受理的办件');
    rateCard(rateCards, '满意率', rates.satisfactionRate, '条评价');

    var runCards = $('runCards');
    runCards.textContent = '';
    card(runCards, '代跑受理 / 办结', total.runsOpened + ' / ' + total.runsHandled,
      '送达 ' + total.delivered + '，不予出具 ' + total.refused + '，授权过期 ' + total.authorizationsExpired);
    card(runCards, '企业申请（代跑 / 办件）', total.companyRunsOpened + ' / ' + rates.applications.companies,
      '个人：代跑 ' + (total.runsOpened - total.companyRunsOpened) + '，办件 ' + rates.applications.persons);
    card(runCards, '按时办结率', pct(total.onTimeRate), total.onTime + ' / ' + total.runsHandled + ' 件按时');
    card(runCards, '送达工作日（平均 / P90）', num(total.averageWorkingDaysToDelivery, 1) + ' / ' +
      num(total.p90WorkingDaysToDelivery), '从受理日到送达日');
    card(runCards, '黄牌 / 红牌', total.yellowCards + ' / ' + total.redCards,
      '2级督办 ' + total.escalations.level2 + '，3级督办 ' + total.escalations.level3, total.redCards > 0);
    card(runCards, '例外办结', String(total.exceptions), '工作专班例外办结的代跑', total.exceptions > 0);
    card(runCards, '差评 / 按时整改', total.badRatings + ' / ' + total.rectifiedOnTime,
      '按时整改率 ' + pct(total.rectificationOnTimeRate) + '，超期 ' + total.rectificationOverdue +
      '，整改中 ' + total.rectificationPending, total.rectificationOverdue > 0);
    card(runCards, '属实举报', String(total.confirmedDemandReports), '群众举报清单外索要证明、经核实属实的',
      total.confirmedDemandReports > 0);
  }

  // --- charts

  function legend(container, items) {
    var box = el('div', { 'class': 'legend' });
    items.forEach(function (item) {
      var span = el('span', {});
      // through the CSSOM: the page's Content-Security-Policy refuses style attributes
      var swatch = el('i', {});
      swatch.style.background = item.color;
      span.appendChild(swatch);
      span.appendChild(document.createTextNode(item.name));
      box.appendChild(span);
    });
    container.appendChild(box);
  }

  function niceMax(value) {
    if (value <= 5) { return 5; }
    var power = Math.pow(10, Math.floor(Math.log10(value)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) { if (steps[i] * power >= value) { return steps[i] * power; } }
    return 10 * power;
  }

  /** Bars on a count axis (left) and lines on a 0–100 % axis (right), one slot per label. */
  function comboChart(container, labels, bars, lines) {
    container.textContent = '';
    if (!labels.length) { container.appendChild(el('div', { 'class': 'empty' }, '无数据')); return; }
    var W = 640, H = 260, L = 44, R = 48, T = 14, B = 34;
    var w = W - L - R, h = H - T - B, slot = w / labels.length;
    var svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    var max = niceMax(Math.max.apply(null, (bars ? bars.values : [0]).concat([0])));
    for (var g = 0; g <= 4; g++) {
      var y = T + h - h * g / 4;
      svg.appendChild(svgEl('line', { x1: L, x2: L + w, y1: y, y2: y, 'class': 'grid' }));
      if (bars) { svg.appendChild(svgEl('text', { x: L - 6, y: y + 4, 'text-anchor': 'end' }, String(Math.round(max * g / 4)))); }
      svg.appendChild(svgEl('text', { x: L + w + 6, y: y + 4 }, (25 * g) + '%'));
    }
    svg.appendChild(svgEl('line', { x1: L, x2: L + w, y1: T + h, y2: T + h, 'class': 'axis' }));
    var every = Math.ceil(labels.length / 12);
    labels.forEach(function (label, i) {
      if (i % every === 0) {
        svg.appendChild(svgEl('text', { x: L + slot * (i + 0.5), y: T + h + 16, 'text-anchor': 'middle' }, label));
      }
    });
    if (bars) {
      bars.values.forEach(function (value, i) {
        var bh = max ? h * value / max : 0;
        var rect = svgEl('rect', { x: L + slot * i + slot * 0.2, y: T + h - bh, width: slot * 0.6, height: bh, fill: bars.color, opacity: 0.75 });
        rect.appendChild(svgEl('title', {}, labels[i] + ' ' + bars.name + '：' + value));
        svg.appendChild(rect);
      });
    }
    lines.forEach(function (line) {
      var points = [];
      line.values.forEach(function (value, i) {
        if (value === null || value === undefined) { return; }
        var x = L + slot * (i + 0.5), y = T + h - h * value;
        points.push(x + ',' + y);
        var dot = svgEl('circle', { cx: x, cy: y, r: 3, fill: line.color });
        dot.appendChild(svgEl('title', {}, labels[i] + ' ' + line.name + '：' + pct(value)));
        svg.appendChild(dot);
      });
      if (points.length > 1) {
        svg.appendChild(svgEl('polyline', { points: points.join(' '), fill: 'none', stroke: line.color, 'stroke-width': 2 }));
      }
    });
    container.appendChild(svg);
    legend(container, (bars ? [bars] : []).concat(lines));
  }

  /** One horizontal bar per row, a rate between 0 and 1. */
  function rateBars(container, rows, field, color) {
    container.textContent = '';
    var shown = rows.filter(function (r) { return r[field] !== null && r[field] !== undefined; });
    if (!shown.length) { container.appendChild(el('div', { 'class': 'empty' }, '期间内没有办结的代跑')); return; }
    var W = 640, row = 22, L = 150, R = 56, T = 6;
    var H = T * 2 + row * shown.length, w = W - L - R;
    var svg = svgEl('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img' });
    shown.forEach(function (r, i) {
      var y = T + row * i;
      svg.appendChild(svgEl('text', { x: L - 8, y: y + 15, 'text-anchor': 'end' }, r.name));
      svg.appendChild(svgEl('rect', { x: L, y: y + 4, width: w, height: row - 8, fill: '#eef1f6' }));
      var bar = svgEl('rect', { x: L, y: y + 4, width: w * r[field], height: row - 8, fill: color });
      bar.appendChild(svgEl('title', {}, r.name + '：' + pct(r[field]) + '（办结 ' + r.runsHandled + '）'));
      svg.appendChild(bar);
      svg.appendChild(svgEl('text', { x: L + w + 6, y: y + 15 }, pct(r[field])));
    });
    container.appendChild(svg);
    legend(container, [{ name: '按时办结率', color: color }]);
  }

  // --- league tables

  function rank(rows) {
    function key(v) { return v === null || v === undefined ? -1 : v; }
    return rows.slice().sort(function (a, b) {
      var ah = a.runsHandled > 0, bh = b.runsHandled > 0;
      if (ah !== bh) { return ah ? -1 : 1; }
      return key(b.onTimeRate) - key(a.onTimeRate) ||
        key(b.satisfactionRate) - key(a.satisfactionRate) ||
        b.runsHandled - a.runsHandled ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    });
  }

  /** withReports: the departments' table also counts the citizens' reports found 属实 against them. */
  function leagueTable(table, rows, what, withReports) {
    table.textContent = '';
    var head = el('tr');
    var titles = ['名次', what, '受理', '办结', '按时办结率', '平均送达工作日', 'P90', '黄牌', '红牌', '例外办结', '满意率', '差评', '按时整改'];
    if (withReports) { titles.push('属实举报'); }
    titles.forEach(function (title, i) { head.appendChild(el('th', i === 1 ? { 'class': 'name' } : {}, title)); });
    table.appendChild(head);
    var place = 0;
    rows.forEach(function (r) {
      var ranked = r.runsHandled > 0;
      if (ranked) { place++; }
      var tr = el('tr', ranked && place <= 3 ? { 'class': 'top' } : {});
      tr.appendChild(el('td', { 'class': 'rank' }, ranked ? String(place) : '—'));
      tr.appendChild(el('td', { 'class': 'name' }, r.name));
      [r.runsOpened, r.runsHandled].forEach(function (v) { tr.appendChild(el('td', {}, String(v))); });
      tr.appendChild(el('td', {}, pct(r.onTimeRate)));
      tr.appendChild(el('td', {}, num(r.averageWorkingDaysToDelivery, 1)));
      tr.appendChild(el('td', {}, num(r.p90WorkingDaysToDelivery)));
      tr.appendChild(el('td', {}, String(r.yellowCards)));
      tr.appendChild(el('td', r.redCards ? { 'class': 'bad' } : {}, String(r.redCards)));
      tr.appendChild(el('td', r.exceptions ? { 'class': 'bad' } : {}, String(r.exceptions)));
      tr.appendChild(el('td', {}, pct(r.satisfactionRate)));
      tr.appendChild(el('td', r.badRatings ? { 'class': 'bad' } : {}, String(r.badRatings)));
      tr.appendChild(el('td', {}, r.rectifiedOnTime + ' / ' + (r.rectifiedOnTime + r.rectificationOverdue)));
      if (withReports) {
        tr.appendChild(el('td', r.confirmedDemandReports ? { 'class': 'bad' } : {}, String(r.confirmedDemandReports)));
      }
      table.appendChild(tr);
    });
  }

  function catalogTable(table, tallies) {
    table.textContent = '';
    var batches = [], dispositions = [], counts = {};
    tallies.forEach(function (t) {
      if (batches.indexOf(t.batchName) < 0) { batches.push(t.batchName); }
      if (dispositions.indexOf(t.dispositionName) < 0) { dispositions.push(t.dispositionName); }
      counts[t.batchName + '|' + t.dispositionName] = t.entries;
    });
    var head = el('tr');
    head.appendChild(el('th', { 'class': 'name' }, '批次'));
    dispositions.forEach(function (d) { head.appendChild(el('th', {}, d)); });
    head.appendChild(el('th', {}, '合计'));
    table.appendChild(head);
    batches.forEach(function (b) {
      var tr = el('tr'), sum = 0;
      tr.appendChild(el('td', { 'class': 'name' }, b));
      dispositions.forEach(function (d) {
        var n = counts[b + '|' + d] || 0;
        sum += n;
        tr.appendChild(el('td', {}, String(n)));
      });
      tr.appendChild(el('td', {}, String(sum)));
      table.appendChild(tr);
    });
  }

  // --- matter-level figures (事项口径)

  function renderMatterFigures(figures) {
    $('matterDate').textContent = '截至 ' + figures.date;
    var cards = $('matterCards');
    cards.textContent = '';
    [figures.livelihoodOneIdRate, figures.onlineRate, figures.zeroTripRate].forEach(function (figure) {
      card(cards, figure.label, pct(figure.value), figure.numerator + ' / ' + figure.denominator + ' 个事项');
    });
    card(cards, '累计清理证明数', String(figures.clearedCumulative),
      figures.batches.map(function (b) { return b.name + ' ' + b.cleared; }).join('，') || '统计日尚无已公布的清单');

    var table = $('batchTable');
    table.textContent = '';
    var head = el('tr');
    ['批次', '公布日期', '砍掉', '共享', '替代', '代跑', '清理证明数', '累计'].forEach(function (title, i) {
      head.appendChild(el('th', i === 0 ? { 'class': 'name' } : {}, title));
    });
    table.appendChild(head);
    figures.batches.forEach(function (b) {
      var tr = el('tr');
      tr.appendChild(el('td', { 'class': 'name' }, b.name));
      tr.appendChild(el('td', {}, b.publishedOn));
      [b.cancelled, b.shared, b.replaced, b.proxyRun, b.cleared, b.cumulative].forEach(function (v) {
        tr.appendChild(el('td', {}, String(v)));
      });
      table.appendChild(tr);
    });
  }

  function today() { var d = new Date(); return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()); }

  /** At the last day of the chosen period, or today while that day is still ahead. */
  function loadMatterFigures(to) {
    var date = lastDay(to), now = today();
    fetchJson('/api/kpi/matter-rates?date=' + (date > now ? now : date)).then(renderMatterFigures).catch(function (error) {
      $('matterCards').textContent = '';
      $('matterCards').appendChild(el('div', { 'class': 'empty' }, '事项口径加载失败：' + (error.detail || error.message)));
    });
  }

  // --- service circle

  function time(value) { return value ? value.substring(0, 16).replace('T', ' ') : '—'; }

  function renderCoverage(coverage) {
    var cards = $('coverageCards');
    cards.textContent = '';
    var gapped = coverage.gaps.length > 0;
    card(cards, '服务圈覆盖率', pct(coverage.rate), gapped ? coverage.gaps.length + ' 个缺口' : '无缺口', gapped);
    card(cards, '村（社区）', coverage.villages.covered + ' / ' + coverage.villages.total, '本村代办员或所属乡镇联动群有人在岗',
      coverage.villages.covered < coverage.villages.total);
    card(cards, '代跑群组', coverage.groups.covered + ' / ' + coverage.groups.total, '县级代跑群和部门条块群',
      coverage.groups.covered < coverage.groups.total);
    renderVillageCoverage(coverage.villageCoverage);

    var table = $('coverageGaps');
    table.textContent = '';
    if (!gapped) { return; }
    var since = {};
    coverage.openGaps.forEach(function (g) { since[g.group] = g; });
    var groups = [], seen = {};
    coverage.gaps.forEach(function (gap) {
      if (!seen[gap.group]) { seen[gap.group] = { group: gap.group, name: gap.groupName, names: [] }; groups.push(seen[gap.group]); }
      seen[gap.group].names.push(gap.name);
    });
    var head = el('tr');
    ['缺人群组', '涉及', '发现时间', '通知跑改办'].forEach(function (title, i) {
      head.appendChild(el('th', i < 2 ? { 'class': 'name' } : {}, title));
    });
    table.appendChild(head);
    groups.forEach(function (g) {
      var open = since[g.group];
      var tr = el('tr');
      tr.appendChild(el('td', { 'class': 'name' }, g.name + '（' + g.group + '）'));
      tr.appendChild(el('td', { 'class': 'name' }, g.names.join('、')));
      tr.appendChild(el('td', {}, open ? time(open.since) : '待巡查'));
      tr.appendChild(el('td', open && open.notifiedAt ? { 'class': 'bad' } : {},
        open ? (open.notifiedAt ? '已通知 ' + time(open.notifiedAt) : '将于 ' + time(open.notifyAt)) : '—'));
      table.appendChild(tr);
    });
  }

  /** The three ways a village is served, and the villages a township runner has to travel to (no agent of their own). */
  function renderVillageCoverage(villages) {
    var cards = $('villageCoverageCards');
    cards.textContent = '';
    card(cards, '本村代办员覆盖', villages.ownAgent + ' 个', '本村有在岗村代办员');
    card(cards, '仅由乡镇联动群覆盖', villages.townshipOnly + ' 个', '本村无在岗代办员，由乡镇联动群代跑');
    card(cards, '未覆盖', villages.uncovered + ' 个', '本村和所属乡镇联动群均无人在岗', villages.uncovered > 0);

    var table = $('townshipOnlyVillages');
    table.textContent = '';
    if (villages.townshipOnlyVillages.length === 0) { return; }
    var byTownship = [], seen = {};
    villages.townshipOnlyVillages.forEach(function (v) {
      if (!seen[v.townshipCode]) { seen[v.townshipCode] = { name: v.townshipName, names: [] }; byTownship.push(seen[v.townshipCode]); }
      seen[v.townshipCode].names.push(v.name);
    });
    var head = el('tr');
    ['乡镇（街道）', '仅由乡镇联动群覆盖的村（社区）', '个数'].forEach(function (title, i) {
      head.appendChild(el('th', i < 2 ? { 'class': 'name' } : {}, title));
    });
    table.appendChild(head);
    byTownship.forEach(function (t) {
      var tr = el('tr');
      tr.appendChild(el('td', { 'class': 'name' }, t.name));
      tr.appendChild(el('td', { 'class': 'name' }, t.names.join('、')));
      tr.appendChild(el('td', {}, String(t.names.length)));
      table.appendChild(tr);
    });
  }

  function loadCoverage() {
    fetchJson('/api/coverage').then(renderCoverage).catch(function (error) {
      $('coverageCards').textContent = '';
      $('coverageCards').appendChild(el('div', { 'class': 'empty' }, '覆盖情况加载失败：' + (error.detail || error.message)));
    });
  }

  // --- page

  function load() {
    var from = $('fromMonth').value, to = $('toMonth').value;
    if (!from || !to || from > to) { showMessage('请选择起止月份（起始不晚于截止）。', true); return; }
    var range = 'from=' + from + '-01&to=' + lastDay(to);
    $('message').hidden = true;
    $('periodLabel').textContent = monthLabel(from) + (from === to ? '' : ' 至 ' + monthLabel(to));
    loadMatterFigures(to);
    Promise.all([
      fetchJson('/api/kpi/rates?' + range),
      fetchJson('/api/kpi?' + range + '&by=MONTH'),
      fetchJson('/api/kpi?' + range + '&by=TOWNSHIP'),
      fetchJson('/api/kpi?' + range + '&by=ISSUER')
    ]).then(function (answers) {
      var rates = answers[0], months = answers[1], townships = answers[2], issuers = answers[3];
      renderCards(rates, months.total);
      var labels = months.rows.map(function (r) { return r.name.replace(/^\d{4}年/, function (y) { return months.rows.length > 12 ? y : ''; }); });
      comboChart($('runTrend'), labels,
        { name: '代跑办结量', color: COLORS.blue, values: months.rows.map(function (r) { return r.runsHandled; }) },
        [{ name: '按时办结率', color: COLORS.green, values: months.rows.map(function (r) { return r.onTimeRate; }) },
          { name: '满意率', color: COLORS.orange, values: months.rows.map(function (r) { return r.satisfactionRate; }) }]);
      comboChart($('rateTrend'), labels, null, [
        { name: '一证通办率（按办件）', color: COLORS.blue, values: rates.months.map(function (m) { return m.oneIdRate.value; }) },
        { name: '零跑腿率（按办件）', color: COLORS.green, values: rates.months.map(function (m) { return m.zeroTripRate.value; }) },
        { name: '网上办率（按办件）', color: COLORS.purple, values: rates.months.map(function (m) { return m.onlineRate.value; }) },
        { name: '满意率', color: COLORS.orange, values: rates.months.map(function (m) { return m.satisfactionRate.value; }) }]);
      var townshipRows = rank(townships.rows);
      rateBars($('townshipChart'), townshipRows, 'onTimeRate', COLORS.green);
      leagueTable($('townshipTable'), townshipRows, '乡镇（街道）');
      var issuerRows = rank(issuers.rows.filter(function (r) { return r.key !== null; }));
      rateBars($('issuerChart'), issuerRows, 'onTimeRate', COLORS.blue);
      leagueTable($('issuerTable'), issuerRows, '出证单位', true);
      catalogTable($('catalogTable'), rates.catalog);
    }).catch(function (error) { showMessage(explain(error)); });
  }

  function updateReportLink() {
    var month = $('reportMonth').value;
    $('reportLink').href = '/api/kpi/report.xlsx?month=' + encodeURIComponent(month);
  }

  document.addEventListener('DOMContentLoaded', function () {
    var now = new Date();
    var start = new Date(now.getFullYear(), now.getMonth() - 11, 1);
    var previous = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    $('fromMonth').value = monthOf(start);
    $('toMonth').value = monthOf(now);
    $('reportMonth').value = monthOf(previous);
    updateReportLink();
    $('reportMonth').addEventListener('change', updateReportLink);
    $('period').addEventListener('submit', function (event) { event.preventDefault(); load(); loadCoverage(); });
    load();
    loadCoverage();
  });
}());
