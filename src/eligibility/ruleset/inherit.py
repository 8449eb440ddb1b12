"""`extends`: a rule file that builds on another — parameters, vocabulary words, fields and rules by name or id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eligibility.errors import Location, RuleSetError
from eligibility.messages import Term, did_you_mean
from eligibility.ruleset.model import AMENDABLE, Rule
from eligibility.ruleset.vocab import suggest
from eligibility.ruleset.yamlpos import READ_AS, Positions, YamlPath, as_written

Document = tuple[dict[str, Any], Positions]
Where = Callable[[YamlPath], Location]

# Keys merged entry by entry (a child's entry replaces the parent's of the same name); any other key replaces.
BY_NAME = ("parameters", "fields")
# Keys that change what the parent gives, used up in the merging.
CHANGES = ("extends", "disable", "severities", "amend")
VOCABULARY_BY_ID = ("bodies", "roles", "political_statuses")
# Settings, each of which has a default: merged key by key (a key written replaces the parent's whole), since
# replaced whole, `places: {street: 乡镇}` dropped the parent's street_words for the defaults without a word.
VOCABULARY_BY_KEY = ("places",)


def merge(
    parent: Document, child: Document, child_file: str, where: Where
) -> tuple[Document, list[RuleSetError]]:
    """The child laid over the parent, and the mistakes of the child's changes to it, each left out of the
    merging: the loader says them with the merged file's own, in one run. Tests are the child's own: the
    parent's may not hold after changes."""
    parent_data, parent_positions = parent
    child_data, child_positions = child
    data: dict[str, Any] = {}
    positions = Positions()
    problems: list[RuleSetError] = []
    for key, value in parent_data.items():
        if key in ("tests", *CHANGES):
            continue
        data[key] = value
        positions.copy_subtree(parent_positions, (key,), (key,), parent_positions.file_of((key,), ""))
    for key, value in child_data.items():
        if key in CHANGES:
            continue
        if key in BY_NAME and isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = _by_name(data[key], value, (key,), positions, child_positions, child_file)
        elif key == "vocabularies" and isinstance(value, dict) and isinstance(data.get(key), dict):
            merged = dict(data[key])
            for part, words in value.items():
                at = (key, part)
                if (
                    part in (*VOCABULARY_BY_ID, *VOCABULARY_BY_KEY)
                    and isinstance(words, dict)
                    and isinstance(merged.get(part), dict)
                ):
                    if part == "roles":
                        unseated = _roles_keep_their_seat(merged[part], words, where)
                        problems += [problem for said in unseated.values() for problem in said]
                        # The parent's role is kept where its rewriting is refused: said once, here.
                        words = {
                            role_id: entry for role_id, entry in words.items() if role_id not in unseated
                        }
                    merged[part] = _by_name(merged[part], words, at, positions, child_positions, child_file)
                else:
                    positions.drop_subtree(at)
                    positions.copy_subtree(child_positions, at, at, child_file)
                    merged[part] = words
            data[key] = merged
        elif key == "rules" and isinstance(value, list) and isinstance(data.get(key), list):
            data[key] = _rules(data[key], value, positions, child_positions, child_file)
        else:
            positions.drop_subtree((key,))
            positions.copy_subtree(child_positions, (key,), (key,), child_file)
            data[key] = value
    # Every mistake of disable, severities and amend at once, as validation says the schema's: an author who
    # fixed `severities: {2021-01-01: review, true: warning}`'s first key met the second on the next run. An entry
    # refused is left out of what follows, so that it is said once.
    disable = child_data.get("disable") or []
    if not isinstance(disable, list):
        problems.append(
            _not_a(
                where(("disable",)),
                "disable",
                Term("规则 id 的列表，写作 [a, b]", "a list of rule ids: [a, b]"),
            )
        )
        disable = []
    severities = child_data.get("severities") or {}
    if not isinstance(severities, dict):
        problems.append(
            _not_a(
                where(("severities",)),
                "severities",
                Term(
                    "规则 id 到等级的映射，写作 {a: review}", "a mapping of rule id to severity: {a: review}"
                ),
            )
        )
        severities = {}
    own = child_data.get("rules")
    for index, rule in enumerate(own if isinstance(own, list) else []):
        if (rule_id := _rule_id(rule)) is not None and rule_id in disable:
            # Both at once: the rule written here replaced the parent's, then disable took it away unsaid.
            problems.append(
                RuleSetError(
                    "ruleset-invalid",
                    where(("rules", index, "id")),
                    field=f"rules[{index}].id",
                    reason=Term(
                        f"规则“{rule_id}”在本文件的 disable 里停用了，又在这里重写：要替换继承来的规则，写同一个 id 的"
                        "规则即可，并从 disable 删去它",
                        f"rule {rule_id!r} is disabled in this file and written again here: to replace an inherited "
                        "rule, write a rule of the same id and take it out of disable",
                    ),
                )
            )
    written_here = {_rule_id(rule) for rule in (own if isinstance(own, list) else [])}
    problems += _disable(data, positions, disable, where, child_positions, written_here)
    known = _offered(data.get("rules"), written_here)  # as disable left them
    changes = dict(severities)
    for rule_id in severities:
        if _read_as_other_than_text(rule_id):
            problems.append(
                _not_a_rule_id(("severities",), rule_id, known, child_positions, child_file, where)
            )
            del changes[rule_id]
            continue
        reason = None
        if rule_id in written_here:
            # Its own severity and another in severities: the second won without a word, and a bar written
            # ineligible here was a warning (helper-67). One of the two is the author's slip.
            reason = Term(
                f"规则“{rule_id}”就写在本文件里：请改它自己的 severity，不要在 severities 里另写一个等级",
                f"rule {rule_id!r} is written in this file: change its own severity there, not in severities as well",
            )
        elif rule_id in disable:
            # Both at once: said as what it is, not as a rule that does not exist.
            reason = Term(
                f"规则“{rule_id}”已在 disable 里停用，不能再改它的等级",
                f"rule {rule_id!r} is disabled in this file: its severity cannot be changed too",
            )
        if reason is not None:
            problems.append(
                RuleSetError(
                    "ruleset-invalid",
                    _key_at(("severities", rule_id), child_positions, child_file, where),
                    field=f"severities.{rule_id}",
                    reason=reason,
                )
            )
            del changes[rule_id]
    problems += _severities(data, changes, where, (positions, child_positions, child_file), known)
    amend, refused = _amendments_checked(
        child_data, written_here, disable, severities, where, child_positions, child_file, known
    )
    problems += refused
    problems += _amend(data, amend, where, (positions, child_positions, child_file), known)
    return (data, positions), problems  # said in the order they are written (errors.in_order)


