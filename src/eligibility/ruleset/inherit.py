"""`extends`: a rule file that builds on another — parameters, vocabulary words, fields and rules by name or id."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from eligibility.errors import Location, RuleSetError
from eligibility.messages import Term
from eligibility.ruleset.yamlpos import Positions, YamlPath

Document = tuple[dict[str, Any], Positions]
Where = Callable[[YamlPath], Location]

# Keys merged entry by entry (a child's entry replaces the parent's of the same name); any other key replaces.
BY_NAME = ("parameters", "fields")
VOCABULARY_BY_ID = ("bodies", "roles", "political_statuses")


def merge(parent: Document, child: Document, child_file: str, where: Where) -> Document:
    """The child laid over the parent. Tests are the child's own: the parent's may not hold after changes."""
    parent_data, parent_positions = parent
    child_data, child_positions = child
    data: dict[str, Any] = {}
    positions = Positions()
    for key, value in parent_data.items():
        if key in ("tests", "extends", "disable", "severities"):
            continue
        data[key] = value
        positions.copy_subtree(parent_positions, (key,), (key,), parent_positions.file_of((key,), ""))
    for key, value in child_data.items():
        if key in ("extends", "disable", "severities"):
            continue
        if key in BY_NAME and isinstance(value, dict) and isinstance(data.get(key), dict):
            data[key] = _by_name(data[key], value, (key,), positions, child_positions, child_file)
        elif key == "vocabularies" and isinstance(value, dict) and isinstance(data.get(key), dict):
            merged = dict(data[key])
            for part, words in value.items():
                at = (key, part)
                if (
                    part in VOCABULARY_BY_ID
                    and isinstance(words, dict)
                    and isinstance(merged.get(part), dict)
                ):
                    if part == "roles":
                        _roles_keep_their_seat(merged[part], words, where)
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
    disable = child_data.get("disable") or []
    if not isinstance(disable, list):
        raise _not_a(
            where(("disable",)), "disable", Term("规则 id 的列表，写作 [a, b]", "a list of rule ids: [a, b]")
        )
    severities = child_data.get("severities") or {}
    if not isinstance(severities, dict):
        raise _not_a(
            where(("severities",)),
            "severities",
            Term("规则 id 到等级的映射，写作 {a: review}", "a mapping of rule id to severity: {a: review}"),
        )
    own = child_data.get("rules")
    for index, rule in enumerate(own if isinstance(own, list) else []):
        if (rule_id := _rule_id(rule)) is not None and rule_id in disable:
            # Both at once: the rule written here replaced the parent's, then disable took it away unsaid.
            raise RuleSetError(
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
    _disable(data, positions, disable, where)
    written_here = {_rule_id(rule) for rule in (own if isinstance(own, list) else [])}
    for rule_id in severities:
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
            raise RuleSetError(
                "ruleset-invalid",
                where(("severities", rule_id)),
                field=f"severities.{rule_id}",
                reason=reason,
            )
    _severities(data, severities, where, (positions, child_positions, child_file))
    return data, positions


def _roles_keep_their_seat(parent: dict[str, Any], child: dict[str, Any], where: Where) -> None:
    """A role rewritten to add an alias, leaving out its body or principal: it silently held no seat, or was no
    principal, and the team rules passed over it (helper-67). Kept off only when written so (body: null)."""
    for role_id, entry in child.items():
        before = parent.get(role_id)
        if not isinstance(entry, dict) or not isinstance(before, dict):
            continue
        for key in ("body", "principal"):
            if before.get(key) and key not in entry:
                raise RuleSetError(
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
        positions.drop_subtree((*at, name))
        positions.copy_subtree(source, (*at, name), (*at, name), file)
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


def _disable(data: dict[str, Any], positions: Positions, ids: list[Any], where: Where) -> None:
    rules = data.get("rules") or []
    if not isinstance(rules, list):
        # `rules: 5` in the parent: validation says so at its line; here there is no rule to disable.
        rules = []
        if not ids:
            return
    known = [r.get("id") for r in rules if isinstance(r, dict)]
    for index, rule_id in enumerate(ids):
        if rule_id not in known:
            raise _unknown_rule(where(("disable", index)), ("disable", index), str(rule_id), known)
        if rule_id in ids[:index]:
            # Harmless twice, but most often a copied line whose id was meant to be changed to another's.
            raise RuleSetError(
                "ruleset-invalid",
                where(("disable", index)),
                field=f"disable[{index}]",
                reason=Term(
                    f"“{rule_id}”写了两次；是不是想停用另一条规则？",
                    f"{rule_id!r} is named twice: was another rule meant?",
                ),
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


def _severities(
    data: dict[str, Any], changes: dict[str, Any], where: Where, moved: tuple[Positions, Positions, str]
) -> None:
    positions, source, file = moved
    if not isinstance(data.get("rules") or [], list):
        if changes:
            first = next(iter(changes))
            raise _unknown_rule(where(("severities", first)), ("severities", first), str(first), [])
        return  # `rules: 5`: left for validation to refuse at its line
    # Copies, so that a parent's rules are never changed under it.
    data["rules"] = rules = [dict(r) if isinstance(r, dict) else r for r in data.get("rules") or []]
    index_of = {_rule_id(r): i for i, r in enumerate(rules) if _rule_id(r) is not None}
    for rule_id, severity in changes.items():
        if rule_id not in index_of:
            raise _unknown_rule(
                where(("severities", rule_id)), ("severities", rule_id), str(rule_id), list(index_of)
            )
        rules[index_of[rule_id]]["severity"] = severity
        # A wrong severity is wrong where it was written, in this file, not in the parent's rule.
        at = ("rules", index_of[rule_id], "severity")
        if ("severities", rule_id) in source.values:
            positions.values[at] = source.values[("severities", rule_id)]
            positions.files[at] = file
            positions.written[at] = ("severities", rule_id)


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
