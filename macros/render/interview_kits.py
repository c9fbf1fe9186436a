"""Interview kits: one per role and level, built from the question bank, the level's loop and the scorecard.

``interview_kit()`` assembles a kit once, as plain data: the level's loop (``data/interview-loops.yml``),
and for each stage the bank questions (``data/questions/``) of the kinds it asks for, chosen for the
role's skills. The renderers below turn that into the kit's page, the scorecard a panel copies as
Markdown, each question's own page, and the listings on ``/interview-kits/`` and
``/interview-questions/``.

How questions are chosen: for each stage, in order, and for each kind it asks for, a question of
that kind that suits the level and tests at least one of the role's skills. The stage's own
``prefer`` list comes first, in its order; after it, the question that tests the most of the role's
skills not yet covered by the kit (a core skill counts twice, a helpful one once, a workplace skill half that), then the most of
the skills the stage itself assesses, then one whose main (first) skill is a core skill of the
role, then the most of the role's skills overall, and last the bank's order. A question is asked
once per kit. The choice is a pure function of the data, so every candidate for a role and level
meets the same questions, and a new question in the bank reaches the kits it suits by itself.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from html import escape

from .. import urls
from ..guide import Guide
from ..ladder import way_to
from ..models import InterviewQuestion, InterviewStage, KitGuidance
from ..urls import Linker, absolute, place
from .entity_pages import renders
from .job_descriptions import copy_md, in_sentence, jd_subject, role_level_table
from .markup import full_stop, heading, link, md, md_paragraphs
from .page_macros import page_macro

# A kit repeats its questions' words; ranked lower in search, so the question's own page comes first.
KIT_SEARCH_BOOST = 0.5
CORE, HELPFUL = 2, 1
DECISION = "decision"  # the guidance section with the decision rule, which the scorecard points to


@dataclass(frozen=True)
class KitStage:
    number: int
    stage: InterviewStage
    questions: tuple[str, ...]  # question ids, in the order they are asked
    skills: tuple[str, ...]  # what the stage assesses: its own skills, then the role's skills its questions test


@dataclass(frozen=True)
class Kit:
    role_id: str
    level_id: str
    title: str
    stages: tuple[KitStage, ...]
    hired: bool  # False where the role is rarely hired at this level (its job description says so too)

    @property
    def page(self) -> str:
        return place(urls.KIT_PAGE, role=self.role_id, level=self.level_id)

    @property
    def questions(self) -> tuple[str, ...]:
        return tuple(q for s in self.stages for q in s.questions)

    def rows(self) -> list[tuple[int, str]]:
        """The scorecard's rows: (stage number, skill) for every skill each scored stage assesses, in loop order."""
        return [(s.number, skill) for s in self.stages if s.stage.scored for skill in s.skills]

    def scored_skills(self) -> dict[str, list[int]]:
        """Every skill a scored stage assesses, in the order the loop first meets it, with those stages' numbers."""
        out: dict[str, list[int]] = {}
        for kit_stage in self.stages:
            if kit_stage.stage.scored:
                for skill in kit_stage.skills:
                    out.setdefault(skill, []).append(kit_stage.number)
        return out


def decisive_skills(guide: Guide, kit: Kit) -> list[str]:
    """The skills the decision rule counts ("core" on the scorecard). For an engineer, the role's core skills that the
    loop scores; for a manager, the skills the loop's own stages assess (people, delivery, operations, design),
    because a manager is hired to lead the team's work, not to do it."""
    scored = kit.scored_skills()
    if guide.levels[kit.level_id].track == "management":
        own = {s for k in kit.stages if k.stage.scored for s in k.stage.skills}
        return [s for s in scored if s in own]
    core = set(guide.roles[kit.role_id].skills.core)
    return [s for s in scored if s in core]


def kit_title(guide: Guide, role_id: str, level_id: str) -> str:
    return f"{guide.roles[role_id].title} ({guide.levels[level_id].title.lower()})"