def _roles_keep_their_seat(
    parent: dict[str, Any], child: dict[str, Any], where: Where
) -> dict[str, list[RuleSetError]]:
    """Each role rewritten to add an alias, leaving out its body or principal: it silently held no seat, or was
    no principal, and the team rules passed over it (helper-67). Kept off only when written so (body: null).
    Every such role, and both keys of one, by role, in one run: the first alone was said."""
    problems: dict[str, list[RuleSetError]] = {}
    for role_id, entry in child.items():
        before = parent.get(role_id)
        if not isinstance(entry, dict) or not isinstance(before, dict):
            continue
        for key in ("body", "principal"):
            if before.get(key) and key not in entry:
                problems.setdefault(role_id, []).append(
                    RuleSetError(
                        "ruleset-invalid",
                        where(("vocabularies", "roles", role_id)),
                        field=f"vocabularies.roles.{role_id}",
                        reason=Term(
                            f"改写的职务“{role_id}”没有写 {key}（底本为 {before[key]}）：改写职务须整项重写；确要去掉，"
                            f"写 {key}: {'null' if key == 'body' else 'false'}",
                            f"role {role_id!r} is rewritten without {key} (the parent's: {before[key]}): a role is "
                            f"rewritten whole; to take it away, write {key}: {'null' if key == 'body' else 'false'}",
                        ),
                    )
                )
    return problems


def _not_a(location: Location, key: str, expected: Term) -> RuleSetError:
    """`disable` or `severities` written as another kind of value: merged, it would vanish before validation."""
    return RuleSetError(
        "ruleset-invalid", location, field=key, reason=Term(f"应为{expected.zh}", f"should be {expected.en}")
    )


