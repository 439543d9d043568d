(() => {
  const log = document.getElementById("log"), status = document.getElementById("status");
  const error = document.getElementById("error"), form = document.getElementById("send");
  const input = document.getElementById("text");
  const seen = new Set(), unsent = [];
  let socket = null;

  function show(message) {
    if (message.id && seen.has(message.id)) return;
    if (message.id) seen.add(message.id);
    const item = document.createElement("li");
    item.className = message.direction;
    item.textContent = message.text;
    log.appendChild(item);
    log.scrollTop = log.scrollHeight;
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss" : "ws";
    socket = new WebSocket(`${scheme}://${location.host}${location.pathname.replace(/\/$/, "")}/ws`);
    socket.onopen = () => {
      status.textContent = "Connected";
      while (unsent.length) socket.send(JSON.stringify(unsent.shift()));
    };
    socket.onmessage = (event) => {
      const data = JSON.parse(event.data);
      if (data.type === "message") show(data);
      else if (data.type === "error") error.textContent = data.error;
    };
    socket.onclose = () => { status.textContent = "Reconnecting…"; setTimeout(connect, 2000); };
  }

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    const message = { id: crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random(), text };
    error.textContent = "";
    show({ id: message.id, direction: "inbound", text });
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else unsent.push(message);  // kept until the connection is back
    input.value = "";
  });
  connect();
})();