def interview_kit(guide: Guide, role_id: str, level_id: str) -> Kit:
    role = guide.roles[role_id]
    # A workplace skill counts half: every stage hears how a candidate communicates, so a technical question should
    # win its place by the technical skills it tests.
    ranks: dict[str, float] = {s: HELPFUL for s in role.skills.helpful} | {s: CORE for s in role.skills.core}
    weight = {s: w / 2 if guide.skills[s].kind == "soft" else w for s, w in ranks.items()}
    # The questions that test one of the role's skills, in the bank's order (its collection's sort key): looked up
    # by skill, so a kit costs the same however large the bank grows.
    linked = {qid for s in weight for qid in guide.links.skill_questions.get(s, ())}
    bank_order = guide.registry["questions"].order
    suited = sorted((q for q in map(guide.questions.__getitem__, linked) if level_id in q.levels), key=bank_order)
    used: set[str] = set()
    covered: set[str] = set()
    stages = []
    for number, stage in enumerate(guide.interview_loops[level_id].stages, start=1):
        chosen: list[InterviewQuestion] = []
        preferred = {qid: rank for rank, qid in enumerate(stage.prefer)}
        for kind, count in stage.questions.items():
            for _ in range(count):
                pool = [q for q in suited if q.kind == kind and q.id not in used]
                if not pool:
                    break
                # max() keeps the first of equals: the bank's order (by title) settles ties.
                best = max(pool, key=lambda q: (-preferred.get(q.id, len(preferred)),
                                                sum(weight.get(s, 0) for s in set(q.skills) - covered),
                                                len(set(q.skills) & set(stage.skills)),
                                                q.skills[0] in role.skills.core,
                                                sum(weight.get(s, 0) for s in q.skills)))
                chosen.append(best)
                used.add(best.id)
                covered.update(best.skills)
        skills = list(stage.skills)
        skills += [s for q in chosen for s in q.skills if s in weight and s not in skills]
        stages.append(KitStage(number, stage, tuple(q.id for q in chosen), tuple(dict.fromkeys(skills))))
    return Kit(role_id, level_id, kit_title(guide, role_id, level_id), tuple(stages), hired=level_id not in role.not_hired_at)


def _minutes(total: int) -> str:
    hours, minutes = divmod(total, 60)
    if not hours:
        return f"{minutes} minutes"
    words = f"{hours} hour{'s' if hours != 1 else ''}"
    return f"{words} {minutes} minutes" if minutes else words


# --- the kit's page -----------------------------------------------------------------


