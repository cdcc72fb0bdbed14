// The customer-facing web chat: plain DOM, no framework, no innerHTML. The visitor's identity is the
// httpOnly cs_visitor cookie the API sets on the first message; replies arrive over server-sent events.
const API = '/chat/api';
const $ = (selector) => document.querySelector(selector);
const list = $('.chat-messages');
const typingEl = $('.chat-typing');
const errorEl = $('.chat-error');
const form = $('.chat-form');
const textBox = $('#chat-text');
const sendButton = form.querySelector('button[type="submit"]');
const nameBox = $('#chat-name');
const emailBox = $('#chat-email');

let sending = false;
let blockedUntil = 0; // after a 429, until Retry-After has passed
let retry = null; // { text, id } of a message that failed: resending the same text reuses its id
let events = null;
let backoff = 1000;
let reconnecting = false;

// ---- details (name, email), remembered on this device ----
const store = {
  get: (key) => { try { return localStorage.getItem(key) ?? ''; } catch { return ''; } },
  set: (key, value) => { try { localStorage.setItem(key, value); } catch { /* storage may be disabled */ } },
};
nameBox.value = store.get('cs-chat-name');
emailBox.value = store.get('cs-chat-email');
nameBox.addEventListener('input', () => store.set('cs-chat-name', nameBox.value));
emailBox.addEventListener('input', () => store.set('cs-chat-email', emailBox.value));

/** Name and email go with the first message, and again whenever the visitor changes them. */
function details() {
  const current = { name: nameBox.value.trim(), email: emailBox.value.trim() };
  const key = JSON.stringify(current);
  if ((!current.name && !current.email) || store.get('cs-chat-details-sent') === key) return { fields: {}, key: null };
  const fields = {};
  if (current.name) fields.name = current.name;
  if (current.email) fields.email = current.email;
  return { fields, key };
}

// ---- rendering ----
const URL_END = /[.,;:!?'")\]]+$/;
const INLINE = /\*\*(.+?)\*\*|\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>]+)/g;

function link(href, label) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = label;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  return a;
}

/** Simple markdown (**bold**, [label](url), bare http(s) URLs) as DOM nodes; everything else is text. */
function renderMarkdown(text, into) {
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    let [whole, bold, label, href, bare] = match;
    let end = match.index + whole.length;
    into.append(text.slice(last, match.index));
    if (bold !== undefined) {
      const strong = document.createElement('strong');
      renderMarkdown(bold, strong);
      into.append(strong);
    } else if (href !== undefined) {
      into.append(link(href, label));
    } else {
      const trailing = URL_END.exec(bare)?.[0] ?? '';
      bare = bare.slice(0, bare.length - trailing.length);
      end -= trailing.length;
      into.append(link(bare, bare));
    }
    last = end;
  }
  into.append(text.slice(last));
}

/** A <time> showing the time of day, and the date too when it is not today. */
function timeElement(iso) {
  const at = new Date(iso);
  const time = document.createElement('time');
  time.dateTime = iso;
  time.textContent = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  if (at.toDateString() !== new Date().toDateString()) time.textContent = `${at.toLocaleDateString([], { day: 'numeric', month: 'short' })}, ${time.textContent}`;
  return time;
}

/** One bubble: the visitor's own messages as plain text, the business's replies with markdown. */
function bubble(direction, body) {
  const li = document.createElement('li');
  li.className = `chat-message ${direction}`;
  const who = document.createElement('span');
  who.className = 'visually-hidden';
  who.textContent = direction === 'inbound' ? 'You: ' : 'Reply: ';
  const text = document.createElement('p');
  text.className = 'chat-body';
  if (direction === 'outbound') renderMarkdown(body, text);
  else text.textContent = body;
  const meta = document.createElement('span');
  meta.className = 'chat-meta';
  li.append(who, text, meta);
  return li;
}

function setMeta(li, createdAt) {
  li.querySelector('.chat-meta').replaceChildren(createdAt ? timeElement(createdAt) : 'sending…');
}

