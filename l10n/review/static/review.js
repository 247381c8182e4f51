// l10n review: keyboard, live checks and saves for the pages the server renders.
// No framework: the server renders every fragment (escaped by Jinja); this file only
// moves focus, sends JSON and puts the server's fragments in place.
"use strict";

(() => {
  const token = document.querySelector('meta[name="l10n-token"]')?.content || "";

  function banner(text, kind = "") {
    const el = document.getElementById("banner");
    if (!el) return;
    el.textContent = text;
    el.className = `banner ${kind}`;
    el.hidden = !text;
  }

  async function api(path, body) {
    let response;
    try {
      response = await fetch(path, {
        method: body === undefined ? "GET" : "POST",
        headers: { "Content-Type": "application/json", "X-L10n-Token": token },
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: "same-origin",
      });
    } catch (err) {
      banner("The review server does not answer (was it stopped?). Nothing was saved; " +
             "your text is still in the page.", "error");
      return null;
    }
    if (response.status === 423) {
      banner("`l10n translate` is working on this project right now, so nothing was saved. " +
             "Your text is still in the editor: save again when the run has finished.", "error");
      return null;
    }
    if (response.status === 403 || response.status === 401) {
      banner("The server refused this page's session (did it restart?). Copy your text, " +
             "then reload the page.", "error");
      return null;
    }
    const data = await response.json().catch(() => ({}));
    if (!response.ok) {
      banner(data.error || `The server answered ${response.status}.`, "error");
      return null;
    }
    return data;
  }

  // ------------------------------------------------------------------ every page: search, keys
  const typing = (el) => el && (el.tagName === "TEXTAREA" || el.tagName === "INPUT" ||
                                el.isContentEditable);
  const keysDialog = document.getElementById("keys");
  document.querySelector(".keys-open")?.addEventListener("click", () => keysDialog.showModal());
  document.addEventListener("keydown", (event) => {
    if (document.querySelector("dialog[open]") || event.ctrlKey || event.metaKey ||
        event.altKey || typing(event.target)) return;
    if (event.key === "/") {
      event.preventDefault();
      const box = document.querySelector('.search input[type="search"]');
      box.focus();
      box.select();
    } else if (event.key === "?") {
      event.preventDefault();
      keysDialog.showModal();
    }
  });

  // ------------------------------------------------------------------ dashboard
  for (const bar of document.querySelectorAll(".bar")) {
    const parts = ["reviewed", "machine", "fuzzy", "untranslated"];
    const total = parts.reduce((sum, k) => sum + Number(bar.dataset[k] || 0), 0) || 1;
    for (const k of parts) {
      bar.querySelector(`.${k}`).style.width = `${(100 * Number(bar.dataset[k])) / total}%`;
    }
  }

  const main = document.querySelector("main.article");
  if (!main) return;
  const base = `/api/${encodeURIComponent(main.dataset.lang)}/${encodeURIComponent(main.dataset.slug)}`;
  const known = new Map(); // entry id -> {findings, seq, helps}
  const info = (entry) => {
    if (!known.has(entry.dataset.entry)) known.set(entry.dataset.entry, { findings: [], seq: 0 });
    return known.get(entry.dataset.entry);
  };
  const editor = (entry) => entry.querySelector(".editor textarea");
  function part(entry, name, role) { // the entry's conflict or helps box, made when needed
    let box = entry.querySelector(`.${name}`);
    if (!box) {
      box = document.createElement("div");
      box.className = name;
      if (role) box.setAttribute("role", role);
      box.hidden = true;
      const target = entry.querySelector(".target");
      if (name === "conflict") target.insertBefore(box, target.querySelector(".findings"));
      else target.append(box);
    }
    return box;
  }
  const entries = () => [...main.querySelectorAll(".entry")];
  const visible = () => entries().filter((e) => e.offsetParent !== null);
  const STATES = { reviewed: "Reviewed", machine: "Machine", fuzzy: "Needs review",
                   untranslated: "Untranslated" };
  let active = null;

  // ------------------------------------------------------------------ marks
  function drawMirror(entry) {
    const text = editor(entry).value;
    const mirror = entry.querySelector(".mirror");
    if (!info(entry).findings.some((f) => f.span) && !mirror.firstChild) return;
    const spans = info(entry).findings.filter((f) => f.span && f.span[1] > f.span[0])
      .map((f) => ({ start: f.span[0], end: f.span[1], severity: f.severity }))
      .sort((a, b) => a.start - b.start);
    const nodes = [];
    let at = 0;
    for (const s of spans) {
      if (s.start < at || s.end > text.length) continue;
      nodes.push(document.createTextNode(text.slice(at, s.start)));
      const mark = document.createElement("mark");
      mark.className = s.severity;
      mark.textContent = text.slice(s.start, s.end);
      nodes.push(mark);
      at = s.end;
    }
    nodes.push(document.createTextNode(text.slice(at)));
    mirror.replaceChildren(...nodes);
  }

  const sourceRanges = new Map();
  function markSource(entry, many = false) {
    if (!window.CSS || !CSS.highlights) return;
    const ranges = [];
    const source = entry.querySelector(".source");
    for (const f of info(entry).findings) {
      if (!f.source_span) continue;
      const range = document.createRange();
      let at = 0, started = false;
      const walker = document.createTreeWalker(source, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const len = node.data.length;
        if (!started && f.source_span[0] <= at + len) {
          range.setStart(node, f.source_span[0] - at);
          started = true;
        }
        if (started && f.source_span[1] <= at + len) {
          range.setEnd(node, f.source_span[1] - at);
          ranges.push(range);
          break;
        }
        at += len;
      }
    }
    sourceRanges.set(entry.dataset.entry, ranges);
    if (!many) highlightSources();
  }

  function highlightSources() {
    if (window.CSS && CSS.highlights) {
      CSS.highlights.set("source-finding", new Highlight(...[...sourceRanges.values()].flat()));
    }
  }

  function showFindings(entry, data, many = false) {
    info(entry).findings = data.findings || [];
    entry.querySelector(".findings").innerHTML = data.html || "";
    if (data.errors) entry.dataset.errors = String(data.errors);
    else delete entry.dataset.errors;
    drawMirror(entry); // marks of findings gone (a dismissed check) go too
    markSource(entry, many);
    if (!many) countErrors();
  }

  function countErrors() {
    const errors = entries().reduce((n, e) => n + Number(e.dataset.errors || 0), 0);
    for (const el of document.querySelectorAll('[data-count="errors"]')) el.textContent = errors;
  }

  // ------------------------------------------------------------------ live checks
  async function check(entry) {
    const me = info(entry);
    const seq = ++me.seq;
    const data = await api(`${base}/check`, { id: entry.dataset.entry, text: editor(entry).value });
    if (data && seq === me.seq) showFindings(entry, data);
  }
  const timers = new Map();
  main.addEventListener("input", (event) => {
    const entry = event.target.closest(".entry");
    if (!entry || event.target !== editor(entry)) return;
    entry.classList.toggle("dirty", event.target.value !== event.target.defaultValue);
    info(entry).findings = info(entry).findings.filter((f) => !f.span); // stale marks
    drawMirror(entry);
    clearTimeout(timers.get(entry));
    timers.set(entry, setTimeout(() => check(entry), 150));
  });

  // ------------------------------------------------------------------ focus and helps
  async function loadHelps(entry) {
    const me = info(entry);
    const panel = part(entry, "helps");
    if (me.helps === entry.dataset.version) { panel.hidden = false; return; }
    me.helps = entry.dataset.version;
    const data = await api(`${base}/helps/${encodeURIComponent(entry.dataset.entry)}`);
    if (!data) return;
    panel.innerHTML = data.html;
    panel.hidden = entry !== active;
  }

  function activate(entry) {
    if (active === entry) return;
    if (active) {
      active.classList.remove("active");
      part(active, "helps").hidden = true;
    }
    active = entry;
    entry.classList.add("active");
    notesBox(entry); // its comment and history, one click (or Alt+H) away
    loadHelps(entry);
  }
  main.addEventListener("focusin", (event) => {
    const entry = event.target.closest(".entry");
    if (entry) activate(entry);
  });

  function focus(entry) {
    const ta = editor(entry);
    activate(entry);
    ta.focus({ preventScroll: true });
    ta.setSelectionRange(ta.value.length, ta.value.length);
    entry.scrollIntoView({ block: "center" });
  }

  function move(step) {
    const list = visible();
    const i = list.indexOf(active);
    const next = list[i < 0 ? 0 : i + step];
    if (next) focus(next);
  }

  function nextNeedingWork() {
    const list = visible();
    const i = list.indexOf(active);
    const order = [...list.slice(i + 1), ...list.slice(0, Math.max(i, 0))];
    const next = order.find((e) => e.dataset.state !== "reviewed" || e.classList.contains("dirty"));
    if (next) focus(next);
    else banner("Every entry of this article is reviewed.", "ok");
  }

  function copySuggestion(entry, n) {
    const item = entry.querySelector(`.suggestion[data-n="${n}"] .text`);
    if (!item) return;
    const ta = editor(entry);
    ta.value = item.textContent;
    ta.dispatchEvent(new Event("input", { bubbles: true }));
    ta.focus();
  }

  main.addEventListener("click", (event) => {
    const entry = event.target.closest(".entry");
    if (!entry) return;
    const use = event.target.closest(".suggestion");
    if (use && event.target.closest(".use")) return copySuggestion(entry, use.dataset.n);
    if (event.target.closest(".accept")) return acceptAndNext(entry);
    if (event.target.closest(".draft")) return save(entry, false);
    const term = event.target.closest(".term");
    if (term) return insertTerm(entry, term.dataset.target);
    const dismiss = event.target.closest(".dismiss, .restore");
    if (dismiss) {
      return note(entry, { ignore: dismiss.dataset.check,
                           on: dismiss.classList.contains("dismiss") });
    }
    if (event.target.closest(".save-comment")) {
      return note(entry, { comment: entry.querySelector("textarea.comment").value });
    }
  });

  function insertTerm(entry, text) {
    const ta = editor(entry);
    const start = ta.selectionStart, end = ta.selectionEnd;
    if (document.activeElement !== ta) ta.setSelectionRange(ta.value.length, ta.value.length);
    ta.setRangeText(text, document.activeElement === ta ? start : ta.value.length,
                    document.activeElement === ta ? end : ta.value.length, "end");
    ta.dispatchEvent(new Event("input", { bubbles: true }));
    ta.focus();
  }

  // ------------------------------------------------------------------ saving
  function setCounts(counts) {
    for (const [key, value] of Object.entries(counts || {})) {
      for (const el of document.querySelectorAll(`[data-count="${key}"]`)) el.textContent = value;
    }
  }

  function update(entry, now) {
    const ta = editor(entry);
    entry.dataset.state = now.state;
    entry.dataset.version = now.version;
    ta.defaultValue = now.text;
    entry.querySelector("[data-label]").textContent = STATES[now.state] || now.state;
    entry.querySelector(".origin").textContent = now.origin;
    entry.classList.toggle("dirty", ta.value !== now.text);
    part(entry, "conflict", "alert").hidden = true;
    showNotes(entry, now);
  }

  // ------------------------------------------------------------------ notes: comment, dismissed
  function notesBox(entry) { // rendered by the server only when there is a comment
    let details = entry.querySelector(".notes");
    if (!details) {
      details = document.createElement("details");
      details.className = "notes";
      details.dataset.comment = "";
      const summary = document.createElement("summary");
      const text = document.createElement("span");
      text.className = "comment-text";
      summary.append("Comment", text, " · history");
      const history = document.createElement("div");
      history.className = "history";
      details.append(summary, history);
      entry.querySelector(".target").insertBefore(details, entry.querySelector(".changed"));
    }
    return details;
  }

  function ignoredBox(entry) {
    let box = entry.querySelector(".ignored");
    if (!box) {
      box = document.createElement("div");
      box.className = "ignored";
      entry.querySelector(".findings").after(box);
    }
    return box;
  }

  function showNotes(entry, now) {
    const box = ignoredBox(entry);
    const items = (now.ignored || []).map((check) => {
      const item = document.createElement("span");
      item.className = "ignored-check";
      item.textContent = `${check} dismissed `;
      const undo = document.createElement("button");
      undo.type = "button";
      undo.className = "restore";
      undo.dataset.check = check;
      undo.textContent = "Undo";
      item.append(undo);
      return item;
    });
    box.replaceChildren(...items);
    box.hidden = !items.length;
    const details = notesBox(entry);
    details.dataset.comment = now.comment || "";
    details.querySelector(".comment-text").textContent = now.comment ? `: ${now.comment}` : "";
    const comment = entry.querySelector("textarea.comment");
    if (comment && document.activeElement !== comment) comment.value = now.comment || "";
  }

  function commentEditor(entry) { // made when the notes are opened: one textarea per entry
    const details = notesBox(entry);
    let comment = details.querySelector("textarea.comment");
    if (!comment) {
      comment = document.createElement("textarea");
      comment.className = "comment";
      comment.rows = 2;
      comment.spellcheck = true;
      comment.lang = editor(entry).closest(".editor").lang;
      comment.setAttribute("aria-label", "Translator comment (# in the PO file); Ctrl+Enter saves");
      comment.value = details.dataset.comment || "";
      const save = document.createElement("button");
      save.type = "button";
      save.className = "save-comment";
      save.textContent = "Save comment";
      details.querySelector(".history").before(comment, save);
    }
    return comment;
  }

  async function note(entry, body) {
    const data = await api(`${base}/note`, { id: entry.dataset.entry,
                                             version: entry.dataset.version, ...body });
    if (!data) return false;
    setCounts(data.counts);
    if (data.status === "conflict") {
      showConflict(entry, data.entry, entry.dataset.state === "reviewed");
      return false;
    }
    const dirty = editor(entry).value !== editor(entry).defaultValue;
    update(entry, data.entry);
    entry.classList.toggle("dirty", dirty);
    check(entry);
    const history = entry.querySelector(".notes[open] .history");
    if (history) loadHistory(entry);
    return true;
  }

  async function loadHistory(entry) {
    const data = await api(`${base}/history/${encodeURIComponent(entry.dataset.entry)}`);
    if (data) entry.querySelector(".history").innerHTML = data.html;
  }
  main.addEventListener("toggle", (event) => {
    const entry = event.target.closest(".entry");
    if (entry && event.target.matches(".notes") && event.target.open) {
      commentEditor(entry);
      loadHistory(entry);
    }
  }, true);

  // ------------------------------------------------------------------ quick insert
  const MARKUP = /<\/?[A-Za-z][^>]*>|\{[^{}\s]*\}|%\([A-Za-z_]+\)[sd]|%[sd]|\[[^\]]+\]\([^)]+\)/g;
  const NUMBER = /\d+(?:[.,]\d+)*/g;
  function missingPieces(entry) { // what the source has and the translation lacks, in order
    const source = entry.querySelector(".source");
    const text = editor(entry).value;
    const found = []; // [offset in the source, text to insert]
    let at = 0;
    for (const node of source.childNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && node.classList.contains("term") &&
          node.dataset.target) found.push([at, node.dataset.target]);
      at += node.textContent.length;
    }
    for (const m of source.textContent.matchAll(MARKUP)) found.push([m.index, m[0]]);
    for (const m of source.textContent.matchAll(NUMBER)) found.push([m.index, m[0]]);
    found.sort((a, b) => a[0] - b[0]);
    const need = new Map();
    for (const [, piece] of found) need.set(piece, (need.get(piece) || 0) + 1);
    return [...need].filter(([piece, n]) => text.split(piece).length - 1 < n).map(([p]) => p);
  }
  function insertMissing(entry) {
    const [next] = missingPieces(entry);
    if (next === undefined) {
      banner("Nothing from the source is missing in this translation.", "ok");
      return;
    }
    insertTerm(entry, next);
  }
  function copySource(entry) {
    const ta = editor(entry);
    ta.value = entry.querySelector(".source").textContent;
    ta.dispatchEvent(new Event("input", { bubbles: true }));
    ta.focus();
  }

  // ------------------------------------------------------------------ concordance
  async function concordance(entry, words) {
    const lang = encodeURIComponent(main.dataset.lang);
    const data = await api(`/api/${lang}/concordance?q=${encodeURIComponent(words)}`);
    if (!data) return;
    const box = part(entry, "concordance-box"); // beside the helps, which load on focus
    box.innerHTML = data.html;
    box.hidden = false;
  }
  main.addEventListener("mouseup", (event) => {
    const source = event.target.closest(".source");
    if (!source) return;
    const words = String(window.getSelection()).trim();
    if (words.length >= 2 && words.length <= 200) concordance(source.closest(".entry"), words);
  });

  function confirmErrors(html) {
    const dialog = document.getElementById("confirm");
    dialog.querySelector(".confirm-findings").innerHTML = html;
    dialog.returnValue = "";
    dialog.showModal();
    return new Promise((resolve) => {
      dialog.addEventListener("close", () => resolve(dialog.returnValue === "accept"),
                              { once: true });
    });
  }

  function showConflict(entry, now, reviewed) {
    const box = part(entry, "conflict", "alert");
    const head = document.createElement("strong");
    head.textContent = "This entry changed since the page showed it";
    const why = document.createTextNode(" (another reviewer, a translate run or a PO editor). " +
      `It is now ${STATES[now.state] || now.state}:`);
    const theirs = document.createElement("span");
    theirs.className = "theirs";
    theirs.lang = editor(entry).lang;
    theirs.textContent = now.text || "(no translation)";
    const kept = document.createTextNode("Your text is still in the editor. ");
    const useTheirs = document.createElement("button");
    useTheirs.type = "button";
    useTheirs.textContent = "Use theirs";
    useTheirs.onclick = () => {
      editor(entry).value = now.text;
      update(entry, now);
      editor(entry).dispatchEvent(new Event("input", { bubbles: true }));
      focus(entry);
    };
    const keepMine = document.createElement("button");
    keepMine.type = "button";
    keepMine.textContent = "Save mine over it";
    keepMine.onclick = () => {
      entry.dataset.version = now.version;
      box.hidden = true;
      save(entry, reviewed);
    };
    box.replaceChildren(head, why, theirs, kept, useTheirs, keepMine);
    box.hidden = false;
  }

  async function save(entry, reviewed, force = false) {
    if (entry.classList.contains("saving")) return false;
    const ta = editor(entry);
    const text = ta.value;
    if (reviewed && !text.trim()) {
      banner("Write a translation before accepting it.", "error");
      return false;
    }
    entry.classList.add("saving");
    const data = await api(`${base}/save`, {
      id: entry.dataset.entry, text, version: entry.dataset.version, reviewed, force,
    });
    entry.classList.remove("saving");
    if (!data) return false;
    setCounts(data.counts); // every answer but "confirm" counts the catalog as it is now
    if (data.status === "confirm") {
      showFindings(entry, data);
      if (await confirmErrors(data.html)) return save(entry, reviewed, true);
      ta.focus();
      return false;
    }
    if (data.status === "conflict") {
      showConflict(entry, data.entry, reviewed);
      return false;
    }
    if (data.status === "missing") {
      banner("This sentence is no longer in the catalog (the article changed): reload the " +
             "page. Your text is still in the editor.", "error");
      return false;
    }
    update(entry, data.entry);
    if (ta.value === data.entry.text) showFindings(entry, data);
    banner("");
    return true;
  }

  async function acceptAndNext(entry) {
    if (await save(entry, true)) nextNeedingWork();
  }

  // ------------------------------------------------------------------ keyboard
  document.addEventListener("keydown", (event) => {
    if (document.querySelector("dialog[open]")) return;
    const entry = active;
    const ctrl = event.ctrlKey || event.metaKey;
    const filterKey = { a: "all", w: "work", e: "errors" }[event.key.toLowerCase()];
    if (event.key === "Enter" && !ctrl && event.target.classList.contains("term")) {
      event.preventDefault();
      insertTerm(event.target.closest(".entry"), event.target.dataset.target);
    } else if (event.altKey && !ctrl && filterKey) {
      event.preventDefault();
      document.querySelector(`.filters button[data-filter="${filterKey}"]`).click();
    } else if (event.altKey && !ctrl && event.code === "KeyC" && entry) {
      event.preventDefault();
      copySource(entry);
    } else if (event.altKey && !ctrl && event.code === "KeyM" && entry) {
      event.preventDefault();
      insertMissing(entry);
    } else if (event.altKey && !ctrl && event.code === "KeyH" && entry) {
      event.preventDefault();
      const details = notesBox(entry);
      details.open = !details.open;
      if (details.open) commentEditor(entry).focus();
      else editor(entry).focus();
    } else if (event.target.matches("textarea.comment")) {
      if (ctrl && event.key === "Enter") {
        event.preventDefault();
        note(entry, { comment: event.target.value });
      }
    } else if (ctrl && event.key === "Enter" && entry) {
      event.preventDefault();
      acceptAndNext(entry);
    } else if (ctrl && !event.shiftKey && event.key.toLowerCase() === "s" && entry) {
      event.preventDefault();
      save(entry, false);
    } else if (event.altKey && (event.key === "ArrowDown" || event.key === "ArrowUp")) {
      event.preventDefault();
      move(event.key === "ArrowDown" ? 1 : -1);
    } else if (ctrl && event.shiftKey && /^Digit[1-9]$/.test(event.code) && entry) {
      event.preventDefault();
      copySuggestion(entry, event.code.slice(5));
    } else if (event.key === "Escape" && entry && event.target === editor(entry)) {
      const ta = editor(entry);
      ta.value = ta.defaultValue;
      ta.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });

  for (const button of document.querySelectorAll(".filters button")) {
    button.addEventListener("click", () => {
      main.dataset.filter = button.dataset.filter;
      for (const b of document.querySelectorAll(".filters button")) {
        b.setAttribute("aria-pressed", String(b === button));
      }
    });
  }

  window.addEventListener("beforeunload", (event) => {
    if (main.querySelector(".entry.dirty")) event.preventDefault();
  });

  // ------------------------------------------------------------------ start
  api(`${base}/findings`).then((all) => {
    if (!all) return;
    for (const entry of entries()) {
      if (all[entry.dataset.entry]) showFindings(entry, all[entry.dataset.entry], true);
    }
    countErrors();
    highlightSources();
    main.dataset.checked = "true";
  });
  const named = location.hash.startsWith("#e-") && document.getElementById(location.hash.slice(1));
  const first = named || entries().find((e) => e.dataset.state !== "reviewed") || entries()[0];
  if (first) {
    activate(first);
    editor(first).focus({ preventScroll: true });
    // the browser moves focus to the #fragment once the page has loaded: focus again then
    if (named) window.addEventListener("load", () => setTimeout(() => focus(first)), { once: true });
  }
})();