def kit_page(guide: Guide, role_id: str, level_id: str, here: str, site_url: str) -> str:
    kit = interview_kit(guide, role_id, level_id)
    role, level = guide.roles[role_id], guide.levels[level_id]
    to = Linker(here, site_url)
    out = [
        heading(1, f"Interview kit: {kit.title}", "top"),
        "",
        f"A structured interview loop for {md(jd_subject(guide, role_id, level_id))}: the stages, the "
        "questions with what a good answer shows at this level, a scorecard and the rules that keep it fair. Ask every "
        "candidate the same questions and score them against the same answers.\n{ .guide-lead .guide-kit }",
        "",
        " · ".join([
            link("The job description", to.job_description(role_id, level_id)),
            link(f"The {in_sentence(role.title)} role", to.role(role_id)),
            link(f"What {level.title.lower()} means", to.level(level_id)),
            link("All interview kits", to.to(urls.KITS_INDEX)),
        ]) + "\n{ .guide-kicker }",
        "",
    ]
    if not kit.hired:
        out += ['!!! warning "Rarely hired at this level"', "", md_paragraphs(role.career_path[level_id], "    "), ""]
        umbrella = next((r.id for r in guide.roles.values() if r.kind == "umbrella" and level_id not in r.not_hired_at), None)
        if umbrella and umbrella != role_id:
            title = in_sentence(guide.roles[umbrella].title)
            out += [f"    For this level, the {link(f'{title} kit', to.interview_kit(umbrella, level_id))} is usually the "
                    "better fit; this kit is here for a team that has a reason to hire this role at this level.", ""]
    out += _loop_table(guide, kit, to)
    out += [heading(2, "The questions", "questions"), "",
            "Each stage's questions, chosen from the guide's question bank for this role's skills. Read the question as "
            "written, and use the follow-up questions where the answer leads. Each question's good answer is listed "
            f"level by level up to {md(level.title.lower())}, each level adding to the ones before it: score against "
            "all of them together, not against the other candidates.", ""]
    for kit_stage in kit.stages:
        out += _stage_section(guide, kit, kit_stage, to)
    out += _scorecard_section(guide, kit, to, site_url)
    for section in guidance_for(guide, level_id):
        out += _guidance_section(section, 2)
    out += [heading(2, "About this kit", "about", searchable=False), "",
            f"The loop, the questions and the scale are the guide's recommendations; the "
            f"{link('interview kits page', to.to(urls.KITS_INDEX, 'evidence'))} says what they rest on, and the "
            f"{link('hiring guide', to.to(urls.HIRING, 'pay-law'))} covers the law on pay in hiring. Change what your team "
            "needs, then use the changed kit for every candidate.", ""]
    return "\n".join(out)


def _loop_table(guide: Guide, kit: Kit, to: Linker) -> list[str]:
    loop = guide.interview_loops[kit.level_id]
    scored = [s for s in kit.stages if not s.stage.optional]
    total = _minutes(sum(s.stage.minutes for s in scored))
    out = [heading(2, "The loop", "loop"), ""]
    if loop.note:
        out += [md(loop.note), ""]
    out += ["| Stage | Length | Run by | Assesses |", "| --- | --- | --- | --- |"]
    for s in kit.stages:
        name = link(f"{s.number}. {s.stage.title}", f"#{s.stage.id}")
        if s.stage.optional:
            name += " (optional)"
        skills = ", ".join(link(guide.skills[x].name, to.skill(x)) for x in s.skills) if s.stage.scored else "Not scored"
        out.append(f"| {name} | {s.stage.minutes} min | {md(s.stage.run_by.rstrip('.'))} | {skills} |")
    out += ["", f"In all: {total} of interviews{', without the optional stage' if len(scored) < len(kit.stages) else ''}.", ""]
    return out


def _stage_section(guide: Guide, kit: Kit, kit_stage: KitStage, to: Linker) -> list[str]:
    stage = kit_stage.stage
    title = f"{kit_stage.number}. {stage.title}"
    facts = [f"{stage.minutes} minutes", md(stage.run_by.rstrip("."))]
    if stage.optional:
        facts.append("optional")
    if not stage.scored:
        facts.append("not scored")
    out = [heading(3, title, stage.id), "", md(stage.purpose), "", f"{' · '.join(facts)}\n{{ .guide-meta }}", ""]
    if stage.exercise:
        exercise = next((g for g in guidance_for(guide, kit.level_id) if g.id in ("practical-exercise", "written-case")), None)
        if exercise is not None:
            out += [f"How to run it: {link(exercise.title, '#' + exercise.id)}.", ""]
    for question_id in kit_stage.questions:
        out += _question_block(guide, kit, guide.questions[question_id], to)
    return out


