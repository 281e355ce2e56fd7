// Sortable, searchable reader tables (div.hwm-explore > table.hwm-sortable), offline: no library, no CDN.
(function () {
  "use strict";
  function number(text) {
    var cleaned = text.replace(/\u2212/g, "-").replace(/[,%\s]/g, "").replace(/^[^\d\-.]+/, "");
    var match = cleaned.match(/^-?\d+(\.\d+)?/);
    return match ? parseFloat(match[0]) : NaN;
  }
  function compare(a, b) {
    var x = number(a), y = number(b);
    if (!isNaN(x) && !isNaN(y)) { return x - y; }
    return a.localeCompare(b);
  }
  function enhance(box) {
    var table = box.querySelector("table");
    if (!table || !table.tBodies.length) { return; }
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var controls = document.createElement("div");
    controls.className = "hwm-explore-controls";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Search this table";
    input.setAttribute("aria-label", "Search this table");
    var count = document.createElement("span");
    count.textContent = rows.length + " rows";
    controls.appendChild(input);
    controls.appendChild(count);
    box.insertBefore(controls, box.firstChild);
    input.addEventListener("input", function () {
      var query = input.value.trim().toLowerCase(), shown = 0;
      rows.forEach(function (row) {
        var hit = !query || row.textContent.toLowerCase().indexOf(query) >= 0;
        row.style.display = hit ? "" : "none";
        shown += hit ? 1 : 0;
      });
      count.textContent = shown + " of " + rows.length + " rows";
    });
    var headers = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1].cells : [];
    Array.prototype.forEach.call(headers, function (th, column) {
      th.setAttribute("tabindex", "0");
      th.title = "Sort by this column";
      function sort() {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(headers, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var sorted = rows.slice().sort(function (r1, r2) {
          var a = r1.cells[column] ? r1.cells[column].textContent.trim() : "";
          var b = r2.cells[column] ? r2.cells[column].textContent.trim() : "";
          return ascending ? compare(a, b) : compare(b, a);
        });
        sorted.forEach(function (row) { body.appendChild(row); });
      }
      th.addEventListener("click", sort);
      th.addEventListener("keydown", function (e) { if (e.key === "Enter") { sort(); } });
    });
  }
  function init() { document.querySelectorAll("div.hwm-explore").forEach(enhance); }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
