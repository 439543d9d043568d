(() => {
  const log = document.getElementById("log"), status = document.getElementById("status");
  const error = document.getElementById("error"), form = document.getElementById("send");
  const input = document.getElementById("text");
  const seen = new Set(), unsent = [];
  const words = document.querySelector("main").dataset;  // the page's own words, in the patient's language
  let socket = null;

  // "2) Tue, Dec 8, 1:00 PM": a choice the bot offers; shown as a button that sends "2" (the same in every
  // language, and what a patient could type). Only the newest message's choices can be pressed.
  const CHOICE = /^(\d{1,2})\) (.+)$/;

  function show(message) {
    if (message.id && seen.has(message.id)) return;
    if (message.id) seen.add(message.id);
    const item = document.createElement("li");
    item.className = message.direction;
    const lines = String(message.text).split("\n");
    const choices = message.direction === "outbound" ? lines.filter((line) => CHOICE.test(line)) : [];
    const who = document.createElement("span");  // who said it, for screen readers
    who.className = "sr-only";
    who.textContent = (message.direction === "outbound" ? words.team : words.you) + " ";
    const said = document.createElement("span");
    said.textContent = lines.filter((line) => !choices.includes(line)).join("\n");
    item.append(who, said);
    if (choices.length) {
      for (const old of log.querySelectorAll(".choices button")) old.disabled = true;
      const group = document.createElement("div");
      group.className = "choices";
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", words.choices);
      for (const line of choices) {
        const [, value, label] = line.match(CHOICE);
        const button = document.createElement("button");
        button.type = "button";
        button.textContent = label;
        button.dataset.value = value;
        button.addEventListener("click", () => {
          for (const other of group.querySelectorAll("button")) other.disabled = true;
          say(value, label);
        });
        group.appendChild(button);
      }
      item.appendChild(group);
    }
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  // who answers now: after a handoff or an identity lock-out the page says a person will answer (or that the chat
  // has ended), so nothing the patient types seems to vanish
  const next = document.getElementById("next");
  function showWho(who) {
    const notice = who === "person" ? words.withPerson : who === "ended" ? words.ended : "";
    next.textContent = notice;
    next.hidden = !notice;
  }

  function say(text, shown) {
    const message = { id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random(), text };
    error.textContent = "";
    show({ id: message.id, direction: "inbound", text: shown || text });
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else unsent.push(message);  // kept until the connection is back
  }

  // this browser's own key: a page opened on another device types the date of birth before it sees anything of a
  // conversation that was verified elsewhere (a forwarded link shows nothing)
  function deviceKey() {
    const name = "outreach-chat-device";
    try {
      let key = localStorage.getItem(name);
      if (!key) {
        key = crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
        localStorage.setItem(name, key);
      }
      return key;
    } catch (blocked) {  // storage turned off: a key for this page only
      return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
    }
  }
  const device = deviceKey();

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    const path = location.pathname.replace(/\/$/, "");
    socket = new WebSocket(`${scheme}://${location.host}${path}/ws?device=${encodeURIComponent(device)}`);
    socket.onopen = () => {
      status.textContent = words.connected;
      while (unsent.length) socket.send(JSON.stringify(unsent.shift()));
    };
    socket.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "message") { show(data); if (data.who) showWho(data.who); }
      else if (data.type === "who") showWho(data.who);
      else if (data.type === "guard") { next.textContent = data.text; next.hidden = false; }
      else if (data.type === "error") error.textContent = data.error;
    };
    socket.onclose = () => { status.textContent = words.reconnecting; setTimeout(connect, 2000); };
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    say(text);
    input.value = "";
  });
  connect();
})();
