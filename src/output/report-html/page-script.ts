/**
 * The page's whole script, run by the browser: sorts and filters the table's rows and opens a person's
 * evidence for one metric from the data embedded as JSON. It builds every element with textContent and
 * setAttribute, never from HTML text, so nothing GitHub wrote can become markup; the Content-Security-
 * Policy admits this script by its hash and nothing else.
 */
export const PAGE_SCRIPT = `
'use strict';
(function () {
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var table = document.getElementById('people');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

  function sortValue(row, column) {
    var cell = row.cells[column];
    var value = cell.getAttribute('data-value');
    return value === null ? cell.textContent : value;
  }

  headers.forEach(function (header, column) {
    header.querySelector('button').addEventListener('click', function () {
      var numeric = header.getAttribute('data-type') === 'number';
      var current = header.getAttribute('aria-sort');
      // Numbers start with the largest, text with A: what one looks for first.
      var ascending = current === null ? !numeric : current !== 'ascending';
      headers.forEach(function (other) { other.removeAttribute('aria-sort'); });
      header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
      // Sorting a copy in login order keeps ties in login order whatever was clicked before.
      var sorted = rows.slice().sort(function (a, b) {
        var x = sortValue(a, column);
        var y = sortValue(b, column);
        var order = numeric ? Number(x) - Number(y) : collator.compare(x, y);
        return ascending ? order : -order;
      });
      sorted.forEach(function (row) { body.appendChild(row); });
    });
  });

  var text = document.getElementById('filter-text');
  var status = document.getElementById('filter-status');
  var count = document.getElementById('shown-count');
  function applyFilter() {
    var needle = text.value.trim().toLowerCase();
    var wanted = status.value;
    var shown = 0;
    rows.forEach(function (row) {
      var visible = (wanted === 'all' || row.getAttribute('data-status') === wanted) &&
        (needle === '' || row.getAttribute('data-search').indexOf(needle) !== -1);
      row.hidden = !visible;
      if (visible) shown += 1;
    });
    count.textContent = shown + ' of ' + rows.length + ' people shown';
  }
  text.addEventListener('input', applyFilter);
  status.addEventListener('change', applyFilter);
  applyFilter();

  var dialog = document.getElementById('evidence');
  var title = document.getElementById('evidence-title');
  var list = document.getElementById('evidence-list');
  document.getElementById('evidence-close').addEventListener('click', function () { dialog.close(); });
  body.addEventListener('click', function (event) {
    var button = event.target.closest('button.evidence');
    if (button === null) return;
    var person = data.people[Number(button.closest('tr').getAttribute('data-person'))];
    var metric = button.getAttribute('data-metric');
    var items = Object.prototype.hasOwnProperty.call(person.evidence, metric) ? person.evidence[metric] : [];
    title.textContent = person.login + ': ' + metric + ' (' + items.length + ')';
    while (list.firstChild) list.removeChild(list.firstChild);
    items.forEach(function (item) {
      var url = item[0];
      var entry = document.createElement('li');
      var link = document.createElement(/^https?:\\/\\//i.test(url) ? 'a' : 'span');
      if (link.tagName === 'A') {
        link.setAttribute('href', url);
        link.setAttribute('rel', 'noopener noreferrer');
        link.setAttribute('target', '_blank');
      }
      link.textContent = url.replace(/^https:\\/\\/github\\.com\\//, '');
      var time = document.createElement('time');
      time.setAttribute('datetime', item[1]);
      time.textContent = item[1];
      entry.appendChild(link);
      entry.appendChild(time);
      list.appendChild(entry);
    });
    dialog.showModal();
  });
})();
`
