/// The classroom screen: the page `safer class host` serves at `/?key=KEY` for the projector.
///
/// Why a page and not the teacher's terminal: the whole class has to read the join code, the
/// question, the countdown and the results from the back of the room, on a 16:9 screen.
/// What it does: one self-contained document (inline CSS and JS, no network but its own socket,
/// system fonts only) that opens `ws(s)://HOST/projector?key=KEY` and redraws itself from every
/// `{"type": "state", …}` message (`ProjectorState`); on close or error it shows "reconnecting…"
/// and retries every 2 s. Without a key it only says where the real address is printed.
///
/// Text from the state (names, prompts, options) only ever goes in through `textContent`.
/// Demo mode, for tests and screenshots: `…#state=<URI-encoded state JSON>` renders that state
/// and opens no socket; after each render `<body data-phase="lobby|open|closed|revealed|ended">`.
enum ProjectorPage {
  static let html = #"""
    <!doctype html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Safer Shell · class screen</title>
    <style>
      :root {
        --bg: #0f172a;
        --bg2: #152039;
        --panel: #1e293b;
        --panel2: #26344d;
        --line: #334155;
        --ink: #f8fafc;
        --muted: #cbd5e1;
        --faint: #94a3b8;
        --accent: #7dd3fc;
        --right: #22c55e;
        --right-ink: #052e16;
        --warn: #fbbf24;
        --fit: 1;
        color-scheme: dark;
      }
      * { box-sizing: border-box; }
      /* 1rem is 1/45 of the height on a 16:9 screen: 16px at 1280x720, 24px at 1920x1080. */
      html { font-size: min(2.2222vh, 1.25vw); }
      html, body { margin: 0; height: 100%; overflow: hidden; }
      body {
        background: radial-gradient(ellipse at 20% 0%, #1b2a4a 0%, var(--bg) 60%) var(--bg);
        color: var(--ink);
        font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
        line-height: 1.25;
        display: flex;
        flex-direction: column;
      }
      .mono { font-family: ui-monospace, "SF Mono", Menlo, "DejaVu Sans Mono", "Liberation Mono", monospace; }
      .bar-top {
        flex: none;
        display: flex; align-items: center; gap: 1rem;
        padding: 0.9rem 2rem;
        border-bottom: 1px solid var(--line);
        background: rgba(15, 23, 42, 0.6);
      }
      .brand { color: var(--accent); font-weight: 700; font-size: 1rem; letter-spacing: 0.02em; white-space: nowrap; }
      .title { font-size: 1.35rem; font-weight: 650; min-width: 0; flex: 1;
               overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .badges { display: flex; gap: 0.6rem; align-items: center; flex: none; }
      .badge { font-size: 1rem; font-weight: 650; padding: 0.3rem 0.8rem; border-radius: 999px;
               background: var(--panel2); color: var(--ink); white-space: nowrap; border: 1px solid var(--line); }
      .badge.locked { background: #7c2d12; border-color: #c2410c; }
      .stage { flex: 1; min-height: 0; padding: calc(1.4rem * var(--fit)) 2rem; display: flex; flex-direction: column;
               gap: calc(1.1rem * var(--fit)); overflow: hidden; font-size: calc(1rem * var(--fit)); }
      .foot { flex: none; padding: 0.5rem 2rem 0.7rem; color: var(--faint); font-size: 1rem;
              display: flex; justify-content: space-between; gap: 1rem; }
      .foot:empty { display: none; }
      .foot b { color: var(--muted); font-weight: 600; }

      /* The fit factor shrinks everything inside the stage when a question is long. */
      .stage .em1 { font-size: 1em; }

      .message { margin: auto; text-align: center; max-width: 48rem; }
      .message h1 { font-size: 2.6em; margin: 0 0 0.6em; }
      .message p { font-size: 1.5em; color: var(--muted); margin: 0.4em 0; }
      .message code { color: var(--accent); white-space: nowrap; }

      .label { text-transform: uppercase; letter-spacing: 0.08em; font-size: 1em; color: var(--faint); font-weight: 700; }

      /* Lobby */
      .lobby-top { display: grid; grid-template-columns: 1.75fr 1fr; gap: 1.5em; flex: none; }
      .card { background: var(--panel); border: 1px solid var(--line); border-radius: 1em; padding: 1.1em 1.4em; min-width: 0; }
      .join-cmd { margin-top: 0.5em; background: #020617; border-radius: 0.6em; padding: 0.55em 0.8em;
                  font-size: 2.3em; font-weight: 700; color: var(--ink); white-space: nowrap; overflow: hidden;
                  text-overflow: ellipsis; border: 1px solid var(--line); }
      .join-cmd .prompt-sign { color: var(--right); margin-right: 0.45em; }
      .join-cmd .addr { color: var(--accent); }
      .join-cmd .cd { color: var(--warn); }
      .join-hint { margin-top: 0.7em; font-size: 1.15em; color: var(--muted); }
      .join-others { margin-top: 0.45em; font-size: 1.05em; color: var(--faint); }
      .join-others span.mono { color: var(--muted); margin-right: 1.2em; white-space: nowrap; }
      .code-card { text-align: center; display: flex; flex-direction: column; justify-content: center; }
      .code { font-size: 6em; overflow: hidden; font-weight: 800; letter-spacing: 0.06em; line-height: 1; margin-top: 0.12em;
              font-variant-numeric: tabular-nums; color: var(--warn); white-space: nowrap; }
      .players-card { flex: 1; min-height: 0; display: flex; flex-direction: column; }
      .players-head { display: flex; align-items: baseline; gap: 0.8em; margin-bottom: 0.7em; }
      .players-head .count { font-size: 2.2em; font-weight: 800; }
      .players-head .what { font-size: 1.3em; color: var(--muted); }
      .chips { display: flex; flex-wrap: wrap; gap: 0.55em; align-content: flex-start; overflow: hidden; flex: 1; min-height: 0; }
      .chip { font-size: 1.25em; padding: 0.3em 0.8em; border-radius: 999px; background: var(--panel2);
              border: 1px solid #3b4d6b; max-width: 14em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
      .few .chip { font-size: 1.75em; }
      .some .chip { font-size: 1.45em; }
      .chip.more { background: transparent; color: var(--muted); border-style: dashed; }
      .waiting { color: var(--faint); font-size: 1.6em; margin: auto; }

      /* Question */
      .q-head { display: flex; gap: 1.6em; align-items: stretch; flex: none; }
      .q-text { flex: 1; min-width: 0; display: flex; flex-direction: column; gap: 0.5em; }
      .q-meta { display: flex; gap: 0.8em; align-items: center; flex-wrap: wrap; }
      .q-num { font-size: 1.15em; font-weight: 700; color: var(--accent); }
      .q-kind { font-size: 1.05em; color: var(--muted); padding: 0.15em 0.7em; border: 1px solid var(--line); border-radius: 999px; }
      .prompt { font-size: 2.5em; font-weight: 700; line-height: 1.2; margin: 0; overflow-wrap: anywhere; }
      .prompt.long { font-size: 2em; }
      .prompt.very-long { font-size: 1.6em; }
      .q-side { flex: none; width: 13em; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 0.6em; }
      .clock { position: relative; width: 9em; height: 9em; border-radius: 50%;
               background: conic-gradient(var(--ring, var(--accent)) calc(var(--p, 1) * 1turn), var(--panel2) 0); }
      .clock::before { content: ""; position: absolute; inset: 0.8em; border-radius: 50%; background: var(--bg); }
      .clock.urgent { --ring: var(--warn); }
      .clock.paused { --ring: #64748b; }
      .clock .num { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center;
                    font-size: 3.8em; font-weight: 800; font-variant-numeric: tabular-nums; }
      .clock.paused .num { font-size: 1.7em; color: var(--warn); }
      .clock .unit { position: absolute; left: 0; right: 0; bottom: 1.5em; text-align: center; font-size: 0.95em; color: var(--faint); }
      .timeup { width: 9em; height: 9em; border-radius: 50%; border: 0.45em solid var(--line); display: flex; flex-direction: column;
                align-items: center; justify-content: center; text-align: center; font-size: 1em; }
      .timeup b { font-size: 1.55em; line-height: 1.1; white-space: nowrap; }
      .timeup span { color: var(--faint); font-size: 0.95em; margin-top: 0.3em; white-space: nowrap; }
      .answered { width: 100%; text-align: center; }
      .answered .n { font-size: 1.3em; font-weight: 800; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .meter { height: 0.55em; width: 100%; background: var(--panel2); border-radius: 999px; overflow: hidden; margin-top: 0.35em; }
      .meter i { display: block; height: 100%; background: var(--accent); border-radius: 999px; }

      .tiles { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0.9em; flex: 1; min-height: 0;
               grid-auto-rows: minmax(0, 1fr); }
      .tiles.three { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      .tile { display: flex; align-items: center; gap: 0.8em; padding: 0.7em 1em; border-radius: 0.9em; min-height: 0;
              color: #fff; font-size: 1.65em; font-weight: 650; overflow: hidden; box-shadow: 0 0.15em 0 rgba(0,0,0,0.35); }
      .tile .txt { min-width: 0; overflow-wrap: anywhere; display: -webkit-box; -webkit-line-clamp: 3; -webkit-box-orient: vertical; overflow: hidden; }
      .tiles.small .tile { font-size: 1.35em; }
      .tiles.two .tile { font-size: 2.4em; justify-content: center; }
      .letter { flex: none; width: 1.9em; height: 1.9em; border-radius: 0.45em; background: rgba(255,255,255,0.95); color: #0f172a;
                display: flex; align-items: center; justify-content: center; font-weight: 800; font-size: 1em; }
      .c0 { background: #b42318; } .c1 { background: #1d5fbf; } .c2 { background: #9a5b00; } .c3 { background: #1f7a3a; }
      .c4 { background: #6941c6; } .c5 { background: #0e7490; } .c6 { background: #b0346c; } .c7 { background: #4b5563; }
      .closed .tile { filter: saturate(0.55) brightness(0.8); }

      .match { display: grid; grid-template-columns: 1fr 1fr; gap: 1.5em; flex: 1; min-height: 0; }
      .match ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.6em; }
      .match li { display: flex; gap: 0.7em; align-items: center; background: var(--panel); border: 1px solid var(--line);
                  border-radius: 0.7em; padding: 0.5em 0.8em; font-size: 1.45em; overflow-wrap: anywhere; }
      .match .num { flex: none; width: 1.8em; height: 1.8em; border-radius: 50%; background: var(--accent); color: #0f172a;
                    display: flex; align-items: center; justify-content: center; font-weight: 800; }
      .type-it { flex: 1; min-height: 0; display: flex; flex-direction: column; align-items: center; justify-content: center;
                 background: var(--panel); border: 2px dashed var(--line); border-radius: 1em; text-align: center; gap: 0.4em; }
      .type-it b { font-size: 2.3em; }
      .type-it span { font-size: 1.4em; color: var(--muted); }

      /* Reveal */
      .reveal { display: grid; grid-template-columns: minmax(0, 1fr) 22em; gap: 1.6em; flex: 1; min-height: 0; }
      .reveal-main { display: flex; flex-direction: column; gap: 0.9em; min-height: 0; min-width: 0; }
      .reveal .prompt { font-size: 1.9em; }
      .reveal .prompt.long { font-size: 1.6em; }
      .reveal .prompt.very-long { font-size: 1.35em; }
      .right-answer { display: flex; align-items: center; gap: 0.8em; background: #0c3a22; border: 2px solid var(--right);
                      border-radius: 0.8em; padding: 0.6em 1em; }
      .tick { flex: none; width: 1.8em; height: 1.8em; border-radius: 50%; background: var(--right); color: var(--right-ink);
              display: flex; align-items: center; justify-content: center; font-weight: 900; font-size: 1.4em; }
      .right-answer .lbl { flex: none; font-size: 1.1em; text-transform: uppercase; letter-spacing: 0.06em; color: #86efac; font-weight: 800; }
      .right-answer .ans { font-size: 1.7em; font-weight: 750; min-width: 0; overflow-wrap: anywhere; }
      .right-answer .ans.long { font-size: 1.4em; }
      .chart { display: flex; flex-direction: column; gap: 0.5em; }
      .row { display: grid; grid-template-columns: 2.2em minmax(0, 1.15fr) minmax(0, 1fr) 6.5em; gap: 0.7em; align-items: center; font-size: 1.3em; }
      .row .letter { width: 1.75em; height: 1.75em; }
      .row .letter.tinted { color: #fff; }
      .chart .label { font-size: 0.8em; }
      .row .opt { white-space: nowrap; overflow: hidden; text-overflow: ellipsis; color: var(--muted); }
      .row.good .opt { color: var(--ink); font-weight: 700; }
      .row .track { height: 1.45em; background: var(--panel); border-radius: 0.4em; overflow: hidden; position: relative; }
      .row .fill { height: 100%; border-radius: 0.4em; min-width: 0.25em; }
      .row.bad .fill { background: #64748b; }
      .row.good .fill { background: var(--right); }
      .row .cnt { font-weight: 800; font-variant-numeric: tabular-nums; white-space: nowrap; }
      .row .cnt .mark { color: #86efac; font-weight: 800; margin-left: 0.3em; font-size: 0.85em; }
      .explain { background: var(--panel); border-left: 0.35em solid var(--accent); border-radius: 0.5em; padding: 0.6em 1em;
                 font-size: 1.3em; color: var(--ink); overflow-wrap: anywhere; }
      .explain .label { display: block; font-size: 0.7em; margin-bottom: 0.2em; }
      .stat-line { display: flex; gap: 1.5em; align-items: baseline; flex-wrap: wrap; }
      .big-stat { font-size: 2.4em; font-weight: 800; font-variant-numeric: tabular-nums; }
      .big-stat small { font-size: 0.5em; color: var(--muted); font-weight: 600; margin-left: 0.3em; }
      .stat-line .sub { font-size: 1.2em; color: var(--muted); }

      .board { background: var(--panel); border: 1px solid var(--line); border-radius: 1em; padding: 1em 1.1em;
               display: flex; flex-direction: column; gap: 0.5em; min-height: 0; overflow: hidden; align-self: start; }
      .board h2 { margin: 0 0 0.2em; font-size: 1.45em; }
      .board ol { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 0.45em; }
      .board li { display: grid; grid-template-columns: 1.8em minmax(0, 1fr) auto; gap: 0.6em; align-items: center;
                  font-size: 1.3em; padding: 0.35em 0.55em; border-radius: 0.5em; background: var(--panel2); }
      .board .rk { font-weight: 800; color: var(--faint); text-align: center; }
      .board .nm { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font-weight: 650; }
      .board .sc { font-weight: 800; font-variant-numeric: tabular-nums; }
      .board .empty { color: var(--faint); font-size: 1.2em; }

      /* Ended */
      .final { display: grid; grid-template-columns: minmax(0, 1.25fr) minmax(0, 1fr); gap: 2em; flex: 1; min-height: 0; }
      .final-left { display: flex; flex-direction: column; min-height: 0; min-width: 0; }
      .final h1 { margin: 0; font-size: 3em; }
      .final .avg { margin-top: 0.3em; font-size: 1.5em; color: var(--muted); }
      .final .avg b { color: var(--ink); font-size: 1.4em; }
      .podium { flex: 1; min-height: 0; display: grid; grid-template-columns: repeat(3, minmax(0, 1fr)); gap: 0.9em; align-items: end;
                margin-top: 1em; }
      .step { display: flex; flex-direction: column; align-items: center; min-width: 0; }
      .step .who { font-size: 1.6em; font-weight: 750; max-width: 100%; overflow: hidden; text-overflow: ellipsis; white-space: nowrap;
                   padding: 0 0.2em; }
      .step .pts { font-size: 1.2em; color: var(--muted); margin: 0.15em 0 0.5em; font-variant-numeric: tabular-nums; }
      .block { width: 100%; border-radius: 0.7em 0.7em 0 0; display: flex; justify-content: center; padding-top: 0.4em;
               font-size: 3.2em; font-weight: 900; color: #0f172a; }
      .p1 .block { height: 13rem; background: #fcd34d; }
      .p2 .block { height: 9.5rem; background: #cbd5e1; }
      .p3 .block { height: 7rem; background: #fdba74; }
      .p1 .block, .p2 .block, .p3 .block { font-size: 2.6rem; }
      .final .board { align-self: start; max-height: 100%; }
      .final .board li { font-size: 1.25em; padding: 0.3em 0.55em; }
      .final .board li.top { background: #334566; }

      #reconnect { position: fixed; right: 1rem; bottom: 1rem; background: #7c2d12; color: #fff; border: 1px solid #c2410c;
                   padding: 0.4rem 0.9rem; border-radius: 999px; font-size: 0.95rem; display: none; }
      #reconnect.on { display: block; }

      @media (prefers-reduced-motion: reduce) {
        *, *::before, *::after { transition: none !important; animation: none !important; }
      }
    </style>
    </head>
    <body data-phase="">
    <header class="bar-top">
      <span class="brand">Safer Shell</span>
      <span class="title" id="title">Class quiz</span>
      <span class="badges" id="badges"></span>
    </header>
    <main class="stage" id="stage">
      <div class="message"><h1>Connecting to the class…</h1></div>
    </main>
    <footer class="foot" id="foot"></footer>
    <div id="reconnect" role="status">reconnecting…</div>
    <script>
    (function () {
      'use strict';
      var stage = document.getElementById('stage');
      var titleEl = document.getElementById('title');
      var badges = document.getElementById('badges');
      var foot = document.getElementById('foot');
      var note = document.getElementById('reconnect');
      var timer = null;

      // Builds an element; text (from the state: names, prompts) only ever goes in as textContent.
      function el(tag, cls, text) {
        var node = document.createElement(tag);
        if (cls) node.className = cls;
        if (text !== undefined && text !== null) node.textContent = String(text);
        return node;
      }
      function add(parent) {
        for (var i = 1; i < arguments.length; i++) if (arguments[i]) parent.appendChild(arguments[i]);
        return parent;
      }
      function letter(i, count) { return count > 26 ? String(i + 1) : String.fromCharCode(97 + i); }
      function num(x) { return typeof x === 'number' && isFinite(x) ? x : 0; }
      function score(x) {
        x = num(x);
        var r = Math.round(x * 10) / 10;
        return r.toLocaleString(undefined, { maximumFractionDigits: 1 });
      }
      function plural(n, one, many) { return n + ' ' + (n === 1 ? one : many); }
      function sizeClass(text, long, veryLong) {
        var n = String(text || '').length;
        return n > veryLong ? ' very-long' : n > long ? ' long' : '';
      }

      var kinds = {
        single: 'Choose one', multiple: 'Choose all that apply', scenario: 'Choose one', truefalse: 'True or false',
        text: 'Type your answer', number: 'Type a number', order: 'Put in order', matching: 'Match them', essay: 'Write your answer'
      };

      function message(title, lines) {
        var box = el('div', 'message');
        add(box, el('h1', null, title));
        (lines || []).forEach(function (line) {
          var p = el('p');
          if (Array.isArray(line)) line.forEach(function (part, i) { p.appendChild(i % 2 ? el('code', 'mono', part) : document.createTextNode(part)); });
          else p.textContent = line;
          box.appendChild(p);
        });
        return box;
      }

      function badge(text, cls) { return el('span', 'badge' + (cls ? ' ' + cls : ''), text); }

      function joinCommand(address, code) {
        var cmd = el('div', 'join-cmd mono');
        add(cmd, el('span', 'prompt-sign', '$'), document.createTextNode('join '), el('span', 'addr', address),
          document.createTextNode(' '), el('span', 'cd', code));
        cmd.title = 'join ' + address + ' ' + code;
        return cmd;
      }

      // Lobby: how to join, the code, who is in.
      function lobby(s) {
        var addresses = Array.isArray(s.addresses) ? s.addresses : [];
        var first = addresses.length ? addresses[0] : 'ADDRESS';
        var top = el('div', 'lobby-top');
        var join = el('div', 'card');
        add(join, el('div', 'label', 'Join with'), joinCommand(first, s.code || ''));
        add(join, el('div', 'join-hint', 'Type this in your Safer Shell, then your name.'));
        if (addresses.length > 1) {
          var others = el('div', 'join-others');
          others.appendChild(document.createTextNode('Or: '));
          addresses.slice(1).forEach(function (a) { others.appendChild(el('span', 'mono', 'join ' + a + ' ' + (s.code || ''))); });
          join.appendChild(others);
        }
        var codeCard = el('div', 'card code-card');
        add(codeCard, el('div', 'label', 'Code'), el('div', 'code mono', s.code || ''));
        add(top, join, codeCard);

        var players = Array.isArray(s.players) ? s.players : [];
        var card = el('div', 'card players-card');
        var head = el('div', 'players-head');
        add(head, el('span', 'count', players.length), el('span', 'what', players.length === 1 ? 'player joined' : 'players joined'));
        if (s.locked) head.appendChild(badge('Locked: no one new can join', 'locked'));
        card.appendChild(head);
        var chips = el('div', 'chips' + (players.length <= 12 ? ' few' : players.length <= 30 ? ' some' : ''));
        if (!players.length) chips.appendChild(el('div', 'waiting', 'Waiting for students to join…'));
        players.forEach(function (name) {
          var chip = el('span', 'chip', name);
          chip.title = String(name);
          chips.appendChild(chip);
        });
        card.appendChild(chips);
        add(stage, top, card);
        return function () { shrinkToWidth(join.querySelector('.join-cmd')); shrinkToWidth(codeCard.querySelector('.code')); trimChips(chips, players.length); };
      }

      // The join command must show whole: its type shrinks until it fits on one line.
      function shrinkToWidth(node) {
        var size = parseFloat(getComputedStyle(node).fontSize);
        var floor = size * 0.45;
        while (node.scrollWidth > node.clientWidth + 1 && size > floor) {
          size -= 1;
          node.style.fontSize = size + 'px';
        }
      }

      // When there are more names than fit, the last ones give way to "+N more".
      function trimChips(chips, total) {
        if (chips.scrollHeight <= chips.clientHeight + 1) return;
        var more = el('span', 'chip more');
        chips.appendChild(more);
        var hidden = 0;
        while (chips.scrollHeight > chips.clientHeight + 1 && chips.children.length > 1) {
          chips.removeChild(more.previousSibling);
          hidden++;
          more.textContent = '+' + hidden + ' more';
        }
      }

      function clock(s, q) {
        var side = el('div', 'q-side');
        var limit = Math.max(num(q.timeLimit), 1);
        if (s.phase === 'open') {
          var box = el('div', 'clock');
          var numEl = el('div', 'num');
          var unit = el('div', 'unit');
          add(box, numEl, unit);
          box.setAttribute('role', 'timer');
          var left = Math.max(num(s.secondsLeft), 0);
          var deadline = Date.now() + left * 1000;
          var tick = function () {
            var remaining = s.paused ? left : Math.max((deadline - Date.now()) / 1000, 0);
            var whole = Math.ceil(remaining - 1e-6);
            if (whole < 0) whole = 0;
            box.style.setProperty('--p', String(Math.min(remaining / limit, 1)));
            box.classList.toggle('paused', !!s.paused);
            box.classList.toggle('urgent', !s.paused && whole <= 5);
            numEl.textContent = s.paused ? 'Paused' : String(whole);
            unit.textContent = s.paused ? whole + ' s left' : (whole === 1 ? 'second' : 'seconds');
            if (!s.paused && remaining <= 0 && timer) { clearInterval(timer); timer = null; }
          };
          tick();
          if (!s.paused && left > 0) timer = setInterval(tick, 250);
          side.appendChild(box);
        } else {
          var up = el('div', 'timeup');
          add(up, el('b', null, "Time's up"), el('span', null, 'answers closed'));
          side.appendChild(up);
        }
        var players = Array.isArray(s.players) ? s.players.length : 0;
        var answered = num(s.answered);
        var box2 = el('div', 'answered');
        add(box2, el('div', 'n', answered + ' / ' + players + ' answered'));
        var meter = el('div', 'meter'), fill = el('i');
        fill.style.width = (players ? Math.min(answered / players, 1) * 100 : 0) + '%';
        add(box2, add(meter, fill));
        side.appendChild(box2);
        return side;
      }

      function questionHead(q, number, total) {
        var text = el('div', 'q-text');
        var meta = el('div', 'q-meta');
        add(meta, el('span', 'q-num', 'Question ' + number + ' of ' + total));
        if (kinds[q.kind]) meta.appendChild(el('span', 'q-kind', kinds[q.kind]));
        if (num(q.points) && num(q.points) !== 1) meta.appendChild(el('span', 'q-kind', score(q.points) + ' points'));
        add(text, meta, el('h1', 'prompt' + sizeClass(q.prompt, 110, 220), q.prompt || ''));
        return text;
      }

      function answerArea(q) {
        var options = Array.isArray(q.options) ? q.options : [];
        var left = Array.isArray(q.left) ? q.left : [];
        if (q.kind === 'matching' && left.length) {
          var grid = el('div', 'match');
          var ol1 = el('ol'), ol2 = el('ol');
          left.forEach(function (item, i) { var li = el('li'); add(li, el('span', 'num', i + 1), el('span', null, item)); ol1.appendChild(li); });
          options.forEach(function (item, i) { var li = el('li'); add(li, el('span', 'letter', letter(i, options.length)), el('span', null, item)); ol2.appendChild(li); });
          return add(grid, ol1, ol2);
        }
        if (!options.length) {
          var box = el('div', 'type-it');
          var what = q.kind === 'number' ? 'Type a number' + (q.unit ? ' (in ' + q.unit + ')' : '') :
                     q.kind === 'essay' ? 'Write your answer' : 'Type your answer';
          add(box, el('b', null, what), el('span', null, 'in your own shell'));
          return box;
        }
        var longest = options.reduce(function (m, o) { return Math.max(m, String(o).length); }, 0);
        var cls = 'tiles';
        if (options.length > 4 && longest <= 40) cls += ' three';
        if (options.length > 6 || longest > 70) cls += ' small';
        else if (options.length <= 2 && longest <= 40) cls += ' two';
        var tiles = el('div', cls);
        options.forEach(function (text, i) {
          var t = el('div', 'tile c' + (i % 8));
          add(t, el('span', 'letter', letter(i, options.length)), el('span', 'txt', text));
          t.setAttribute('aria-label', letter(i, options.length) + ') ' + text);
          tiles.appendChild(t);
        });
        return tiles;
      }

      function question(s) {
        var q = s.question;
        if (!q) { stage.appendChild(message('Next question coming up…')); return; }
        var head = el('div', 'q-head');
        add(head, questionHead(q, q.number, q.total), clock(s, q));
        add(stage, head, answerArea(q));
        if (s.phase === 'closed') stage.classList.add('closed');
      }

      function leaderboard(list, limit, heading, cls) {
        var board = el('section', 'board' + (cls ? ' ' + cls : ''));
        board.appendChild(el('h2', null, heading));
        var rows = (Array.isArray(list) ? list : []).slice(0, limit);
        if (!rows.length) board.appendChild(el('div', 'empty', 'No scores yet'));
        var ol = el('ol');
        rows.forEach(function (p) {
          var li = el('li', p.rank <= 3 ? 'top' : '');
          var name = el('span', 'nm', p.name);
          name.title = String(p.name);
          add(li, el('span', 'rk', p.rank), name, el('span', 'sc', score(p.score)));
          ol.appendChild(li);
        });
        board.appendChild(ol);
        return board;
      }

      function revealed(s) {
        var q = s.question || {};
        var r = s.reveal || {};
        var grid = el('div', 'reveal');
        var main = el('div', 'reveal-main');
        var total = q.total;
        var number = r.question || q.number;
        var meta = el('div', 'q-meta');
        meta.appendChild(el('span', 'q-num', total ? 'Question ' + number + ' of ' + total : 'Question ' + number));
        add(main, meta, el('h1', 'prompt' + sizeClass(q.prompt, 110, 220), q.prompt || ''));

        var right = el('div', 'right-answer');
        right.setAttribute('aria-label', 'right answer: ' + (r.rightAnswer || ''));
        var words = el('div');
        words.style.minWidth = '0';
        add(words, el('div', 'lbl', 'Right answer'), el('div', 'ans' + (String(r.rightAnswer || '').length > 70 ? ' long' : ''), r.rightAnswer || ''));
        add(right, el('span', 'tick', '✓'), words);
        main.appendChild(right);

        var counts = Array.isArray(r.counts) ? r.counts : [];
        if (counts.length) {
          var most = counts.reduce(function (m, c) { return Math.max(m, num(c.count)); }, 0);
          var chart = el('div', 'chart');
          var lettered = counts.every(function (c) { return /^[a-z]$/.test(String(c.label)); });
          if (!lettered) chart.appendChild(el('div', 'label', 'Most common answers'));
          counts.forEach(function (c, i) {
            var row = el('div', 'row ' + (c.correct ? 'good' : 'bad'));
            var trackEl = el('div', 'track'), fill = el('div', 'fill');
            fill.style.width = (most ? num(c.count) / most * 100 : 0) + '%';
            trackEl.appendChild(fill);
            var opt = el('span', 'opt', c.text);
            opt.title = String(c.text);
            var cnt = el('span', 'cnt', num(c.count));
            if (c.correct) cnt.appendChild(el('span', 'mark', '✓ right'));
            var tint = lettered ? ' tinted c' + ((String(c.label).charCodeAt(0) - 97) % 8) : '';
            add(row, el('span', 'letter' + tint, c.label), opt, trackEl, cnt);
            chart.appendChild(row);
          });
          main.appendChild(chart);
        }
        var stats = el('div', 'stat-line');
        var big = el('div', 'big-stat', num(r.correct) + ' of ' + num(r.answered) + ' right');
        stats.appendChild(big);
        var players = num(r.players) || (Array.isArray(s.players) ? s.players.length : 0);
        stats.appendChild(el('span', 'sub', plural(num(r.answered), 'answer', 'answers') + ' from ' + plural(players, 'player', 'players')));
        main.appendChild(stats);
        if (r.explanation) {
          var ex = el('div', 'explain');
          add(ex, el('span', 'label', 'Why'), document.createTextNode(r.explanation));
          main.appendChild(ex);
        }
        add(grid, main, leaderboard(s.leaderboard, 5, 'Top 5'));
        stage.appendChild(grid);
      }

      function ended(s) {
        var list = Array.isArray(s.leaderboard) ? s.leaderboard : [];
        var grid = el('div', 'final');
        var left = el('div', 'final-left');
        left.appendChild(el('h1', null, 'Final results'));
        var players = Array.isArray(s.players) ? s.players.length : 0;
        if (typeof s.average === 'number' && isFinite(s.average)) {
          var avg = el('div', 'avg');
          add(avg, document.createTextNode('Class average '), el('b', null, score(s.average) + '%'));
          if (players) avg.appendChild(document.createTextNode(' · ' + plural(players, 'player', 'players')));
          left.appendChild(avg);
        }
        if (list.length) {
          var podium = el('div', 'podium');
          [1, 0, 2].forEach(function (i) {
            var p = list[i];
            var step = el('div', 'step p' + (i + 1));
            if (p) {
              var who = el('div', 'who', p.name);
              who.title = String(p.name);
              add(step, who, el('div', 'pts', score(p.score) + ' points · ' + num(p.correct) + ' right'), el('div', 'block', p.rank));
            }
            podium.appendChild(step);
          });
          left.appendChild(podium);
        } else {
          left.appendChild(el('p', 'waiting', 'No answers were given.'));
        }
        add(grid, left, leaderboard(list, 10, 'Top 10'));
        stage.appendChild(grid);
      }

      // Shrinks the stage's type until nothing spills (long prompts, many options).
      function fit() {
        var f = 1;
        stage.style.setProperty('--fit', '1');
        while (f > 0.6 && overflowing()) {
          f = Math.round((f - 0.05) * 100) / 100;
          stage.style.setProperty('--fit', String(f));
        }
      }
      function overflowing() {
        if (stage.scrollHeight > stage.clientHeight + 1) return true;
        var all = stage.querySelectorAll('.tile, .type-it, .match, .players-card, .reveal-main, .board, .final-left');
        for (var i = 0; i < all.length; i++) if (all[i].scrollHeight > all[i].clientHeight + 2) return true;
        return false;
      }

      function render(s) {
        if (timer) { clearInterval(timer); timer = null; }
        stage.replaceChildren();
        stage.className = 'stage';
        badges.replaceChildren();
        foot.replaceChildren();
        titleEl.textContent = s.title || 'Class quiz';
        document.title = (s.title || 'Class quiz') + ' · Safer Shell';
        var q = s.question;
        if (s.locked) badges.appendChild(badge('Locked', 'locked'));
        var after = null;
        switch (s.phase) {
          case 'lobby': after = lobby(s); break;
          case 'open': case 'closed': question(s); break;
          case 'revealed': revealed(s); break;
          case 'ended': ended(s); break;
          default: stage.appendChild(message('Waiting for the class…'));
        }
        if (q && s.phase !== 'lobby' && s.phase !== 'ended') badges.appendChild(badge(s.phase === 'revealed' ? 'Answer' : s.phase === 'closed' ? 'Closed' : s.paused ? 'Paused' : 'Answering'));
        if (s.phase !== 'lobby' && s.phase !== 'ended' && !s.locked && s.code) {
          var addresses = Array.isArray(s.addresses) ? s.addresses : [];
          var late = el('span');
          add(late, document.createTextNode('Late? '), el('b', 'mono', 'join ' + (addresses[0] || '') + ' ' + s.code));
          foot.appendChild(late);
        }
        if (s.phase !== 'lobby') {
          var count = Array.isArray(s.players) ? s.players.length : 0;
          foot.appendChild(el('span', null, plural(count, 'player', 'players')));
        }
        fit();
        if (after) after();
        document.body.dataset.phase = s.phase || '';
      }

      function receive(text) {
        var s;
        try { s = JSON.parse(text); } catch (e) { return; }
        if (s && s.type === 'state') render(s);
      }

      var hash = location.hash || '';
      if (hash.indexOf('#state=') === 0) {
        // Demo mode: the state comes in the address; no socket.
        var show = function () {
          var h = location.hash || '';
          if (h.indexOf('#state=') !== 0) return;
          try { receive(decodeURIComponent(h.slice(7))); } catch (e) { stage.replaceChildren(message('Bad demo state', [String(e)])); }
        };
        window.addEventListener('hashchange', show);
        show();
        return;
      }

      var key = new URLSearchParams(location.search).get('key');
      if (!key) {
        stage.replaceChildren(message('No class here', [
          ["This page is for the teacher's screen: open the address ", 'safer class host', ' printed.']
        ]));
        document.body.dataset.phase = 'nokey';
        return;
      }

      function connect() {
        var url = (location.protocol === 'https:' ? 'wss' : 'ws') + '://' + location.host + '/projector?key=' + encodeURIComponent(key);
        var socket, retried = false;
        var retry = function () {
          if (retried) return;
          retried = true;
          note.classList.add('on');
          setTimeout(connect, 2000);
        };
        try { socket = new WebSocket(url); } catch (e) { retry(); return; }
        socket.onopen = function () { note.classList.remove('on'); };
        socket.onmessage = function (event) { if (typeof event.data === 'string') { note.classList.remove('on'); receive(event.data); } };
        socket.onclose = retry;
        socket.onerror = function () { retry(); try { socket.close(); } catch (e) {} };
      }
      connect();
    })();
    </script>
    </body>
    </html>
    """#
}