def _question_block(guide: Guide, kit: Kit, question: InterviewQuestion, to: Linker) -> list[str]:
    role = guide.roles[kit.role_id]
    on_role = set(role.skills.core) | set(role.skills.helpful)
    ordered = [s for s in question.skills if s in on_role] + [s for s in question.skills if s not in on_role]
    tests = ", ".join(link(guide.skills[s].name, to.skill(s)) for s in ordered)
    kind = guide.question_kinds[question.kind].title
    out = [
        # The kit's choice of questions follows the bank, so this anchor may go when a question is added: the
        # question's own page is its permanent address, and the anchor stays out of the link contract.
        heading(4, question.title, question.id, searchable=False, listed=False), "",
        md_paragraphs(question.prompt, "> "), "",
        f"{md(kind)} · Tests: {tests}\n{{ .guide-meta }}", "",
        "**What a good answer shows**", "",
        *(f"- {'**' if lid == kit.level_id else ''}{md(guide.levels[lid].title)}{'**' if lid == kit.level_id else ''}: "
          f"{md(' '.join(question.good_answer[lid].split(chr(10) * 2)))}" for lid in answer_levels(guide, question, kit.level_id)), "",
        "**Red flags**", "",
        *(f"- {md(flag)}" for flag in question.red_flags), "",
        "**Follow-up questions**", "",
        *(f"- {md(q)}" for q in question.follow_ups), "",
        f"{link('This question at every level', to.question(question.id))}\n{{ .guide-meta }}", "",
    ]
    return out


def answer_levels(guide: Guide, question: InterviewQuestion, level_id: str) -> list[str]:
    """The levels whose good answers a kit at ``level_id`` scores against, lowest first: the bank writes each
    level's answer as what it adds to the levels below it on the same track, so a senior answer is the entry,
    mid and senior answers together. A manager's answer stands on its own: it is the only level on its track."""
    track = guide.levels[level_id].track
    return [lid for lid in way_to(guide.levels, level_id) if guide.levels[lid].track == track and lid in question.good_answer]


def guidance_for(guide: Guide, level_id: str) -> list[KitGuidance]:
    return [g for g in guide.kit_guidance.values() if not g.levels or level_id in g.levels]


def _guidance_section(section: KitGuidance, level: int) -> list[str]:
    return [heading(level, section.title, section.id), "", md_paragraphs(section.intro), "",
            *(f"- {md(item)}" for item in section.items), ""]


# --- the scorecard ----------------------------------------------------------------------


def _scorecard_section(guide: Guide, kit: Kit, to: Linker, site_url: str) -> list[str]:
    decisive = set(decisive_skills(guide, kit))
    names = {k.number: k.stage.title for k in kit.stages}
    out = [heading(2, "Scorecard", "scorecard"), "",
           "One row per stage and skill. Each interviewer scores the rows of the stage they ran, alone and before the "
           "debrief, and writes the evidence: what the candidate said or did. A skill two stages assess is scored in "
           "each, and the debrief looks at both. Skills marked (decisive) are the ones the decision rule counts.", ""]
    out += rating_scale(guide)
    out += ['<div class="guide-kit-scorecard" markdown>', "",
            "| Stage | Skill | Score | Evidence |", "| --- | --- | --- | --- |"]
    for number, skill in kit.rows():
        name = link(guide.skills[skill].name, to.skill(skill)) + (" (decisive)" if skill in decisive else "")
        out.append(f"| {number}. {md(names[number])} | {name} |   |   |")
    rule = next((g for g in guidance_for(guide, kit.level_id) if g.id == DECISION), None)
    out += ["", "</div>", "", "Overall decision: hire or no hire, with the evidence for it"
            + (f"; see {link(rule.title.lower(), '#' + rule.id)}." if rule else "."), "",
            _copy_scorecard(kit, scorecard_markdown(guide, kit, site_url)), ""]
    return out


def rating_scale(guide: Guide) -> list[str]:
    out = [heading(3, "The rating scale", "rating-scale"), "",
           "Score each skill against the good answers of the kit's questions that test it, up to the kit's level.", "",
           "| Score | Meaning |", "| --- | --- |"]
    out += [f"| {r.score}: {md(r.label)} | {md(r.meaning)} |" for r in guide.ratings.values()]
    return [*out, ""]


