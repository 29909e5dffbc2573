"""Extract Croydon's Children's Improvement Plan (November 2017) from the seed agenda pack into the plan template.

    .venv/bin/python scripts/extract_plan.py [SEED] [--out src/lineofsight/plan/demo_data/croydon-november-2017.csv]

The seed is the text of the Scrutiny & Overview Committee pack of 12 December 2017: Agenda Item 5
(the monthly programme update) and its Appendix 1 (the plan). The action tables are tab-separated
rows of ``No. | Issue [Ofsted Ref] | Actions | Lead | Partner involvement | By when | Progress RAG``;
a row broken by a page break continues on a row that starts with a tab. Lettered milestones
(``a.``/``b.``, or a numbered list) each take the next date of the "By when" cell.

Also writes ``<out>-progress.csv``: the few progress statements Agenda Item 5 makes about named
actions, each quoted word for word from the seed.
"""

from __future__ import annotations

import argparse
import csv
import html
import re
import sys
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from lineofsight.plan import template, template_files  # noqa: E402

SEED = REPO.parent / "shared" / "seeds" / "003_f348974a3683b691.txt"
OUT = REPO / "src" / "lineofsight" / "plan" / "demo_data" / "croydon-november-2017.csv"
WORKSTREAMS = ["Practice", "People and Performance", "Partnerships", "Platforms"]
MONTHS = {name: number for number, name in enumerate(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1)}

# Where the seed's own lettering breaks the pattern, said once here rather than guessed by the parser.
# 9.4 continues 9.3's list: its milestones are printed "d." and "E".
MILESTONE_MARKERS = {"9.4": [("d", "d. "), ("e", "E ")]}

# What Agenda Item 5 (12 December 2017) reports about named actions: (ref, milestone, status, quote, section).
# Only statements that say an action's step is done or under way; the quote must appear in the seed.
PROGRESS = [
    ("1.1", "", "Complete", "a new social work practice model, Strengthening Families as been developed with staff and agreed", "2.2.2"),
    ("6.8", "", "Complete", "Corporate Parenting Panel has met and agreed a re-launch with revised membership", "2.1.2"),
    ("10.1", "a", "Complete", "the first meeting of the CSCB Executive Group was held on 19", "2.4.2"),
    ("10.1", "b", "On track", "The remit, role and responsibilities are under review in light of proposed changes to statutory guidance.", "2.4.2"),
    ("7.4", "a", "Complete", "A recruitment microsite managed by Jobs Go Public has gone live with a rolling recruitment campaign underway", "2.3.3"),
    ("8.3", "a", "On track", "The Quality Assurance Framework has also been reviewed and updated, and was taken to the Children's Improvement Board", "2.3.4"),
    ("11.2", "a", "Complete", "£2.9m investment has been agreed on a range of measures to support improvement", "2.5.3"),
    ("11.2", "b", "On track", "the council has asked Impower to support work around developing a sound financial baseline for Children's Services", "2.5.3"),
    ("5.1", "", "On track", "Processes for undertaking Return Home Interviews (RHIs) for children who go missing are under review", "2.2.6"),
]
PROGRESS_AUTHOR = "Sarah Warman, Programme Director"  # the report's contact officer
PROGRESS_DATE = "2017-12-12"  # the committee meeting the report went to
PROGRESS_EVIDENCE = "Scrutiny and Overview Committee, 12 December 2017, Agenda Item 5, paragraph {section}"


UNLISTED_TITLE = "Not named in the plan's lead-officer table"


class SeedError(ValueError):
    pass


@dataclass
class RawAction:
    ref: str
    cells: list[str] = field(default_factory=lambda: [""] * 6)  # issue, actions, lead, partners, by when, rag

    def extend(self, cells):
        for index, cell in enumerate(cells[:6]):
            if cell.strip():
                self.cells[index] = f"{self.cells[index]} {cell}".strip() if self.cells[index] else cell


def clean(cell: str) -> str:
    """Seed HTML to plain text: list items become lines, a numbered list becomes lettered.

    >>> clean('To include: <ol style="x"><li>Quick wins</li><li>New model</li></ol>')
    'To include:\\na. Quick wins\\nb. New model'
    >>> clean('<p>Feb 18</p> <p>Mar 18</p>')
    'Feb 18\\nMar 18'
    """
    def letter_list(match):
        items = re.findall(r"<li>(.*?)</li>", match.group(1), flags=re.S)
        return "".join(f"<br>{chr(ord('a') + i)}. {item}" for i, item in enumerate(items)) + "<br>"

    text = re.sub(r"<ol[^>]*>(.*?)</ol>", letter_list, cell, flags=re.S)
    text = re.sub(r"<li>\s*(?:•\s*)?", "<br>• ", text)
    text = re.sub(r"</?(p|ul|br)[^>]*>", "<br>", text)
    text = html.unescape(re.sub(r"<[^>]+>", "", text.replace("<br>", "\n")))
    text = re.sub(r"\s+•\s+", "\n• ", text)  # bullets typed inline, as in 4.8 and 6.9
    lines = []
    for raw in text.split("\n"):
        line = " ".join(raw.replace("•", " ").split())
        if line:
            lines.append(f"• {line}" if raw.strip().startswith("•") else line)
    return "\n".join(lines)


