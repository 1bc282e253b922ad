// Progressive enhancement only: every page works without this file.
(function () {
  'use strict';

  function csrfToken() {
    var field = document.querySelector('input[name="csrf"]');
    return field ? field.value : '';
  }

  // Policy editor: ask the server's validator (Access Analyzer's checks) while the user types.
  function policyEditor() {
    var editor = document.getElementById('policy-document');
    var findings = document.getElementById('policy-findings');
    if (!editor || !findings) { return; }
    var timer = null;
    var sequence = 0;
    editor.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () {
        var mine = ++sequence;
        fetch(editor.getAttribute('data-validate'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-CSRF-Token': csrfToken() },
          body: 'document=' + encodeURIComponent(editor.value)
        }).then(function (response) { return response.json(); }).then(function (result) {
          if (mine !== sequence) { return; }
          var fresh = document.createElement('div');
          fresh.innerHTML = result.html; // server-rendered, escaped markup
          var replacement = fresh.firstElementChild;
          if (replacement) { findings.replaceWith(replacement); findings = replacement; }
        }).catch(function () { /* the Next button validates on the server anyway */ });
      }, 300);
    });
    // Tab inserts spaces instead of leaving the editor; Escape then Tab moves on (keyboard users are not trapped).
    var escaped = false;
    editor.addEventListener('keydown', function (event) {
      if (event.key === 'Escape') { escaped = true; return; }
      if (event.key === 'Tab' && !event.shiftKey && !escaped) {
        event.preventDefault();
        var start = editor.selectionStart;
        editor.value = editor.value.slice(0, start) + '    ' + editor.value.slice(editor.selectionEnd);
        editor.selectionStart = editor.selectionEnd = start + 4;
      }
      escaped = false;
    });
  }

  // Sign-in: the user name field matters only for IAM users.
  function signIn() {
    var form = document.getElementById('signin-form');
    if (!form) { return; }
    var field = document.getElementById('user-name-field');
    function update() {
      var iam = document.getElementById('kind-iam').checked;
      field.hidden = !iam;
    }
    form.addEventListener('change', update);
    update();
  }

  // Create user: show the console options only when console access is chosen.
  function consoleAccess() {
    var box = document.getElementById('console-access');
    var options = document.getElementById('console-access-options');
    if (!box || !options) { return; }
    function update() { options.hidden = !box.checked; }
    box.addEventListener('change', update);
    update();
  }

  // Show / hide a one-time secret (password, secret access key).
  function secrets() {
    document.querySelectorAll('[data-toggle-secret]').forEach(function (button) {
      button.addEventListener('click', function () {
        var input = document.getElementById(button.getAttribute('data-toggle-secret'));
        var hidden = input.type === 'password';
        input.type = hidden ? 'text' : 'password';
        button.textContent = hidden ? 'Hide' : 'Show';
      });
    });
  }

  function copyButtons() {
    document.querySelectorAll('[data-copy]').forEach(function (button) {
      button.addEventListener('click', function () {
        var target = document.getElementById(button.getAttribute('data-copy'));
        var text = target.value !== undefined && target.tagName === 'INPUT' ? target.value : target.textContent;
        if (navigator.clipboard) {
          navigator.clipboard.writeText(text).then(function () { button.textContent = 'Copied'; });
        }
      });
    });
  }

  // Instant filtering of a policy picker while typing; Enter still submits the server-side search.
  function tableFilters() {
    document.querySelectorAll('[data-filter-table]').forEach(function (input) {
      var container = document.getElementById(input.getAttribute('data-filter-table'));
      input.addEventListener('input', function () {
        var needle = input.value.trim().toLowerCase();
        container.querySelectorAll('tbody tr').forEach(function (row) {
          var checked = row.querySelector('input[type=checkbox]:checked');
          row.hidden = needle !== '' && !checked && row.textContent.toLowerCase().indexOf(needle) < 0;
        });
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    policyEditor();
    signIn();
    consoleAccess();
    secrets();
    copyButtons();
    tableFilters();
  });
})();
