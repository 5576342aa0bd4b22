// The review form of the event page: sends the analyst's verdict to the JSON API and reloads the
// page on success. The browser proves who it is with the session cookie it got at /login, which
// is HttpOnly: this script never sees the operator's token. Only the reviewer's name is remembered.
const form = document.getElementById("review-form");
const message = document.getElementById("review-message");
const eventId = form.dataset.event;
form.reviewer.value = localStorage.getItem("diplograph-reviewer") ?? "";

function fieldsOf(data) {
  const fields = {
    kind: data.get("kind"),
    status: data.get("status"),
    parties: data.get("parties").split(/[\s,]+/).filter(Boolean).map((p) => p.toUpperCase()),
    date: data.get("date").trim() || null,
    date_end: data.get("date_end").trim() || null,
    topics: data.getAll("topics"),
  };
  const city = data.get("city").trim(), country = data.get("country").trim().toUpperCase();
  fields.location = city || country ? { city: city || null, country: country || null } : null;
  const ordinal = data.get("ordinal").trim();
  fields.ordinal = ordinal ? Number(ordinal) : null;
  return fields;
}

const initial = fieldsOf(new FormData(form));

function changed(fields) {
  // Only what the analyst changed is sent: untouched attributes keep following the sources.
  return Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => JSON.stringify(value) !== JSON.stringify(initial[key])),
  );
}

form.addEventListener("submit", async (submit) => {
  submit.preventDefault();
  const action = submit.submitter?.value ?? "edit";
  const data = new FormData(form);
  localStorage.setItem("diplograph-reviewer", data.get("reviewer"));
  const body = { action, reviewer: data.get("reviewer"), fields: action === "reject" ? {} : changed(fieldsOf(data)) };
  message.className = "small";
  message.textContent = "Saving…";
  const response = await fetch(`/api/events/${encodeURIComponent(eventId)}/review`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    credentials: "same-origin",
    body: JSON.stringify(body),
  });
  if (response.ok) {
    message.className = "small ok";
    message.textContent = "Saved.";
    location.reload();
    return;
  }
  const error = await response.json().catch(() => ({ message: response.statusText }));
  message.className = "small bad";
  message.textContent = response.status === 401
    ? "401: sign in again (the session ends when the server restarts)."
    : `${response.status}: ${error.message}`;
});