/** Keeps server messages in time order and the visitor's unconfirmed ones last. */
function place(li) {
  const at = li.dataset.at;
  let before = null;
  if (at) before = [...list.children].find((other) => other !== li && (!other.dataset.at || other.dataset.at > at)) ?? null;
  if (li.parentNode !== list || li.nextElementSibling !== before) list.insertBefore(li, before);
  list.scrollTop = list.scrollHeight;
}

/** A message from the server, de-duplicated by id; it replaces the visitor's "sending…" copy of it. */
function showMessage(message) {
  if (list.querySelector(`[data-id="${CSS.escape(message.id)}"]`)) return;
  const pending = message.direction === 'inbound'
    && [...list.querySelectorAll('.chat-message.pending')].find((li) => li.dataset.text === message.body);
  const li = pending || bubble(message.direction, message.body);
  li.classList.remove('pending');
  li.dataset.id = message.id;
  li.dataset.at = message.createdAt;
  setMeta(li, message.createdAt);
  place(li);
}

const setTyping = (typing) => { typingEl.textContent = typing ? 'typing…' : ''; };
const showError = (message) => { errorEl.textContent = message; };

function updateButton() {
  sendButton.disabled = sending || !textBox.value.trim() || Date.now() < blockedUntil;
}

// ---- server-sent events ----
function connect() {
  if (events) return;
  events = new EventSource(`${API}/events`);
  events.addEventListener('open', () => {
    // The stream only reports typing when it is true, so after a gap assume not until it says otherwise.
    if (reconnecting) setTyping(false);
    reconnecting = false;
    backoff = 1000;
  });
  events.addEventListener('message', (event) => showMessage(JSON.parse(event.data)));
  events.addEventListener('typing', (event) => setTyping(JSON.parse(event.data).typing));
  events.addEventListener('error', () => {
    events.close();
    events = null;
    reconnecting = true;
    setTimeout(connect, backoff);
    backoff = Math.min(backoff * 2, 30_000);
  });
}

// ---- sending ----
function newMessageId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function errorText(response) {
  try {
    const { error } = await response.json();
    if (error) return error;
  } catch { /* not JSON */ }
  return `Something went wrong (${response.status}). Please try again.`;
}

async function send() {
  const text = textBox.value.trim();
  if (!text || sending || Date.now() < blockedUntil) return;
  const id = retry?.text === text ? retry.id : newMessageId();
  retry = { text, id };
  const { fields, key } = details();
  sending = true;
  showError('');
  textBox.value = '';
  updateButton();
  const li = bubble('inbound', text);
  li.classList.add('pending');
  li.dataset.text = text;
  setMeta(li, null);
  place(li);
  const failed = (message) => {
    li.remove();
    textBox.value = textBox.value ? `${text}\n${textBox.value}` : text;
    showError(message);
  };
  try {
    const response = await fetch(`${API}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, clientMessageId: id, ...fields }),
    });
    if (response.ok) {
      const { duplicate } = await response.json();
      retry = null;
      if (key) store.set('cs-chat-details-sent', key);
      // A duplicate whose server copy is already on screen needs no "sending…" copy.
      if (duplicate && [...list.querySelectorAll('.chat-message.inbound[data-id]')].some((m) => m.querySelector('.chat-body').textContent === text)) li.remove();
      connect();
    } else {
      if (response.status === 429) {
        blockedUntil = Date.now() + (Number(response.headers.get('retry-after')) || 5) * 1000;
        setTimeout(updateButton, blockedUntil - Date.now() + 50);
      }
      failed(await errorText(response));
    }
  } catch {
    failed('We could not reach the chat. Check your connection and send again.');
  } finally {
    sending = false;
    updateButton();
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  send();
});
textBox.addEventListener('input', updateButton);
textBox.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    send();
  }
});

// ---- start: an earlier conversation (the cookie) comes back, and then stays live ----
async function load() {
  try {
    const response = await fetch(`${API}/messages`);
    if (!response.ok) throw new Error(String(response.status));
    const thread = await response.json();
    thread.messages.forEach(showMessage);
    setTyping(thread.typing);
    if (thread.messages.length) connect();
  } catch {
    showError('We could not load your conversation. Check your connection and reload the page.');
  }
}

updateButton();
load();