def _by_name(
    old: dict[str, Any], new: dict[str, Any], at: YamlPath, positions: Positions, source: Positions, file: str
) -> dict[str, Any]:
    merged = dict(old)
    for name, entry in new.items():
        # Positions hold a key YAML read as a number or true (a role id 1:) by its text: moved by it, so that
        # validation says the key at its line.
        written = source.key_as_written(at, name) or name
        positions.drop_subtree((*at, written))
        positions.copy_subtree(source, (*at, written), (*at, written), file)
        merged[name] = entry
    return merged


def _rules(old: list[Any], new: list[Any], positions: Positions, source: Positions, file: str) -> list[Any]:
    """A child rule with a parent rule's id replaces it in place; other child rules come after the parent's."""
    merged = list(old)
    index_of = {_rule_id(rule): i for i, rule in enumerate(merged) if _rule_id(rule) is not None}
    for i, rule in enumerate(new):
        rule_id = _rule_id(rule)
        target = index_of.get(rule_id)
        if target is None:
            target = len(merged)
            merged.append(rule)
        else:
            merged[target] = rule
        positions.drop_subtree(("rules", target))
        positions.copy_subtree(source, ("rules", i), ("rules", target), file)
    return merged


def _rule_id(rule: Any) -> str | None:
    """A rule's id where it is text; any other (a list, a number) is left for validation to refuse at its line."""
    rule_id = rule.get("id") if isinstance(rule, dict) else None
    return rule_id if isinstance(rule_id, str) else None


def _disable(
    data: dict[str, Any],
    positions: Positions,
    ids: list[Any],
    where: Where,
    source: Positions,
    written_here: set[str | None],
) -> list[RuleSetError]:
    """The parent's rules that `ids` names taken away; the mistakes of `ids`, each at its entry, with the rules
    it may name (see _offered)."""
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        # `rules: 5` in the parent: validation says so at its line; here there is no rule to disable.
        rules = []
        if not ids:
            return []
    known = [r.get("id") for r in rules if isinstance(r, dict)]
    offered = _offered(rules, written_here)
    problems = []
    for index, rule_id in enumerate(ids):
        if _read_as_other_than_text(rule_id):
            problems.append(_not_a_rule_id(("disable", index), rule_id, offered, source, "", where))
        elif rule_id not in known:
            problems.append(
                _unknown_rule(where(("disable", index)), ("disable", index), str(rule_id), offered)
            )
        elif rule_id in ids[:index]:
            # Harmless twice, but most often a copied line whose id was meant to be changed to another's.
            problems.append(
                RuleSetError(
                    "ruleset-invalid",
                    where(("disable", index)),
                    field=f"disable[{index}]",
                    reason=Term(
                        f"“{rule_id}”写了两次；是不是想停用另一条规则？",
                        f"{rule_id!r} is named twice: was another rule meant?",
                    ),
                )
            )
    kept = [i for i, r in enumerate(rules) if not (isinstance(r, dict) and r.get("id") in ids)]
    # The rules after a disabled one move up: their positions move with them.
    before = Positions()
    before.copy_subtree(positions, ("rules",), ("rules",), positions.file_of(("rules",), ""))
    positions.drop_subtree(("rules",))
    positions.copy_subtree(before, ("rules",), ("rules",), before.file_of(("rules",), ""))
    for new, old in enumerate(kept):
        positions.drop_subtree(("rules", new))
        positions.copy_subtree(before, ("rules", old), ("rules", new), before.file_of(("rules", old), ""))
    for extra in range(len(kept), len(rules)):
        positions.drop_subtree(("rules", extra))
    data["rules"] = [rules[i] for i in kept]
    return problems


def _offered(rules: Any, written_here: set[str | None]) -> list[str]:
    """The rules disable, severities and amend may name: the parent's. One written in the file itself is changed
    where it is written (each of the three refuses it), so it is not offered, nor a slip of its id told to name
    it."""
    if not isinstance(rules, list):
        return []
    return [rule_id for rule in rules if (rule_id := _rule_id(rule)) and rule_id not in written_here]


