/*
 * Suggestions while typing in the site's search box: the ARIA 1.2 combobox pattern with a
 * listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).
 *
 * Progressive enhancement: without this script the box is a plain search field in a GET form.
 * The form opts in with data-suggest-url (/api/search/suggest/?lang=..); the script then
 * gives the input role="combobox", fetches suggestions (from two characters on, 150 ms after
 * the last key), and shows them in a listbox:
 *   Down / Up      open the list, move through the suggestions (wrapping around)
 *   Enter          go to the highlighted suggestion; with none highlighted, search as usual
 *   Escape         close the list (a second Escape clears the field)
 *   Tab, leaving   close the list
 * A status region says how many suggestions there are. Served as a static file: no inline
 * script, so a Content-Security-Policy needs nothing but 'self'.
 */
(function () {
  "use strict";

  var DELAY_MS = 150;
  var MIN_CHARS = 2;

  function setUp(form) {
    var input = form.querySelector('input[name="q"]');
    if (!input || !window.fetch) return;
    var listId = input.id + "-suggestions";
    var list = document.createElement("ul");
    list.id = listId;
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", form.dataset.suggestLabel || "Suggestions");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    form.appendChild(list);
    form.appendChild(status);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listId);
    input.setAttribute("aria-expanded", "false");

    var items = [];
    var active = -1;
    var timer = null;
    var pending = null;
    var lastText = null;

    function announce(count) {
      var text;
      if (count === 0) text = form.dataset.suggestNone || "";
      else if (count === 1) text = form.dataset.suggestOne || "";
      else text = (form.dataset.suggestMany || "").replace("{count}", String(count));
      status.textContent = text;
    }

    function highlight(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      if (index >= 0) {
        var option = list.children[index];
        input.setAttribute("aria-activedescendant", option.id);
        option.scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      highlight(-1);
    }

    function open() {
      if (!items.length) return;
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }

    function go(index) {
      var item = items[index];
      if (item) window.location.assign(item.url);
    }

    function show(suggestions) {
      items = suggestions;
      list.textContent = "";
      suggestions.forEach(function (item, i) {
        var option = document.createElement("li");
        option.id = listId + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        option.className = "suggestions__option";
        var title = document.createElement("span");
        title.className = "suggestions__title";
        title.textContent = item.title;
        if (item.language && item.language !== document.documentElement.lang) {
          title.lang = item.language;
        }
        var kind = document.createElement("span");
        kind.className = "suggestions__type";
        kind.textContent = item.type_label || item.type;
        option.appendChild(title);
        option.appendChild(kind);
        option.addEventListener("click", function () {
          go(i);
        });
        list.appendChild(option);
      });
      highlight(-1);
      announce(suggestions.length);
      if (suggestions.length) open();
      else close();
    }

    function fetchSuggestions() {
      var text = input.value.trim();
      if (text === lastText) return;
      lastText = text;
      if (pending) pending.abort();
      if (text.length < MIN_CHARS) {
        show([]);
        status.textContent = "";
        return;
      }
      pending = new AbortController();
      var url = form.dataset.suggestUrl + "&q=" + encodeURIComponent(text);
      fetch(url, { signal: pending.signal, headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : { suggestions: [] };
        })
        .then(function (data) {
          if (input.value.trim() === text) show(data.suggestions || []);
        })
        .catch(function () {
          /* aborted or offline: the form still searches */
        });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(fetchSuggestions, DELAY_MS);
    });

    input.addEventListener("keydown", function (event) {
      var count = items.length;
      switch (event.key) {
        case "ArrowDown":
          if (!count) return;
          event.preventDefault();
          if (list.hidden) {
            open();
            if (!event.altKey) highlight(0);
          } else {
            highlight(active + 1 < count ? active + 1 : 0);
          }
          break;
        case "ArrowUp":
          if (!count) return;
          event.preventDefault();
          open();
          highlight(active > 0 ? active - 1 : count - 1);
          break;
        case "Enter":
          if (!list.hidden && active >= 0) {
            event.preventDefault();
            go(active);
          }
          break;
        case "Escape":
          if (!list.hidden) {
            event.preventDefault();
            close();
          } else if (input.value) {
            event.preventDefault();
            input.value = "";
            lastText = "";
            show([]);
          }
          break;
        case "Tab":
          close();
          break;
        default:
          break;
      }
    });

    // Clicking an option must not take the focus from the input first.
    list.addEventListener("mousedown", function (event) {
      event.preventDefault();
    });
    input.addEventListener("blur", close);
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form[data-suggest-url]"), setUp);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