def bullets(line: str) -> list[str]:
    """The bullet points in one seed line, HTML list or markdown."""
    if "<li>" in line:
        return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", item)).replace("•", " ").split()) for item in re.findall(r"<li>(.*?)</li>", line, flags=re.S)]
    stripped = line.strip()
    if stripped.startswith("- "):
        return [" ".join(stripped[2:].replace("•", " ").split())]
    return []


def month(name: str, year: str) -> date:
    """
    >>> month("April", "18"), month("Sep", "18")
    (datetime.date(2018, 4, 1), datetime.date(2018, 9, 1))
    """
    key = name[:3].lower()
    if key not in MONTHS:
        raise SeedError(f"not a month: {name!r}")
    return date(2000 + int(year), MONTHS[key], 1)


DATE_TOKEN = re.compile(
    r"Ongoing / test impact in (?P<test_m>[A-Za-z]+)\s*(?P<test_y>\d{2})"
    r"|Ongoing from (?P<from_m>[A-Za-z]+)\s*(?P<from_y>\d{2})"
    r"|(?P<range_a>[A-Z][a-z]{2})-(?P<range_b>[A-Z][a-z]{2})\s*(?P<range_y>\d{2})"
    r"|(?P<ongoing>Ongoing)"
    r"|(?P<m>[A-Z][a-z]+)\s*(?P<y>\d{2})\b"
)


def by_when(cell: str) -> list[template.MilestoneRow]:
    """Each date in a "By when" cell, in order.

    >>> [(m.due_month, m.ongoing_from, m.is_ongoing) for m in by_when("Ongoing from Nov 17  Jan 18")]
    [(None, datetime.date(2017, 11, 1), True), (datetime.date(2018, 1, 1), None, False)]
    >>> [(m.due_month, m.ongoing_from) for m in by_when("Jan-Apr 18")]
    [(datetime.date(2018, 4, 1), datetime.date(2018, 1, 1))]
    """
    found = []
    for token in DATE_TOKEN.finditer(cell):
        if token["test_m"]:
            found.append(template.MilestoneRow(due_month=month(token["test_m"], token["test_y"]), is_ongoing=True))
        elif token["from_m"]:
            found.append(template.MilestoneRow(ongoing_from=month(token["from_m"], token["from_y"]), is_ongoing=True))
        elif token["range_a"]:
            found.append(template.MilestoneRow(due_month=month(token["range_b"], token["range_y"]), ongoing_from=month(token["range_a"], token["range_y"])))
        elif token["ongoing"]:
            found.append(template.MilestoneRow(is_ongoing=True))
        else:
            found.append(template.MilestoneRow(due_month=month(token["m"], token["y"])))
    return found


def lettered(ref: str, text: str) -> list[tuple[str, str]]:
    """Split action text at its milestone letters a., b., c. (in sequence, so "e.g." never counts)."""
    markers = MILESTONE_MARKERS.get(ref)
    positions = []
    if markers:
        start = 0
        for letter, marker in markers:
            start = text.index(marker, start)
            positions.append((letter, start, start + len(marker)))
    else:
        expected = "a"
        for match in re.finditer(r"(?:^|(?<=\s))([a-h])\.\s", text):
            if match.group(1) == expected:
                positions.append((expected, match.start(), match.end()))
                expected = chr(ord(expected) + 1)
    segments = []
    for index, (letter, _, body_start) in enumerate(positions):
        end = positions[index + 1][1] if index + 1 < len(positions) else len(text)
        segments.append((letter, " ".join(text[body_start:end].split())))
    return segments