def _severities(
    data: dict[str, Any],
    changes: dict[str, Any],
    where: Where,
    moved: tuple[Positions, Positions, str],
    known: list[str],
) -> list[RuleSetError]:
    """Each rule's severity as `changes` gives it; an unknown rule said at its key, with the `known` ones."""
    positions, source, file = moved
    if not isinstance(data.get("rules") or [], list):
        # `rules: 5`: left for validation to refuse at its line
        return [
            _unknown_rule(
                _key_at(("severities", name), source, file, where), ("severities", name), str(name), []
            )
            for name in changes
        ]
    # Copies, so that a parent's rules are never changed under it.
    data["rules"] = rules = [dict(r) if isinstance(r, dict) else r for r in data.get("rules") or []]
    index_of = {_rule_id(r): i for i, r in enumerate(rules) if _rule_id(r) is not None}
    problems = []
    for rule_id, severity in changes.items():
        if rule_id not in index_of:
            at: YamlPath = ("severities", rule_id)
            problems.append(_unknown_rule(_key_at(at, source, file, where), at, str(rule_id), known))
            continue
        rules[index_of[rule_id]]["severity"] = severity
        # A wrong severity is wrong where it was written, in this file, not in the parent's rule.
        at = ("rules", index_of[rule_id], "severity")
        if ("severities", rule_id) in source.values:
            positions.values[at] = source.values[("severities", rule_id)]
            positions.files[at] = file
            positions.written[at] = ("severities", rule_id)
    return problems


def _amendments_checked(
    child: dict[str, Any],
    written_here: set[str | None],
    disable: list[Any],
    severities: dict[str, Any],
    where: Where,
    source: Positions,
    file: str,
    known: list[str],
) -> tuple[dict[str, dict[str, Any]], list[RuleSetError]]:
    """The child's `amend`, each entry a mapping of the keys it may change, to rules it neither writes, disables
    nor changes the severity of in `severities` as well; and the entries refused, each at its line."""
    from eligibility.ruleset.compiler import dotted_path  # as _unknown_rule: the compiler's, kept one

    def refused(at: YamlPath, reason: Term) -> RuleSetError:
        return RuleSetError(
            "ruleset-invalid", _key_at(at, source, file, where), field=dotted_path(at), reason=reason
        )

    amend = child.get("amend")
    if amend is None:
        return {}, []
    if not isinstance(amend, dict):
        return {}, [
            _not_a(
                where(("amend",)),
                "amend",
                Term(
                    "规则 id 到改动的映射，写作 {principal-age: {approved_by: [县委组织部]}}",
                    "a mapping of rule id to its changes: {principal-age: {approved_by: [county department]}}",
                ),
            )
        ]
    allowed = "、".join(AMENDABLE), ", ".join(AMENDABLE)
    checked, problems = {}, []
    for rule_id, changes in amend.items():
        if _read_as_other_than_text(rule_id):
            problems.append(_not_a_rule_id(("amend",), rule_id, known, source, file, where))
            continue
        at: YamlPath = ("amend", rule_id)
        reason = None
        if rule_id in written_here:
            reason = Term(
                f"规则“{rule_id}”就写在本文件里：请直接改它，不要再写在 amend 里",
                f"rule {rule_id!r} is written in this file: change it there, not in amend as well",
            )
        elif rule_id in disable:
            reason = Term(
                f"规则“{rule_id}”已在 disable 里停用，不能再改它",
                f"rule {rule_id!r} is disabled in this file: it cannot be amended too",
            )
        elif rule_id in severities:
            # Two places for one rule's change: which one holds would be a matter of order, not of intent.
            reason = Term(
                f"规则“{rule_id}”已在 severities 里改了等级：一条规则的改动写在一处，请把 severity 写进这里的 "
                "amend，并从 severities 删去它",
                f"rule {rule_id!r} has its severity changed in severities too: write a rule's changes in one "
                "place, its severity here in amend, and take it out of severities",
            )
        elif not isinstance(changes, dict) or not changes:
            reason = Term(
                f"没有写要改什么：写作 {rule_id}: {{approved_by: [县委组织部]}}；可改：{allowed[0]}",
                f"says nothing to change: write {rule_id}: {{approved_by: [county department]}}; amend may "
                f"change: {allowed[1]}",
            )
        if reason is not None:
            problems.append(refused(at, reason))
            continue
        wrong = [
            refused((*at, key), _not_amendable(key, rule_id, allowed))
            for key in changes
            if key not in AMENDABLE
        ]
        problems += wrong
        if not wrong:
            checked[rule_id] = changes
    return checked, problems


