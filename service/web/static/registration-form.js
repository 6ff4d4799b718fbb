/* The registration form: rows of people and commitments added and removed on the page, and a
   staff member picked in a row fills in the name and position. Plain DOM, no library; the form
   works without it (the server fills names from the staff list and drops blank rows). */
(function () {
  "use strict";

  function renumber(tbody) {
    tbody.querySelectorAll("tr[data-row]").forEach(function (row, i) {
      row.querySelector(".row-number").textContent = String(i + 1);
    });
  }

  /* Clones a <template> whose field names hold `__index__`, giving them the next free index
     (indexes need not be contiguous: the server reads them in order). */
  function cloneWithIndex(template, holder) {
    var index = Number(holder.dataset.nextIndex || "0");
    holder.dataset.nextIndex = String(index + 1);
    var html = template.innerHTML.split("__index__").join(String(index));
    var box = document.createElement(holder.tagName === "TBODY" ? "tbody" : "div");
    box.innerHTML = html.trim();
    return box.firstElementChild;
  }

  function fillFromStaff(select) {
    var row = select.closest("tr");
    var option = select.options[select.selectedIndex];
    var name = row.querySelector(".person-name");
    var position = row.querySelector(".person-position");
    if (option.value) {
      name.value = option.dataset.name || "";
      position.value = option.dataset.position || "";
      name.readOnly = true;
    } else {
      name.readOnly = false;
      if (name.value === "") { name.focus(); }
    }
  }

  function setUp() {
    var tbody = document.getElementById("people-rows");
    var rowTemplate = document.getElementById("person-row-template");
    var addRow = document.getElementById("add-row");
    if (tbody && rowTemplate && addRow) {
      addRow.addEventListener("click", function () {
        var row = cloneWithIndex(rowTemplate, tbody);
        tbody.appendChild(row);
        renumber(tbody);
        row.querySelector("select").focus();
      });
      tbody.addEventListener("click", function (event) {
        var button = event.target.closest(".remove-row");
        if (!button) { return; }
        button.closest("tr").remove();
        renumber(tbody);
      });
      tbody.addEventListener("change", function (event) {
        if (event.target.classList.contains("pick-person")) { fillFromStaff(event.target); }
      });
    }
    var list = document.getElementById("commitments");
    var itemTemplate = document.getElementById("commitment-template");
    var addItem = document.getElementById("add-commitment");
    if (list && itemTemplate && addItem) {
      addItem.addEventListener("click", function () {
        var item = cloneWithIndex(itemTemplate, list);
        list.appendChild(item);
        item.querySelector("textarea").focus();
      });
      list.addEventListener("click", function (event) {
        var button = event.target.closest(".remove-commitment");
        if (button) { button.closest("[data-commitment]").remove(); }
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