def scorecard_markdown(guide: Guide, kit: Kit, site_url: str) -> str:
    """The scorecard as Markdown to paste into a hiring tool or a shared document, every link absolute."""
    decisive = set(decisive_skills(guide, kit))
    names = {k.number: k.stage.title for k in kit.stages}
    url = absolute(site_url, kit.page)
    lines = [
        f"# Scorecard: {copy_md(kit.title)}",
        "",
        "Candidate:  ",
        "Interviewer:  ",
        "Date:  ",
        "",
        "Scale:",
        "",
        *(f"- {r.score}, {copy_md(r.label)}: {copy_md(r.meaning)}" for r in guide.ratings.values()),
        "",
        f"The questions and their good answers: {url}",
        "",
        "| Stage | Skill | Score | Evidence |",
        "| --- | --- | --- | --- |",
    ]
    for number, skill in kit.rows():
        name = f"[{copy_md(guide.skills[skill].name)}]({absolute(site_url, place(urls.SKILL_PAGE, id=skill))})"
        lines.append(f"| {number}. {copy_md(names[number])} | {name}{' (decisive)' if skill in decisive else ''} |  |  |")
    lines += ["", "Overall: hire / no hire", "", "Evidence for the decision:", "",
              f"Based on the [Backend Developer Guide]({url}), CC BY 4.0."]
    return "\n".join(lines) + "\n"


def _copy_scorecard(kit: Kit, text: str) -> str:
    """A button Material's clipboard handler copies from (any ``[data-clipboard-text]``), as on job descriptions."""
    return (f'<div class="guide-copy-actions" data-kit="{kit.role_id}/{kit.level_id}">'
            f'<button type="button" class="md-button guide-copy-jd" data-clipboard-text="{escape(text)}">'
            "Copy the scorecard as Markdown</button></div>")


# --- a question's own page ----------------------------------------------------------------


@renders("questions")
def question_page(guide: Guide, question_id: str, here: str) -> str:
    question = guide.questions[question_id]
    to = Linker(here)
    kind = guide.question_kinds[question.kind]
    tests = ", ".join(link(guide.skills[s].name, to.skill(s)) for s in question.skills)
    out = [
        heading(1, question.title, "top"), "",
        md_paragraphs(question.prompt, "> "), "",
        " · ".join([link(kind.title, to.to(urls.QUESTIONS_INDEX, question.kind)), f"Tests: {tests}",
                    link("All interview questions", to.to(urls.QUESTIONS_INDEX))]) + "\n{ .guide-kicker }", "",
        # The answers name the skills and tools the question tests; indexed, they would answer searches for those
        # before the pages about them. The title and the question itself stay in the index.
        heading(2, "What a good answer shows", "good-answer", searchable=False), "",
        "| Level | A good answer |", "| --- | --- |",
    ]
    for level_id, level in guide.levels.items():
        if level_id in question.good_answer:
            text = " ".join(md(p) for p in question.good_answer[level_id].split("\n\n"))
            out.append(f"| {link(level.title, to.level(level_id))} | {text} |")
    out += ["", heading(2, "Red flags", "red-flags", searchable=False), "", *(f"- {md(f)}" for f in question.red_flags), "",
            heading(2, "Follow-up questions", "follow-ups", searchable=False), "", *(f"- {md(q)}" for q in question.follow_ups), ""]
    levels = [md(guide.levels[lid].title) for lid in guide.levels if lid in question.levels]
    names = levels[0] if len(levels) == 1 else ", ".join(levels[:-1]) + " and " + levels[-1]
    out += [heading(2, "In the interview kits", "kits", searchable=False), "",
            f"It suits the kits for these levels: {names}. Each {link('interview kit', to.to(urls.KITS_INDEX))} chooses "
            "its questions for its role's skills, so a kit asks this one where it fits that role best; a team may also "
            "swap it in for a question that tests the same skill.", ""]
    if question.sources:
        sources = "; ".join(link(guide.sources[s].title, to.source(s)) for s in question.sources)
        out += [heading(2, "Sources", "sources", searchable=False), "", f"Draws on: {sources}{full_stop(guide.sources[question.sources[-1]].title)}", ""]
    return "\n".join(out)


