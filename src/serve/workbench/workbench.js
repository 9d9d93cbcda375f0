// The cardface workbench: edit a record and a template side by side, see both faces
// re-rendered by the server after each edit, problems listed at their JSON path.
// Plain browser JavaScript, served by `cardface serve` itself; it fetches nothing else.
"use strict";

const $ = (id) => document.getElementById(id);
const state = {
  templates: [],
  samples: [],
  photo: null,            // base64 of the current sample's photo
  templateText: "",       // template.json as served (unedited)
  editable: false,
  generation: 0,          // bumps on every edit; a reply for an older one is dropped
  inFlight: false,
  pending: false,
  editStart: null,        // performance.now() of the edit the next front image answers
  urls: {},
};
// Measured by the browser test (tests/web): edit → new front image on screen, in ms.
window.cardface = { editToFrontMs: [], renders: 0, lints: 0 };

function token() { return sessionStorage.getItem("cardface-token") || ""; }
function headers(extra) {
  const h = Object.assign({}, extra || {});
  if (token()) h["Authorization"] = "Bearer " + token();
  return h;
}

async function api(path, options) {
  const reply = await fetch(path, Object.assign({}, options, { headers: headers(options && options.headers) }));
  if (reply.status === 401) {
    $("token-box").hidden = false;
    throw { problems: [{ pointer: "Authorization", message: "this server needs its token: enter it above" }] };
  }
  return reply;
}

function setStatus(text) { $("status").textContent = text; }

// ---- problems at their JSON path -------------------------------------------------------

function listProblems(list, problems, textarea) {
  list.replaceChildren();
  for (const p of problems) {
    const li = document.createElement("li");
    const code = document.createElement("code");
    code.textContent = p.pointer || p.where || "request";
    li.append(code, ": " + p.message);
    if (textarea) li.addEventListener("click", () => selectPointer(textarea, p.pointer));
    list.append(li);
  }
  if (textarea) textarea.classList.toggle("bad", problems.length > 0);
}

// Selects the text of a JSON pointer's last key in an editor: each segment is looked for
// after the previous one, which is right for the usual, pretty-printed JSON.
function selectPointer(textarea, pointer) {
  const segments = (pointer || "").split("/").slice(2).map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  const text = textarea.value;
  let at = 0, start = -1, end = -1;
  for (const s of segments) {
    if (/^\d+$/.test(s)) continue;
    const i = text.indexOf('"' + s + '"', at);
    if (i < 0) break;
    start = i; end = i + s.length + 2; at = end;
  }
  textarea.focus();
  if (start >= 0) textarea.setSelectionRange(start, end);
}

function showProblems(problems) {
  const record = [], tmpl = [], other = [];
  for (const p of problems) {
    const ptr = p.pointer || "";
    if (ptr.startsWith("/record")) record.push(p);
    else if (ptr.startsWith("/template_json")) tmpl.push(p);
    else other.push(p);
  }
  listProblems($("record-problems"), record, $("record"));
  listProblems($("template-problems"), tmpl, $("template-json"));
  listProblems($("request-problems"), other, null);
}

// ---- lint findings (POST /v1/lint): listed under the faces, a click selects the element ----

function selectElement(element) {
  const t = $("template-json");
  if (element.startsWith("/")) return selectPointer(t, "/template_json" + element);
  const m = new RegExp('"id"\\s*:\\s*"' + element.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + '"').exec(t.value);
  t.focus();
  if (m) t.setSelectionRange(m.index, m.index + m[0].length);
}

async function lintNow(body, generation) {
  const reply = await api("/v1/lint", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.assign({}, body, { debug_layout: false, show_uv: false })),
  });
  if (generation !== state.generation) return;  // an edit came since: its own lint follows
  const list = $("lint-findings");
  list.replaceChildren();
  if (!reply.ok) { $("lint-state").textContent = ""; return; }  // the render lists why
  const { findings } = await reply.json();
  for (const f of findings) {
    const li = document.createElement("li");
    li.className = f.severity;
    const code = document.createElement("code");
    code.textContent = f.side + " " + f.element;
    li.append(code, ": " + f.rule + " (" + f.severity + "): " + f.reason);
    li.addEventListener("click", () => selectElement(f.element));
    list.append(li);
  }
  $("lint-state").textContent = findings.length
    ? "lint: " + findings.length + (findings.length === 1 ? " finding" : " findings")
    : "lint: clean";
  window.cardface.lints++;
  document.body.dataset.lints = String(window.cardface.lints);
}

// ---- the request the editors stand for -------------------------------------------------

function parseEditor(textarea, pointer) {
  try {
    const value = JSON.parse(textarea.value);
    if (value === null || typeof value !== "object" || Array.isArray(value))
      return { problem: { pointer, message: "must be a JSON object" } };
    return { value };
  } catch (e) {
    return { problem: { pointer, message: "malformed JSON: " + e.message } };
  }
}