def milestones(action: RawAction, text: str, warnings: list[str]) -> list[template.MilestoneRow]:
    dates = by_when(clean(action.cells[4]))
    if len(dates) <= 1:
        return dates or [template.MilestoneRow()]
    segments = lettered(action.ref, text)
    if len(segments) < len(dates):
        raise SeedError(f"action {action.ref}: {len(dates)} dates in By when but {len(segments)} lettered milestones")
    if len(segments) > len(dates):
        warnings.append(f"action {action.ref}: {len(segments)} milestones but {len(dates)} dates; the last have no due month")
    rows = []
    for index, (letter, segment) in enumerate(segments):
        date_row = dates[index] if index < len(dates) else template.MilestoneRow()
        rows.append(template.MilestoneRow(letter, segment, date_row.due_month, date_row.ongoing_from, date_row.is_ongoing))
    return rows


def initials_of(name: str) -> str:
    """
    >>> initials_of("Gill Manton"), initials_of("Jacqueline Harris-Baker")
    ('GM', 'JHB')
    """
    return "".join(part[0].upper() for part in re.split(r"[\s-]+", name) if part)


def plan_lines(lines: list[str]) -> tuple[int, int, int]:
    start = lines.index("# Children's Improvement Plan")
    leads = lines.index("## Lead Officers", start)
    appendix = lines.index("# Appendix 1", leads)
    return start, leads, appendix


def officers(lines, leads, appendix) -> list[template.OfficerRow]:
    found: dict[str, template.OfficerRow] = {}
    rows = lines[lines.index("LEAD OFFICERS\t", leads) + 1: appendix]
    for line in rows:
        parts = [part.strip() for part in line.strip().split(",")]
        if len(parts) < 2:
            continue
        if re.fullmatch(r"[A-Z]{2,4}", parts[0]):
            initials, name, title = parts[0], parts[1], ", ".join(parts[2:])
        else:  # "Gill Manton, Head of the virtual school" is printed without initials; actions call her GM
            initials, name, title = initials_of(parts[0]), parts[0], ", ".join(parts[1:])
        found.setdefault(initials, template.OfficerRow(initials, name, title))  # SI is listed twice
    return list(found.values())


def workstream_sros(lines, known) -> dict[str, str]:
    """Agenda Item 5 §2.1.1: each workstream's SRO, printed by name ("Philip Segurola"), matched by initials."""
    start = next(i for i, line in enumerate(lines) if line.startswith("<b>Work stream</b>"))
    sros = {}
    for line in lines[start + 1: start + 6]:
        parts = line.split("\t")
        if len(parts) == 3 and parts[0] in WORKSTREAMS:
            initials = initials_of(parts[1])
            if initials not in known:
                raise SeedError(f"§2.1.1: SRO {parts[1]!r} is not a lead officer")
            sros[parts[0]] = initials
    return sros


HEADINGS = {
    "what good looks like": "what_good_looks_like",
    "what we hope children will say": "children_will_say",
    "what we hope young people will say": "children_will_say",
    "what we hope staff will say": "staff_will_say",
    "what we hope partners will say": "partners_will_say",
}


def heading_field(line: str) -> str | None:
    text = re.sub(r"<[^>]+>|[#*:]", "", line).strip().lower()
    return HEADINGS.get(text)


def priority_section(number, section, workstream, warnings):
    title = re.match(r"## \d+\. (.+)$", section[0]).group(1).strip()
    sro = re.search(r"\(SRO\): .*\((\w+)\)", "\n".join(section[:4])).group(1)
    priority = template.PriorityRow(number, workstream, title, sro)
    recommendations = []
    for line in section:
        match = re.match(r"^\**Recommendation (\d+)\.?\**\s*[–-]?\s*(.+)$", line)
        if match:
            quote = match.group(2).strip().strip("*").strip().strip("'‘’.").strip()
            recommendations.append((int(match.group(1)), quote))
    actions: list[RawAction] = []
    in_table = False
    lists: dict[str, list[str]] = {}
    bucket = None
    for line in section:
        if line.startswith("No.\tIssue"):
            in_table = True
            continue
        found = heading_field(line)
        if found:
            in_table, bucket = False, found
            lists.setdefault(bucket, [])
            continue
        if in_table:
            cells = line.split("\t")
            if re.match(r"^\d+\.\d+$", cells[0]):
                if not cells[0].startswith(f"{number}."):
                    raise SeedError(f"action {cells[0]} is printed under priority {number}")
                actions.append(RawAction(cells[0]))
                actions[-1].extend(cells[1:])
            elif line.startswith("\t") and len(cells) >= 6 and actions:
                actions[-1].extend(cells[1:])
        elif bucket:
            lists[bucket].extend(bullets(line))
    for name, items in lists.items():
        setattr(priority, name, "\n".join(items))
    rows = []
    for raw in actions:
        text = clean(raw.cells[1])
        rows.append(template.ActionRow(
            ref=raw.ref,
            priority=number,
            text=text,
            issue=" ".join(clean(raw.cells[0]).split()),
            leads=[part for part in re.split(r"[/\s]+", clean(raw.cells[2])) if part],
            partners=" ".join(clean(raw.cells[3]).split()),
            milestones=milestones(raw, text, warnings),
        ))
    return priority, recommendations, rows


