/*
 * The example provider front end: signs in with a token, lists the children placed with the provider and their
 * open deadlines, and keeps the list current from Subscription.myChildrenChanged over GraphQL over SSE (a
 * streamed fetch, so the token travels in the Authorization header). After a dropped connection it reconnects
 * and asks Query.changesSince for what it missed from its last cursor, so nothing is lost or shown twice.
 * Plain browser JavaScript, no build step.
 */
'use strict';
(() => {
  const GRAPHQL = '/graphql';
  const LIST = `query ProviderChildren {
    children(first: 100) { edges { node {
      id name currentPlacement { startedAt }
      deadlines { id ruleId title dueAt dueDate status }
    } } }
  }`;
  const HEAD = 'query ProviderCursor { changeCursor }';
  const CHANGE = 'cursor kind at child { id }';
  const SUBSCRIBE = `subscription ProviderChanges { myChildrenChanged { ${CHANGE} } }`;
  const CATCH_UP = `query ProviderCatchUp($cursor: String!) {
    changesSince(cursor: $cursor, first: 200) { changes { ${CHANGE} } endCursor hasMore }
  }`;
  const OPEN = ['PENDING', 'OVERDUE'];
  const REFUSALS = ['UNAUTHENTICATED', 'FORBIDDEN'];
  const MAX_RETRY_MS = 5000;

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $('sign-in'), token: $('token'), main: $('signed-in'), who: $('who'), connection: $('connection'),
    rows: document.querySelector('#children tbody'), none: $('no-children'), changes: $('changes'), signOut: $('sign-out'),
  };

  /** Everything about the signed-in session; replaced on each sign-in, so late answers of an old one are ignored. */
  let session = null;

  class Refused extends Error {}
  class CursorExpired extends Error {}

  function setConnection(state, text) {
    ui.connection.dataset.state = state;
    ui.connection.textContent = text;
  }

  function codesOf(errors) {
    return (errors || []).map((e) => e && e.extensions && e.extensions.code).filter(Boolean);
  }

  function fail(errors, status) {
    const codes = codesOf(errors);
    const message = (errors || []).map((e) => e.message).join('; ') || `HTTP ${status}`;
    if (status === 401 || status === 403 || codes.some((c) => REFUSALS.includes(c))) return new Refused(message);
    if (codes.includes('CURSOR_EXPIRED')) return new CursorExpired(message);
    return new Error(message);
  }

  async function graphql(s, query, variables) {
    const res = await fetch(GRAPHQL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: s.authorization },
      body: JSON.stringify({ query, variables }),
    });
    let body = null;
    try {
      body = await res.json();
    } catch {
      /* not JSON: judged by the status below */
    }
    if (!res.ok || !body || body.errors) throw fail(body && body.errors, res.status);
    return body.data;
  }

  function date(iso) {
    return iso ? new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Europe/London' }) : '';
  }

  function render(s, children) {
    ui.rows.replaceChildren();
    for (const child of children) {
      s.names.set(child.id, child.name);
      const row = document.createElement('tr');
      row.dataset.childId = child.id;
      const name = document.createElement('td');
      name.className = 'name';
      name.textContent = child.name;
      const since = document.createElement('td');
      since.textContent = date(child.currentPlacement && child.currentPlacement.startedAt);
      const deadlines = document.createElement('td');
      const list = document.createElement('ul');
      list.className = 'deadlines';
      for (const d of child.deadlines.filter((x) => OPEN.includes(x.status))) {
        const item = document.createElement('li');
        item.className = d.status;
        item.dataset.deadlineId = d.id;
        item.dataset.status = d.status;
        item.textContent = `${d.title} (${d.ruleId}): due ${d.dueDate || date(d.dueAt) || 'date not yet known'}${d.status === 'OVERDUE' ? ', overdue' : ''}`;
        list.append(item);
      }
      deadlines.append(list);
      row.append(name, since, deadlines);
      ui.rows.append(row);
    }
    ui.none.hidden = children.length > 0;
  }

  async function loadChildren(s) {
    const data = await graphql(s, LIST);
    if (session === s) render(s, data.children.edges.map((e) => e.node));
  }

  /** Reloads the list once for a burst of changes. */
  function scheduleReload(s) {
    clearTimeout(s.reloadTimer);
    s.reloadTimer = setTimeout(() => {
      loadChildren(s).catch((err) => handleError(s, err));
    }, 100);
  }

  /** Shows a change once (by cursor), however it arrived. */
  function show(s, change, how) {
    if (s.seen.has(change.cursor)) return;
    s.seen.add(change.cursor);
    const item = document.createElement('li');
    item.dataset.cursor = change.cursor;
    item.dataset.kind = change.kind;
    item.dataset.childId = change.child.id;
    item.dataset.how = how;
    if (how === 'missed') item.className = 'missed';
    const when = new Date(change.at).toLocaleString('en-GB', { timeZone: 'Europe/London' });
    item.textContent = `${when}: ${change.kind.toLowerCase().replace(/_/g, ' ')}, ${s.names.get(change.child.id) || change.child.id}`;
    ui.changes.prepend(item);
    scheduleReload(s);
  }

  /**
   * Reads every change after the resume cursor and shows the ones not yet shown. Catch-ups run one after another,
   * each from where the previous one ended.
   */
  function catchUp(s, how) {
    s.catchingUp = s.catchingUp.then(async () => {
      for (;;) {
        if (session !== s) return;
        const page = (await graphql(s, CATCH_UP, { cursor: s.resumeFrom })).changesSince;
        if (session !== s) return;
        for (const change of page.changes) show(s, change, how);
        s.resumeFrom = page.endCursor;
        if (!page.hasMore) return;
      }
    });
    return s.catchingUp;
  }

  /** A cursor older than the log's retention: start again from now, with the list as it is now. */
  async function reload(s) {
    s.resumeFrom = (await graphql(s, HEAD)).changeCursor;
    await loadChildren(s);
  }

  function handleError(s, err) {
    if (session !== s) return;
    if (err instanceof Refused) {
      s.closed = true;
      if (s.stream) s.stream.abort();
      setConnection('refused', `Signed out: ${err.message}`);
      return;
    }
    if (err instanceof CursorExpired) {
      s.catchingUp = Promise.resolve();
      reload(s).catch((e) => handleError(s, e));
      return;
    }
    // Anything else: the connection is dropped and made again.
    if (s.stream) s.stream.abort();
  }

  /** A live change. The first one after (re)connecting proves the subscription is in place: close the gap once more. */
  function onLive(s, change) {
    show(s, change, 'live');
    if (s.gap === 'open') {
      s.gap = 'closing';
      catchUp(s, 'missed').then(() => (s.gap = 'closed'), (err) => handleError(s, err));
    } else if (s.gap === 'closed') {
      s.resumeFrom = change.cursor;
    }
  }

  function parseEvent(block) {
    let event = 'message';
    const data = [];
    for (const line of block.split(/\r?\n/)) {
      if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
    return { event, data: data.join('\n') };
  }

  /** One subscription over SSE until it ends; resolves when the stream ends, rejects when it cannot be made. */
  async function stream(s) {
    const abort = new AbortController();
    s.stream = abort;
    const res = await fetch(GRAPHQL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: s.authorization },
      body: JSON.stringify({ query: SUBSCRIBE }),
      signal: abort.signal,
    });
    if (!res.ok || !(res.headers.get('content-type') || '').startsWith('text/event-stream')) {
      let body = null;
      try {
        body = await res.json();
      } catch {
        /* judged by the status */
      }
      throw fail(body && body.errors, res.status);
    }
    setConnection('live', 'Live');
    s.retryMs = 500;
    s.gap = 'open';
    // What happened since the last cursor (the first time: since the list was loaded).
    catchUp(s, 'missed').catch((err) => handleError(s, err));
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let end;
      while ((end = buffer.search(/\r?\n\r?\n/)) >= 0) {
        const { event, data } = parseEvent(buffer.slice(0, end));
        buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
        if (event === 'complete') return;
        if (!data) continue;
        const payload = JSON.parse(data);
        if (payload.errors && !payload.data) throw fail(payload.errors, 200);
        if (payload.data && payload.data.myChildrenChanged) onLive(s, payload.data.myChildrenChanged);
      }
    }
  }

  /** Keeps a subscription open for the session: after a drop, waits a little longer each time and subscribes again. */
  async function keepSubscribed(s) {
    while (session === s && !s.closed) {
      setConnection(s.everLive ? 'reconnecting' : 'connecting', s.everLive ? 'Reconnecting…' : 'Connecting…');
      try {
        await stream(s);
      } catch (err) {
        if (err instanceof Refused) return handleError(s, err);
      }
      s.everLive = s.everLive || ui.connection.dataset.state === 'live';
      if (session !== s || s.closed) return;
      setConnection('reconnecting', 'Connection lost: reconnecting…');
      await new Promise((r) => setTimeout(r, s.retryMs));
      s.retryMs = Math.min(MAX_RETRY_MS, s.retryMs * 2);
    }
  }

  async function signIn(raw) {
    const token = raw.trim().replace(/^bearer\s+/i, '');
    if (!token) return;
    signOut();
    const s = {
      authorization: `Bearer ${token}`, names: new Map(), seen: new Set(), resumeFrom: null,
      catchingUp: Promise.resolve(), retryMs: 500, gap: 'open', closed: false, everLive: false, stream: null, reloadTimer: null,
    };
    session = s;
    ui.form.hidden = true;
    ui.main.hidden = false;
    setConnection('connecting', 'Signing in…');
    try {
      // The cursor first, then the state: nothing between the two is lost.
      s.resumeFrom = (await graphql(s, HEAD)).changeCursor;
      await loadChildren(s);
    } catch (err) {
      if (err instanceof Refused) ui.form.hidden = false;
      setConnection('refused', `Could not sign in: ${err.message}`);
      s.closed = true;
      return;
    }
    keepSubscribed(s);
  }

  function signOut() {
    if (session) {
      session.closed = true;
      if (session.stream) session.stream.abort();
      clearTimeout(session.reloadTimer);
    }
    session = null;
    ui.rows.replaceChildren();
    ui.changes.replaceChildren();
    ui.main.hidden = true;
    ui.form.hidden = false;
    setConnection('signed-out', 'Signed out');
  }

  ui.form.addEventListener('submit', (e) => {
    e.preventDefault();
    const token = ui.token.value;
    ui.token.value = '';
    signIn(token);
  });
  ui.signOut.addEventListener('click', signOut);

  /** For operators and tests: cut the current connection as a network failure would (the page then resumes). */
  window.providerHub = {
    dropConnection() {
      if (session && session.stream) session.stream.abort();
    },
  };

  // A token in the address (?token=) signs in at once and is then removed from the address and the history.
  const params = new URLSearchParams(location.search);
  const fromUrl = params.get('token');
  if (fromUrl) {
    history.replaceState(null, '', location.pathname);
    signIn(fromUrl);
  }
})();