function currentRequest(extra) {
  const record = parseEditor($("record"), "/record");
  const problems = [];
  if (record.problem) problems.push(record.problem);
  const body = { template: $("template").value, record: record.value };
  if ($("template-json").value !== state.templateText) {
    const tmpl = parseEditor($("template-json"), "/template_json");
    if (tmpl.problem) problems.push(tmpl.problem);
    body.template_json = tmpl.value;
  }
  if (state.photo && record.value && "photo" in record.value) body.photo_base64 = state.photo;
  Object.assign(body, extra || {});
  return { body, problems };
}

// ---- rendering -------------------------------------------------------------------------

function replaceUrl(key, blob) {
  if (state.urls[key]) URL.revokeObjectURL(state.urls[key]);
  state.urls[key] = URL.createObjectURL(blob);
  return state.urls[key];
}

async function renderSide(side, body) {
  const reply = await api("/v1/render", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.assign({}, body, { sides: side })),
  });
  if (!reply.ok) throw await reply.json();
  return reply.blob();
}

// Stored zip entries (the server stores, never deflates, PNGs): name → Blob.
function unzipStored(buffer) {
  const view = new DataView(buffer), entries = {};
  let at = 0;
  while (at + 30 <= buffer.byteLength && view.getUint32(at, true) === 0x04034b50) {
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true), extra = view.getUint16(at + 28, true);
    const name = new TextDecoder().decode(new Uint8Array(buffer, at + 30, nameLength));
    const start = at + 30 + nameLength + extra;
    entries[name] = new Blob([new Uint8Array(buffer, start, size)], { type: "image/png" });
    at = start + size;
  }
  return entries;
}

async function renderPanels(body) {
  const reply = await api("/v1/render", {
    method: "POST", headers: { "Content-Type": "application/json" },
    body: JSON.stringify(Object.assign({}, body, { format: "panels", sides: "both" })),
  });
  if (!reply.ok) throw await reply.json();
  const entries = unzipStored(await reply.arrayBuffer());
  const view = $("panel-view");
  view.replaceChildren();
  for (const [name, blob] of Object.entries(entries)) {
    const fig = document.createElement("figure");
    const img = document.createElement("img");
    img.src = replaceUrl("panel-" + name, blob);
    img.alt = name;
    const cap = document.createElement("figcaption");
    cap.textContent = name.replace(".png", "");
    fig.append(img, cap);
    view.append(fig);
  }
}

function shown(img, url) {
  return new Promise((resolve) => {
    img.onload = () => resolve();
    img.onerror = () => resolve();
    img.src = url;
  });
}

async function renderNow() {
  if (state.inFlight) { state.pending = true; return; }
  const generation = state.generation;
  const editStart = state.editStart;
  const { body, problems } = currentRequest({
    dpi: 300, png_compression: 0,
    debug_layout: $("debug").checked, show_uv: $("uv").checked,
  });
  if (problems.length) {
    showProblems(problems);
    setStatus("fix the JSON to render");
    return;
  }
  state.inFlight = true;
  $("front").classList.add("stale");
  $("back").classList.add("stale");
  const started = performance.now();
  try {
    const [front, back] = await Promise.all([renderSide("front", body), renderSide("back", body)]);
    await shown($("front"), replaceUrl("front", front));
    if (editStart !== null && generation === state.generation) {
      window.cardface.editToFrontMs.push(performance.now() - editStart);
      state.editStart = null;
    }
    await shown($("back"), replaceUrl("back", back));
    $("front").classList.remove("stale");
    $("back").classList.remove("stale");
    showProblems([]);
    window.cardface.renders++;
    document.body.dataset.renders = String(window.cardface.renders);
    setStatus("rendered in " + Math.round(performance.now() - started) + " ms");
    if ($("panels").checked) await renderPanels({ template: body.template, record: body.record,
      template_json: body.template_json, photo_base64: body.photo_base64 });
    if ($("loupe").checked) await renderLoupe(body);
    lintNow(body, generation).catch(() => {});  // after the faces: never delays them
  } catch (e) {
    showProblems(e && e.problems ? e.problems : [{ pointer: "", message: String(e) }]);
    setStatus("not rendered: see the problems");
  } finally {
    state.inFlight = false;
    document.body.dataset.generation = String(generation);
    if (state.pending) { state.pending = false; renderNow(); }
  }
}

function edited() {
  state.generation++;
  if (state.editStart === null) state.editStart = performance.now();
  renderNow();
}

// ---- the loupe: the front at 1200 dpi under the pointer --------------------------------