def success_measures(lines, appendix) -> dict[int, list[str]]:
    end = lines.index("## Appendix 2", appendix)
    measures: dict[int, list[str]] = {}
    current = None
    for line in lines[appendix:end]:
        text = re.sub(r"<[^>]+>", " ", line)
        header = re.match(r"^\s*(?:Page \d+\s+)?#*\s*(\d{1,2})\.\s", text)
        if header and not line.strip().startswith("- "):
            current = int(header.group(1))
            measures.setdefault(current, [])
        if current is not None:
            measures[current].extend(bullets(line))
    return measures


def extract(seed: Path) -> tuple[template.PlanData, list[str]]:
    """Read the seed into template data; ``warnings`` list the seed's own gaps."""
    lines = seed.read_text(encoding="utf-8").splitlines()
    start, leads, appendix = plan_lines(lines)
    warnings: list[str] = []
    data = template.PlanData(officers=officers(lines, leads, appendix))
    known = {o.initials for o in data.officers}
    sros = workstream_sros(lines, known)
    data.workstreams = [template.WorkstreamRow(i, name, sros.get(name, "")) for i, name in enumerate(WORKSTREAMS, 1)]
    starts = [i for i in range(start, leads) if re.match(r"^## \d+\. ", lines[i])]
    recommendations: dict[int, template.RecommendationRow] = {}
    workstream = None
    for index, begin in enumerate(starts):
        heading = next(lines[i] for i in range(begin - 1, start, -1) if lines[i].startswith("# "))
        workstream = next(w for w in WORKSTREAMS if w.lower() == heading[2:].strip().lower())
        end = starts[index + 1] if index + 1 < len(starts) else leads
        section = lines[begin:end]
        number = int(re.match(r"## (\d+)\.", section[0]).group(1))
        priority, quoted, actions = priority_section(number, section, workstream, warnings)
        data.priorities.append(priority)
        data.actions.extend(actions)
        for rec_number, quote in quoted:
            row = recommendations.setdefault(rec_number, template.RecommendationRow(rec_number, quote))
            if len(quote) > len(row.text):  # 11 quotes Recommendation 2 in part; keep the full text
                row.text = quote
            row.priorities.append(number)
    data.recommendations = sorted(recommendations.values(), key=lambda r: r.number)
    for number, items in success_measures(lines, appendix).items():
        next(p for p in data.priorities if p.number == number).success_measures = items
    for action in data.actions:
        for initials in sorted(set(action.leads) - known):
            # The plan leads 3.13 with SH, whom its lead-officer table does not name; keep the initials, invent no name.
            warnings.append(f"action {action.ref}: lead {initials} is not in the lead-officer table")
            data.officers.append(template.OfficerRow(initials, initials, UNLISTED_TITLE))
            known.add(initials)
        if not action.leads:
            warnings.append(f"action {action.ref}: the seed names no lead officer")
    return data, warnings


def progress_rows(seed: Path) -> list[dict]:
    text = " ".join(seed.read_text(encoding="utf-8").split())
    rows = []
    for ref, letter, status, quote, section in PROGRESS:
        if quote not in text:
            raise SeedError(f"progress quote for {ref} is not in the seed: {quote!r}")
        rows.append({"ref": ref, "milestone": letter, "status": status, "commentary": quote, "author_name": PROGRESS_AUTHOR,
                     "created_at": PROGRESS_DATE, "evidence_link": PROGRESS_EVIDENCE.format(section=section)})
    return rows


PROGRESS_COLUMNS = ["ref", "milestone", "status", "commentary", "evidence_link", "author_name", "created_at"]


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("seed", nargs="?", type=Path, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        data, warnings = extract(args.seed)
        progress = progress_rows(args.seed)
    except (SeedError, OSError, ValueError, StopIteration) as error:
        print(f"{args.seed}: {error}", file=sys.stderr)
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    written = template_files.write(args.out, template.to_sheets(data))
    progress_path = template_files.csv_path(args.out, "progress")
    with progress_path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, fieldnames=PROGRESS_COLUMNS)
        writer.writeheader()
        writer.writerows(progress)
    for warning in warnings:
        print(f"note: {warning}", file=sys.stderr)
    print(f"{len(data.priorities)} priorities, {len(data.actions)} actions, {len(data.officers)} officers → "
          + ", ".join(str(p) for p in [*written, progress_path]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