# --- listings for hand-written pages --------------------------------------------------------


@page_macro
def kits_index(guide: Guide, to: Linker) -> str:
    """Every role × level kit."""
    return role_level_table(guide, to, to.interview_kit)


@page_macro
def interview_loops(guide: Guide, to: Linker) -> str:  # noqa: ARG001 (same signature as the others)
    """Each level's loop in one line per stage: what every kit at that level runs."""
    out = []
    for level_id, level in guide.levels.items():
        loop = guide.interview_loops[level_id]
        total = _minutes(sum(s.minutes for s in loop.stages if not s.optional))
        if any(s.optional for s in loop.stages):
            total += ", without the optional stage"
        out += [f'=== "{md(level.title)}"', ""]
        if loop.note:
            out += [f"    {md(loop.note)}", ""]
        for number, stage in enumerate(loop.stages, start=1):
            extra = "; optional" if stage.optional else ("; not scored" if not stage.scored else "")
            run_by = stage.run_by.rstrip(".")
            run_by = run_by[:1].lower() + run_by[1:] if run_by.startswith(("The ", "A ", "An ", "One ", "Two ")) else run_by
            out.append(f"    {number}. **{md(stage.title)}**, {stage.minutes} minutes, {md(run_by)}{extra}. "
                       f"{md(stage.purpose)}")
        out += ["", f"    In all: {total}.", ""]
    return "\n".join(out)


@page_macro
def kit_guidance(guide: Guide, to: Linker) -> str:  # noqa: ARG001 (same signature as the others)
    """The sections every kit carries, in full, each saying which levels' kits carry it."""
    out = rating_scale(guide)
    for section in guide.kit_guidance.values():
        out += _guidance_section(section, 3)
        if section.levels:
            titles = [md(guide.levels[lid].title) for lid in section.levels]
            names = titles[0] if len(titles) == 1 else ", ".join(titles[:-1]) + " and " + titles[-1]
            out[-1:-1] = ["", f"In the kits for these levels: {names}."]
    return "\n".join(out)


@page_macro
def question_bank(guide: Guide, to: Linker) -> str:
    """The bank by kind: each question with the skills it tests and the levels it suits."""
    out = []
    for kind_id, kind in guide.question_kinds.items():
        questions = [q for q in guide.questions.values() if q.kind == kind_id]
        out += [heading(2, f"{kind.title} ({len(questions)})", kind_id), "", md(kind.summary), "",
                "| Question | Tests | Levels |", "| --- | --- | --- |"]
        for q in questions:
            skills = ", ".join(link(guide.skills[s].name, to.skill(s)) for s in q.skills)
            levels = ", ".join(md(guide.levels[lid].title) for lid in guide.levels if lid in q.levels)
            out.append(f"| {link(q.title, to.question(q.id))} | {skills} | {levels} |")
        out.append("")
    return "\n".join(out)


@page_macro
def question_counts(guide: Guide, to: Linker) -> str:
    """How many questions test each skill at each level: where the bank is thin."""
    levels = list(guide.levels.values())
    out = ["| Skill | " + " | ".join(md(level.title) for level in levels) + " |", "| --- |" + " --- |" * len(levels)]
    tested = Counter((skill_id, level_id) for q in guide.questions.values()
                     for skill_id in dict.fromkeys(q.skills) for level_id in dict.fromkeys(q.levels))
    for skill_id, skill in guide.skills.items():
        counts = [tested[(skill_id, level.id)] for level in levels]
        if any(counts):
            out.append(f"| {link(skill.name, to.skill(skill_id))} | " + " | ".join(str(c) for c in counts) + " |")
    return "\n".join(out)