async function renderLoupe(body) {
  const blob = await renderSide("front", Object.assign({}, body, { dpi: 1200, png_compression: 0 }));
  state.loupeUrl = replaceUrl("loupe", blob);
  $("loupe-view").style.backgroundImage = "url(" + state.loupeUrl + ")";
}

function moveLoupe(event) {
  const view = $("loupe-view");
  if (!$("loupe").checked || !state.loupeUrl) { view.hidden = true; return; }
  const img = $("front"), box = img.getBoundingClientRect(), host = img.closest(".preview").getBoundingClientRect();
  const fx = (event.clientX - box.left) / box.width, fy = (event.clientY - box.top) / box.height;
  if (fx < 0 || fx > 1 || fy < 0 || fy > 1) { view.hidden = true; return; }
  const w = 4044, h = 2550;  // the face at 1200 dpi: round(85.60 / 25.4 × 1200) × round(53.98 / 25.4 × 1200)
  view.hidden = false;
  view.style.left = (event.clientX - host.left - 130) + "px";
  view.style.top = (event.clientY - host.top - 130) + "px";
  view.style.backgroundSize = w + "px " + h + "px";
  view.style.backgroundPosition = (130 - fx * w) + "px " + (130 - fy * h) + "px";
}

// ---- downloads and saving --------------------------------------------------------------

async function download(format) {
  const { body, problems } = currentRequest({ format, sides: format === "pdf" ? "both" : "front", dpi: 600 });
  if (problems.length) { showProblems(problems); return; }
  const reply = await api("/v1/render", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  if (!reply.ok) { showProblems((await reply.json()).problems); return; }
  const a = document.createElement("a");
  a.href = replaceUrl("download", await reply.blob());
  a.download = "card-" + (format === "pdf" ? "faces.pdf" : "front.png");
  a.click();
}

async function saveTemplate() {
  const name = $("template").value;
  const reply = await api("/v1/templates/" + encodeURIComponent(name), { method: "PUT", body: $("template-json").value });
  if (!reply.ok) { showProblems((await reply.json()).problems.map((p) => Object.assign(p, { pointer: "/template_json" + (p.pointer || "") }))); return; }
  state.templateText = $("template-json").value;
  $("template-state").textContent = "(saved)";
}

// ---- start -----------------------------------------------------------------------------

async function loadTemplate() {
  const reply = await api("/v1/templates/" + encodeURIComponent($("template").value));
  state.templateText = await reply.text();
  $("template-json").value = state.templateText;
  $("template-state").textContent = "";
}

function loadSample() {
  const s = state.samples.find((x) => x.name === $("sample").value);
  if (!s) return;
  state.photo = s.photo_base64 || null;
  $("record").value = JSON.stringify(s.record, null, 2);
  const type = s.record.type;
  const match = state.templates.find((t) => t.name === type) || state.templates.find((t) => (t.card_types || []).includes(type));
  if (match && match.name !== $("template").value) {
    $("template").value = match.name;
    return loadTemplate();
  }
}

function option(select, value) {
  const o = document.createElement("option");
  o.value = o.textContent = value;
  select.append(o);
}

async function start() {
  try {
    const list = await (await api("/v1/templates")).json();
    state.templates = list.templates;
    state.editable = list.editable;
    for (const t of list.templates) option($("template"), t.name);
    state.samples = (await (await api("/v1/samples")).json()).samples;
    for (const s of state.samples) option($("sample"), s.name);
    if (state.samples.some((s) => s.name === "zhengjian-yangben")) $("sample").value = "zhengjian-yangben";
    $("save").hidden = !state.editable;
    await loadTemplate();
    await loadSample();
    renderNow();
  } catch (e) {
    showProblems(e && e.problems ? e.problems : [{ pointer: "", message: String(e) }]);
  }
}

$("record").addEventListener("input", edited);
$("template-json").addEventListener("input", () => {
  $("template-state").textContent = $("template-json").value === state.templateText ? "" : "(edited)";
  edited();
});
$("template").addEventListener("change", async () => { await loadTemplate(); edited(); });
$("sample").addEventListener("change", async () => { await loadSample(); edited(); });
for (const id of ["debug", "uv", "loupe"]) $(id).addEventListener("change", edited);
$("panels").addEventListener("change", () => { $("panel-view").hidden = !$("panels").checked; edited(); });
$("front").addEventListener("mousemove", moveLoupe);
$("front").addEventListener("mouseleave", () => { $("loupe-view").hidden = true; });
$("download-png").addEventListener("click", () => download("png"));
$("download-pdf").addEventListener("click", () => download("pdf"));
$("save").addEventListener("click", saveTemplate);
$("token").addEventListener("change", () => { sessionStorage.setItem("cardface-token", $("token").value); start(); });
start();
