/*
 * The self-assessment on /self-assessment/.
 *
 * The build writes everything this needs into the page (#self-assessment-data): the levels and
 * how they lead to each other, each role's skills, and each skill's behaviours at every level,
 * with links into the guide. This script asks for nothing and stores nothing: the reader's ticks
 * live in the address's fragment, which a browser never sends to a server, e.g.
 *
 *   #v=1&role=api-developer&api-design=3c0a.7v&communication=91be.f
 *
 * `v` is the format of the address. Each skill is `<check>.<ticks>`: `check` is four hex digits
 * the build derives from the skill's behaviours, so a link made before they changed is noticed,
 * and `ticks` is a base-36 bit mask over the skill's behaviours, level by level in ladder order.
 * Anything the page cannot use is ignored and listed in a notice, never thrown. Every piece of
 * data reaches the page through textContent or attributes, never as HTML.
 */
(function () {
  "use strict";

  const mount = document.getElementById("self-assessment-tool");
  const dataElement = document.getElementById("self-assessment-data");
  if (!mount || !dataElement) return;
  const data = JSON.parse(dataElement.textContent);
  const FORMAT = String(data.format);
  const levels = data.levels;
  const levelById = new Map(levels.map((l) => [l.id, l]));
  const roles = new Map(data.roles.map((r) => [r.id, r]));
  const skills = data.skills;
  const mainTrack = levels[0].track;
  const ladder = levels.filter((l) => l.track === mainTrack); // the track the overall suggestion is on
  const SKILL_VALUE = /^([0-9a-f]{4})\.([0-9a-z]{1,7})$/;

  // Each skill's behaviours in one list, level by level: the bit positions of the address.
  const flat = {};
  for (const [id, skill] of Object.entries(skills)) {
    flat[id] = levels.flatMap((level) => skill.levels[level.id].map((text, i) => ({ level: level.id, i, text })));
  }

  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === false || value === null || value === undefined) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
    return node;
  }

  // --- the state in the address --------------------------------------------------------------

  /** The role and ticks a fragment holds, and a notice for each part of it that cannot be used. */
  function readState(fragment) {
    const notices = [];
    const ticks = new Map(); // skill id -> Set of bit positions
    const params = new URLSearchParams(fragment.replace(/^#/, ""));
    let role = data.roles[0].id;
    if (![...params.keys()].length) return { role, ticks, notices };
    if (params.get("v") !== FORMAT) {
      notices.push(params.has("v")
        ? `The link uses a format this page does not know (v=${params.get("v")}), so none of its ticks could be read.`
        : "The link does not hold a self-assessment this page can read, so it starts empty.");
      return { role, ticks, notices };
    }
    if (roles.has(params.get("role"))) role = params.get("role");
    else notices.push(`The link names a role the guide does not have (${params.get("role") || "none"}); it opens the first role instead.`);
    const ofRole = new Set(skillsOf(role));
    for (const [key, value] of params) {
      if (key === "v" || key === "role") continue;
      if (!ofRole.has(key)) {
        notices.push(skills[key] ? `${skills[key].name} is not one of this role's skills, so its ticks were left out.`
          : `The link names a skill the guide does not have (${key}); it was left out.`);
        continue;
      }
      const match = SKILL_VALUE.exec(value);
      const mask = match ? parseInt(match[2], 36) : NaN;
      if (!match || !Number.isSafeInteger(mask) || mask >= 2 ** flat[key].length) {
        notices.push(`The ticks for ${skills[key].name} in the link are not in a form this page can read; they were left out.`);
        continue;
      }
      if (match[1] !== skills[key].check) {
        notices.push(`The behaviours of ${skills[key].name} have changed since this link was made, so its ticks were not restored: tick them again.`);
        continue;
      }
      const set = new Set();
      for (let bit = 0; bit < flat[key].length; bit++) if (mask & (2 ** bit)) set.add(bit);
      ticks.set(key, set);
    }
    return { role, ticks, notices };
  }

  function fragmentOf(state) {
    const params = new URLSearchParams();
    params.set("v", FORMAT);
    params.set("role", state.role);
    for (const id of skillsOf(state.role)) {
      const set = state.ticks.get(id);
      if (!set || !set.size) continue;
      let mask = 0;
      for (const bit of set) mask += 2 ** bit;
      params.set(id, `${skills[id].check}.${mask.toString(36)}`);
    }
    return `#${params.toString()}`;
  }

  function writeState(state) {
    history.replaceState(null, "", `${location.pathname}${location.search}${fragmentOf(state)}`);
    const copy = document.getElementById("sa-copy");
    if (copy) copy.setAttribute("data-clipboard-text", location.href);
  }

  // --- levels --------------------------------------------------------------------------------------

  function skillsOf(roleId) {
    const role = roles.get(roleId);
    return [...role.core, ...role.helpful].filter((id) => skills[id]);
  }

  /** The levels a skill has reached: every behaviour of the level, and of every level below it, ticked. */
  function reached(skillId, set) {
    const complete = new Set(levels.filter((level) => flat[skillId].every((b, bit) => b.level !== level.id || set.has(bit)))
      .map((level) => level.id));
    return new Set(levels.filter((l) => complete.has(l.id) && l.below.every((b) => complete.has(b))).map((l) => l.id));
  }

  /** Where a skill sits: its highest level on the main track (or null), the other tracks' levels, and what comes next. */
  function standing(skillId, set) {
    const done = reached(skillId, set);
    const onLadder = ladder.filter((l) => done.has(l.id));
    const current = onLadder.length ? onLadder[onLadder.length - 1] : null;
    const beside = levels.filter((l) => l.track !== mainTrack && done.has(l.id));
    const next = (current ? current.next : levels.filter((l) => !l.below.length).map((l) => l.id))
      .filter((id) => !done.has(id)).map((id) => levelById.get(id));
    return { current, beside, next };
  }

  /** The behaviours still to show for ``level``: its own and any left unticked below it. */
  function missing(skillId, set, level) {
    const wanted = new Set([...level.below, level.id]);
    return flat[skillId].map((b, bit) => ({ ...b, bit })).filter((b) => wanted.has(b.level) && !set.has(b.bit));
  }

  // --- the page ------------------------------------------------------------------------------------

  let state = readState(location.hash);

  function notice(messages) {
    if (!messages.length) return null;
    return el("div", { class: "admonition warning guide-sa__notice", role: "status" },
      el("p", { class: "admonition-title", text: "Part of this link could not be used" }),
      el("ul", {}, ...messages.map((m) => el("li", { text: m }))),
      el("p", { text: "Everything else in the link was restored as it was saved." }));
  }

  function roleField() {
    const select = el("select", { id: "sa-role", name: "role" });
    for (const role of data.roles) select.append(el("option", { value: role.id, selected: role.id === state.role, text: role.title }));
    return el("fieldset", { class: "guide-sa__role" }, el("legend", { text: "Your role" }),
      el("p", { class: "guide-builder__field" }, el("label", { for: "sa-role", text: "Role" }), select));
  }

  function skillFieldset(id, importance, open) {
    const set = state.ticks.get(id) || new Set();
    const skill = skills[id];
    const summary = el("summary", {}, el("span", { class: "guide-sa__skill-name", text: skill.name }), " ",
      el("span", { class: "guide-sa__skill-level", id: `sa-level-${id}` }));
    const fieldset = el("fieldset", { class: "guide-sa__skill" },
      el("legend", { class: "guide-sr-only", text: `${skill.name} (${importance}): the behaviours you already show` }));
    for (const level of levels) {
      const group = el("fieldset", { class: "guide-sa__level" }, el("legend", { text: level.title }));
      const list = el("ul", { class: "guide-builder__choices" });
      flat[id].forEach((b, bit) => {
        if (b.level !== level.id) return;
        const box = `sa-${id}-${bit}`;
        list.append(el("li", {}, el("input", { type: "checkbox", id: box, name: id, value: String(bit), checked: set.has(bit) }),
          el("label", { for: box, text: b.text })));
      });
      group.append(list);
      fieldset.append(group);
    }
    return el("details", { class: "guide-sa__details", open }, summary, fieldset);
  }

  function renderForm() {
    const form = el("form", { class: "guide-sa__form", "aria-describedby": "sa-help" });
    form.addEventListener("submit", (event) => event.preventDefault());
    form.append(el("p", { id: "sa-help", text: "Your ticks are saved in this page's address as you go: bookmark it, or copy the link to share it." }));
    form.append(roleField());
    const role = roles.get(state.role);
    let first = true;
    for (const [label, ids, importance] of [[`Core skills of the ${role.in_sentence} role`, role.core, "core"],
      ["Helpful skills", role.helpful, "helpful"]]) {
      const present = ids.filter((id) => skills[id]);
      if (!present.length) continue;
      form.append(el("h2", { class: "guide-sa__group", text: label }));
      for (const id of present) {
        const set = state.ticks.get(id);
        form.append(skillFieldset(id, importance, first || Boolean(set && set.size)));
        first = false;
      }
    }
    form.append(el("p", { class: "guide-sa__actions" },
      el("button", { type: "button", id: "sa-copy", class: "md-button md-button--primary", "data-clipboard-text": location.href, text: "Copy the link to these ticks" }),
      " ",
      el("button", { type: "button", id: "sa-clear", class: "md-button", text: "Clear every tick" })));
    form.addEventListener("change", onChange);
    form.querySelector("#sa-clear").addEventListener("click", () => {
      for (const id of skillsOf(state.role)) state.ticks.delete(id);
      for (const box of form.querySelectorAll("input[type=checkbox]")) box.checked = false;
      writeState(state);
      renderResult();
    });
    return form;
  }

  function levelLink(level, text) {
    return el("a", { href: level.url, text: text || level.title });
  }

  function renderResult() {
    const role = roles.get(state.role);
    const rows = skillsOf(state.role).map((id) => ({ id, set: state.ticks.get(id) || new Set() }))
      .map((row) => ({ ...row, ...standing(row.id, row.set) }));
    for (const row of rows) {
      const badge = document.getElementById(`sa-level-${row.id}`);
      if (badge) badge.textContent = row.current ? row.current.title : row.set.size ? "not yet at entry level" : "nothing ticked yet";
    }
    const core = rows.filter((row) => role.core.includes(row.id));
    const ticked = rows.some((row) => row.set.size);
    const rank = (row) => (row.current ? ladder.indexOf(row.current) : -1);
    const need = Math.ceil(core.length / 2);
    let suggestion = null;
    for (let i = ladder.length - 1; i >= 0; i--) {
      if (core.filter((row) => rank(row) >= i).length >= need) { suggestion = ladder[i]; break; }
    }

    const summary = document.getElementById("sa-summary");
    const how = el("div", { class: "guide-sa__how" });
    if (!ticked) {
      summary.textContent = "No behaviours ticked yet: tick the ones you already show, and the result appears here.";
    } else {
      summary.textContent = suggestion
        ? `Suggested level for the ${role.in_sentence} role: ${suggestion.title}.`
        : `Suggested level for the ${role.in_sentence} role: not yet entry level for most core skills.`;
      const counts = new Map();
      for (const row of core) {
        const name = row.current ? row.current.title.toLowerCase() : "not yet at entry level";
        counts.set(name, (counts.get(name) || 0) + 1);
      }
      const parts = [...counts].map(([name, n]) => `${n} at ${name}`.replace("at not yet", "not yet"));
      how.append(el("p", { text: `How it was reached: the role has ${core.length} core skills (${parts.join(", ")}). ` +
        (suggestion ? `At least half of them (${need} of ${core.length}) sit at ${suggestion.title.toLowerCase()} or above, so that is the suggestion.`
          : `Fewer than half of them (${need} of ${core.length} needed) have every entry-level behaviour ticked.`) +
        " Helpful skills are shown below but not counted." }));
      for (const level of levels.filter((l) => l.track !== mainTrack)) {
        const n = core.filter((row) => row.beside.includes(level)).length;
        if (!n) continue;
        const line = el("p", { text: `On the ${level.track} track, ${n} of ${core.length} core skills show every ${level.title.toLowerCase()} behaviour and those below it. ` });
        const from = level.below.filter((b) => levelById.get(b).track === mainTrack).pop();
        const step = from && data.steps[`${from}/${level.id}`];
        if (step) line.append(el("a", { href: step, text: `What changes from ${levelById.get(from).title.toLowerCase()} to ${level.title.toLowerCase()}` }), ".");
        how.append(line);
      }
      if (suggestion && suggestion.next.length) {
        const line = el("p", { text: "What changes next: " });
        suggestion.next.forEach((id, i) => {
          const url = data.steps[`${suggestion.id}/${id}`];
          if (i) line.append(" · ");
          line.append(el("a", { href: url, text: `from ${suggestion.title.toLowerCase()} to ${levelById.get(id).title.toLowerCase()}` }));
        });
        how.append(line);
      }
    }
    how.append(el("div", { class: "admonition note" },
      el("p", { class: "admonition-title", text: "Not a grade" }),
      el("p", { text: "This counts ticks; it cannot see how well, how often or at what scope you do each thing, which is what a level is about. Use it to start a conversation with a manager or mentor, and read an employer's own ladder for what a promotion there needs." })));

    const detail = el("div", { class: "guide-sa__detail" }, el("h3", { text: "Skill by skill" }));
    if (!ticked) detail.append(el("p", { text: "Each skill's level and what its next level adds appear here once you tick something." }));
    else {
      for (const row of rows) {
        const skill = skills[row.id];
        const item = el("div", { class: "guide-sa__skill-result" });
        const title = el("h4", {}, el("a", { href: skill.url, text: skill.name }), `: ${row.current ? row.current.title.toLowerCase() : "not yet at entry level"}`);
        item.append(title);
        if (row.beside.length) item.append(el("p", { text: `Also shows every ${row.beside.map((l) => l.title.toLowerCase()).join(" and ")} behaviour.` }));
        if (!row.next.length) item.append(el("p", { text: "Every level on this track is ticked." }));
        for (const level of row.next) {
          const todo = missing(row.id, row.set, level);
          item.append(el("p", {}, "Next, ", levelLink(level, level.title.toLowerCase()), `: ${todo.length} behaviour${todo.length === 1 ? "" : "s"} to show`));
          item.append(el("ul", {}, ...todo.map((b) => el("li", {}, el("a", { href: `${skill.url}#${b.level}`, text: b.text }),
            b.level === level.id ? null : ` (${levelById.get(b.level).title.toLowerCase()})`))));
        }
        detail.append(item);
      }
    }
    document.getElementById("sa-result-body").replaceChildren(how, detail);
  }

  function onChange(event) {
    const target = event.target;
    if (target.id === "sa-role") {
      state.role = target.value;
      writeState(state);
      render([]);
      document.getElementById("sa-role").focus();
      return;
    }
    if (target.type !== "checkbox" || !skills[target.name]) return;
    const set = state.ticks.get(target.name) || new Set();
    if (target.checked) set.add(Number(target.value));
    else set.delete(Number(target.value));
    state.ticks.set(target.name, set);
    writeState(state);
    renderResult();
  }

  function render(notices) {
    // Only the one-line suggestion is live: a screen reader hears it change as boxes are ticked.
    const result = el("section", { id: "sa-result", class: "guide-sa__result", "aria-labelledby": "sa-result-title" },
      el("h2", { id: "sa-result-title", text: "Your result" }),
      el("p", { id: "sa-summary", class: "guide-sa__summary", "aria-live": "polite" }),
      el("div", { id: "sa-result-body" }));
    mount.replaceChildren(...[notice(notices), renderForm(), result].filter(Boolean));
    renderResult();
  }

  render(state.notices);
  const fallback = document.querySelector(".guide-sa-fallback");
  if (fallback) fallback.hidden = true;
  // A printed assessment shows every skill, folded or not.
  window.addEventListener("beforeprint", () => {
    for (const details of mount.querySelectorAll("details")) details.open = true;
  });
  window.addEventListener("hashchange", () => {
    state = readState(location.hash);
    render(state.notices);
  });
})();