def _not_amendable(key: Any, rule_id: str, allowed: tuple[str, str]) -> Term:
    """Why amend cannot change a key: one of a rule's that needs the rule written whole, or no key at all."""
    if key in Rule.model_fields:
        return Term(
            f"amend 不能改 {key}：要改规则的条件、对象或适用职务（when、scope、applies_to），请在 rules 里"
            f"写一条 id 为 {rule_id} 的完整规则，整条替换继承来的；amend 可改：{allowed[0]}",
            f"amend cannot change {key}: to change a rule's when, scope or applies_to, write the whole rule "
            f"under rules with id {rule_id}, which replaces the inherited one; amend may change: "
            f"{allowed[1]}",
        )
    hint = did_you_mean(suggest(str(key), list(AMENDABLE)))
    zh, en = (hint.zh, hint.en) if isinstance(hint, Term) else ("", "")
    return Term(
        f"未知的键“{key}”{zh}；amend 可改：{allowed[0]}",
        f"unknown key {key!r}{en}; amend may change: {allowed[1]}",
    )


def _amend(
    data: dict[str, Any],
    amend: dict[str, dict[str, Any]],
    where: Where,
    moved: tuple[Positions, Positions, str],
    known: list[str],
) -> list[RuleSetError]:
    """Each amended rule with its changed keys in place of the parent's, at the lines of the child that wrote
    them, so that validating the rule says a mistake in them there; the mistakes so found, an unknown rule with
    the `known` ones."""
    if not amend:
        return []
    positions, source, file = moved
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        return [
            _unknown_rule(_key_at(("amend", name), source, file, where), ("amend", name), str(name), [])
            for name in amend
        ]
    # Copies, so that a parent's rules are never changed under it.
    data["rules"] = rules = [dict(r) if isinstance(r, dict) else r for r in rules]
    index_of = {_rule_id(r): i for i, r in enumerate(rules) if _rule_id(r) is not None}
    problems = []
    for rule_id, changes in amend.items():
        if rule_id not in index_of:
            named: YamlPath = ("amend", rule_id)
            problems.append(_unknown_rule(_key_at(named, source, file, where), named, str(rule_id), known))
            continue
        rule = rules[index_of[rule_id]]
        for key, value in changes.items():
            at = ("rules", index_of[rule_id], key)
            rule[key] = value
            positions.drop_subtree(at)
            positions.copy_subtree(source, ("amend", rule_id, key), at, file)
        if (wrong := _amended_approval(rule, rule_id, changes, where)) is not None:
            problems.append(wrong)
    return problems


def _amended_approval(
    rule: dict[str, Any], rule_id: str, changes: dict[str, Any], where: Where
) -> RuleSetError | None:
    """Who approves a rule, as amended, against how severe it is and whether it may be approved at all: the
    parent's approved_by goes unused under a severity changed here (as with severities), but one written here
    must be of a rule that is review and approvable."""
    from eligibility.ruleset.compiler import dotted_path

    approved_by = rule.get("approved_by")
    if not approved_by or not isinstance(approved_by, list):
        return None
    reason = None
    if "approved_by" in changes and rule.get("severity") != "review":
        at: YamlPath = ("amend", rule_id, "approved_by")
        reason = Term(
            f"approved_by 只用于 severity: review 的规则：规则“{rule_id}”是 {rule.get('severity')}，只有需审批的意见"
            "能经事先审批",
            f"approved_by is for rules of severity review: rule {rule_id!r} is {rule.get('severity')}, and only "
            "review findings can be approved in advance",
        )
    elif rule.get("approvable") is False and "approved_by" in changes:
        at = ("amend", rule_id, "approved_by")
        reason = Term(
            f"approved_by 与规则“{rule_id}”的 approvable: false 矛盾：这条规则不能以审批代替，就没有审批单位",
            f"approved_by contradicts rule {rule_id!r}'s approvable: false: a rule no approval lifts has no "
            "approving body",
        )
    elif rule.get("approvable") is False and "approvable" in changes:
        at = ("amend", rule_id, "approvable")
        shown = "、".join(str(body) for body in approved_by)
        reason = Term(
            f"approvable: false 与继承来的 approved_by（{shown}）矛盾：不能以审批代替的规则没有审批单位；请在这里"
            "同时写 approved_by: []",
            f"approvable: false contradicts the inherited approved_by ({', '.join(map(str, approved_by))}): a "
            "rule no approval lifts has no approving body; write approved_by: [] here too",
        )
    if reason is None:
        return None
    return RuleSetError("ruleset-invalid", where(at), field=dotted_path(at), reason=reason)


