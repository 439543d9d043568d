const base = location.pathname.endsWith("/") ? location.pathname : location.pathname + "/";
let current = new URLSearchParams(location.search).get("phone");
let listening = null;  // the call waiting for an answer, if any: the form answers it instead of texting
const el = (tag, attrs = {}, text = "") => { const e = document.createElement(tag); Object.assign(e, attrs); if (text) e.textContent = text; return e; };

async function loadPhones() {
  const res = await fetch(base + "phones");
  const data = await res.json();
  const list = document.getElementById("phones");
  list.replaceChildren(...data.phones.map(p => {
    const b = el("button", {type: "button"});
    b.dataset.phone = p.phone;
    b.setAttribute("aria-current", String(p.phone === current));
    b.append(el("strong", {}, p.phone), el("small", {}, p.last_body));
    b.onclick = () => { current = p.phone; history.replaceState(null, "", "?phone=" + encodeURIComponent(p.phone)); refresh(); };
    return b;
  }));
  if (!current && data.phones.length) current = data.phones[0].phone;
}

async function loadThread() {
  if (!current) return;
  document.getElementById("title").textContent = current;
  document.getElementById("reply").hidden = false;
  const res = await fetch(base + "phones/" + encodeURIComponent(current));
  const data = await res.json();
  const thread = document.getElementById("thread");
  const atBottom = thread.scrollHeight - thread.scrollTop - thread.clientHeight < 40;
  const items = data.messages.map(m => {
    const b = el("div", {className: "bubble " + m.direction});
    b.append(el("div", {}, m.body), el("div", {className: "meta"}, new Date(m.created_at).toLocaleTimeString() + " · " + m.status));
    return b;
  });
  for (const call of data.calls || []) {
    items.push(el("div", {className: "call"}, "Call " + new Date(call.created_at).toLocaleTimeString() + " · " + call.status + (call.listening ? " · listening" : "")));
    for (const line of call.transcript) items.push(el("div", {className: "bubble " + line.speaker}, line.text));
  }
  thread.replaceChildren(...items);
  listening = (data.calls || []).find(c => c.listening) || null;
  document.getElementById("body").placeholder = listening ? "Answer on the call (speech, or digits)…" : "Reply as the patient…";
  if (atBottom) thread.scrollTop = thread.scrollHeight;
}

async function refresh() {
  try { await loadPhones(); await loadThread(); document.getElementById("error").textContent = ""; }
  catch (e) { document.getElementById("error").textContent = "Could not reach the simulator: " + e; }
}

document.getElementById("reply").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = document.getElementById("body");
  const text = input.value.trim();
  const answer = /^[0-9*#]+$/.test(text) ? {digits: text} : {speech: text};
  const res = listening
    ? await fetch(base + "calls/" + listening.sid + "/say", {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(answer)})
    : await fetch(base + "phones/" + encodeURIComponent(current) + "/reply", {
        method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify({body: input.value})});
  if (res.ok) { input.value = ""; } else { document.getElementById("error").textContent = (await res.json()).error; }
  refresh();
});

refresh();
setInterval(refresh, 1500);
