// The trend charts of the governance loop page and the team page: one per unit (each its own y axis),
// sharing one time axis, with the loops' intervention runs drawn as shaded spans and their verification
// outcomes as marked lines; under /assets so that pod members' pages may load it too.
(function () {
  const COLOURS = ['#2b6cb0', '#c05621', '#2f855a', '#6b46c1', '#b83280', '#2c7a7b', '#975a16'];
  const OUTCOME_COLOURS = { REDUCED: '#17703a', NOT_REDUCED: '#b7791f', WORSENED: '#b3261e', INCONCLUSIVE: '#6b7280' };
  const SPAN_FILL = 'rgba(43, 108, 176, 0.13)';
  const SPAN_EDGE = 'rgba(43, 108, 176, 0.55)';
  const DAY = 24 * 3600 * 1000;

  const withTimeParts = new Intl.DateTimeFormat('en-GB',
    { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' });
  // "2 Dec 2026 10:04", as the page writes times
  const withTime = { format: date => withTimeParts.format(date).replace(',', '') };
  const dateOnly = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' });

  /** Draws the spans under the lines and the outcome markers over them; counts what it drew (for tests). */
  const loopMarks = {
    id: 'loopMarks',
    beforeDatasetsDraw(chart, args, options) {
      const { ctx, chartArea: area, scales: { x } } = chart;
      let drawn = 0;
      ctx.save();
      options.spans.forEach(span => {
        const from = Math.max(area.left, x.getPixelForValue(span.from));
        const to = Math.min(area.right, Math.max(x.getPixelForValue(span.to), from + 3));
        if (to <= area.left || from >= area.right) return;
        ctx.fillStyle = SPAN_FILL;
        ctx.fillRect(from, area.top, to - from, area.bottom - area.top);
        ctx.strokeStyle = SPAN_EDGE;
        ctx.lineWidth = 1;
        ctx.strokeRect(from, area.top, to - from, area.bottom - area.top);
        // the label inside the span, or before it when the span sits at the right edge
        ctx.fillStyle = '#23304a';
        ctx.font = '11px system-ui, sans-serif';
        const room = area.right - from - 4;
        ctx.textAlign = ctx.measureText(span.short).width > room ? 'right' : 'left';
        ctx.fillText(span.short, ctx.textAlign === 'right' ? from - 4 : from + 4, area.top + 12);
        drawn++;
      });
      ctx.restore();
      chart.$loopMarks = Object.assign(chart.$loopMarks || {}, { spans: drawn });
    },
    afterDatasetsDraw(chart, args, options) {
      const { ctx, chartArea: area, scales: { x } } = chart;
      let drawn = 0;
      ctx.save();
      options.outcomes.forEach((outcome, i) => {
        const px = x.getPixelForValue(outcome.at);
        if (px < area.left || px > area.right) return;
        const colour = OUTCOME_COLOURS[outcome.outcome] || '#23304a';
        ctx.strokeStyle = colour;
        ctx.lineWidth = 2;
        ctx.setLineDash([5, 3]);
        ctx.beginPath();
        ctx.moveTo(px, area.top);
        ctx.lineTo(px, area.bottom);
        ctx.stroke();
        ctx.setLineDash([]);
        ctx.fillStyle = colour;
        ctx.beginPath();
        ctx.arc(px, area.top + 4, 4, 0, 2 * Math.PI);
        ctx.fill();
        ctx.font = 'bold 11px system-ui, sans-serif';
        // in words ("not reduced"), as a person reads it
        const words = outcome.outcome.toLowerCase().replace(/_/g, ' ');
        ctx.textAlign = px + 7 + ctx.measureText(words).width > area.right ? 'right' : 'left';
        ctx.fillText(words, px + (ctx.textAlign === 'right' ? -7 : 7), area.top + 26 + 13 * (i % 2));
        drawn++;
      });
      ctx.restore();
      chart.$loopMarks = Object.assign(chart.$loopMarks || {}, { outcomes: drawn });
    }
  };

  function range(trend) {
    const times = [];
    trend.panels.forEach(p => p.series.forEach(s => s.points.forEach(pt => times.push(Date.parse(pt.x)))));
    trend.spans.forEach(s => times.push(Date.parse(s.from), Date.parse(s.to)));
    trend.outcomes.forEach(o => times.push(Date.parse(o.at)));
    const min = Math.min(...times), max = Math.max(...times);
    const pad = Math.max((max - min) * 0.04, 60 * 1000);
    return { min: min - pad, max: max + pad };
  }

  function tick(span) {
    return v => span > 3 * DAY ? dateOnly.format(new Date(v))
      : span > 2 * 3600 * 1000 ? withTime.format(new Date(v)) : clock.format(new Date(v));
  }

  function listMarks(list, trend) {
    trend.spans.forEach(s => {
      const li = document.createElement('li');
      li.className = 'mark-span';
      li.textContent = withTime.format(new Date(s.from)) + ' – ' + withTime.format(new Date(s.to)) + ': ' + s.label;
      list.appendChild(li);
    });
    trend.outcomes.forEach(o => {
      const li = document.createElement('li');
      li.className = 'mark-outcome outcome-' + o.outcome;
      li.textContent = withTime.format(new Date(o.at)) + ': ' + o.label.replace(': ', ' → ');
      list.appendChild(li);
    });
  }

  window.drawLoopCharts = function (container, marksList, trend) {
    listMarks(marksList, trend);
    if (!trend.panels.length) {
      container.textContent = 'The team has no snapshots to chart yet.';
      return;
    }
    const x = range(trend);
    const spans = trend.spans.map(s => ({ from: Date.parse(s.from), to: Date.parse(s.to), short: s.label.replace(/^Iteration (\d+): /, '#$1 ').replace(/ \(.*\)$/, '') }));
    const outcomes = trend.outcomes.map(o => ({ at: Date.parse(o.at), outcome: o.outcome }));
    let colour = 0;
    trend.panels.forEach((panel, i) => {
      const figure = document.createElement('figure');
      figure.className = 'chart-panel';
      const caption = document.createElement('figcaption');
      caption.textContent = panel.series.map(s => s.title).join(', ') + ' — ' + panel.unit;
      const box = document.createElement('div');
      box.className = 'chart';
      const canvas = document.createElement('canvas');
      canvas.id = 'trendChart-' + i;
      canvas.className = 'trend-chart';
      canvas.setAttribute('aria-label', caption.textContent);
      box.appendChild(canvas);
      figure.append(caption, box);
      // a suppressed value is a gap in its line: say why, without a value
      const gaps = panel.series.filter(s => s.suppressed > 0);
      if (gaps.length) {
        const note = document.createElement('p');
        note.className = 'muted gap-note';
        note.textContent = 'Gaps: ' + gaps.map(s => s.title + ' (' + s.suppressed + ' of ' + s.points.length + ')').join(', ')
          + ' — fewer than ' + trend.minRespondents + ' respondents, so no value is shown.';
        figure.appendChild(note);
      }
      container.appendChild(figure);
      const datasets = panel.series.map(s => {
        const c = COLOURS[colour++ % COLOURS.length];
        return { label: s.title, data: s.points.map(p => ({ x: Date.parse(p.x), y: p.y ?? null })), borderColor: c,
          backgroundColor: c, tension: 0, pointRadius: 4 };
      });
      new Chart(canvas, {
        type: 'line',
        data: { datasets },
        plugins: [loopMarks],
        options: {
          maintainAspectRatio: false, animation: false, parsing: false,
          plugins: { loopMarks: { spans, outcomes }, legend: { display: panel.series.length > 1, position: 'bottom' },
            tooltip: { callbacks: { title: items => withTime.format(new Date(items[0].parsed.x)) } } },
          scales: {
            x: { type: 'linear', min: x.min, max: x.max, ticks: { callback: tick(x.max - x.min), maxTicksLimit: 8 } },
            y: { title: { display: true, text: panel.unit }, grace: '10%' }
          }
        }
      });
    });
  };
})();
