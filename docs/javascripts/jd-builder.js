/*
 * The job description builder on /job-descriptions/.
 *
 * The build writes, for every role and level, the lines of its job description as
 * ready-made Markdown and plain text (job-descriptions/<role>/<level>.json), and the
 * menus and every tool's lines into the page (#jd-catalogue). This script only chooses,
 * filters and joins those lines, the same way the Python renderer joins them for the
 * ready-made pages, so the two cannot drift apart. The choices live in the address:
 *
 *   ?role=api-developer&level=senior&stack=postgresql,kafka&omit=r:document-api,e:2
 *
 * `stack` is absent while it is the role's example stack; `omit` lists unticked lines.
 * Copying uses Material's clipboard handler, which copies any [data-clipboard-text].
 * Every piece of data reaches the page through textContent or attributes, never as HTML.
 */
(function () {
  "use strict";

  const mount = document.getElementById("jd-builder");
  const catalogueElement = document.getElementById("jd-catalogue");
  if (!mount || !catalogueElement) return;
  const catalogue = JSON.parse(catalogueElement.textContent);
  const roles = new Map(catalogue.roles.map((r) => [r.id, r]));
  const levels = new Map(catalogue.levels.map((l) => [l.id, l]));
  // A retired level's id (a link made before it was retired) opens the level that took its place.
  const formerLevels = new Map(catalogue.levels.flatMap((l) => (l.former_ids || []).map((old) => [old, l.id])));
  const cache = new Map();
  let current = null; // the loaded job description document
  let openCategories = null; // stack groups shown open; reset when the role changes

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child) node.append(child);
    return node;
  }

  // --- state in the address --------------------------------------------------------------

  function readState() {
    const params = new URLSearchParams(location.search);
    const role = roles.has(params.get("role")) ? params.get("role") : catalogue.roles[0].id;
    const asked = params.get("level");
    const level = levels.has(asked) ? asked : formerLevels.get(asked) || catalogue.levels[0].id;
    const known = new Set(catalogue.tools.map((t) => t.id));
    const stack = params.has("stack")
      ? params.get("stack").split(",").filter((id) => known.has(id))
      : roles.get(role).tools.slice();
    const omit = new Set((params.get("omit") || "").split(",").filter(Boolean));
    return { role, level, stack: new Set(stack), omit, custom: params.has("stack") };
  }

  /** Whether the stack is still the role's example stack (the catalogue's `tools` for the role). */
  function isExample(state) {
    const example = roles.get(state.role).tools;
    return example.length === state.stack.size && example.every((id) => state.stack.has(id));
  }

  function writeState(state) {
    const params = new URLSearchParams();
    params.set("role", state.role);
    params.set("level", state.level);
    const same = isExample(state);
    if (!same) params.set("stack", catalogue.tools.filter((t) => state.stack.has(t.id)).map((t) => t.id).join(","));
    if (state.omit.size) params.set("omit", Array.from(state.omit).join(","));
    const query = params.toString().replace(/%2C/g, ",").replace(/%3A/g, ":");
    history.replaceState(null, "", `${location.pathname}?${query}#builder`);
  }

  // --- the job description ---------------------------------------------------------------

  async function load(role, level) {
    const key = `${role}/${level}`;
    if (!cache.has(key)) {
      const response = await fetch(`${role}/${level}.json`);
      if (!response.ok) throw new Error(`${key}: HTTP ${response.status}`);
      cache.set(key, await response.json());
    }
    return cache.get(key);
  }

  /** The sections as they will be copied: unticked lines dropped, the stack from the picks. */
  function chosenSections(state) {
    return current.sections.map((section) => {
      const lines = section.id === "stack"
        ? catalogue.tools.filter((t) => state.stack.has(t.id)).map((t) => ({ key: `t:${t.id}`, label: t.name, markdown: t.markdown, text: t.text }))
        : section.lines;
      // The example stack is marked as one in the copy; a stack the reader chose is theirs.
      const title = section.id === "stack" && !isExample(state) ? section.chosen_title || section.title : section.title;
      return { ...section, title, lines: lines.filter((line) => !line.key || !state.omit.has(line.key)) };
    });
  }

  /** The same layout as the Python renderer's _join(). */
  function join(state, format) {
    const heading = (level, text) => (format === "markdown" ? `${"#".repeat(level)} ${text}` : text);
    const parts = [heading(1, current.title[format])];
    for (const section of chosenSections(state)) {
      if (!section.lines.length) continue;
      parts.push(`${heading(2, section.title)}\n\n${section.lines.map((line) => `- ${line[format]}`).join("\n")}`);
    }
    parts.push(current.credit[format]);
    return `${parts.join("\n\n")}\n`;
  }

  // --- the form ----------------------------------------------------------------------------

  function select(id, label, options, value) {
    const control = el("select", { id, name: id });
    for (const option of options) control.append(el("option", { value: option.id, selected: option.id === value, text: option.title }));
    return el("p", { class: "guide-builder__field" }, el("label", { for: id, text: label }), control);
  }

  function checkbox(name, value, checked, labelText, detail) {
    const id = `jd-${name}-${value.replace(/[^a-z0-9-]/g, "-")}`;
    const input = el("input", { type: "checkbox", id, name, value, checked });
    const label = el("label", { for: id }, el("span", { class: "guide-builder__label", text: labelText }));
    if (detail) label.append(el("span", { class: "guide-builder__detail", text: ` — ${detail}` }));
    return el("li", {}, input, label);
  }

  function render(state) {
    const form = el("form", { class: "guide-builder__form", "aria-describedby": "jd-builder-help" });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.append(el("p", { id: "jd-builder-help", text: "Your choices are saved in this page's address: copy it to share this exact description." }));

    const basics = el("fieldset", {}, el("legend", { text: "1. Role and level" }));
    basics.append(select("jd-role", "Role", catalogue.roles, state.role), select("jd-level", "Level", catalogue.levels, state.level));
    form.append(basics);

    const stack = el("fieldset", {}, el("legend", { text: "2. Your stack" }));
    stack.append(el("p", { text: `Ticked: an example stack for this role, one a team might run. Tick the tools your team runs instead.` }));
    for (const category of catalogue.categories) {
      const tools = catalogue.tools.filter((t) => t.category === category.id);
      const ticked = tools.filter((t) => state.stack.has(t.id)).length;
      if (openCategories === null || !openCategories.initialised) {
        if (ticked) (openCategories ||= new Set()).add(category.id);
      }
      const group = el("details", { open: Boolean(openCategories && openCategories.has(category.id)) },
        el("summary", { text: `${category.title} (${ticked} of ${tools.length})` }));
      group.addEventListener("toggle", () => (group.open ? openCategories.add(category.id) : openCategories.delete(category.id)));
      const list = el("ul", { class: "guide-builder__choices" });
      for (const tool of tools) list.append(checkbox("stack", tool.id, state.stack.has(tool.id), tool.name));
      group.append(list);
      stack.append(group);
    }
    openCategories ||= new Set();
    openCategories.initialised = true;
    form.append(stack);

    const lines = el("fieldset", {}, el("legend", { text: "3. Lines to keep" }));
    for (const section of current.sections) {
      if (section.id === "stack" || !section.lines.some((line) => line.key)) continue;
      lines.append(el("h3", { class: "guide-builder__section", text: section.title }));
      const list = el("ul", { class: "guide-builder__choices" });
      for (const line of section.lines) {
        if (line.key) list.append(checkbox("keep", line.key, !state.omit.has(line.key), line.label));
      }
      lines.append(list);
    }
    form.append(lines);

    const markdown = join(state, "markdown");
    const text = join(state, "text");
    const output = el("fieldset", { class: "guide-builder__output" }, el("legend", { text: "4. Copy it" }));
    output.append(el("p", { class: "guide-copy-actions" },
      el("button", { type: "button", class: "md-button md-button--primary guide-copy-jd", "data-clipboard-text": markdown, text: "Copy as Markdown" }),
      " ",
      el("button", { type: "button", class: "md-button guide-copy-jd", "data-clipboard-text": text, text: "Copy as plain text" })));
    output.append(el("pre", { class: "guide-builder__preview", tabindex: "0", "aria-label": "Preview, as Markdown" }, el("code", { text: markdown })));
    form.append(output);

    form.addEventListener("change", (event) => onChange(event, state));
    mount.replaceChildren(form);
  }

  async function onChange(event, state) {
    const target = event.target;
    if (target.id === "jd-role") {
      state.role = target.value;
      state.stack = new Set(roles.get(state.role).tools);
      state.omit = new Set();
      openCategories = null;
    } else if (target.id === "jd-level") {
      state.level = target.value;
      state.omit = new Set();
    } else if (target.name === "stack") {
      if (target.checked) state.stack.add(target.value);
      else state.stack.delete(target.value);
    } else if (target.name === "keep") {
      if (target.checked) state.omit.delete(target.value);
      else state.omit.add(target.value);
    } else {
      return;
    }
    writeState(state);
    await show(state, target.id);
  }

  async function show(state, focusId) {
    mount.setAttribute("aria-busy", "true");
    try {
      current = await load(state.role, state.level);
    } catch (error) {
      mount.replaceChildren(el("p", { class: "guide-builder__error", role: "alert", text: `Could not load this job description (${error.message}). Reload the page to try again.` }));
      return;
    } finally {
      mount.removeAttribute("aria-busy");
    }
    render(state);
    if (focusId) {
      const again = document.getElementById(focusId);
      if (again) again.focus();
    }
  }

  show(readState());
})();