def _key_at(at: YamlPath, source: Positions, file: str, where: Where) -> Location:
    """Where an entry of severities or amend names its rule: at its key, not its value (the value of
    `principal-age:` in amend is a block on the lines below; `{team-women: warning}` was said at warning)."""
    found = source.keys.get(at)
    return Location(file, *found) if found else where(at)


def _read_as_other_than_text(value: Any) -> bool:
    """A rule named by what YAML reads as other than text: true or false, a number, a date, or nothing."""
    return value is None or type(value) in READ_AS


def _not_a_rule_id(
    at: YamlPath, value: Any, known: list[str], source: Positions, file: str, where: Where
) -> RuleSetError:
    """A rule named in disable, severities or amend by a word YAML reads as true/false, a number, a date or
    nothing, said at its own line as what YAML read it as, with what a rule id looks like. `at` is the entry of
    disable, or the mapping (severities, amend) whose key it is. It was said as Python's True (unknown rule
    'True') at no line, and severities[1] where the file writes severities.1."""
    from eligibility.ruleset.compiler import dotted_path

    if isinstance(at[-1], int):
        path, text = at, source.plain.get(at)
        location = where(at)
        blank = Term("空着（或写作 null、~）", "an entry left blank (or written null or ~)")
    else:
        # A key is held among the positions by its text as written (TRUE, 1.50), not by what YAML made of it.
        text = source.key_as_written(at, value)
        path = at if text is None else (*at, text)
        location = _key_at(path, source, file, where)
        blank = Term("键空着（或写作 null、~）", "a key left blank (or written null or ~)")
    text = text or as_written(value)
    hint = did_you_mean(suggest(text, known))
    suggested = (hint.zh, hint.en) if isinstance(hint, Term) else ("", "")
    listed = ", ".join(known) or "—"
    shape = Term(
        "规则 id 是用连字符连接的小写英文词，如 principal-age",
        "a rule id is lower-case words joined by hyphens, like principal-age",
    )
    if value is None:
        reason = Term(
            f"{blank.zh}不是规则 id：请写出规则的 id；{shape.zh}；可用：{listed}",
            f"{blank.en} is no rule id: write the rule's id; {shape.en}; known: {listed}",
        )
    else:
        read = READ_AS[type(value)]
        reason = Term(
            f"{text} 被 YAML 读成了{read.zh}，不是规则 id{suggested[0]}：{shape.zh}；可用：{listed}",
            f"{text} is read by YAML as {read.en}, not as a rule id{suggested[1]}: {shape.en}; known: {listed}",
        )
    return RuleSetError("ruleset-invalid", location, field=dotted_path(path), reason=reason)


def _unknown_rule(location: Location, at: YamlPath, name: str, known: list[Any]) -> RuleSetError:
    from eligibility.ruleset.compiler import unknown_name  # the compiler imports this module's neighbours

    return unknown_name(location, at, "rule", name, [str(k) for k in known])


def resolve_parent(spec: str, child: Path, bundled: Path) -> Path:
    """A parent named by a path relative to the child file, or by the name of a bundled rule set."""
    # Not resolved: a file found beside one given as rules/east.yaml is said as rules/west.yaml, not from /.
    relative = child.parent / spec
    if spec.endswith((".yaml", ".yml")) or relative.exists():
        return relative
    if "/" in spec or "\\" in spec or spec.startswith("."):
        # A path (../district/base) is this file's neighbour, with .yaml if written without: read from the
        # bundled folder, ../work/dh2027 found a file there and built on it without a word (helper-67).
        return relative.with_name(relative.name + ".yaml")
    return bundled / f"{spec}.yaml"
